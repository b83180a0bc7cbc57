"""HAProxy in front of several Voilà workers: its configuration, generated from the workers'
addresses (pure: text in, text out; `python -m woonlib.serving haproxy` writes the files).

Why each part (README, "Several workers behind HAProxy"):

- **A page's requests reach the worker that served it**, where its kernel lives (plain
  round robin broke every page): `cookie SERVERID insert indirect nocache`, and, for when a
  browser sends no cookie, every kernel id starts with its worker's tag (`worker.py`) and an
  ACL on the kernel's paths (`/api/kernels/<id>`, its websocket, `/voila/query/<id>`,
  `/voila/api/shutdown/<id>`) picks that worker (`use-server`).
- **`balance leastconn`**: an open page holds its websockets, so open connections are the load.
- **`timeout tunnel 1h`**: a websocket stays open while the page is open.
- **Health checks on `/woonlib/health`** (`health.py`): 503 when a worker is full or dead
  marks it down, so new pages go to another. Marked down, it keeps its pages: HAProxy cuts
  no open connection, and `force-persist` keeps sending every request but a new page's
  (their kernels' requests, the files a page loads later) to the worker they name.
- **`retry-on 503` and `option redispatch 1`**: a page GET that a full worker refuses before
  its check has noticed is handed to another worker (the request has no body, so it can be
  replayed); a worker that refuses connections (killed) is skipped the same way.
- **`errorfile 503`**: when every worker is full, HAProxy itself answers with the same
  Dutch/English busy page and `Retry-After` (`busy.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from woonlib.serving.busy import RETRY_AFTER, busy_page
from woonlib.serving.health import HEALTH_PATH
from woonlib.serving.worker import check_tag, tag_for

COOKIE = "SERVERID"
# The paths under Voilà's server_url that name a kernel: they must reach its worker.
KERNEL_PATHS = ("api/kernels/", "voila/query/", "voila/api/shutdown/")
_ADDRESS = re.compile(r"(?P<host>\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(?P<port>\d{1,5})")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}")


@dataclass(frozen=True)
class Worker:
    """One Voilà worker as HAProxy sees it."""

    name: str  # HAProxy's server name, also the value of its SERVERID cookie
    address: str  # host:port it listens on
    tag: str  # the start of its kernel ids ($WOONLIB_WORKER_TAG on that worker)


@dataclass(frozen=True)
class Options:
    """What else the configuration says; the defaults are what `scripts/serve.sh` uses."""

    bind: str = "127.0.0.1:8866"  # where HAProxy listens
    errorfile: str = "busy-503.http"  # the busy page as HAProxy reads it (busy_response)
    server_url: str = "/"  # Voilà's server_url on every worker
    check_interval_s: float = 2.0  # [s] between health checks of each worker
    fall: int = 2  # failed checks before a worker is marked down
    retries: int = 3  # tries of a refused request, each on another worker
    timeout_server_s: int = 180  # [s] a page's HTML streams while its notebook runs
    stats_socket: str | None = None  # a UNIX socket for `show stat` (tests, operators)
    log_stdout: bool = False  # one line per request on standard output (httplog)
    maxconn: int = 4096


def parse_address(text: str) -> str:
    """`text` as host:port; ValueError naming it if it is not one."""
    m = _ADDRESS.fullmatch(text.strip())
    if m is None or not 1 <= int(m.group("port")) <= 65535:
        raise ValueError(f"worker address {text!r}: expected host:port, e.g. 127.0.0.1:8867")
    return f"{m.group('host')}:{int(m.group('port'))}"


def workers(addresses: Sequence[str]) -> list[Worker]:
    """Workers w1, w2, ... at `addresses`, tagged 0001, 0002, ... in that order."""
    return [Worker(f"w{i}", parse_address(a), tag_for(i)) for i, a in enumerate(addresses, 1)]


def check_workers(ws: Sequence[Worker]) -> None:
    """ValueError naming the problem: no worker, a bad name or tag, or one used twice."""
    if not ws:
        raise ValueError("no workers: HAProxy needs at least one server line")
    for w in ws:
        if not _NAME.fullmatch(w.name):
            raise ValueError(f"worker name {w.name!r}: expected a letter, then letters or digits")
        if not w.tag:
            raise ValueError(f"worker {w.name}: no tag (its kernels could not be routed)")
        check_tag(w.tag, f"worker {w.name}'s tag")
        parse_address(w.address)
    for field in ("name", "address", "tag"):
        values = [getattr(w, field) for w in ws]
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise ValueError(f"worker {field} used twice: {', '.join(twice)}")


def _join(server_url: str, path: str) -> str:
    return "/" + "/".join(p for p in (server_url.strip("/"), path.strip("/")) if p)


def _base(server_url: str) -> str:
    """Voilà's page path: "/" or "/prefix/"."""
    inner = server_url.strip("/")
    return f"/{inner}/" if inner else "/"


