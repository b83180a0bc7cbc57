"""``python -m benchmarks [--quick] [--out FILE]``: run every benchmark, print the table."""

from benchmarks.run import main

raise SystemExit(main())
