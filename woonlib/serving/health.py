"""`GET /woonlib/health`: how many more pages this worker can serve, for HAProxy's health
check (`balancer.py`). Cheap: it starts no kernel and reads only the kernel manager's counts.

200 while the worker can take a page; 503 when it is full, so that HAProxy marks it down
and sends new pages to another worker. Being marked down cuts no open websocket, and the
proxy still routes the kernel requests of the pages already here to this worker."""

from __future__ import annotations

from typing import Any

from tornado.web import RequestHandler

HEALTH_PATH = "woonlib/health"  # under Voilà's server_url


def worker_status(km: Any) -> dict[str, Any]:
    """This worker's tag, cap, kernels and free page slots (any kernel manager: one
    without a cap reports one free slot, always)."""
    slots = km.page_slots() if hasattr(km, "page_slots") else 1
    return {
        "worker": getattr(km, "worker_tag", ""),
        "max_kernels": getattr(km, "max_kernels", None),
        "kernels": len(km.list_kernel_ids()),
        "free": int(slots),
    }


class HealthHandler(RequestHandler):
    """The worker's status as JSON: 200 with free page slots, 503 when there are none."""

    def get(self) -> None:
        status = worker_status(self.settings["kernel_manager"])
        self.set_status(200 if status["free"] > 0 else 503)
        self.set_header("Cache-Control", "no-store")
        self.finish(status)
