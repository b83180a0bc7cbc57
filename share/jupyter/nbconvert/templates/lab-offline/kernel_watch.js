/* The page says when its kernel has gone (a restart, a worker gone, the kernel ended or died),
   in the page's language, with one button that reloads the page with its scenario (the
   scenario is in the address: woonlib's share link keeps it there).

   It watches the page's kernel websockets (/api/kernels/<id>/channels): while none is open it
   asks the server for the kernel (GET /api/kernels/<id>) every few seconds. 404 or a dead
   kernel: the kernel has gone, say so at once. No answer for UNREACHABLE_MS: the server is
   out of reach, say so too (the message goes again if the page reconnects). While a socket
   is open it costs nothing. The server closes a kernel's websockets when the kernel ends
   (woonlib.serving.lifetime), so a page hears of it within a second. Both languages are here
   (this runs before any widget); <html lang>, set by the page, picks one. */
(function () {
  'use strict';
  const Native = window.WebSocket;
  if (!Native || window.__woonlibKernelWatch) return;
  const TEXTS = {
    nl: {
      message: 'Deze pagina is niet meer verbonden met de server en rekent niet meer mee. ' +
        'Laad de pagina opnieuw: uw scenario staat in het adres en komt terug.',
      button: 'Pagina opnieuw laden',
    },
    en: {
      message: 'This page has lost its connection to the server and no longer calculates. ' +
        'Reload the page: your scenario is in the address and comes back.',
      button: 'Reload the page',
    },
  };
  const CHECK_MS = 3000;  // while no kernel websocket is open: ask the server this often
  const UNREACHABLE_MS = 20000;  // no answer from the server this long: say so
  const CHANNELS = /\/api\/kernels\/[^/]+\/channels$/;
  const watch = {
    open: 0, modelUrl: '', closedAt: 0, timer: 0, banner: null, gone: false, leaving: false,
  };
  window.__woonlibKernelWatch = watch;  // the browser tests read it

  function lang() {
    return (document.documentElement.lang || 'nl').toLowerCase().startsWith('en') ? 'en' : 'nl';
  }

  function show() {
    if (watch.banner || watch.leaving) return;
    const texts = TEXTS[lang()];
    const box = document.createElement('div');
    box.className = 'wl-kernel-gone';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;top:0;left:0;right:0;z-index:10000;display:flex;' +
      'flex-wrap:wrap;gap:12px;align-items:center;justify-content:center;padding:10px 16px;' +
      'background:#fff4ce;color:#1f1f1f;border-bottom:2px solid #8a6d00;' +
      'font:14px/1.4 system-ui,sans-serif';
    const text = document.createElement('span');
    text.textContent = texts.message;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'wl-kernel-reload';
    button.textContent = texts.button;
    button.style.cssText = 'font:inherit;font-weight:600;padding:4px 12px;cursor:pointer;' +
      'background:#1f1f1f;color:#fff;border:0;border-radius:3px';
    button.addEventListener('click', () => location.reload());
    box.append(text, button);
    document.body.append(box);
    watch.banner = box;
  }

  function hide() {
    if (watch.banner && !watch.gone) {
      watch.banner.remove();
      watch.banner = null;
    }
  }

  function schedule(ms) {
    if (!watch.timer) watch.timer = setTimeout(check, ms);
  }

  async function check() {
    watch.timer = 0;
    if (watch.open > 0 || watch.gone || watch.leaving || !watch.modelUrl) return;
    let verdict = 'unknown';
    try {
      const reply = await fetch(watch.modelUrl, { cache: 'no-store', credentials: 'same-origin' });
      if (reply.status === 404) verdict = 'gone';
      else if (reply.ok) verdict = (await reply.json()).execution_state === 'dead' ? 'gone' : 'alive';
    } catch (e) {
      verdict = 'unknown';  // no answer: the network or the server is down
    }
    if (watch.open > 0 || watch.leaving) return;
    if (verdict === 'gone') {
      watch.gone = true;
      show();
      return;
    }
    if (verdict === 'unknown' && Date.now() - watch.closedAt >= UNREACHABLE_MS) show();
    schedule(CHECK_MS);
  }

  class WatchedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      let path = '';
      try {
        path = new URL(String(url), location.href).pathname;
      } catch (e) {
        return;
      }
      if (!CHANNELS.test(path)) return;
      watch.modelUrl = location.origin + path.slice(0, -'/channels'.length);
      let opened = false;
      this.addEventListener('open', () => {
        opened = true;
        watch.open += 1;
        watch.closedAt = 0;
        clearTimeout(watch.timer);
        watch.timer = 0;
        hide();
      });
      this.addEventListener('close', () => {
        if (opened) watch.open -= 1;
        opened = false;
        if (watch.open > 0) return;
        if (!watch.closedAt) watch.closedAt = Date.now();
        schedule(0);
      });
    }
  }
  window.WebSocket = WatchedWebSocket;
  window.addEventListener('beforeunload', () => { watch.leaving = true; });
})();
