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
    led, taking_part = sheet.led_table(), sheet.taking_part_table()
    parts = [f"<h2>{_text(sheet.title)}</h2>",
             f"<p><i>{_text(book.plan_title)}</i>. Printed {book.printed.isoformat()}.<br>"
             f"Leads {len(led.rows)} tasks, takes part in {len(taking_part.rows)}.</p>"]
    for heading, table in ((f"Tasks it leads ({len(led.rows)})", led),
                           (f"Tasks it takes part in ({len(taking_part.rows)})", taking_part)):
        parts.append(f"<h3>{_text(heading)}</h3>")
        parts.append(_table(table) if table.rows else "<p>None.</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"
