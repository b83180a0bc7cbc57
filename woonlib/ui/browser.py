"""Small widgets that need the browser: the scenario's link, and downloads.

`ShareLink` keeps the page's address in step with the scenario (under Voilà only: in
JupyterLab the address is Lab's) and shows it with a copy button; when the page opens it
reports the page's own query string, so that the kernel can show the link's scenario (this
works with preheated kernels, which ran the notebook before the page was asked for).
`DownloadButton` asks the kernel for a file when clicked and hands it to the browser as a
download: nothing is written on the server, so a read-only Voilà page can offer files and
leaves none behind. `UploadButton` is the way back: a file read in the browser, held in the
kernel's memory only.
"""

from __future__ import annotations

import datetime
import json
import logging
from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

from woonlib.scenario.links import FOREIGN_PARAMS

log = logging.getLogger("woonlib.ui")

SHARE_LINK_ESM = r"""
const FOREIGN = __FOREIGN_PARAMS__;  // Jupyter's and Binder's parameters (links.py)
function pageUrl(query) {
  return location.origin + location.pathname + (query ? '?' + query : '');
}
function ownQuery(search) {
  const params = new URLSearchParams(search);
  for (const name of FOREIGN) params.delete(name);
  return params.toString();
}

export default {
  render({ model, el }) {
    const voila = document.body.dataset.voila === 'voila';
    el.classList.add('wl-share-link');
    const input = document.createElement('input');
    input.type = 'text';
    input.readOnly = true;
    input.className = 'wl-share-url';
    const button = document.createElement('button');
    button.className = 'jupyter-button wl-copy';
    const relabel = () => {  // on a language switch too
      input.setAttribute('aria-label', model.get('label'));
      button.textContent = model.get('copy_label');
    };
    relabel();
    model.on('change:label change:copy_label', relabel);
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'wl-copy-status';
    el.append(input, button, status);
    const show = () => {
      const url = pageUrl(model.get('query'));
      input.value = url;
      if (voila && location.href !== url) history.replaceState(history.state, '', url);
      status.textContent = '';
    };
    button.addEventListener('click', async () => {
      input.select();
      let ok = false;
      try {
        if (navigator.clipboard && window.isSecureContext) {
          await navigator.clipboard.writeText(input.value);
          ok = true;
        } else {
          ok = document.execCommand('copy');
        }
      } catch (e) { ok = false; }
      status.textContent = ok ? model.get('copied_label') : model.get('select_label');
    });
    model.on('change:query', show);
    // The kernel has read the page's own link: show what it applied (the refused parameters
    // leave the link and the address bar, also when nothing applied and `query` is unchanged).
    model.on('change:link_read', show);
    // The page's own link, once: the kernel applies (and validates) it. Under Voilà only.
    const initial = voila ? ownQuery(location.search) : '';
    // A token (Binder, Jupyter) leaves the address bar at once: the login cookie is set.
    if (voila && location.search.replace(/^\?/, '') !== initial) {
      history.replaceState(history.state, '', pageUrl(initial));
    }
    if (initial && !model.get('page_query')) {
      model.set('page_query', initial.slice(0, 8000));
      model.save_changes();
      input.value = pageUrl(initial);
    } else {
      show();
    }
  },
};
""".replace("__FOREIGN_PARAMS__", json.dumps(sorted(FOREIGN_PARAMS)))


class ShareLink(anywidget.AnyWidget):
    """The page's link for the current scenario: `query` is set by the kernel."""

    _esm = traitlets.Unicode(SHARE_LINK_ESM).tag(sync=True)
    query = traitlets.Unicode("").tag(sync=True)
    page_query = traitlets.Unicode("").tag(sync=True)  # set once by the page: its own link
    link_read = traitlets.Int(0).tag(sync=True)  # counted up once the kernel has applied it
    label = traitlets.Unicode("Link").tag(sync=True)
    copy_label = traitlets.Unicode("Copy").tag(sync=True)
    copied_label = traitlets.Unicode("Copied").tag(sync=True)
    select_label = traitlets.Unicode("Selected: copy with Ctrl+C").tag(sync=True)


