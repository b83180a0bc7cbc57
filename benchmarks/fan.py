"""Time one uncertainty-fan computation (woonlib.model.uncertainty.fan): median of N runs.

    .venv/bin/python -m benchmarks.fan [--runs 50] [--draws 10000]

Three figures, each the median of `--runs` runs (target: well under 50 ms):
- cold: the draws sampled anew (a new number of building years or new ranges);
- slider: another build rate, ambition or plan-failure surcharge (draws reused: they only
  scale the sampled factors);
- probability: `reach_probability` alone (what goal seek and sensitivity call).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from woonlib.data import load_data
from woonlib.model import uncertainty
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.uncertainty import Ranges, fan, reach_probability


def median_ms(fn: Callable[[int], object], runs: int) -> float:
    """Median wall time of `fn(i)` over `runs` runs  [ms]."""
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--draws", type=int, default=10_000)
    args = parser.parse_args(argv)
    data = load_data()
    ranges = Ranges(draws=args.draws)
    fan(data, DEFAULTS, ranges)  # data package and imports warm

    def cold(i: int) -> object:
        uncertainty._summary.cache_clear()
        return fan(data, DEFAULTS, ranges)

    def slider(i: int) -> object:
        return fan(data, DEFAULTS.replace(build_rate=500 + 10 * i), ranges)

    def probability(i: int) -> object:
        return reach_probability(DEFAULTS.replace(build_rate=500 + 10 * i), ranges)

    print(f"uncertainty fan, {args.draws} draws, median of {args.runs} runs:")
    print(f"  cold (sampled anew)       {median_ms(cold, args.runs):7.2f} ms")
    print(f"  slider (draws reused)     {median_ms(slider, args.runs):7.2f} ms")
    print(f"  reach_probability only    {median_ms(probability, args.runs):7.3f} ms")


if __name__ == "__main__":
    main()
