"""Reads a plan written as plain text: the department clauses first, then the task each one closes,
then the structure around them.

A plan is a sequence of tasks, each closed by a department clause (data/clauses.py). The reader finds
every clause, then reads the text two ways and keeps the better-evidenced reading:

- by numbers (data/numbered_reading.py): task N is found by its number and its closing clause, the
  headings between tasks by their numbers. Web pages glue everything together ("policy1.", "in 20201."),
  and the numbering is what separates heading, task and clause there. It is kept when every clause
  closes a task of its own.
- by paragraphs (data/paragraph_reading.py): each clause closes the text since the previous clause or
  the nearest numbered item; the numbered items around the clauses are the parts and sections. This
  reads clauses inside running paragraphs, two numbered levels that both carry clauses, numbering that
  restarts or jumps, labelled clauses on their own lines.
"""
from __future__ import annotations

from .clauses import ClauseGrammar, NameResolver
from .errors import Problem
from .model import Department, ReadResult
from .formats.ledger import LedgerColumns, ledger_title, read_ledger
from .numbered_reading import read_by_numbers
from .paragraph_reading import read_by_paragraphs, split_glued
from .plan_text import MAX_TEXT, clean_text, document_title, find_clauses
from .registry import Registry
from .text_table import text_table


def read_plan_text(text: str, registry: Registry) -> ReadResult:
    """Read plan text; raise ValueError when it holds no recognisable tasks."""
    if len(text) > MAX_TEXT:
        raise ValueError("the text is too long to be a plan")
    table = text_table([line.strip() for line in text.splitlines() if line.strip()])
    cleaned = clean_text(text)
    try:
        reading = _read_clauses(cleaned, registry)
    except ValueError:
        if table is None:
            raise
        reading = None
    if table is not None:
        as_ledger = _read_table(cleaned, *table, registry)
        if reading is None or len(as_ledger.plan.tasks) >= len(reading.plan.tasks):
            return as_ledger
    return reading


def _read_table(cleaned: str, rows: list[list[str]], columns: LedgerColumns, registry: Registry) -> ReadResult:
    """A ledger written as text, read as a spreadsheet's rows are (the title from the cleaned text)."""
    title = ledger_title(rows, columns, document_title(cleaned)[0])
    return read_ledger(rows, columns, title, registry)


def _read_clauses(cleaned: str, registry: Registry) -> ReadResult:
    """Plan text (cleaned) whose tasks each end in a department clause."""
    text = split_glued(cleaned)
    resolver = NameResolver(registry)
    clauses = find_clauses(text, ClauseGrammar(resolver))
    if not clauses:
        raise ValueError("no department clauses")
    by_numbers = read_by_numbers(text, clauses, resolver)
    if by_numbers is not None and by_numbers.placed == len(clauses):
        reading = by_numbers
    else:
        reading = read_by_paragraphs(text, clauses, resolver)
        if by_numbers is not None and by_numbers.placed > reading.placed:
            reading = by_numbers
    if not reading.plan.tasks:
        raise ValueError("no recognisable tasks")
    departments: dict[str, Department] = {}
    for task in reading.plan.tasks:
        for name in task.departments:
            departments[name] = registry.departments.get(name) or resolver.department(name)
    tasks = len(reading.plan.tasks)
    if reading.placed < len(clauses):
        reading.warnings.insert(0, Problem("{clauses} department clauses found, {tasks} tasks stored, {unplaced} "
                                           "clauses not placed", clauses=len(clauses), tasks=tasks,
                                           unplaced=len(clauses) - reading.placed))
    return ReadResult(reading.plan, departments, reading.warnings, clauses=len(clauses),
                      unplaced=len(clauses) - reading.placed)
