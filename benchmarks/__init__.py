"""Benchmarks of the dashboard against a bare "floor" notebook on the same stack.

Run everything with ``.venv/bin/python -m benchmarks`` (``--quick`` for tiny counts); the
markdown table is printed and written to ``benchmarks/results.md``. The profile of where the
slider and first-render time goes is ``.venv/bin/python -m benchmarks.profile``. Not part of the
pass/fail test suite: ``tests/test_benchmarks_smoke.py`` only checks that ``--quick`` still runs.
See benchmarks/README.md for what each figure means.
"""
