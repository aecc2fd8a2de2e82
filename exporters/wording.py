"""What the sheets and reports say, in the language chosen for them (whatever the window's language).

The writers and the document models word every fixed text through `Words`: English templates, their
Chinese in SHEETS_ZH (tests/test_export_language.py keeps it complete); dates as each language writes
them (2026-12-02, 2026年12月2日); departments by their names in that language (data/department_names.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from data.department_names import Named, full_name, short_name
from data.language import CHINESE, ENGLISH, word
from data.numbers import chinese

SHEETS_ZH = {
    # assignment sheets
    "No.": "序号",
    "Part and section": "部分和小节",
    "Task": "任务",
    "Role": "角色",
    "Leads": "牵头",
    "Takes part": "参与",
    "Lead department": "牵头单位",
    "Participating departments": "参与单位",
    "Other participants": "其他参与单位",
    "Department": "单位",
    "Chinese name": "中文名称",
    "English name": "英文名称",
    "Abbreviation": "缩写",
    "Sheet": "工作表",
    "Page": "页码",
    "Department assignment sheets": "任务分工表",
    "Contents": "目录",
    "Overview": "总览",
    "Matrix": "任务分工矩阵",
    "{plan}. Printed {date}.": "{plan}（{date}印制）",
    "Printed {date}": "{date}印制",
    "{counts} {printed}": "{counts}{printed}",
    "Leads {led} tasks, takes part in {taking_part}.": "牵头任务 {led} 项，参与任务 {taking_part} 项。",
    "Leads 1 task, takes part in {taking_part}.": "牵头任务 1 项，参与任务 {taking_part} 项。",
    "Tasks it leads ({count})": "牵头任务（{count} 项）",
    "Tasks it takes part in ({count})": "参与任务（{count} 项）",
    "None.": "无。",
    "Attachment": "附件",
    "{department}: assignment of tasks": "{department}任务分工",
    "({plan})": "（{plan}）",
    "L": "牵",
    "P": "参",
    "Tasks × departments (L leads, P takes part)": "任务 × 单位（牵：牵头，参：参与）",
    "Page {page} of ": "第 {page} 页 ",
    "{total}": "共 {total} 页",
    "Page &P of &N": "第 &P 页 共 &N 页",
    "{where}: {count} unprintable character(s) replaced with \ufffd":
        "{where}：{count} 个无法打印的字符已替换为 \ufffd",
    "task {number}": "任务 {number}",
    "plan title": "计划标题",
    # feedback workbooks (exporters/feedback.py)
    "Please fill in the white columns for each task: Progress (choose from the list), Completion date, Account of "
    "work and Contact, then send the file back. The plan's columns are locked.":
        "请为每项任务填写白色各列：进展（从列表中选择）、完成时间、工作情况和联系人，填好后发回。计划各列已锁定。",
    "{counts} {instructions}": "{counts}{instructions}",
    "Row key": "行标识",
    "Choose one of: {choices}.": "请从以下选项中选择：{choices}。",
    "Type a date, for example 2026-03-31.": "请填写日期，例如 2026-03-31。",
    # review report
    "Review report": "审阅报告",
    "Review": "审阅",
    "Notes": "备注",
    "Reviewed": "已审阅",
    "Needs follow-up": "待跟进",
    "In review": "审阅中",
    "Not reviewed": "未审阅",
    "All tasks": "全部任务",
    "Flagged tasks": "已标记的任务",
    "Tasks needing follow-up": "待跟进的任务",
    "Flagged tasks and tasks needing follow-up": "已标记或待跟进的任务",
    "{selection} ({count})": "{selection}（{count} 项）",
    "Status": "状态",
    "Author": "作者",
    "Written": "撰写日期",
    "Edited": "修改日期",
    "Note": "备注",
    "Conflict": "冲突",
    "Reviewers' statuses": "各审阅人状态",
    "Flagged by": "标记人",
    "Flagged by {names}": "标记人：{names}",
    "Review status": "审阅状态",
    "Review notes": "审阅备注",
    "Deleted on another computer": "已在另一台计算机上删除",
    "Other version: {text}": "另一版本：{text}",
    "[Conflict] {versions}": "［冲突］{versions}",
    ", edited {date}": "，{date}修改",
    "{author} ({date}{edited}): {text}": "{author}（{date}{edited}）：{text}",
    "{reviewer}: {status}": "{reviewer}：{status}",
    "Review progress": "审阅进度",
    "{reviewed} of {total} tasks reviewed{percent}": "已审阅 {reviewed} 项，共 {total} 项{percent}",
    " ({percent}%)": "（{percent}%）",
    "Flagged": "已标记",
    "{notes} on 1 task": "{notes} 条，涉及 1 项任务",
    "{notes} on {tasks} tasks": "{notes} 条，涉及 {tasks} 项任务",
    ", {conflicts} with a conflict": "，其中 {conflicts} 条有冲突",
    "Reviewers": "审阅人",
    "none yet": "暂无",
    "This report": "本报告",
    "{selection}, {shown} of {total}": "{selection}，{shown} 项，共 {total} 项",
    "{where}, note by {author}": "{where}，{author} 的备注",
    "{report}: {what}": "{report}：{what}",
}


@dataclass(frozen=True)
class Words:
    """The fixed texts, dates and department names of a sheet or report, in one language."""

    language: str = ENGLISH

    def __call__(self, template: str, **values: object) -> str:
        return word(template, self.language, SHEETS_ZH, **values)

    @property
    def chinese(self) -> bool:
        return self.language == CHINESE

    def date(self, day: date) -> str:
        """A date as the language writes it: 2026-12-02, or 2026年12月2日."""
        return f"{day.year}年{day.month}月{day.day}日" if self.chinese else day.isoformat()

    def day(self, timestamp: str) -> str:
        """The date of an ISO timestamp, as the language writes it."""
        return self.date(date.fromisoformat(timestamp[:10]))

    def department(self, department: Named) -> str:
        """A department in a list or a table: its Chinese short form, or its official English name."""
        return short_name(department, self.language)

    def full_name(self, department: Named) -> str:
        """A department as a contents page or an overview lists it: its full Chinese name, or its official name."""
        return full_name(department, self.language)

    def other_name(self, department: Named) -> str:
        """The department's name in the other language, where it has one: its English name, or its Chinese."""
        if self.chinese:
            return department.name if department.name != self.full_name(department) else ""
        return department.name_zh or ""

    def sheet_title(self, department: Named) -> str:
        """A department's sheet heading: its full Chinese name, or its English and Chinese names."""
        if self.chinese:
            return full_name(department, self.language)
        return "  ".join(filter(None, (department.name, department.name_zh)))

    def part(self, number: int | None, title: str) -> str:
        """A part with its number, as the plan numbers it: "2. Title", or "二、标题"."""
        if number is None:
            return title
        return f"{chinese(number)}、{title}" if self.chinese else f"{number}. {title}"

    def section(self, part_number: int | None, number: int, title: str | None) -> str:
        """A numbered section: "2.1 Title", or "（一）标题"."""
        if self.chinese:
            return f"（{chinese(number)}）{title or ''}"
        part = "" if part_number is None else part_number
        return f"{part}.{number} {title or ''}".rstrip()
