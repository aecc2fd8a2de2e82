"""A small plan with hostile task texts, for the export tests (formulas, markup, control characters)."""
from __future__ import annotations

from pathlib import Path

from data.model import Part, Plan, ReadResult, Section, Task
from data.registry import default_registry
from data.store import PlanStore

CNIPA = "China National Intellectual Property Administration"
MOE = "Ministry of Education"
MOF = "Ministry of Finance"

HOSTILE_TEXTS = {
    1: "=SUM(A1:A9)",
    2: "+1 more task",
    3: "-2 fewer tasks",
    4: "@import something",
    5: "\tstarts with a tab",
    6: "\rstarts with a carriage return",
    7: "<b>not bold</b> & <i>not italic</i> &amp; <font>",
    8: "a bell \x07 and a null \x00 inside",
}
CONTROL_TASK = 8


def hostile_store(path: Path) -> PlanStore:
    """A store at `path` holding one plan whose tasks all name CNIPA (lead or participant)."""
    registry = default_registry()
    tasks = [Task(number, text, [CNIPA, MOE] if number % 2 else [MOE, CNIPA, MOF])
             for number, text in HOSTILE_TEXTS.items()]
    plan = Plan("Hostile <plan> & =title", 2020, None,
                [Part(1, "Part & <one>", [Section(1, "=Section", tasks)])])
    departments = {name: registry.find(name) for name in (CNIPA, MOE, MOF)}
    store = PlanStore(path)
    store.import_plan(ReadResult(plan, departments))
    return store
