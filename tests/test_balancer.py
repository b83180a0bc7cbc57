"""HAProxy's configuration for several workers (woonlib/serving/balancer.py), the worker tag
in kernel ids (worker.py), the health route (health.py) and the generated files: Debian's
HAProxy accepts what is generated (`haproxy -c`), and it holds the stickiness, the health
check, the retries and the busy page."""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from woonlib.serving.balancer import (
    Options,
    Worker,
    busy_response,
    config,
    kernel_acl,
    split_cap,
    workers,
)
from woonlib.serving.busy import busy_page
from woonlib.serving.health import HealthHandler, worker_status
from woonlib.serving.worker import (
    WORKER_TAG_ENV,
    tag_for,
    tagged_kernel_id,
    worker_tag_from_env,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "deploy" / "haproxy"
JUPYTER_KERNEL_ID = re.compile(r"\w+-\w+-\w+-\w+-\w+")  # jupyter_server's route
UUID_SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def haproxy() -> str:
    exe = shutil.which("haproxy") or "/usr/sbin/haproxy"
    assert Path(exe).exists(), "no haproxy: run `bash scripts/ensure_test_tools.sh` (as root)"
    return exe


def haproxy_accepts(cfg: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [haproxy(), "-c", "-f", str(cfg)], capture_output=True, text=True, timeout=30
    )


def write(tmp: Path, ws: list[Worker], **options: object) -> Path:
    errorfile = tmp / "busy-503.http"
    errorfile.write_bytes(busy_response())
    cfg = tmp / "haproxy.cfg"
    cfg.write_text(config(ws, Options(errorfile=str(errorfile), **options)), encoding="utf-8")  # type: ignore[arg-type]
    return cfg


def test_debian_haproxy_is_2_6_or_later() -> None:
    first = subprocess.run([haproxy(), "-v"], capture_output=True, text=True).stdout
    major, minor = map(int, re.search(r"version (\d+)\.(\d+)", first).groups())  # type: ignore[union-attr]
    assert (major, minor) >= (2, 6), first


def test_the_generated_configuration_is_accepted_by_haproxy(tmp_path: Path) -> None:
    ws = workers(["127.0.0.1:8867", "127.0.0.1:8868", "192.0.2.11:8866"])
    cfg = write(tmp_path, ws, stats_socket=str(tmp_path / "s.sock"), log_stdout=True)
    run = haproxy_accepts(cfg)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_broken_configuration_is_refused_by_the_same_check(tmp_path: Path) -> None:
    """The check above can fail: HAProxy refuses a line it does not know."""
    cfg = write(tmp_path, workers(["127.0.0.1:8867"]))
    cfg.write_text(cfg.read_text() + "    stickyness please\n")
    assert haproxy_accepts(cfg).returncode != 0


def test_stickiness_balance_tunnel_health_retries_and_busy_page() -> None:
    text = config(workers(["127.0.0.1:8867", "127.0.0.1:8868"]))
    lines = [line.strip() for line in text.splitlines()]
    for line in (
        "cookie SERVERID insert indirect nocache httponly",
        "balance leastconn",
        "timeout tunnel 1h",
        "option httpchk",
        "http-check send meth GET uri /woonlib/health",
        "http-check expect status 200",
        "retry-on conn-failure empty-response 503",
        "option redispatch 1",
        "errorfile 503 busy-503.http",
        "server w1 127.0.0.1:8867 cookie w1 check",
        "server w2 127.0.0.1:8868 cookie w2 check",
        "acl kernel_w1 path_beg /api/kernels/0001 /voila/query/0001 /voila/api/shutdown/0001",
        "use-server w2 if kernel_w2",
        "acl new_page path /",
        "force-persist unless new_page",
    ):
        assert line in lines, line
    assert "roundrobin" not in text


def test_kernel_routes_follow_voilas_server_url() -> None:
    w = Worker("w1", "127.0.0.1:8867", "00a1")
    assert kernel_acl(w, "/dash/") == (
        "acl kernel_w1 path_beg /dash/api/kernels/00a1 /dash/voila/query/00a1 "
        "/dash/voila/api/shutdown/00a1"
    )
    assert "uri /dash/woonlib/health" in config([w], Options(server_url="/dash/"))


@pytest.mark.parametrize(
    ("addresses", "message"),
    [
        ([], "no workers"),
        (["127.0.0.1"], "worker address '127.0.0.1': expected host:port"),
        (["127.0.0.1:0"], "worker address '127.0.0.1:0'"),
        (["127.0.0.1:99999"], "worker address '127.0.0.1:99999'"),
        (["127.0.0.1:8867", "127.0.0.1:8867"], "worker address used twice: 127.0.0.1:8867"),
    ],
)
def test_bad_worker_lists_are_clear_errors(addresses: list[str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        config(workers(addresses))


def test_bad_worker_fields_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="worker w1's tag='x1'"):
        config([Worker("w1", "127.0.0.1:1", "x1")])
    with pytest.raises(ValueError, match="worker tag used twice: 0001"):
        config([Worker("a", "127.0.0.1:1", "0001"), Worker("b", "127.0.0.1:2", "0001")])
    with pytest.raises(ValueError, match="worker name '1st'"):
        config([Worker("1st", "127.0.0.1:1", "0001")])


def test_the_errorfile_is_the_busy_page_with_retry_after() -> None:
    raw = busy_response(30)
    head, body = raw.split(b"\r\n\r\n", 1)
    lines = head.decode("ascii").split("\r\n")
    assert lines[0] == "HTTP/1.1 503 Service Unavailable"
    assert "Retry-After: 30" in lines
    assert f"Content-Length: {len(body)}" in lines
    assert body.decode("utf-8") == busy_page(30)
    assert "Het dashboard is even vol" in body.decode() and "The dashboard is full" in body.decode()
    assert len(raw) < 8192  # HAProxy keeps an errorfile in one buffer


def test_a_kernel_id_starts_with_its_workers_tag_and_keeps_the_uuid_shape() -> None:
    ids = {tagged_kernel_id("00a2") for _ in range(50)}
    assert len(ids) == 50
    for kid in ids:
        assert kid.startswith("00a2") and UUID_SHAPE.fullmatch(kid), kid
        assert JUPYTER_KERNEL_ID.fullmatch(kid)
    assert UUID_SHAPE.fullmatch(tagged_kernel_id(""))
    assert [tag_for(i) for i in (1, 2, 255)] == ["0001", "0002", "00ff"]


@pytest.mark.parametrize("text", ["w1", "12345", "00g1", "1"])
def test_a_bad_worker_tag_variable_is_a_clear_error(text: str) -> None:
    with pytest.raises(ValueError, match=f"{WORKER_TAG_ENV}='{text.lower()}'"):
        worker_tag_from_env({WORKER_TAG_ENV: text})
    assert worker_tag_from_env({WORKER_TAG_ENV: " 00AB "}) == "00ab"
    assert worker_tag_from_env({}) == ""


def test_the_cap_is_split_over_the_workers() -> None:
    assert split_cap(48, 2) == [24, 24]
    assert split_cap(7, 3) == [3, 2, 2]
    assert split_cap(2, 4) == [2, 2, 2, 2]  # each at least a preheated kernel and a page
    with pytest.raises(ValueError, match="workers: 0"):
        split_cap(10, 0)


def test_health_reports_free_page_slots_and_is_503_when_full() -> None:
    def manager(slots: int) -> SimpleNamespace:
        return SimpleNamespace(
            page_slots=lambda: slots,
            worker_tag="0002",
            max_kernels=5,
            list_kernel_ids=lambda: ["a", "b"],
        )

    assert worker_status(manager(3)) == {
        "worker": "0002",
        "max_kernels": 5,
        "kernels": 2,
        "free": 3,
    }
    for slots, status in ((1, 200), (0, 503)):
        sent: dict[str, object] = {}
        handler = SimpleNamespace(
            settings={"kernel_manager": manager(slots)},
            set_status=lambda code, sent=sent: sent.update(status=code),
            set_header=lambda *a: None,
            finish=lambda body, sent=sent: sent.update(body=body),
        )
        HealthHandler.get(handler)  # type: ignore[arg-type]
        assert sent["status"] == status and sent["body"]["free"] == slots  # type: ignore[index]


def test_the_health_route_comes_before_voilas_catch_all_page() -> None:
    from voila.tornado.handler import TornadoVoilaHandler

    from woonlib.serving.handler import ServingVoilaHandler, serving_handlers

    routes = serving_handlers(
        [("/api/x", object), ("/dash/(.*)", TornadoVoilaHandler, {})], "/dash/"
    )
    assert [r[0] for r in routes] == ["/api/x", "/dash/woonlib/health", "/dash/(.*)"]
    assert routes[1][1] is HealthHandler and routes[2][1] is ServingVoilaHandler


def test_the_command_writes_config_and_busy_page_and_names_each_worker(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "woonlib.serving", "haproxy", "--worker", "127.0.0.1:8867",
         "--worker", "127.0.0.1:8868", "--max-kernels", "9", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["w1 0001 127.0.0.1:8867 5", "w2 0002 127.0.0.1:8868 4"]
    assert (tmp_path / "busy-503.http").read_bytes() == busy_response()
    assert haproxy_accepts(tmp_path / "haproxy.cfg").returncode == 0
    bad = subprocess.run(
        [sys.executable, "-m", "woonlib.serving", "haproxy", "--worker", "nowhere",
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert bad.returncode == 2 and "worker address 'nowhere'" in bad.stderr


def test_the_documented_example_is_what_the_generator_writes(tmp_path: Path) -> None:
    """deploy/haproxy/haproxy.cfg is what deploy/haproxy/example.py generates (so the
    documented setup cannot drift from the generator), and HAProxy accepts it."""
    example = runpy.run_path(str(EXAMPLE / "example.py"))
    text = (EXAMPLE / "haproxy.cfg").read_text(encoding="utf-8")
    assert text == example["example_config"]()
    EXAMPLE_ERRORFILE = example["ERRORFILE"]
    assert (EXAMPLE / "woonlib-busy.http").read_bytes() == busy_response()
    local = tmp_path / "haproxy.cfg"
    local.write_text(text.replace(EXAMPLE_ERRORFILE, str(EXAMPLE / "woonlib-busy.http")))
    run = haproxy_accepts(local)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "server w3 192.0.2.11:8866 cookie w3 check" in text  # another host


def test_the_kubernetes_manifests_parse_and_ask_for_cookie_affinity() -> None:
    """deploy/kubernetes/ (not run here: no cluster) at least holds what it says it does."""
    import yaml

    kube = REPO / "deploy" / "kubernetes"
    docs = {p.name: yaml.safe_load(p.read_text()) for p in sorted(kube.glob("*.yaml"))}
    assert [d["kind"] for d in docs.values()] == ["Deployment", "Ingress", "Service"]
    notes = docs["ingress.yaml"]["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/affinity-mode"] == "persistent"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    pod = docs["deployment.yaml"]["spec"]["template"]["spec"]["containers"][0]
    assert pod["readinessProbe"]["httpGet"]["path"] == "/woonlib/health"
    assert "httpGet" not in pod["livenessProbe"]  # a full pod is not a dead one
    assert "NOT RUN HERE" in (kube / "deployment.yaml").read_text()
