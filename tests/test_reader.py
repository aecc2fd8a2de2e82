"""The plan reader on the bundled 2020 plan, and on the same grammar written other ways."""
from __future__ import annotations

import json

import pytest

from data.json_format import dumps, plan_from_json, plan_to_json
from data.model import Plan
from data.readers import read_plan_file
from data.registry import default_registry
from data.text_reader import read_plan_text

CNIPA = "China National Intellectual Property Administration"
CPD = "Publicity Department of the CPC Central Committee"
SAMR = "State Administration for Market Regulation"
NRTA = "National Radio and Television Administration"
NFGA = "National Forestry and Grassland Administration"


def task(plan: Plan, number: int):
    return next(t for t in plan.tasks if t.number == number)


def test_counts_parts_sections_and_year(sample_result):
    plan = sample_result.plan
    assert [t.number for t in plan.tasks] == list(range(1, 101))
    assert [p.number for p in plan.parts] == [1, 2, 3, 4, 5]
    assert [sum(s.number is not None for s in p.sections) for p in plan.parts] == [2, 4, 4, 0, 3]
    assert [len(p.tasks) for p in plan.parts] == [21, 33, 27, 6, 13]
    assert plan.year == 2020
    assert plan.title == "Deepen the implementation of the national intellectual property strategy in 2020"
    assert sample_result.warnings == []


def test_part_headings_in_mixed_styles_read_as_titles(sample_result):
    titles = [p.title for p in sample_result.plan.parts]
    assert titles == [
        "Deepen reform in the field of intellectual property",
        "Increase the protection of intellectual property rights",
        "Promote the creation and application of intellectual property",
        "Deepening international exchanges and cooperation in intellectual property",
        "Strengthen top-level design and organization and implementation",
    ]


def test_part_four_holds_its_tasks_outside_any_section(sample_result):
    part = sample_result.plan.parts[3]
    assert [(s.number, s.title) for s in part.sections] == [(None, None)]
    assert [t.number for t in part.tasks] == [82, 83, 84, 85, 86, 87]


def test_numbers_glued_to_words_and_numbers_in_words(sample_result):
    plan = sample_result.plan
    first_section = plan.parts[0].sections[0]
    assert first_section.title == "Reform and perfect the intellectual property policy"
    assert task(plan, 1).text.startswith("Formulate policy documents to promote")
    assert task(plan, 21).text.startswith("Continue to implement the pre-confirmation system")
    assert plan.parts[1].sections[0].title == "Improve laws, regulations and rules"
    assert task(plan, 22).text.startswith('Cooperate with the revision of the "Patent Law"')
    assert task(plan, 82).text.startswith("Maintain multilateralism")


def test_parentheses_inside_task_text_stay_text(sample_result):
    plan = sample_result.plan
    assert "(patent)-intensive" in task(plan, 6).text
    assert "Infringement (3)" in task(plan, 24).text and task(plan, 24).text.endswith('"(1)(2).')
    assert "(TISC)" in task(plan, 16).text
    assert "(Sixth Batch)" in task(plan, 80).text


@pytest.mark.parametrize("number, lead, participants", [
    (1, CNIPA, []),                                                          # Responsible for X
    (2, "Supreme People's Court", ["Ministry of Justice", CNIPA, CPD]),      # individually responsible
    (3, "Ministry of Education", [CNIPA, "Ministry of Science and Technology"]),  # a bare list
    (11, SAMR, []),                                                          # In charge of X
    (23, CPD, [NRTA]),                                                       # name with comma and "and"
    (24, "Supreme People's Court", ["Supreme People's Procuratorate", "Ministry of Public Security"]),
    (26, "Ministry of Agriculture and Rural Affairs", [NFGA]),               # Responsible by X and Y
    (35, CPD, ["Ministry of Public Security", "General Administration of Customs"]),  # respectively
    (43, SAMR, ["General Administration of Customs"]),
    (49, "Supreme People's Court", []),                                      # X is responsible
    (81, NRTA, []),                                                          # SARFT
    (87, "Supreme People's Procuratorate", ["Ministry of Public Security", "General Administration of Customs"]),
    (88, "Office of the Inter-ministerial Joint Meeting", ["Member units of the Inter-ministerial Joint Meeting"]),
    (100, "Ministry of Science and Technology", ["China Association for Science and Technology"]),
])
def test_department_clauses_in_every_phrasing(sample_result, number, lead, participants):
    found = task(sample_result.plan, number)
    assert (found.lead, found.participants) == (lead, participants)
    assert "Responsible" not in found.text and not found.text.endswith(")")


