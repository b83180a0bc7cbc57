"""Fetch axe-core (the accessibility engine) from the npm registry, pinned and verified.

Usage: python scripts/fetch_axe.py   → prints the path of axe.min.js (downloaded once into
.cache/). Python only, so the tests need no Node.js; the tarball is checked against the
registry's sha512 integrity before anything is unpacked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="  # noqa: E501
REPO_ROOT = Path(__file__).resolve().parents[1]
TARGET = REPO_ROOT / ".cache" / f"axe-core-{VERSION}" / "axe.min.js"


def fetch(target: Path = TARGET) -> Path:
    """axe.min.js of axe-core VERSION, downloaded and verified if not yet in `target`."""
    if target.is_file():
        return target
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        blob = response.read()
    algo, _, expected = INTEGRITY.partition("-")
    actual = base64.b64encode(hashlib.new(algo, blob).digest()).decode()
    if actual != expected:
        raise SystemExit(f"axe-core {VERSION}: integrity mismatch for {TARBALL}")
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        member = tar.extractfile("package/axe.min.js")
        if member is None:
            raise SystemExit(f"axe-core {VERSION}: no package/axe.min.js in {TARBALL}")
        script = member.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(script)
    tmp.replace(target)
    return target


if __name__ == "__main__":
    print(fetch())
    sys.exit(0)
