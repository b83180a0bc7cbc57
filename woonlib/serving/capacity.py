"""How many kernels the server may run at once: $WOONLIB_MAX_KERNELS, else derived from
the machine's memory."""

from __future__ import annotations

import os
from pathlib import Path

MAX_KERNELS_ENV = "WOONLIB_MAX_KERNELS"
KERNEL_BUDGET = 256 * 2**20  # [bytes] per kernel: the dashboard's kernel is about 205 MB
MEMORY_SHARE = 0.5  # [-] of the machine's memory for kernels; the rest for Voilà, the OS
MIN_KERNELS, MAX_DEFAULT_KERNELS = 2, 200


def machine_memory() -> int:
    """Bytes of memory this process may use: the machine's, or its cgroup's limit if lower."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    limit_file = Path("/sys/fs/cgroup/memory.max")
    try:
        text = limit_file.read_text().strip()
    except OSError:
        return total
    return min(total, int(text)) if text.isdigit() else total


def default_max_kernels(memory: int | None = None) -> int:
    """Half of `memory` [bytes] (default: this machine's) in kernels of 256 MB, within 2..200.

    24 GB gives 48."""
    mem = machine_memory() if memory is None else memory
    return max(MIN_KERNELS, min(MAX_DEFAULT_KERNELS, int(mem * MEMORY_SHARE // KERNEL_BUDGET)))


def max_kernels_from_env(environ: dict[str, str] | None = None) -> int | None:
    """The cap $WOONLIB_MAX_KERNELS sets, or None when it is unset or empty.

    Raises ValueError naming the variable when it is not a whole number of at least 1."""
    text = (os.environ if environ is None else environ).get(MAX_KERNELS_ENV, "").strip()
    if not text:
        return None
    try:
        value = int(text, 10)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{MAX_KERNELS_ENV}={text!r}: expected a whole number of kernels, >= 1")
    return value