def test_every_spelling_of_a_body_is_one_department(sample_result):
    plan = sample_result.plan
    assert len(sample_result.departments) == 40
    assert all(d.verified for d in sample_result.departments.values())
    assert task(plan, 9).departments[1] == CNIPA          # "Intellectual Property Bureau"
    assert task(plan, 1).lead == CNIPA                    # "Intellectual Property Office"
    assert task(plan, 57).lead == NFGA                    # "Forest and Grass Bureau"
    assert NFGA in task(plan, 82).departments             # "Forest and Grassland Bureau"
    assert task(plan, 48).lead == "State Post Bureau"     # "post office"
    cbirc = "China Banking and Insurance Regulatory Commission"
    assert cbirc in task(plan, 67).departments and cbirc in task(plan, 70).departments
    assert task(plan, 82).departments == [
        CNIPA, "Ministry of Foreign Affairs", "Ministry of Commerce", CPD, "Supreme People's Court",
        SAMR, NRTA, NFGA, "China Council for the Promotion of International Trade"]


def test_web_page_debris_is_not_plan_content(sample_result):
    plan = sample_result.plan
    everything = " ".join([plan.title, plan.note or ""] + [p.title for p in plan.parts]
                          + [s.title or "" for p in plan.parts for s in p.sections]
                          + [t.text for t in plan.tasks])
    for debris in ("WordPress", "copyright disputes", "Google", "Online Preview", "??", "...."):
        assert debris not in everything
    assert task(plan, 39).text.startswith("Speed up the issuance")
    assert task(plan, 95).text.startswith("Speed up the construction")


def test_closing_sentence_is_the_note_not_task_text(sample_result):
    plan = sample_result.plan
    assert plan.note == ("In the above division of tasks, multiple departments are responsible, the first "
                         "department is the lead department, and the other are the participating departments.")
    assert task(plan, 100).text.endswith("Incorporate intellectual property related content in various "
                                         "knowledge contests.")


def _one_item_per_line(plan: Plan, part_label, section_label, clause) -> str:
    lines = [plan.title, ""]
    for part in plan.parts:
        lines.append(f"{part_label(part.number)} {part.title}")
        for section in part.sections:
            if section.number is not None:
                lines.append(f"{section_label(section.number)} {section.title}")
            for t in section.tasks:
                lines.append(f"{t.number}. {t.text} ({clause(t.departments)})")
    lines += ["", plan.note]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("part_label, section_label, clause", [
    (lambda n: f"{n}.", lambda n: f"({n})", lambda names: "Responsible for " + ", ".join(names)),
    (lambda n: ["I", "II", "III", "IV", "V"][n - 1] + ".", lambda n: f"（{n}）",
     lambda names: ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] + " are responsible"
     if len(names) > 1 else names[0] + " is responsible"),
])
def test_the_same_plan_one_item_per_line_reads_the_same(sample_result, part_label, section_label, clause):
    text = _one_item_per_line(sample_result.plan, part_label, section_label, clause)
    again = read_plan_text(text, default_registry())
    assert plan_to_json(again.plan) == plan_to_json(sample_result.plan)


ANOTHER_YEAR = """Key points for the implementation of the strategy in 2023

一、Strengthen protection
（一）Improve the rules
1. Revise the regulations on trade secrets (2019) and publish them. (Responsible for Intellectual Property Office, Ministry of Justice)
2. Study the protection of data (see item 1) in new fields. (The Ministry of Ecology and Environment and the Lunar Affairs Bureau are respectively responsible for their duties)
二、Promote use
3. Build twelve service centres. (In charge of the Ministry of Commerce)
4. Train examiners. (Ministry of Education, Ministry of Commerce)

Where several departments are listed, the first leads.
"""


def test_another_years_plan_with_an_unknown_department(tmp_path):
    result = read_plan_text(ANOTHER_YEAR, default_registry())
    plan = result.plan
    assert plan.year == 2023 and plan.counts() == {"parts": 2, "sections": 1, "tasks": 4, "departments": 6}
    assert [p.title for p in plan.parts] == ["Strengthen protection", "Promote use"]
    assert plan.parts[1].sections[0].number is None
    assert task(plan, 1).text == "Revise the regulations on trade secrets (2019) and publish them."
    assert task(plan, 2).departments == ["Ministry of Ecology and Environment", "Lunar Affairs Bureau"]
    assert result.departments["Lunar Affairs Bureau"].verified is False
    assert any("Lunar Affairs Bureau" in w and "task 2" in w for w in result.warnings)
    assert plan.note == "Where several departments are listed, the first leads."


def test_json_round_trip_is_exact(sample_result):
    text = dumps(sample_result.plan)
    assert dumps(plan_from_json(json.loads(text), default_registry()).plan) == text


def test_reading_the_file_gives_the_bundled_plan(tmp_path, sample_result):
    path = tmp_path / "plan.json"
    path.write_text(dumps(sample_result.plan), encoding="utf-8")
    assert plan_to_json(read_plan_file(path).plan) == plan_to_json(sample_result.plan)


