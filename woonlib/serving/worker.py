"""Which worker a kernel lives in, readable from its id: with several Voilà workers behind
HAProxy (`balancer.py`), each worker has a tag ($WOONLIB_WORKER_TAG, four hex digits) and
starts every kernel id with it, so the proxy can send a kernel's websocket and API requests
to the worker that owns it even when the browser sends no cookie."""

from __future__ import annotations

import os
import re
import uuid

WORKER_TAG_ENV = "WOONLIB_WORKER_TAG"
TAG_LENGTH = 4  # [hex digits] every tag as long, so that no tag is the start of another
TAG_PATTERN = re.compile(rf"[0-9a-f]{{{TAG_LENGTH}}}")


def tag_for(index: int) -> str:
    """The tag of the `index`-th worker (1, 2, ...): "0001", "0002", ..."""
    if not 1 <= index < 16**TAG_LENGTH:
        raise ValueError(f"worker number {index}: expected 1 to {16**TAG_LENGTH - 1}")
    return f"{index:0{TAG_LENGTH}x}"


def check_tag(tag: str, where: str = WORKER_TAG_ENV) -> str:
    """`tag` if it is a valid worker tag ("" is: no tag); ValueError naming `where` if not."""
    if tag and not TAG_PATTERN.fullmatch(tag):
        raise ValueError(f"{where}={tag!r}: expected {TAG_LENGTH} hex digits, e.g. '0001'")
    return tag


def worker_tag_from_env(environ: dict[str, str] | None = None) -> str:
    """This worker's tag from $WOONLIB_WORKER_TAG ("" when unset: one Voilà on its own)."""
    text = (os.environ if environ is None else environ).get(WORKER_TAG_ENV, "").strip().lower()
    return check_tag(text)


def tagged_kernel_id(tag: str) -> str:
    """A random kernel id (a version 4 UUID, as jupyter_server makes them) whose first hex
    digits are `tag`; with no tag, a plain UUID. It keeps the UUID's shape, which
    jupyter_server's and Voilà's routes expect."""
    plain = str(uuid.uuid4())
    return check_tag(tag, "worker tag") + plain[len(tag) :]
