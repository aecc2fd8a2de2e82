"""Task ledgers written as plain text: a web page's table saved as text comes either as rows of cells
between "|" or as one cell per line, the header's cells first ("序号 / 内容与要求 / 进展情况 / 责任单位").
The rows found are read by the ledger reader (data/formats/ledger.py), as a spreadsheet's are."""
from __future__ import annotations

from .formats.ledger import NUMBER, LedgerColumns, find_ledger_columns, role_of

_PIPE = "|"
_MIN_PIPE_CELLS = 3
_HEADER_CELL = 12  # characters: a header cell on its own line is short


def text_table(lines: list[str]) -> tuple[list[list[str]], LedgerColumns] | None:
    """The ledger a text holds, as rows of cells with their columns, or None."""
    return _pipe_table(lines) or _cells_per_line(lines)


def _pipe_table(lines: list[str]) -> tuple[list[list[str]], LedgerColumns] | None:
    rows = [[cell.strip() for cell in line.strip().strip(_PIPE).split(_PIPE)]
            for line in lines if line.count(_PIPE) >= _MIN_PIPE_CELLS - 1]
    if not rows:
        return None
    columns = find_ledger_columns(rows)
    return (rows, columns) if columns.usable else None


def _cells_per_line(lines: list[str]) -> tuple[list[list[str]], LedgerColumns] | None:
    """A header of short cells with known roles, one per line, then rows of as many lines each. Rows are
    taken while each starts with the next number (when the first column is a number), else to the end."""
    for start in range(len(lines)):
        width = 0
        while start + width < len(lines) and len(lines[start + width]) <= _HEADER_CELL \
                and role_of(lines[start + width]):
            width += 1
        if width < 2:
            continue
        header = lines[start:start + width]
        columns = find_ledger_columns([header])
        if not columns.usable:
            continue
        numbered = columns.roles.get(NUMBER) == [0]
        rows = [header]
        position = start + width
        while position + width <= len(lines):
            row = lines[position:position + width]
            if numbered and row[0] != str(len(rows)):
                break
            rows.append(row)
            position += width
        if len(rows) > 1:
            return rows, find_ledger_columns(rows)
    return None
