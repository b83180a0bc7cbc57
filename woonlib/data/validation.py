"""Validation of the data package with pandera: column types and constraints, then sums.

Why pandera: the tables are pandas frames anyway, and pandera validates the frames the
model uses, collecting every failure (lazy mode) with its row and column. The column
schemas are built from `datapackage.json`, so the descriptor stays the one description
of the data. The internal sums are pandera checks too; a sum that fails is an error
unless `datapackage.json` lists it as a known inconsistency of the source (a note).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from woonlib.data import DESCRIPTOR, SEED, DataNote, DataPackageError, Problem, seed_lines
from woonlib.data.appendix import appendix_by_figuur5_segment
from woonlib.vocab import APPENDIX_COLUMNS

Tables = Mapping[str, pd.DataFrame]
DTYPES = {"integer": "Int64", "number": "Float64", "string": "str"}


# --- the sum rules -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """An internal sum of one table: `compare` gives (computed, published) per checked row.

    `compare` returns a frame indexed by the rows it checks (a row index of the table), or
    by the label ``None`` for a rule about a whole column.
    """

    name: str
    resource: str
    description: str
    compare: Callable[[pd.DataFrame, Tables], pd.DataFrame]
    column: str | None = None

    def failing(self, table: pd.DataFrame, tables: Tables) -> pd.DataFrame:
        pairs = self.compare(table, tables).astype("float64")
        known = pairs["computed"].notna() & pairs["published"].notna()
        off = ~np.isclose(pairs["computed"], pairs["published"], rtol=0, atol=1e-6)
        return pairs[known & off]


def _pairs(computed: Iterable[Any], published: Iterable[Any], index: Iterable[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        {"computed": list(computed), "published": list(published)}, index=list(index)
    )


def _row_sum(parts: list[str], total: str) -> Callable[[pd.DataFrame, Tables], pd.DataFrame]:
    def compare(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
        computed = df[parts].sum(axis=1, min_count=len(parts))
        return _pairs(computed, df[total], df.index)

    return compare


def _difference(later: str, earlier: str, change: str) -> Callable[..., pd.DataFrame]:
    def compare(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
        return _pairs(df[later] - df[earlier], df[change], df.index)

    return compare


def _column_sum(column: str, expected: float) -> Callable[..., pd.DataFrame]:
    def compare(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
        return _pairs([df[column].sum()], [expected], [None])

    return compare


def _children_sum(key: str, parent: str, value: str) -> Callable[..., pd.DataFrame]:
    """Each parent row equals the sum of its children (an unknown child counts as 0)."""

    def compare(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
        parents = df[df[key].isin(df[parent].dropna())]
        computed = [df.loc[df[parent] == p, value].fillna(0).sum() for p in parents[key]]
        return _pairs(computed, parents[value], parents.index)

    return compare


def _total_row(key: str, total: str, columns: list[str]) -> Callable[..., pd.DataFrame]:
    """The row keyed `total` equals the sum of the other rows, column by column."""

    def compare(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
        is_total = df[key] == total
        idx = df.index[is_total][0]
        computed = [df.loc[~is_total, c].sum() for c in columns]
        published = [df.loc[idx, c] for c in columns]
        worst = int(np.argmax(np.abs(np.subtract(computed, published))))
        return _pairs([computed[worst]], [published[worst]], [idx])

    return compare


def _appendix_egw_mgw(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
    rows = []
    for _segment, block in df.groupby("segment", sort=False):
        by_row = block.set_index("row")
        for column in APPENDIX_COLUMNS:
            total = by_row.loc["total", column]
            computed = by_row.loc["egw", column] + by_row.loc["mgw", column]
            rows.append((computed, total, block.index[block["row"] == "total"][0]))
    return _pairs(*zip(*rows, strict=True)) if rows else _pairs([], [], [])


def _appendix_demolition(df: pd.DataFrame, _: Tables) -> pd.DataFrame:
    rows = []
    for _segment, block in df.groupby("segment", sort=False):
        if "total_incl_demolition" not in set(block["row"]):
            continue
        by_row = block.set_index("row")
        idx = block.index[block["row"] == "total_incl_demolition"][0]
        for column in APPENDIX_COLUMNS:
            published = by_row.loc["total_incl_demolition", column]
            if pd.notna(published):
                computed = by_row.loc["total", column] + by_row.loc["demolition", column]
                rows.append((computed, published, idx))
    return _pairs(*zip(*rows, strict=True)) if rows else _pairs([], [], [])


def _figuur5_match_for(segment: str) -> Callable[..., pd.DataFrame]:
    def compare(df: pd.DataFrame, tables: Tables) -> pd.DataFrame:
        derived = appendix_by_figuur5_segment(tables["appendix_segments"])
        computed = [derived.loc[segment, scenario] for scenario in df["scenario"]]
        return _pairs(computed, df[segment], df.index)

    return compare


def _figuur5_scenario_total(df: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    derived = appendix_by_figuur5_segment(tables["appendix_segments"]).sum()
    return _pairs([derived[s] for s in df["scenario"]], df["total"], df.index)


RULES: tuple[Rule, ...] = (
    Rule(
        "change_2023_2033",
        "household_forecasts",
        "households_2033 − households_2023 = change_2023_2033",
        _difference("households_2033", "households_2023", "change_2023_2033"),
        "change_2023_2033",
    ),
    Rule(
        "change_2033_2043",
        "household_forecasts",
        "households_2043 − households_2033 = change_2033_2043",
        _difference("households_2043", "households_2033", "change_2033_2043"),
        "change_2033_2043",
    ),
    Rule(
        "row_total",
        "figuur5_segments",
        "social_rent + mid_priced + expensive = total",
        _row_sum(["social_rent", "mid_priced", "expensive"], "total"),
        "total",
    ),
    *(
        Rule(
            "figuur5_match",
            "figuur5_segments",
            f"{segment} = the appendix 5.3 segments that make it up",
            _figuur5_match_for(segment),
            segment,
        )
        for segment in ("social_rent", "mid_priced", "expensive")
    ),
    Rule(
        "scenario_total",
        "figuur5_segments",
        "total = sum of the appendix 5.3 segment totals",
        _figuur5_scenario_total,
        "total",
    ),
    Rule("egw_mgw_total", "appendix_segments", "egw + mgw = total, per column", _appendix_egw_mgw),
    Rule(
        "demolition_total",
        "appendix_segments",
        "total + demolition = total_incl_demolition",
        _appendix_demolition,
    ),
    Rule(
        "type_sum",
        "elderly_task",
        "the home types add up to the total row",
        _total_row("home_type", "total", ["to_2030", "from_2030_to_2040", "total"]),
    ),
    Rule(
        "period_sum",
        "elderly_task",
        "to_2030 + from_2030_to_2040 = total",
        _row_sum(["to_2030", "from_2030_to_2040"], "total"),
        "total",
    ),
    Rule(
        "group_sum",
        "outflow",
        "the groups add up to their parent (unknown counts as 0)",
        _children_sum("group", "parent", "homes_per_year"),
        "homes_per_year",
    ),
    *(
        Rule(
            "shares_sum_100",
            "age_classes",
            f"{column} adds up to 100%",
            _column_sum(column, 100.0),
            column,
        )
        for column in ("share_2020", "share_2050")
    ),
    Rule(
        "shares_sum_100",
        "stock_suitability",
        "suitable + can_be_made_suitable + not_suitable = 100%",
        _row_sum(["suitable", "can_be_made_suitable", "not_suitable"], "total_100"),
    ),
)

# --- row rules: cells of one row that must agree -------------------------------------------


@dataclass(frozen=True)
class RowRule:
    """A rule on the cells of each row: `holds` marks the rows that keep it.

    `holds` gets the table and the lines of the Woonvisie text (for rules that look a
    value up on its source line). A failing row is reported at `column`.
    """

    name: str
    resource: str
    column: str
    description: str
    holds: Callable[[pd.DataFrame, Sequence[str]], pd.Series]


def _range_has_high(df: pd.DataFrame, _: Sequence[str]) -> pd.Series:
    return df["value_high"].notna() == (df["comparator"] == "range")


def _high_above_value(df: pd.DataFrame, _: Sequence[str]) -> pd.Series:
    return df["value_high"].isna() | (df["value_high"] > df["value"])


YEAR_COMPARATORS = ("by", "since")  # the value is a year


def _deadline_in_years(df: pd.DataFrame, _: Sequence[str]) -> pd.Series:
    return ~df["comparator"].isin(YEAR_COMPARATORS) | (df["unit"] == "year")


def _deadline_is_horizon(df: pd.DataFrame, _: Sequence[str]) -> pd.Series:
    return ~df["comparator"].isin(YEAR_COMPARATORS) | (df["horizon"] == df["value"])


def _indicator_or_measure(df: pd.DataFrame, _: Sequence[str]) -> pd.Series:
    return df["indicator"].notna() != df["measure"].notna()


def _printed_on_line(df: pd.DataFrame, seed: Sequence[str]) -> pd.Series:
    def found(printed: object, line: int) -> bool:
        return isinstance(printed, str) and 1 <= line <= len(seed) and printed in seed[line - 1]

    cells = zip(df["printed"], df["source_line"], strict=True)
    return pd.Series([found(p, int(n)) for p, n in cells], index=df.index, dtype=bool)


ROW_RULES: tuple[RowRule, ...] = (
    RowRule(
        "range_high",
        "targets",
        "value_high",
        "value_high is given exactly when comparator is 'range'",
        _range_has_high,
    ),
    RowRule(
        "high_above_value", "targets", "value_high", "value_high exceeds value", _high_above_value
    ),
    RowRule(
        "deadline_unit",
        "targets",
        "unit",
        "comparator 'by' or 'since' needs unit 'year'",
        _deadline_in_years,
    ),
    RowRule(
        "deadline_horizon",
        "targets",
        "horizon",
        "comparator 'by' or 'since' needs horizon equal to value (the year)",
        _deadline_is_horizon,
    ),
    RowRule(
        "indicator_or_measure",
        "targets",
        "measure",
        "exactly one of indicator and measure is given",
        _indicator_or_measure,
    ),
    RowRule(
        "printed_on_line",
        "targets",
        "printed",
        "must be printed on the seed line named by source_line",
        _printed_on_line,
    ),
)


def _row_failures(rules: list[RowRule], table: pd.DataFrame, seed: Sequence[str]) -> list[Any]:
    """(rule, row index) of every failing row, found through one pandera schema."""
    schema = pa.DataFrameSchema(
        checks=[
            pa.Check(lambda df, r=r: r.holds(df, seed), name=r.name, error=r.description)
            for r in rules
        ]
    )
    try:
        schema.validate(table, lazy=True)
        return []
    except SchemaErrors:
        pass
    return [(r, i) for r in rules for i in table.index[~r.holds(table, seed)]]


def _row_problems(tables: Tables, resources: Mapping[str, Any], root: Path) -> list[Problem]:
    """Problems of the row rules, each naming file, line, column and rule."""
    names = {r.resource for r in ROW_RULES}
    try:
        seed = seed_lines(root)
    except FileNotFoundError:
        return [Problem(f"data/{SEED}", f"file missing (needed to check {', '.join(names)})")]
    problems = []
    for name in sorted(names):
        rules = [r for r in ROW_RULES if r.resource == name]
        display = f"data/{resources[name]['path']}"
        for rule, index in _row_failures(rules, tables[name], seed):
            cell = tables[name].at[index, rule.column]
            value = None if pd.isna(cell) else cell
            rule_text = f"{rule.description} [check {rule.name}]"
            problems.append(Problem(display, rule_text, int(index) + 2, rule.column, value))
    return problems


# Cross-table rules need these tables validated first.
ORDER = (
    "scenario_figures",
    "policy_norms",
    "household_forecasts",
    "appendix_segments",
    "figuur5_segments",
    "elderly_task",
    "outflow",
    "age_classes",
    "elderly_share",
    "elderly_households",
    "stock_suitability",
    "elderly_context",
    "targets",
)
KNOWN_TABLES = frozenset(ORDER)


# --- column schemas from datapackage.json ---------------------------------------------------


def _column_checks(constraints: Mapping[str, Any]) -> list[pa.Check]:
    checks = []
    if "minimum" in constraints:
        low = constraints["minimum"]
        checks.append(pa.Check.ge(low, error=f"must be at least {low}"))
    if "maximum" in constraints:
        high = constraints["maximum"]
        checks.append(pa.Check.le(high, error=f"must be at most {high}"))
    if "enum" in constraints:
        allowed = constraints["enum"]
        checks.append(
            pa.Check.isin(allowed, error=f"must be one of {', '.join(map(str, allowed))}")
        )
    if "pattern" in constraints:
        pattern = constraints["pattern"]
        checks.append(pa.Check.str_matches(pattern, error=f"must match the pattern {pattern}"))
    return checks


def column_schema(resource: Mapping[str, Any]) -> pa.DataFrameSchema:
    """The pandera schema of one resource, from its field descriptors."""
    fields = resource["schema"]["fields"]
    columns = {
        f["name"]: pa.Column(
            DTYPES[f.get("type", "string")],
            checks=_column_checks(f.get("constraints", {})),
            nullable=not f.get("constraints", {}).get("required", False),
            coerce=True,
            required=True,
        )
        for f in fields
    }
    key = resource["schema"].get("primaryKey")
    return pa.DataFrameSchema(columns, strict=True, unique=key, name=resource["name"])


def _describe_failure(check: str) -> str:
    if check.startswith("coerce_dtype") or check.startswith("dtype"):
        if "Int64" in check:
            return "must be a whole number"
        if "Float64" in check:
            return "must be a number"
        return "has the wrong type"
    if check == "not_nullable":
        return "is required but empty"
    if check in ("field_uniqueness", "multiple_fields_uniqueness", "unique"):
        return "duplicates the key of another row"
    return check


def _schema_problems(exc: SchemaErrors, display: str) -> list[Problem]:
    problems, seen = [], set()
    for case in exc.failure_cases.itertuples(index=False):
        index = case.index
        line = int(index) + 2 if index is not None and pd.notna(index) else None
        column = case.column if isinstance(case.column, str) else None
        rule = _describe_failure(str(case.check))
        key = (line, column, rule)
        if key not in seen:
            seen.add(key)
            value = None if isinstance(case.failure_case, Exception) else case.failure_case
            problems.append(Problem(display, rule, line=line, column=column, value=value))
    return problems


def _header_problems(resource: Mapping[str, Any], raw: pd.DataFrame, display: str) -> list[Problem]:
    expected = [f["name"] for f in resource["schema"]["fields"]]
    problems = [
        Problem(display, "required column missing", column=c)
        for c in expected
        if c not in raw.columns
    ]
    problems += [
        Problem(display, "column is not in the schema of datapackage.json", column=str(c))
        for c in raw.columns
        if c not in expected
    ]
    return problems


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable pandas types to plain numpy ones for the model (NaN for not published)."""
    out = frame.copy()
    for column in out.columns:
        dtype = str(out[column].dtype)
        if dtype in ("Int64", "Float64"):
            has_na = out[column].isna().any()
            out[column] = out[column].astype("float64" if has_na or dtype == "Float64" else "int64")
    return out