def test_a_real_chinese_plan_reads_with_chinese_department_clauses():
    """The 2024 plan (a repost cut off after task 10): '（X、Y负责）' clauses and '等部门'."""
    from pathlib import Path

    result = read_plan_file(Path(__file__).parent / "fixtures" / "ip2024-plan-zh-partial.txt")
    plan = result.plan
    assert plan.title == "2024 年知识产权强国建设推进计划" and plan.year == 2024
    assert [t.number for t in plan.tasks] == list(range(1, 11))
    assert [s.title for s in plan.parts[0].sections] == ["完善知识产权法律法规规章", "改革完善知识产权重大政策"]
    assert task(plan, 4).departments == ["Ministry of Agriculture and Rural Affairs", NFGA]
    assert task(plan, 9).departments == ["Ministry of Finance", CNIPA, CPD]  # "中央宣传部等部门"
    assert all(d.verified for d in result.departments.values())
    assert any("introduction before the first part" in w for w in result.warnings)


def test_numbering_that_jumps_too_far_is_flagged_not_hidden():
    """The clauses, not the numbers, make the tasks: all four are read, and the jump is reported."""
    text = ANOTHER_YEAR.replace("3. Build twelve", "9. Build twelve").replace("4. Train", "10. Train")
    result = read_plan_text(text, default_registry())
    assert [t.number for t in result.plan.tasks] == [1, 2, 9, 10]
    assert task(result.plan, 9).text == "Build twelve service centres."
    assert "the numbering jumps from 2 to 9 before \u201cBuild twelve service\u201d" in result.warnings


def test_one_missing_number_is_reported():
    text = ANOTHER_YEAR.replace("3. Build twelve", "4. Build twelve").replace("4. Train", "5. Train")
    result = read_plan_text(text, default_registry())
    assert [t.number for t in result.plan.tasks] == [1, 2, 4, 5]
    assert "no task numbered 3: the numbering jumps from 2 to 4" in result.warnings
    assert task(result.plan, 4).text == "Build twelve service centres."


def test_a_task_number_glued_to_the_year_in_the_title():
    text = ("Key tasks in 20231. Revise the rules. (Responsible for Ministry of Justice)two. Train examiners "
            "in 2023. (Ministry of Education)Three. Publish one hundred cases. (In charge of Ministry of Commerce)")
    plan = read_plan_text(text, default_registry()).plan
    assert (plan.title, plan.year) == ("Key tasks in 2023", 2023)
    assert [(t.number, t.text) for t in plan.tasks] == [
        (1, "Revise the rules."), (2, "Train examiners in 2023."), (3, "Publish one hundred cases.")]


def test_a_state_council_opinion_whose_tasks_start_in_part_four():
    """国发〔2019〕3号: parts 一 to 三 have no tasks; task 1's clause states the lead rule."""
    from pathlib import Path

    result = read_plan_file(Path(__file__).parent / "fixtures" / "gov2019-3-bonded-zones-zh.txt")
    plan = result.plan
    assert plan.year == 2019 and [t.number for t in plan.tasks] == list(range(1, 22))
    assert [(p.number, p.title) for p in plan.parts] == [(4, "主要任务")]
    assert [s.number for s in plan.parts[0].sections] == [1, 2, 3, 4, 5]
    assert task(plan, 1).departments == ["State Taxation Administration", "Ministry of Finance",
                                         "General Administration of Customs"]
    assert task(plan, 13).departments[-1] == "National Cultural Heritage Administration"
    assert all(d.verified for d in result.departments.values())


def test_provincial_work_points_with_lead_clauses_and_gaps_in_the_numbering():
    """Digital Guangdong 2025 (58 of 62 tasks): '（X牵头，Y按职责分工负责）' and lists broken by a comma."""
    from pathlib import Path

    result = read_plan_file(Path(__file__).parent / "fixtures" / "guangdong-digital-2025-zh.txt")
    plan = result.plan
    assert plan.counts()["tasks"] == 58 and len(plan.parts) == 6
    assert "no task numbered 31 to 33: the numbering jumps from 30 to 34" in result.warnings
    cities = default_registry().find("各地级以上市人民政府")  # a group of the registry: "City governments"
    assert cities.kind == "group"
    assert task(plan, 1).departments == ["省科技厅", "省工业和信息化厅", cities.name]
    assert task(plan, 2).departments == ["省工业和信息化厅"]
    assert task(plan, 29).departments == ["省自然资源厅", "省住房城乡建设厅", "省农业农村厅", "省市场监管局",
                                          "省海洋综合执法总队"]
    assert task(plan, 28).departments == ["省发展改革委", "省财政厅", "省政务和数据局", "省统计局"]  # not the NBS
    assert all(d.verified is False for name, d in result.departments.items() if name.startswith("省"))
