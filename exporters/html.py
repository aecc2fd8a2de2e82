"""One assignment sheet as simple HTML (the subset Qt's rich text prints), for the in-program preview."""
from __future__ import annotations

from html import escape

from .document import AssignmentSheet, SheetBook, Table


def _text(value: str | int) -> str:
    return escape(str(value)).replace("\n", "<br>")


def _table(table: Table) -> str:
    total = sum(c.width for c in table.columns)
    head = "".join(f'<th width="{100 * c.width // total}%" align="left">{_text(c.heading)}</th>'
                   for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>" for row in table.rows)
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="3" '
            f'style="border-collapse: collapse; border-color: #808080">'
            f'<thead><tr style="background-color:#305496; color:white">{head}</tr></thead>{body}</table>')


def sheet_html(book: SheetBook, sheet: AssignmentSheet) -> str:
    """The department's sheet: its names, the plan, the date, its counts and its two task tables."""
    led, taking_part, words = sheet.led_table(), sheet.taking_part_table(), book.words
    printed = words("{plan}. Printed {date}.", plan=book.plan_title, date=words.date(book.printed))
    counts = words("Leads {led} tasks, takes part in {taking_part}.", led=len(led.rows),
                   taking_part=len(taking_part.rows))
    parts = [f"<h2>{_text(sheet.title)}</h2>", f"<p>{_text(printed)}<br>{_text(counts)}</p>"]
    for heading, table in ((words("Tasks it leads ({count})", count=len(led.rows)), led),
                           (words("Tasks it takes part in ({count})", count=len(taking_part.rows)), taking_part)):
        parts.append(f"<h3>{_text(heading)}</h3>")
        parts.append(_table(table) if table.rows else f"<p>{_text(words('None.'))}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
