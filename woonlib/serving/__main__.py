"""``python -m woonlib.serving haproxy --worker HOST:PORT ... --out DIR``: write HAProxy's
configuration for these workers (`balancer.py`) and its busy page into DIR, and print one
line per worker: its name, tag, address and kernel cap (what `scripts/serve.sh` reads).

A bad address or cap is a one-line error naming it, with exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from woonlib.serving.balancer import Options, busy_response, config, split_cap, workers
from woonlib.serving.capacity import default_max_kernels

CONFIG_FILE, ERROR_FILE = "haproxy.cfg", "busy-503.http"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m woonlib.serving", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    h = sub.add_parser("haproxy", help="write haproxy.cfg and its busy page")
    h.add_argument("--worker", action="append", required=True, metavar="HOST:PORT")
    h.add_argument("--out", type=Path, required=True, help="folder to write the files to")
    h.add_argument("--bind", default=Options.bind, help="where HAProxy listens")
    h.add_argument(
        "--max-kernels",
        type=int,
        default=None,
        help="kernels of all workers together (default: this machine's cap)",
    )
    h.add_argument("--errorfile", default=None, help="the busy page's path in the config")
    h.add_argument("--stats-socket", default=None)
    h.add_argument("--log", action="store_true", help="log each request to stdout")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        ws = workers(args.worker)
        total = default_max_kernels() if args.max_kernels is None else args.max_kernels
        if total < 1:
            raise ValueError(f"--max-kernels {total}: expected a whole number >= 1")
        caps = split_cap(total, len(ws))
        out: Path = args.out
        out.mkdir(parents=True, exist_ok=True)
        errorfile = args.errorfile or str((out / ERROR_FILE).resolve())
        options = Options(
            bind=args.bind, errorfile=errorfile, stats_socket=args.stats_socket, log_stdout=args.log
        )
        text = config(ws, options)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    (out / CONFIG_FILE).write_text(text, encoding="utf-8")
    (out / ERROR_FILE).write_bytes(busy_response())
    for w, cap in zip(ws, caps, strict=True):
        print(w.name, w.tag, w.address, cap)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
