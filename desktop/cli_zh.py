"""The command line's lines in Chinese: each English template desktop/cli.py prints, and its Chinese sentence.

Qt-free, so the command line never loads Qt: its few lines do not go through the window's Qt translation.
tests/test_cli_language.py keeps it complete.
"""
from __future__ import annotations

CLI_ZH = {
    # Help ▸ About and `plan-review licences` (desktop/licences.py)
    "This program uses Qt {version} and Qt for Python (PySide6 {version}) under the GNU Lesser General Public "
    "License version 3 (LGPL-3.0). Their source code is available from https://download.qt.io/official_releases/ "
    "and https://code.qt.io/. They are kept as separate libraries, which you may replace with your own builds of "
    "the same version.":
        "本程序依据 GNU 宽通用公共许可证第 3 版（LGPL-3.0）使用 Qt {version} 和 Qt for Python（PySide6 {version}）。"
        "其源代码可从 https://download.qt.io/official_releases/ 和 https://code.qt.io/ 获取。它们作为独立的库保留，"
        "您可以用自行编译的同版本库替换。",
    "see its licence text": "见许可证全文",
    "Imported plan {plan_id}: {title} ({year})": "已导入计划 {plan_id}：{title}（{year}）",
    "Already stored as plan {plan_id}: {title}; nothing imported": "已存为计划 {plan_id}：{title}；本次未导入",
    "  {parts} parts, {sections} sections, {tasks} tasks, {departments} departments":
        "  {parts} 个部分，{sections} 个小节，{tasks} 项任务，{departments} 个单位",
    "  {clauses} department clauses found, {tasks} tasks stored, {unplaced} clauses not placed":
        "  找到 {clauses} 处责任单位，存入 {tasks} 项任务，{unplaced} 处责任单位未能归入任务",
    "  {clauses} department clauses found, {tasks} tasks read, {unplaced} clauses not placed":
        "  找到 {clauses} 处责任单位，读出 {tasks} 项任务，{unplaced} 处责任单位未能归入任务",
    "Read (nothing stored): {title} ({year})": "已读取（未存入）：{title}（{year}）",
    "year unknown": "年份不详",
    "lead: {lead}; participants: {participants}": "牵头：{lead}；参与：{participants}",
    "; deadline: {deadline}": "；完成时限：{deadline}",
    "unknown department: {name}": "未知单位：{name}",
    " (close: {close}; map it with --map \"{name}=BODY\")": "（相近：{close}；可用 --map \"{name}=BODY\" 对应）",
    "{path}: no damage found": "{path}：未发现损坏",
    "Wrote {entries} departments to {path}": "已将 {entries} 个单位写入 {path}",
    "Added {bodies} departments and {spellings} spellings from {path}": "已从 {path} 添加 {bodies} 个单位和 {spellings} 种写法",
    "{plans} plan(s), {notes} note(s), {statuses} status(es)": "{plans} 个计划，{notes} 条备注，{statuses} 个审阅状态",
    "Restored {backup}; the content it replaced is kept as {before}": "已恢复 {backup}；被替换的内容另存为 {before}",
    "tasks": "任务",
    "answered": "已反馈",
    "{answered} of {total} answered.": "{total} 个单位中已有{answered}反馈。",
    "Not answered yet ({count}):": "尚未反馈（{count} 个）：",
    "{department}: {tasks} answered": "{department}：已反馈{tasks}",
    "{departments} answered; {tasks} changed": "{departments}已反馈；{tasks}有变化",
    "; {answers} already stored": "；{answers}此前已存入",
    "row not read: {row}": "未读取的行：{row}",
    "plan-review: {path}: {problem}; nothing stored from it": "plan-review：{path}：{problem}；未存入其中任何内容",
    "{count} department": "{count} 个单位",
    "{count} departments": "{count} 个单位",
    "{count} task": "{count} 项任务",
    "{count} tasks": "{count} 项任务",
    "{count} answer": "{count} 条反馈",
    "{count} answers": "{count} 条反馈",
    "Task {task}: deadline {day} (set by the office)": "任务 {task}：完成时限 {day}（本单位设定）",
    "Task {task}: the office's deadline cleared": "任务 {task}：已清除本单位设定的完成时限",
    "Wrote {path}": "已写入 {path}",
    "{count} note": "{count} 条备注",
    "{count} notes": "{count} 条备注",
    "{count} status": "{count} 个审阅状态",
    "{count} statuses": "{count} 个审阅状态",
    "{count} new conflict": "{count} 处新冲突",
    "{count} new conflicts": "{count} 处新冲突",
    " (task {tasks})": "（任务 {tasks}）",
    " (tasks {tasks})": "（任务 {tasks}）",
    "warning: {warning}": "警告：{warning}",
    "department": "单位",
    "Chinese": "中文名称",
    "abbr.": "英文缩写",
    "leads": "牵头",
    "takes part": "参与",
    "(unverified)": "（未核实）",
    "Wrote {notes} and {states} to {path}": "已将{notes}和{states}写入 {path}",
    "Merged {path}: {notes} and {states} changed, {conflicts}": "已合并 {path}：{notes}和{states}有变化，{conflicts}",
    "plan-review: warning: {path} is not signed (written by a Plan Review older than signed review files): who "
    "wrote it cannot be checked": "plan-review：警告：{path} 没有签名（由不支持签名审阅文件的旧版计划审阅写入）：无法核实作者",
    "key {fingerprint}": "密钥 {fingerprint}",
    "{name}\tfirst seen {first_seen}\twrote here {wrote_here}\tmerged {merged}\tkeys {keys}":
        "{name}\t首次出现 {first_seen}\t在此写入 {wrote_here}\t合并 {merged}\t密钥 {keys}",
    "{reviewer}'s review files signed with key {key} are now accepted": "今后接受 {reviewer} 用密钥 {key} 签名的审阅文件",
    "Wrote the review report to {path}": "审阅报告已写入 {path}",
    "Wrote the sheets of {departments} department(s) to {files} file(s):":
        "已将 {departments} 个单位的任务分工表写入 {files} 个文件：",
}
