"""Voilà's page handler, for serving: admission against the kernel cap, a 503 "busy" page
beyond it, the XSRF cookie the page's shutdown request needs, and the page's kernel
marked as served once the page is sent; and the health route HAProxy checks."""

from __future__ import annotations

from typing import Any

from jupyter_server.utils import url_path_join
from tornado.web import HTTPError
from voila.tornado.handler import TornadoVoilaHandler

from woonlib.serving.admission import CapacityError, current_page
from woonlib.serving.busy import RETRY_AFTER, busy_page
from woonlib.serving.health import HEALTH_PATH, HealthHandler


class ServingVoilaHandler(TornadoVoilaHandler):
    """Voilà's page, answered at once with 503 when no kernel slot is free."""

    async def get(self, path: str | None = None) -> None:
        """Admit the request (or refuse it with 503 before anything starts), then let Voilà
        render the page.

        The `_xsrf` cookie: Voilà's page reads it from document.cookie when it closes and
        sends it with its shutdown request (`voila/api/shutdown/<kernel>`), but nothing in
        Voilà's page request asks tornado for the token, so the cookie is never set and
        the request is refused ("'_xsrf' argument missing", voila issue 1458). Reading
        `self.xsrf_token` sets it; the XSRF check itself stays on.
        """
        self.xsrf_token  # noqa: B018 - sets the _xsrf cookie (see the docstring)
        km = self.kernel_manager
        page = km.admit(self._uses_pool()) if hasattr(km, "admit") else None
        if page is None and hasattr(km, "admit"):
            raise HTTPError(503, reason="Busy")
        token = current_page.set(page)
        try:
            await super().get(path)
        except CapacityError as e:  # a slot went between admission and start (not expected)
            raise HTTPError(503, reason="Busy") from e
        finally:
            current_page.reset(token)
            if page is not None:
                km.release(page.promise)
                if page.kernel_id is not None:
                    km.page_served(page.kernel_id)

    def _uses_pool(self) -> bool:
        """Whether Voilà will serve this request from its preheated pool (its own test)."""
        km = self.kernel_manager
        notebook = self.notebook_path
        try:
            data = km.notebook_data.get(notebook, {})
            size = km.get_pool_size(notebook)
        except AttributeError:
            return False
        return bool(
            self.should_use_rendered_notebook(
                data,
                size,
                self.get_argument("template", None),
                self.get_argument("theme", None),
                self.request.arguments,
            )
        )

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """503: the short Dutch/English "busy" page with Retry-After; else Voilà's page."""
        if status_code != 503:
            super().write_error(status_code, **kwargs)
            return
        self.set_header("Retry-After", str(RETRY_AFTER))
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(busy_page())


def serving_handlers(handlers: list[Any], server_url: str = "/") -> list[Any]:
    """Voilà's route list with its page handler replaced by ServingVoilaHandler, and
    `/woonlib/health` (under `server_url`) before Voilà's catch-all page route."""
    routes = [
        (route[0], ServingVoilaHandler, *route[2:])
        if isinstance(route, tuple) and len(route) > 1 and route[1] is TornadoVoilaHandler
        else route
        for route in handlers
    ]
    health = (url_path_join(server_url, HEALTH_PATH), HealthHandler)
    pages = [i for i, r in enumerate(routes) if isinstance(r, tuple) and ServingVoilaHandler in r]
    routes.insert(pages[0] if pages else len(routes), health)
    return routes
