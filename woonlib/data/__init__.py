"""Read the Woonvisie data package: descriptor, CSV tables and data notes (I/O only).

`load_data()` reads `data/` once, validates every table (see `woonlib.data.validation`) and
returns a `WoonvisieData`: the typed tables, their descriptor entries and the data notes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from woonlib.cache import per_data

DESCRIPTOR = "datapackage.json"
SEED = "sources/woonvisie-enschede-2024.txt"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data package: where it is and which rule it breaks."""

    file: str
    rule: str
    line: int | None = None
    column: str | None = None
    value: object = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        value = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}: {self.rule}{value}"


class DataPackageError(ValueError):
    """The data package is broken; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        super().__init__(f"data package invalid ({count}):\n{lines}")


@dataclass(frozen=True)
class DataNote:
    """A known inconsistency, reading or caveat of the source, shown to the user."""

    id: str
    resource: str
    text: str
    text_nl: str
    check: str | None = None
    where: Mapping[str, Any] = field(default_factory=dict)
    column: str | None = None
    confirmed: bool = False  # True when the check it explains fails on the data as published

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "resource": self.resource,
            "check": self.check,
            "where": dict(self.where),
            "text": self.text,
            "text_nl": self.text_nl,
        }


@dataclass(frozen=True, eq=False)
class WoonvisieData:
    """The validated data package: tables by resource name, descriptor entries, notes.

    Compared and hashed by identity: the model caches its facts per data package.
    """

    tables: Mapping[str, pd.DataFrame]
    resources: Mapping[str, Mapping[str, Any]]
    notes: tuple[DataNote, ...]
    root: Path

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def figure(self, resource: str, key: str) -> float:
        """One value of a key-value table (`scenario_figures`, `policy_norms`, ...), looked
        up once per data package (the model asks on every recompute)."""
        return _figure(self, resource, key)

    def source(self, resource: str) -> str:
        """Short citation of a resource: document, table and seed lines."""
        return format_source(self.resources[resource])

    def seed_line(self, line: int) -> str:
        """The text of one line of the Woonvisie (as extracted from its PDF)."""
        return _seed_lines(self.root / SEED)[line - 1].strip()


@per_data
def _figure(data: WoonvisieData, resource: str, key: str) -> float:
    table = data.tables[resource]
    row = table.loc[table["key"] == key]
    if row.empty:
        raise KeyError(f"{resource}: no figure {key!r}")
    return float(row["value"].iloc[0])


def format_source(resource: Mapping[str, Any]) -> str:
    parts = []
    for src in resource.get("sources", []):
        lines = src.get("lines")
        span = f", lines {lines[0]}–{lines[1]}" if lines else ""
        table = f", {src['table']}" if src.get("table") else ""
        parts.append(f"{src.get('title', '')}{table}{span}")
    return "; ".join(parts)


@lru_cache(maxsize=4)
def _seed_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def seed_lines(root: Path) -> list[str]:
    """The lines of the Woonvisie text shipped in the data package at `root`."""
    return _seed_lines(root / SEED)


def default_data_dir() -> Path:
    """`data/` of the repository, or the copy shipped inside the wheel."""
    env = os.environ.get("WOONLIB_DATA")
    if env:
        return Path(env)
    shipped = Path(str(resources.files("woonlib") / "_data"))
    if (shipped / DESCRIPTOR).is_file():
        return shipped
    return Path(__file__).resolve().parents[2] / "data"


def read_descriptor(root: Path) -> dict[str, Any]:
    """Parse `datapackage.json`, raising DataPackageError when it is missing or not JSON."""
    path = root / DESCRIPTOR
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataPackageError([Problem(str(path), "file missing")]) from None
    except json.JSONDecodeError as exc:
        rule = f"not valid JSON: {exc.msg}"
        raise DataPackageError([Problem(str(path), rule, line=exc.lineno)]) from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataPackageError([Problem(str(path), "has no 'resources' list")])
    return descriptor


def read_table(path: Path, display: str) -> pd.DataFrame:
    """Read one CSV as text (types are checked and converted by validation)."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=False)
    except FileNotFoundError:
        raise DataPackageError([Problem(display, "file missing")]) from None
    except pd.errors.EmptyDataError:
        raise DataPackageError([Problem(display, "file is empty (no header row)")]) from None
    except pd.errors.ParserError as exc:
        raise DataPackageError([Problem(display, f"not readable as CSV: {exc}")]) from None
    if frame.empty:
        raise DataPackageError([Problem(display, "file has a header but no rows")])
    return frame.replace("", None)


def load_data(root: str | Path | None = None) -> WoonvisieData:
    """Read and validate the data package at `root` (default: the shipped package), once."""
    return _load(Path(root).resolve() if root is not None else default_data_dir().resolve())


@lru_cache(maxsize=8)
def _load(root: Path) -> WoonvisieData:
    from woonlib.data.validation import validate_package  # the rules need pandera: import on use

    descriptor = read_descriptor(root)
    raw = {}
    problems: list[Problem] = []
    for resource in descriptor["resources"]:
        display = f"data/{resource.get('path', '?')}"
        try:
            raw[resource["name"]] = read_table(root / resource["path"], display)
        except DataPackageError as exc:
            problems.extend(exc.problems)
        except (KeyError, TypeError):
            problems.append(Problem("data/datapackage.json", "resource without name or path"))
    if problems:
        raise DataPackageError(problems)
    tables, notes = validate_package(descriptor, raw, root)
    resources_by_name = {r["name"]: r for r in descriptor["resources"]}
    return WoonvisieData(tables=tables, resources=resources_by_name, notes=notes, root=root)
