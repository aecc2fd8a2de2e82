"""The real-document corpus: its truth files are sound, and the reader meets the accuracy goal on it.

The truth (tests/corpus/*.truth.json) is written by hand from each document; bench/reader_accuracy.py
scores the reader against it and prints the figures. The unseen set (tests/corpus/unseen/, empty between
sets) is checked for soundness here but never scored by the tests.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
UNSEEN = CORPUS / "unseen"

# Kept aside to measure the reader independently: never part of the corpus.
FORBIDDEN = ["国发〔2018〕38号", "国办发〔2018〕128号", "国办发〔2020〕24号", "国办发〔2020〕43号",
             "皖开放办〔2022〕6号", "皖政办秘〔2021〕82号", "包府办发〔2022〕43号"]


def _scorer():
    spec = importlib.util.spec_from_file_location("reader_accuracy", REPO / "bench" / "reader_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("reader_accuracy", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


accuracy = _scorer()


def _truth_files() -> list[Path]:
    return sorted(CORPUS.glob("*.truth.json")) + sorted(UNSEEN.glob("*.truth.json"))


def _variants(text: str) -> list[str]:
    """A document number as written, in Traditional script and with half-width brackets."""
    traditional = text.replace("号", "號").replace("国", "國").replace("办", "辦").replace("发", "發")
    return [v for t in (text, traditional) for v in (t, t.replace("〔", "[").replace("〕", "]"))]


@pytest.mark.parametrize("path", _truth_files(), ids=lambda p: p.parent.name + "/" + p.name)
def test_truth_file_is_sound(path):
    truth = json.loads(path.read_text("utf-8"))
    text = path.with_name(path.name.replace(".truth.json", ".txt")).read_text("utf-8")
    flat = accuracy.squash(text)
    for key in ("document", "source", "obtained_from", "complete", "variant_of", "sampled", "task_count",
                "forms", "tasks"):
        assert key in truth, key
    tasks = truth["tasks"]
    assert tasks, "a truth file lists at least one task"
    assert truth["task_count"] >= len(tasks)
    if truth["sampled"]:
        assert truth["task_count"] > 80 and len(tasks) >= 40
    else:
        assert truth["task_count"] == len(tasks)
    for item in tasks:
        excerpt = item["excerpt"]
        assert "\n" not in excerpt and 10 <= len(excerpt) <= 30, excerpt
        assert flat.count(accuracy.squash(excerpt)) == 1, f"excerpt not found exactly once: {excerpt}"
        assert item["lead"] and item["lead"] not in item["participants"], excerpt
        assert isinstance(item["participants"], list)
        assert all(name and not name.endswith("等") for name in [item["lead"], *item["participants"]]), excerpt
    excerpts = [item["excerpt"] for item in tasks]
    assert len(set(excerpts)) == len(excerpts)
    for number in FORBIDDEN:
        for spelling in _variants(number):
            assert spelling not in text and spelling not in truth["document"], number


def test_corpus_holds_its_forms():
    """At least 18 real documents beside the unseen set (empty or missing between sets: a set measured joins
    the corpus); the variants are marked as derived from one."""
    documents = accuracy.load_corpus(CORPUS)
    real = [d for d in documents if d.truth["variant_of"] is None]
    variants = [d for d in documents if d.truth["variant_of"] is not None]
    assert len(real) >= 18
    slugs = {d.slug for d in documents}
    assert all(v.truth["variant_of"] in slugs for v in variants)
    assert "plan-2020-en" in slugs
    unseen = accuracy.load_corpus(UNSEEN)
    assert all(d.truth["variant_of"] is None for d in unseen)
    assert not slugs & {d.slug for d in unseen}


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_an_unseen_set_not_yet_given_is_said_so(folder, tmp_path, monkeypatch, capsys):
    """Between sets the unseen folder is empty (or absent): --unseen says there is none and still scores the
    corpus."""
    unseen = tmp_path / "unseen"
    if folder == "empty":
        unseen.mkdir()
    monkeypatch.setattr(accuracy, "UNSEEN", unseen)
    monkeypatch.setattr(accuracy, "CORPUS", tmp_path)
    monkeypatch.setattr(accuracy, "REPO", tmp_path.parent)
    (tmp_path / "one.txt").write_text("1．释放企业产能。允许区内企业承接委托加工。（海关总署、商务部负责）\n", "utf-8")
    (tmp_path / "one.truth.json").write_text(json.dumps({"document": "one", "tasks": [
        {"label": "1", "excerpt": "释放企业产能。允许区内企业", "lead": "海关总署", "participants": ["商务部"],
         "deadline": None}]}), "utf-8")
    monkeypatch.setattr(sys, "argv", ["reader_accuracy.py", "--unseen", "--runs", "1"])
    accuracy.main()
    out = capsys.readouterr().out
    assert "TOTAL (1 documents)" in out and "MET (found 100.0%, leads 100.0%, 0 below)" in out
    assert f"no unseen documents in {tmp_path.name}/unseen" in out


def test_scorer_counts_found_merged_and_names():
    """The scorer itself, on a made-up reading: merged tasks, a refused document, canonical names."""
    from data.model import Department, Plan, Part, ReadResult, Section, Task
    from data.registry import Registry

    registry = Registry([Department("Ministry of Finance", name_zh="财政部")])
    truth = {"tasks": [
        {"label": "1", "excerpt": "第一项任务的原文在这里", "lead": "财政部", "participants": ["海关总署"], "deadline": None},
        {"label": "2", "excerpt": "第二项任务的原文在这里", "lead": "海关总署", "participants": [],
         "deadline": "2020年10月底前完成"},
        {"label": "3", "excerpt": "第三项任务的原文在这里", "lead": "海关总署", "participants": [], "deadline": None},
    ]}
    tasks = [Task(1, "第一项任务的原文\n在这里。第二项任务的原文在这里。", ["Ministry of Finance", "海关总署"])]
    plan = Plan("t", None, None, [Part(1, "p", [Section(None, None, tasks)])])

    score = accuracy.score_document("", truth, "made-up", registry, reader=lambda text, reg: ReadResult(plan, {}))
    assert (score.found, score.merged, score.lead_right, score.participants_right) == (1, 1, 1, 1)
    assert (score.deadlines, score.deadlines_right) == (1, 0)
    assert [o.status for o in score.outcomes] == ["found", "merged", "missing"]

    def refuse(text, reg):
        raise ValueError("not a plan")

    refused = accuracy.score_document("", truth, "made-up", registry, reader=refuse)
    assert refused.found == 0 and refused.refused == "not a plan"


def test_reader_meets_the_accuracy_goal_on_the_corpus():
    """>= 97% of the corpus's tasks found and leads right, no document below 90% (the unseen set aside)."""
    scores = accuracy.score_corpus(accuracy.load_corpus(CORPUS))
    total = accuracy.totals(scores)
    report = ", ".join(f"{s.slug} found {s.found_share:.0%} leads {s.lead_share:.0%}"
                       for s in scores if not s.meets_goal)
    assert total.found_share >= accuracy.GOAL_TOTAL, f"found {total.found_share:.1%}"
    assert total.lead_share >= accuracy.GOAL_TOTAL, f"leads right {total.lead_share:.1%}"
    assert not total.below_goal, report