DOWNLOAD_ESM = """
export default {
  render({ model, el }) {
    const button = document.createElement('button');
    button.className = 'jupyter-button widget-button wl-download';
    const icon = document.createElement('i');
    icon.className = 'fa fa-download wl-icon';
    icon.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    button.append(icon, text);
    const show = () => {
      text.textContent = model.get('description');
      button.title = model.get('tooltip') || model.get('description');
      button.disabled = model.get('busy');
    };
    button.addEventListener('click', () => model.send({ event: 'download' }));
    model.on('change', show);
    model.on('msg:custom', (msg, buffers) => {
      if (!msg || msg.event !== 'file' || !buffers || !buffers.length) return;
      const blob = new Blob([buffers[0]], { type: msg.mime });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = msg.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
    el.append(button);
    show();
  },
};
"""

FileMaker = Callable[[], tuple[str, str, bytes]]  # () -> (filename, mime type, content)


class DownloadButton(anywidget.AnyWidget):
    """A button that downloads what `make()` returns: (filename, mime type, bytes)."""

    _esm = traitlets.Unicode(DOWNLOAD_ESM).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    busy = traitlets.Bool(False).tag(sync=True)

    def __init__(
        self, make: FileMaker, on_error: Callable[[], None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._make = make
        self._on_error = on_error
        self.on_msg(self._handle)

    def _handle(self, _: Any, content: Any, buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "download":
            return  # anything else a client sends is ignored
        self.busy = True
        try:
            filename, mime, data = self._make()
            self.send({"event": "file", "filename": filename, "mime": mime}, [data])
        except Exception:
            log.exception("download %r failed", self.description)
            if self._on_error is not None:
                self._on_error()
        finally:
            self.busy = False


UPLOAD_ESM = """
export default {
  render({ model, el }) {
    const button = document.createElement('button');
    button.className = 'jupyter-button widget-button wl-upload-button';
    const icon = document.createElement('i');
    icon.className = 'fa fa-upload wl-icon';
    icon.setAttribute('aria-hidden', 'true');
    const text = document.createElement('span');
    const input = document.createElement('input');
    input.type = 'file';
    input.hidden = true;
    input.tabIndex = -1;
    button.append(icon, text);
    const show = () => {
      text.textContent = model.get('description');
      button.title = model.get('tooltip') || model.get('description');
      input.accept = model.get('accept');
    };
    button.addEventListener('click', () => { input.value = ''; input.click(); });
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      if (!file) return;
      const content = await file.arrayBuffer();
      // send(content, callbacks, buffers): the file's bytes go as a binary buffer
      model.send({ event: 'file', name: file.name, type: file.type, size: file.size,
                   last_modified: file.lastModified }, undefined, [content]);
    });
    model.on('change', show);
    el.append(button, input);
    show();
  },
};
"""


class UploadButton(anywidget.AnyWidget):
    """A button that reads one file in the browser and hands it to the kernel; `value` is
    then a tuple of one dict (name, type, size, content, last_modified) as FileUpload's.

    Unlike FileUpload it shows only its description (FileUpload adds a count of files held,
    "(0)" again once the page has taken the file). Nothing is written on the server.
    """

    _esm = traitlets.Unicode(UPLOAD_ESM).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    tooltip = traitlets.Unicode("").tag(sync=True)
    accept = traitlets.Unicode("").tag(sync=True)
    value = traitlets.Tuple()  # kernel side only: set when a file arrives

    def __init__(self, max_bytes: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_bytes = max_bytes
        self.on_msg(self._handle)

    def _handle(self, _: Any, content: Any, buffers: Any) -> None:
        """A file from the page; anything malformed is ignored (a client may send anything)."""
        if not isinstance(content, dict) or content.get("event") != "file" or not buffers:
            return
        data = bytes(buffers[0][: self.max_bytes + 1])
        self.value = (
            {
                "name": str(content.get("name") or "?")[:200],
                "type": str(content.get("type") or "")[:100],
                "size": len(buffers[0]),
                "content": memoryview(data),
                "last_modified": _when(content.get("last_modified")),
            },
        )


def _when(milliseconds: Any) -> datetime.datetime:
    """A file's time from the browser (ms since 1970); the epoch when it is no such time."""
    try:
        return datetime.datetime.fromtimestamp(float(milliseconds) / 1000, tz=datetime.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.datetime.fromtimestamp(0, tz=datetime.UTC)