def kernel_acl(w: Worker, server_url: str = "/") -> str:
    """The ACL line that matches every request naming one of `w`'s kernels."""
    prefixes = " ".join(_join(server_url, p) + "/" + w.tag for p in KERNEL_PATHS)
    return f"acl kernel_{w.name} path_beg {prefixes}"


def config(ws: Sequence[Worker], options: Options = Options()) -> str:
    """HAProxy's configuration (2.6 and later) for `ws` behind one address."""
    check_workers(ws)
    o = options
    inter = f"{int(o.check_interval_s * 1000)}ms"
    glob = ["global", f"    maxconn {o.maxconn}"]
    if o.log_stdout:
        glob.append("    log stdout format raw local0")
    if o.stats_socket:
        glob.append(f"    stats socket {o.stats_socket} mode 600 level admin")
    defaults = [
        "defaults",
        "    mode http",
        *(["    log global", "    option httplog", "    option logasap"] if o.log_stdout else []),
        "    option dontlognull",
        "    timeout connect 5s",
        "    timeout client 60s",
        f"    timeout server {o.timeout_server_s}s",
        "    timeout http-request 30s",
        "    timeout queue 30s",
        "    # a page's websockets stay open while the page is open",
        "    timeout tunnel 1h",
        "    # every worker full (or down): the busy page, Dutch and English, with Retry-After",
        f"    errorfile 503 {o.errorfile}",
    ]
    frontend = ["frontend woonlib", f"    bind {o.bind}", "    default_backend voila"]
    backend = [
        "backend voila",
        "    balance leastconn",
        f"    cookie {COOKIE} insert indirect nocache httponly",
        "    option httpchk",
        f"    http-check send meth GET uri {_join(o.server_url, HEALTH_PATH)}",
        "    http-check expect status 200",
        "    # a full worker (503) or one that refuses connections: try the page on another",
        "    retry-on conn-failure empty-response 503",
        f"    retries {o.retries}",
        "    option redispatch 1",
        f"    default-server inter {inter} fall {o.fall} rise 1",
        "    # only a new page needs a free worker: every other request keeps going to the",
        "    # worker its cookie or kernel names, also while that one is marked down as full",
        f"    acl new_page path {_base(o.server_url)}",
        f"    acl new_page path_beg {_join(o.server_url, 'voila/render/')}",
        "    force-persist unless new_page",
        "    # a kernel's requests go to its worker (the tag its id starts with), also without",
        "    # the cookie",
    ]
    for w in ws:
        backend += [
            f"    {kernel_acl(w, o.server_url)}",
            f"    use-server {w.name} if kernel_{w.name}",
        ]
    for w in ws:
        backend.append(f"    server {w.name} {w.address} cookie {w.name} check")
    sections = [glob, defaults, frontend, backend]
    return "\n\n".join("\n".join(s) for s in sections) + "\n"


def busy_response(retry_after: int = RETRY_AFTER) -> bytes:
    """The whole HTTP response HAProxy sends from its errorfile: 503, Retry-After and the
    busy page (`busy.py`)."""
    body = busy_page(retry_after).encode("utf-8")
    head = (
        "HTTP/1.1 503 Service Unavailable\r\n"
        f"Retry-After: {int(retry_after)}\r\n"
        "Content-Type: text/html; charset=UTF-8\r\n"
        "Cache-Control: no-store\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n"
        "\r\n"
    )
    return head.encode("ascii") + body


def split_cap(total: int, n: int) -> list[int]:
    """`total` kernels over `n` workers, as evenly as whole numbers go, each at least 2 (a
    preheated kernel and a page)."""
    if n < 1:
        raise ValueError(f"workers: {n}; expected at least 1")
    share, rest = divmod(total, n)
    return [max(2, share + (1 if i < rest else 0)) for i in range(n)]
