"""The command line's lines in Chinese: each English template desktop/cli.py prints, and its Chinese sentence.

Qt-free, so the command line never loads Qt: its few lines do not go through the window's Qt translation.
tests/test_cli_language.py keeps it complete.
"""
from __future__ import annotations

CLI_ZH = {
    "Imported plan {plan_id}: {title} ({year})": "已导入计划 {plan_id}：{title}（{year}）",
    "Already stored as plan {plan_id}: {title}; nothing imported": "已存为计划 {plan_id}：{title}；本次未导入",
    "  {parts} parts, {sections} sections, {tasks} tasks, {departments} departments":
        "  {parts} 个部分，{sections} 个小节，{tasks} 项任务，{departments} 个单位",
    "  {clauses} department clauses found, {tasks} tasks stored, {unplaced} clauses not placed":
        "  找到 {clauses} 处责任单位，存入 {tasks} 项任务，{unplaced} 处责任单位未能归入任务",
    "warning: {warning}": "警告：{warning}",
    "department": "单位",
    "Chinese": "中文名称",
    "abbr.": "英文缩写",
    "leads": "牵头",
    "takes part": "参与",
    "  (unverified)": "  （未核实）",
    "Wrote {notes} notes and {states} states to {path}": "已将 {notes} 条备注和 {states} 个审阅状态写入 {path}",
    "Merged {path}: {notes} notes and {states} states changed, {conflicts} new conflicts":
        "已合并 {path}：{notes} 条备注和 {states} 个审阅状态有变化，新增 {conflicts} 处冲突",
    "Wrote the review report to {path}": "审阅报告已写入 {path}",
    "Wrote the sheets of {departments} department(s) to {files} file(s):":
        "已将 {departments} 个单位的任务分工表写入 {files} 个文件：",
}
