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
    "the Word document holds no text": "Word 文档中没有文字",
    "no task rows under the ledger's header": "台账表头下没有任务行",
    "no task ledger header found (a task column such as 重点任务/Task and a lead or responsible column such as "
    "牵头单位/Lead); the columns found: {found}":
        "找不到任务台账的表头（需有“重点任务”等任务列，以及“牵头单位”“责任单位”等单位列）；找到的列：{found}",
    "none": "无",
    "--map '{text}': write NAME=BODY (BODY: a department the registry knows)":
        "--map “{text}”：请写成 名称=单位（单位须为单位名录中已有的单位）",
    "--map '{text}': the registry knows no department '{body}'": "--map “{text}”：单位名录中没有“{body}”",
    "--map '{text}': the registry knows no department '{body}'; did you mean {suggestions}?":
        "--map “{text}”：单位名录中没有“{body}”；是否要找 {suggestions}？",
    # other kinds of plan file (data/formats/)
    "plain text": "纯文本文件",
    "plan JSON": "计划 JSON 文件",
    "Word document (.docx)": "Word 文档（.docx）",
    "Excel workbook (.xlsx)": "Excel 工作簿（.xlsx）",
    "PDF": "PDF 文件",
    "web page": "网页",
    "saved web archive (.mht)": "网页存档（.mht）",
    "CSV task ledger": "CSV 任务台账",
    "older Word or WPS document (.doc/.wps/.rtf)": "旧版 Word 或 WPS 文档（.doc/.wps/.rtf）",
    "older Excel or WPS workbook (.xls/.et)": "旧版 Excel 或 WPS 工作簿（.xls/.et）",
    "the file is {size:,.0f} MB; a {kind} of more than {limit} MB is not read as a plan":
        "文件大小为 {size:,.0f} MB；超过 {limit} MB 的{kind}不作为计划读取",
    "a damaged zip archive (a Word or Excel file?): {reason}": "zip 压缩包已损坏（Word 或 Excel 文件？）：{reason}",
    "a zip archive that holds no Word document or Excel workbook": "zip 压缩包中既没有 Word 文档也没有 Excel 工作簿",
    "an older Office file that is neither a Word document nor a workbook": "旧版 Office 文件，但既不是 Word 文档也不是工作簿",
    "a damaged zip archive: {reason}": "zip 压缩包已损坏：{reason}",
    "the archive holds {parts:,} parts (more than {limit:,}): refused as a zip bomb":
        "压缩包含有 {parts:,} 个部件（超过 {limit:,} 个）：疑为压缩炸弹，拒绝读取",
    "the archive would inflate to {size:,.0f} MB (more than {limit} MB): refused as a zip bomb":
        "压缩包解压后将达 {size:,.0f} MB（超过 {limit} MB）：疑为压缩炸弹，拒绝读取",
    "the document's XML would inflate to {size:,.1f} MB (more than {limit:,.1f} MB): too large to be read as a plan":
        "文档的 XML 解压后将达 {size:,.1f} MB（超过 {limit:,.1f} MB）：过大，不作为计划读取",
    "the part {part} is compressed {ratio:,} to 1 (more than {limit} to 1): refused as a zip bomb":
        "部件 {part} 的压缩比为 {ratio:,}:1（超过 {limit}:1）：疑为压缩炸弹，拒绝读取",
    "the part {part} declares a DTD or entities (refused: they can expand without bound or read other files)":
        "部件 {part} 声明了 DTD 或实体（拒绝读取：它们可能无限展开或读取其他文件）",
    "the part {part} is not well-formed XML: {reason}": "部件 {part} 不是格式正确的 XML：{reason}",
    "{kind} files are read by converting them with LibreOffice, which is not installed: install LibreOffice "
    "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui), or save the file as "
    ".{target} and import that":
        "{kind} 文件需用 LibreOffice 转换后读取，但未安装 LibreOffice：请安装（Debian/Ubuntu："
        "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui），或将文件另存为 .{target} 后再导入",
    "LibreOffice did not convert the file within {seconds} s": "LibreOffice 未能在 {seconds} 秒内完成转换",
    "LibreOffice could not be started: {reason}": "无法启动 LibreOffice：{reason}",
    "LibreOffice could not convert the file to .{target} (damaged, or protected by a password?)":
        "LibreOffice 无法将文件转换为 .{target}（文件损坏或设有密码？）",
    "the PDF has no text layer (a scanned document?): it must be run through text recognition (OCR) before it "
    "can be read": "PDF 没有文字层（扫描件？）：须先经文字识别（OCR）才能读取",
    "the PDF holds no text": "PDF 中没有文字",
    "the PDF is encrypted and needs a password to open": "PDF 已加密，需要密码才能打开",
    "the PDF is encrypted with a security handler that cannot be opened": "PDF 的加密方式无法打开",
    "a damaged PDF: {reason}": "PDF 已损坏：{reason}",
    "its structure cannot be read": "文件结构无法读取",
    "a page cannot be read": "有页面无法读取",
    "the PDF has more than {limit:,} pages: not read as a plan": "PDF 超过 {limit:,} 页：不作为计划读取",
    "not a readable Excel workbook: {reason}": "不是可读取的 Excel 工作簿：{reason}",
    "the sheet {sheet} has more than {limit:,} cells: not read as a plan": "工作表 {sheet} 超过 {limit:,} 个单元格：不作为计划读取",
    "malformed CSV: {reason}": "CSV 格式有误：{reason}",
    "not a readable Word document: {reason}": "不是可读取的 Word 文档：{reason}",
    "the web archive holds no HTML page": "网页存档中没有 HTML 页面",
    "the web page holds no article text": "网页中没有正文",
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
    # the reader's warnings (data/*_reading.py, data/formats/ledger.py, data/json_format.py)
    "task {number}: {warning}": "任务 {number}：{warning}",
    "department “{name}” is not in the registry; kept as a new, unverified department":
        "单位名录中没有“{name}”；已作为未核实的新单位保留",
    "a department is named twice; kept once": "同一单位出现两次；只保留一次",
    "its text holds another department clause; check the numbering around it": "任务内容中还有一处责任单位；请核对前后编号",
    "no task numbered {missing}: the numbering jumps from {number} to {following}":
        "没有编号为 {missing} 的任务：编号从 {number} 跳到 {following}",
    "the text after task {last} still names departments but holds no task numbered {next}; it was kept as the "
    "plan's closing note": "任务 {last} 之后的文字仍列有责任单位，但没有编号为 {next} 的任务；已作为计划的结尾说明保留",
    "a department clause follows no task text and was not placed: “…{excerpt}”": "有一处责任单位前面没有任务内容，未能归入任务：“…{excerpt}”",
    "the numbering jumps from {before} to {after} before “{heading}”": "在“{heading}”之前编号从 {before} 跳到 {after}",
    "the introduction before the first part was left out: “{excerpt}…”": "第一部分之前的引言未收录：“{excerpt}…”",
    "{clauses} department clauses found, {tasks} tasks stored, {unplaced} clauses not placed":
        "找到 {clauses} 处责任单位，存入 {tasks} 项任务，{unplaced} 处未能归入任务",
    "row {row}: no lead or responsible department": "第 {row} 行：没有牵头单位或责任单位",
    "the ledger's columns were read as: {columns}": "台账各列读作：{columns}",
    "“{header}” {role}": "“{header}”为{role}",
    "not read": "不读取",
    "number": "序号",
    "part": "部分",
    "section": "小节",
    "task": "任务",
    "lead": "牵头单位",
    "participants": "参与单位",
    "deadline": "完成时限",
    "other": "其他",
    "the file is named {suffix} but is a {kind}; read as one": "文件扩展名为 {suffix}，实际是{kind}；已按此读取",
    # databases (data/store.py, data/session.py)
    "cannot be opened ({reason})": "无法打开（{reason}）",
    "this is a folder, not a database file": "这是文件夹，不是数据库文件",
    "no such database; import a plan first": "数据库不存在；请先导入计划",
    "cannot be read (permission denied)": "无法读取（没有权限）",
    "is damaged: {reason}": "已损坏：{reason}",
    "cannot be created ({reason})": "无法创建（{reason}）",
    "is on read-only media or in a read-only folder: opened read-only, nothing can be saved":
        "位于只读介质或只读文件夹中：已以只读方式打开，无法保存任何修改",
    "{read_only}, and it needs an upgrade this program cannot write": "{read_only}，且需要升级，而本程序无法写入",
    "{damage}. It was left untouched; a copy is kept at {kept}": "{damage}。文件未作任何改动；副本保存在 {kept}",
    "{damage}. It was left untouched; no copy could be kept beside it (read-only folder)":
        "{damage}。文件未作任何改动；无法在其旁保存副本（文件夹只读）",
    "the plan would read exactly as plan {other}, which is stored already; the change was not made":
        "修改后的计划将与已存的计划 {other} 完全相同；未作修改",
    "cannot be backed up before this change ({reason}); nothing was changed": "修改前无法备份（{reason}）；未作任何修改",
    "was written by a newer Plan Review (schema {version})": "由较新版本的计划审阅写入（数据库结构版本 {version}）",
    "is damaged or not a backup ({reason})": "已损坏或不是备份文件（{reason}）",
    "has no backup number {number} (see plan-review backup list)": "没有编号为 {number} 的备份（参见 plan-review backup list）",
    "before an import": "导入前",
    "before a review merge": "合并审阅前",
    "before an upgrade": "升级前",
    "before a restore": "恢复前",
    "before a plan was removed": "删除计划前",
    "at start": "启动时",
    "after a stretch of edits": "连续编辑一段时间后",
    "before feedback workbooks were read": "读取反馈表前",
    "is too large to be {kind} ({size:,.1f} MB; at most {limit:,.0f} MB)":
        "过大，不能作为{kind}读取（{size:,.1f} MB；最多 {limit:,.0f} MB）",
    "a review file": "审阅文件",
    # JSON as read from files (data/json_input.py)
    "is not a plan: {reason}": "不是计划：{reason}",
    "the key “{key}” appears twice in one object": "同一对象中键“{key}”出现两次",
    "the number {number}… is too large": "数字 {number}… 过大",
    "the number {number} is too large": "数字 {number} 过大",
    "{name} is not a number JSON allows": "{name} 不是 JSON 允许的数字",
    "it is nested more than {depth} deep": "嵌套超过 {depth} 层",
    "the text “{text}” holds a lone surrogate (\\ud800–\\udfff), which is not Unicode text":
        "文字“{text}”含有孤立的代理码位（\\ud800–\\udfff），不是合法的 Unicode 文本",
    # damaged databases (data/damage.py)
    "is empty (0 bytes), not a Plan Review database; it was left as it is":
        "是空文件（0 字节），不是计划审阅的数据库；文件保持原样",
    "is not an SQLite database (or its header is damaged)": "不是 SQLite 数据库（或其文件头已损坏）",
    "is damaged: its header is cut short": "已损坏：文件头不完整",
    "is damaged: its header names an impossible page size ({size})": "已损坏：文件头中的页面大小（{size}）不可能成立",
    "is damaged: it is not a whole number of pages (cut short?)": "已损坏：文件长度不是整数个页面（文件被截断？）",
    "is damaged: its header names an unknown file format ({write}, {read})":
        "已损坏：文件头中的文件格式未知（{write}，{read}）",
    "is damaged: its header's page count is zeroed": "已损坏：文件头中的页数被清零",
    "is damaged: it is cut short ({found} of its {pages} pages)": "已损坏：文件被截断（{pages} 页中只有 {found} 页）",
    "its write-ahead log ({log}) is damaged: its header is not SQLite's": "预写日志（{log}）已损坏：其文件头不是 SQLite 的",
    "its write-ahead log ({log}) is damaged: its header fails its checksum": "预写日志（{log}）已损坏：其文件头校验和不符",
    "its write-ahead log ({log}) is damaged: frame {first} fails its checksum and the saved changes up to frame "
    "{last} would be dropped": "预写日志（{log}）已损坏：第 {first} 帧校验和不符，截至第 {last} 帧已保存的修改将会丢失",
    "its write-ahead log ({log}) is missing: the last {frames} saved page changes are lost":
        "预写日志（{log}）缺失：最近保存的 {frames} 处页面修改已丢失",
    "the write-ahead log beside it ({log}) belongs to another database": "旁边的预写日志（{log}）属于另一个数据库",
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
    # feedback workbooks (data/feedback.py)
    "was written by a newer Plan Review (feedback version {version})": "由较新版本的计划审阅写入（反馈表版本 {version}）",
    "its hidden identifiers are incomplete: it cannot be matched": "隐藏的标识信息不完整：无法对应",
    "its hidden identifiers were altered (their checksum does not match)": "隐藏的标识信息被改动（校验和不符）",
    "is not a readable Excel workbook ({reason})": "不是可读取的 Excel 工作簿（{reason}）",
    "does not exist or is not a file": "不存在或不是文件",
    "is not a feedback workbook (it holds no Plan Review identifiers)": "不是反馈表（没有计划审阅的标识信息）",
    "has lost its task table (no sheet carries the hidden column keys)": "任务表已丢失（没有工作表带有隐藏的列标识）",
    "has lost its column '{column}': it cannot be read": "缺少“{column}”列：无法读取",
    "is a feedback workbook for another plan (“{title}”), not for plan {plan_id}":
        "是另一个计划（《{title}》）的反馈表，不是计划 {plan_id} 的",
    "names a department plan {plan_id} gives no task: {department}": "所列单位在计划 {plan_id} 中没有任务：{department}",
    "{file}, row {row}: {problem}": "{file}，第 {row} 行：{problem}",
    "{file}, row {row} (task {task}): {problem}": "{file}，第 {row} 行（任务 {task}）：{problem}",
    "a row from another department's sheet": "来自另一单位反馈表的行",
    "a row this sheet did not send (its hidden key is missing or unknown)": "不是本表发出的行（隐藏标识缺失或无法识别）",
    "the plan's locked columns were edited; the row is not read": "计划的锁定列被修改；此行未读取",
    "the task appears twice; only its first row is read": "该任务出现两次；只读取第一行",
    "progress '{written}' is not one of {choices}": "进展“{written}”不在可选项中：{choices}",
    # department registry files (data/user_registry.py)
    "not a department registry file: {reason}": "不是单位名录文件：{reason}",
    # review files and review edits (data/review/)
    "is not a review file (not UTF-8 text)": "不是审阅文件（不是 UTF-8 文本）",
    "is truncated or not JSON ({reason})": "不完整或不是 JSON 文件（{reason}）",
    "is refused: {reason}": "被拒绝：{reason}",
    "has no review file version this program knows ({version})": "审阅文件版本不是本程序所知的版本（{version}）",
    "one reviewer's state of one task appears twice": "同一审阅人对同一任务的状态出现两次",
    "holds note {note}, which belongs to plan {other} here, not to plan {plan_id}":
        "含有备注 {note}，该备注在本数据库中属于计划 {other}，不属于计划 {plan_id}",
    "gives note {note} another author ({author}; it was written by {writer})":
        "将备注 {note} 的作者改为他人（{author}；原作者为 {writer}）",
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
    # signed review files and the reviewer's key (data/review/, data/identity.py)
    "was altered after {reviewer} signed it (its signature does not match)": "在 {reviewer} 签名后被改动（签名不符）",
    "is malformed: its signer or signature is missing or invalid": "内容有误：签名人或签名缺失或无效",
    "is malformed: its signer is missing or invalid": "内容有误：签名人缺失或无效",
    "is signed by {reviewer} with key {key}, but this database knows {reviewer}'s key as {known}; if {reviewer} "
    "really has a new key, accept it with: plan-review review trust {argument} --key {key}":
        "由 {reviewer} 用密钥 {key} 签名，但本数据库所知 {reviewer} 的密钥为 {known}；如果 {reviewer} 确实换了新密钥，"
        "可用以下命令接受：plan-review review trust {argument} --key {key}",
    "is not signed, but {reviewer}'s review files are signed (it may have been forged from one by removing its "
    "signature)": "没有签名，但 {reviewer} 的审阅文件都有签名（可能是去掉签名后伪造的）",
    "{key} is not a key fingerprint (64 hexadecimal digits)": "{key} 不是密钥指纹（应为 64 位十六进制数字）",
    "cannot be used as your signing key ({reason})": "无法用作您的签名密钥（{reason}）",
    "is not a signing key Plan Review can use (an unencrypted Ed25519 key); move it aside and a new key will be made":
        "不是计划审阅可用的签名密钥（未加密的 Ed25519 密钥）；请将其移开，程序会生成新密钥",
    "a note cannot be empty": "备注不能为空",
    "holds no task with id {task_id}": "没有编号为 {task_id} 的任务",
    "note {note_id} was written by {author}; only its author can change it": "备注 {note_id} 由 {author} 撰写；只有作者本人可以修改",
    "note {note_id} was deleted": "备注 {note_id} 已被删除",
    "note {note_id} has no conflicting version {version}": "备注 {note_id} 没有冲突版本 {version}",
    "knows no review status '{status}' (one of {statuses})": "没有审阅状态“{status}”（可选：{statuses}）",
    "holds no note {note_id}": "没有备注 {note_id}",
    # the command line (desktop/cli.py)
    "plan {plan_id} has no task {number}": "计划 {plan_id} 中没有任务 {number}",
    "feedback workbooks are written as {formats}, not {format}": "反馈表只能写成 {formats}，不能写成 {format}",
    "review set needs --status, --flag or --no-flag": "review set 需要 --status、--flag 或 --no-flag",
}