# --- the package ------------------------------------------------------------------------------


def _package_problems(descriptor: Mapping[str, Any], root: Path) -> list[Problem]:
    names = [r["name"] for r in descriptor["resources"]]
    described = {r["path"] for r in descriptor["resources"]}
    problems = [
        Problem(
            f"data/{DESCRIPTOR}",
            f"unknown table '{n}' (woonlib knows: {', '.join(sorted(KNOWN_TABLES))})",
        )
        for n in names
        if n not in KNOWN_TABLES
    ]
    problems += [
        Problem(f"data/{DESCRIPTOR}", f"table '{n}' is missing from the package")
        for n in ORDER
        if n not in names
    ]
    problems += [
        Problem(f"data/{p.name}", "unknown table: file not described in datapackage.json")
        for p in sorted(root.glob("*.csv"))
        if p.name not in described
    ]
    return problems


def _prepared(table: pd.DataFrame, name: str) -> pd.DataFrame:
    if name == "stock_suitability":  # the rule compares each row with 100%
        table = table.assign(total_100=100.0)
    return table


def _rule_schema(rules: list[Rule], tables: Tables) -> pa.DataFrameSchema:
    def as_check(rule: Rule) -> pa.Check:
        def holds(df: pd.DataFrame) -> pd.Series | bool:
            bad = rule.failing(df, tables)
            if list(bad.index) == [None]:
                return False
            return ~df.index.isin(bad.index)

        return pa.Check(holds, name=f"{rule.name}:{rule.column}", error=rule.description)

    return pa.DataFrameSchema(checks=[as_check(r) for r in rules])


