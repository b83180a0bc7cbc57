"""Check that notebooks are committed without outputs (the pre-commit hook's check).

Usage: python scripts/check_notebooks.py NOTEBOOK...   exits 1 and names each notebook with a
code cell that has outputs or an execution count. It only checks (nbstripout would rewrite the
file); clear the outputs in Jupyter ("Clear All Outputs") or with
`jupyter nbconvert --clear-output --inplace NOTEBOOK`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def executed_cells(path: Path) -> list[int]:
    """The indices of the code cells of notebook `path` that carry outputs or a count."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [
        i
        for i, cell in enumerate(notebook.get("cells", []))
        if cell.get("cell_type") == "code"
        and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]


def main(argv: list[str]) -> int:
    failed = 0
    for name in argv:
        cells = executed_cells(Path(name))
        if cells:
            failed += 1
            print(f"{name}: outputs in code cells {cells}; clear them before committing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
