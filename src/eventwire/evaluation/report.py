"""Renders a SuiteResult for people (rich tables) and for machines (a JSON-ready dict)."""

from __future__ import annotations

import dataclasses
from typing import Any

from rich.console import Group
from rich.table import Table

from .result import SuiteResult

__all__ = ["class_table", "metrics_table", "render", "to_json"]


def metrics_table(result: SuiteResult) -> Table:
    """The headline rates, then the counts behind them."""
    # min_width keeps the title on one line above a narrow two-column table.
    title = f"{result.suite}: {result.items} items, {result.failures} failed"
    table = Table(title=title, min_width=len(title) + 4)
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in result.metrics.items():
        table.add_row(name, f"{value:.3f}")
    table.add_section()
    for name, count in result.counts.items():
        table.add_row(name, str(count))
    return table


def class_table(result: SuiteResult) -> Table | None:
    """The breakdown by class, or None for a suite that has none."""
    if not result.rows:
        return None
    rates = list(dict.fromkeys(key for row in result.rows for key in row.values))
    counts = list(dict.fromkeys(key for row in result.rows for key in row.counts))
    table = Table(title=f"{result.suite} by {result.row_label}")
    table.add_column(result.row_label)
    for column in [*rates, *counts, "support"]:
        table.add_column(column, justify="right")
    for row in result.rows:
        cells = [_rate(row.values.get(column)) for column in rates]
        cells += [str(row.counts.get(column, "")) for column in counts]
        table.add_row(row.label, *cells, str(row.support))
    return table


def render(result: SuiteResult) -> Group:
    """Both tables, ready for ``Console.print``."""
    tables = [metrics_table(result), class_table(result)]
    return Group(*(t for t in tables if t is not None))


def to_json(result: SuiteResult) -> dict[str, Any]:
    """A plain dict of the whole result, for ``json.dumps``."""
    return dataclasses.asdict(result)


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"