def _sum_failures(name: str, table: pd.DataFrame, tables: Tables) -> list[tuple[Rule, Any, str]]:
    """Run the sum rules of one table through pandera; return (rule, row index, message)."""
    rules = [r for r in RULES if r.resource == name]
    prepared = _prepared(table, name)
    try:
        _rule_schema(rules, tables).validate(prepared, lazy=True)
        return []
    except SchemaErrors:
        pass
    failures = []
    for rule in rules:
        for index, pair in rule.failing(prepared, tables).iterrows():
            message = (
                f"{rule.description} [check {rule.name}]: computed "
                f"{pair['computed']:g}, published {pair['published']:g}"
            )
            failures.append((rule, index, message))
    return failures


def _matches(note: DataNote, rule: Rule, row: pd.Series | None) -> bool:
    if note.resource != rule.resource or note.check != rule.name:
        return False
    if note.column is not None and rule.column is not None and note.column != rule.column:
        return False
    if row is None:
        return not note.where or note.column is not None
    return all(str(row.get(k)) == str(v) for k, v in note.where.items())


def read_notes(descriptor: Mapping[str, Any]) -> list[DataNote]:
    notes = []
    for entry in descriptor.get("notes", []):
        notes.append(
            DataNote(
                id=entry["id"],
                resource=entry["resource"],
                text=entry["text"],
                text_nl=entry.get("text_nl", entry["text"]),
                check=entry.get("check"),
                where=entry.get("where") or {},
                column=entry.get("column"),
            )
        )
    return notes


