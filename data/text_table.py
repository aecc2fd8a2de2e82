"""Task ledgers written as plain text: a web page's table saved as text comes either as rows of cells
between "|" or as one cell per line, the header's cells first ("序号 / 内容与要求 / 进展情况 / 责任单位").
The rows found are read by the ledger reader (data/formats/ledger.py), as a spreadsheet's are."""
from __future__ import annotations

from .formats.ledger import NUMBER, TASK, LedgerColumns, find_ledger_columns, role_of

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
    """A header of short cells with known roles, one per line, then rows of as many lines each. When the
    first column is a number, each row runs from its number to the next one: an empty cell (no line of its
    own once blank lines are gone) leaves the row short, a task in several paragraphs makes it long."""
    for start in range(len(lines)):
        width = 0
        while start + width < len(lines) and len(lines[start + width]) <= _HEADER_CELL \
                and role_of(lines[start + width]):
            width += 1
        if width < 2:
            continue
        header = lines[start:start + width]
        columns = find_ledger_columns([header])
        if not columns.usable or columns.roles.get(NUMBER, [0])[0] > 0:
            continue  # "…任务分解表" over "序号": the header starts at the number's column
        numbered = columns.roles.get(NUMBER) == [0]
        rows = [header]
        position = start + width
        while position + (1 if numbered else width) <= len(lines):
            if numbered and lines[position] != str(len(rows)):
                break
            cells = (_numbered_row(lines, position, str(len(rows) + 1), width) if numbered
                     else lines[position:position + width])
            if not cells:
                break
            rows.append(_fitted(cells, width, columns.roles[TASK][0]))
            position += len(cells)
        if len(rows) > 1:
            return rows, find_ledger_columns(rows)
    return None


def _numbered_row(lines: list[str], start: int, next_number: str, width: int) -> list[str]:
    """The lines of the row starting at `start`: up to the next row's number (at most twice the header's
    width), or the header's width for the last row (none when the text ends before)."""
    end = start + 1
    while end < len(lines) and end < start + 2 * width and lines[end] != next_number:
        end += 1
    if end < len(lines) and lines[end] == next_number:
        return lines[start:end]
    return lines[start:start + width] if start + width <= len(lines) else []  # a last row cut off: none


def _fitted(cells: list[str], width: int, task: int) -> list[str]:
    """A row of the header's width: a short row's missing cells are its last (participants, deadline and
    notes are the cells left empty); a long row's extra lines are paragraphs of its task."""
    if len(cells) < width:
        return cells + [""] * (width - len(cells))
    extra = len(cells) - width
    return cells[:task] + ["\n".join(cells[task:task + extra + 1])] + cells[task + extra + 1:]
