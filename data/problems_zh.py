"""The core's failures in Chinese: each English template (as data/ raises it) and its Chinese sentence.

The English templates mostly say what the file named before them is or holds ("is corrupt"); the Chinese
sentences leave the file as their understood subject (“已损坏”). tests/test_problems.py keeps this complete.
"""
from __future__ import annotations

PROBLEMS_ZH = {
    # plan files (data/readers.py, data/json_format.py)
    "the file is empty": "文件为空",
    "the file is binary, not plan text or JSON": "这是二进制文件，不是计划文本或 JSON 文件",
    "the file is not text in UTF-8 or GB18030": "文件不是 UTF-8 或 GB18030 编码的文本",
    "no such file": "文件不存在",
    "this is a folder, not a plan file": "这是文件夹，不是计划文件",
    "cannot be read ({reason})": "无法读取（{reason}）",
    "malformed JSON at line {line}, column {column}: {reason}": "JSON 格式有误：第 {line} 行第 {column} 列（{reason}）",
    "not a plan in the plan-review JSON format: {reason}": "不是 plan-review JSON 格式的计划：{reason}",
    "no recognisable numbered tasks with department clauses": "找不到标有责任单位的编号任务",
    "the file is not a JSON object": "文件内容不是 JSON 对象",
    "{where} is not an object": "{where} 不是对象",
    "the file has no “{key}”": "文件缺少“{key}”",
    "{where} has no “{key}”": "{where} 缺少“{key}”",
    "the file's “{key}” has the wrong type": "文件的“{key}”类型不对",
    "{where}.{key} has the wrong type": "{where}.{key} 类型不对",
    "the format is not “{format}”": "格式不是“{format}”",
    "format version {version} is not supported (this program reads {known})":
        "不支持格式版本 {version}（本程序读取版本 {known}）",
    "{where}.role must be “{role}”": "{where}.role 应为“{role}”",
    "the plan has no tasks": "计划中没有任务",
    # databases (data/store.py, data/session.py)
    "cannot be opened ({reason})": "无法打开（{reason}）",
    "this is a folder, not a database file": "这是文件夹，不是数据库文件",
    "no such database; import a plan first": "数据库不存在；请先导入计划",
    "cannot be read (permission denied)": "无法读取（没有权限）",
    "is not an SQLite database": "不是 SQLite 数据库",
    "is corrupt ({reason})": "已损坏（{reason}）",
    "was written by a newer Plan Review (schema {version}; this program knows up to {known})":
        "由较新版本的计划审阅写入（数据库结构版本 {version}；本程序最高支持版本 {known}）",
    "is an SQLite database, but not a Plan Review database": "是 SQLite 数据库，但不是计划审阅的数据库",
    "is locked by another program; close it and try again": "已被其他程序锁定；请关闭该程序后重试",
    "cannot be written (read-only file or folder)": "无法写入（文件或文件夹是只读的）",
    "cannot be used ({reason})": "无法使用（{reason}）",
    "holds no plan with id {plan_id}": "没有编号为 {plan_id} 的计划",
    "holds no plan yet; import one first": "还没有计划；请先导入计划",
    "knows no department '{name}'": "没有名为“{name}”的单位",
    "knows no department '{name}'; did you mean {suggestions}?": "没有名为“{name}”的单位；是否要找 {suggestions}？",
    "plan {plan_id} gives no task to {department}": "计划 {plan_id} 没有分配给 {department} 的任务",
    # writing files (data/files.py, exporters/)
    "cannot be written: it is open in another program, or the folder is read-only":
        "无法写入：文件正被其他程序打开，或文件夹是只读的",
    "cannot be written: the disk is full": "无法写入：磁盘已满",
    "cannot be written ({reason})": "无法写入（{reason}）",
    "cannot be made a folder ({reason})": "无法建立文件夹（{reason}）",
    "cancelled": "已取消",
    # review files and review edits (data/review/)
    "is not a review file (not UTF-8 text)": "不是审阅文件（不是 UTF-8 文本）",
    "is truncated or not JSON ({reason} at line {line})": "不完整或不是 JSON 文件（第 {line} 行：{reason}）",
    "is not a Plan Review review file": "不是计划审阅导出的审阅文件",
    "was written by a newer Plan Review (review file version {version}; this program reads up to {known})":
        "由较新版本的计划审阅写入（审阅文件版本 {version}；本程序最高读取版本 {known}）",
    "was altered or damaged after export (its checksum does not match)": "导出后被改动或损坏（校验和不符）",
    "is malformed: {reason}": "内容有误：{reason}",
    "plan.fingerprint is missing": "缺少 plan.fingerprint",
    "replica is missing": "缺少 replica",
    "{name} is not a list": "{name} 不是列表",
    "{where}.{name} is missing or invalid": "{where}.{name} 缺失或无效",
    "a note id appears twice": "有重复的备注编号",
    "is a review of another plan (stored here as plan {other}), not of plan {plan_id}":
        "是另一个计划的审阅（本数据库中的计划 {other}），不是计划 {plan_id} 的审阅",
    "is a review of another plan (not stored in this database), not of plan {plan_id}":
        "是另一个计划的审阅（该计划不在本数据库中），不是计划 {plan_id} 的审阅",
    "names task position {position}, which plan {plan_id} does not have":
        "含有任务位置 {position}，但计划 {plan_id} 中没有该任务",
    "a reviewer name cannot be empty": "审阅人姓名不能为空",
    "a note cannot be empty": "备注不能为空",
    "holds no task with id {task_id}": "没有编号为 {task_id} 的任务",
    "note {note_id} was written by {author}; only its author can change it": "备注 {note_id} 由 {author} 撰写；只有作者本人可以修改",
    "note {note_id} was deleted": "备注 {note_id} 已被删除",
    "note {note_id} has no conflicting version {version}": "备注 {note_id} 没有冲突版本 {version}",
    "knows no review status '{status}' (one of {statuses})": "没有审阅状态“{status}”（可选：{statuses}）",
    "holds no note {note_id}": "没有备注 {note_id}",
    # the command line (desktop/cli.py)
    "plan {plan_id} has no task {number}": "计划 {plan_id} 中没有任务 {number}",
    "review set needs --status, --flag or --no-flag": "review set 需要 --status、--flag 或 --no-flag",
}