def _column_tables(
    resources: Mapping[str, Any], raw: Mapping[str, pd.DataFrame]
) -> dict[str, pd.DataFrame]:
    """Every table checked against its columns' types and constraints, then typed."""
    problems: list[Problem] = []
    tables: dict[str, pd.DataFrame] = {}
    for name in ORDER:
        display = f"data/{resources[name]['path']}"
        header = _header_problems(resources[name], raw[name], display)
        if header:
            problems += header
            continue
        try:
            tables[name] = _typed(column_schema(resources[name]).validate(raw[name], lazy=True))
        except SchemaErrors as exc:
            problems += _schema_problems(exc, display)
    if problems:
        raise DataPackageError(problems)
    return tables


def validate_package(
    descriptor: Mapping[str, Any], raw: Mapping[str, pd.DataFrame], root: Path
) -> tuple[dict[str, pd.DataFrame], tuple[DataNote, ...]]:
    """Validate every table; return the typed tables and the notes (confirmed ones marked)."""
    problems = _package_problems(descriptor, root)
    if problems:
        raise DataPackageError(problems)
    resources = {r["name"]: r for r in descriptor["resources"]}
    tables = _column_tables(resources, raw)
    problems = _row_problems(tables, resources, root)
    if problems:
        raise DataPackageError(problems)

    notes = read_notes(descriptor)
    confirmed: set[str] = set()
    for name in ORDER:
        display = f"data/{resources[name]['path']}"
        for rule, index, message in _sum_failures(name, tables[name], tables):
            row = None if index is None else tables[name].loc[index]
            known = [n for n in notes if _matches(n, rule, row)]
            if known:
                confirmed.update(n.id for n in known)
                continue
            line = None if index is None else int(index) + 2
            problems.append(Problem(display, message, line=line, column=rule.column))
    if problems:
        raise DataPackageError(problems)
    return tables, tuple(replace(n, confirmed=n.id in confirmed) for n in notes)
