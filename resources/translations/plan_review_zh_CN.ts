<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Plan Review</source>
        <translation>关于计划审阅</translation>
    </message>
    <message>
        <source>Plan Review</source>
        <translation>计划审阅</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Your database</source>
        <translation>您的数据库</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>made before each import, review merge, upgrade and plan removal, and every half hour of edits; File ▸ Restore from Backup… puts one back</source>
        <translation>每次导入、合并审阅、升级和删除计划前自动生成，编辑期间每半小时一份；用“文件 ▸ 从备份恢复…”恢复</translation>
    </message>
    <message>
        <source>Damaged files, copied aside untouched</source>
        <translation>损坏的文件（原样另存）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Reviewing a government work plan offline: the plan&apos;s tasks and departments, local review notes merged between colleagues, assignment sheets in Excel and PDF.</source>
        <translation>离线审阅政府工作计划：计划的任务和责任单位，在同事之间合并的本地审阅备注，Excel 和 PDF 格式的任务分工表。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Choose a component to read its licence.</source>
        <translation>选择一个组件，查看其许可证。</translation>
    </message>
    <message>
        <source>%1 installed no licence file; its licence is %2.</source>
        <translation>%1 未安装许可证文件；其许可证为 %2。</translation>
    </message>
</context>
<context>
    <name>BackgroundExportDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Wrote %1 files in %2:</source>
        <translation>已在 %2 中写入 %1 个文件：</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 个。</translation>
    </message>
    <message>
        <source>Some characters could not be written and were replaced:</source>
        <translation>部分字符无法写入，已替换：</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Choose the backup to restore. What the database holds now is kept as a backup first, so a restore can itself be undone.</source>
        <translation>选择要恢复的备份。恢复前会先把数据库的现有内容另存为备份，恢复本身也可以撤回。</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <source>This database has no backups yet. One is made before every import, review merge and upgrade, and at start when it changed.</source>
        <translation>本数据库还没有备份。每次导入、合并审阅和升级之前，以及启动时数据库有变化，都会自动备份。</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
</context>
<context>
    <name>BodyChooser</name>
    <message>
        <source>Choose or type a body the registry knows</source>
        <translation>选择或输入单位名录中已有的单位</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Set Deadline of Task %1</source>
        <translation>设定任务 %1 的完成时限</translation>
    </message>
    <message>
        <source>No deadline set by the office (the plan&apos;s own counts)</source>
        <translation>本单位未设定完成时限（以计划自身的为准）</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>完成时限：</translation>
    </message>
</context>
<context>
    <name>DepartmentsModel</name>
    <message>
        <source>&amp;Names and Abbreviations</source>
        <translation>名称和缩写(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Abbreviations</source>
        <translation>缩写(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Chinese Names</source>
        <translation>中文全称(&amp;C)</translation>
    </message>
    <message>
        <source>Unverified: not in the department registry; the name is as the plan wrote it.</source>
        <translation>未核实：单位名录中没有此单位；名称照计划原文。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>参与</translation>
    </message>
    <message>
        <source>Rev.</source>
        <translation>已审</translation>
    </message>
    <message>
        <source>The department (every name of it on hover)</source>
        <translation>单位（悬停可见全部名称）</translation>
    </message>
    <message>
        <source>Tasks it leads</source>
        <translation>牵头的任务</translation>
    </message>
    <message>
        <source>Tasks it takes part in</source>
        <translation>参与的任务</translation>
    </message>
    <message>
        <source>Its tasks you reviewed, of all its tasks in the role chosen</source>
        <translation>您已审阅的该单位任务数 / 所选角色下该单位的任务总数</translation>
    </message>
</context>
<context>
    <name>EditTaskDialog</name>
    <message>
        <source>Edit Task %1</source>
        <translation>修改任务 %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>内容(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Departments:</source>
        <translation>责任单位(&amp;D)：</translation>
    </message>
    <message>
        <source>Separated by “;” — the first leads, the others take part.</source>
        <translation>以“;”分隔——第一个为牵头单位，其余为参与单位。</translation>
    </message>
    <message>
        <source>D&amp;eadline:</source>
        <translation>完成时限(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>&amp;Export Assignment Sheets…</source>
        <translation>导出任务分工表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Re&amp;view Report…</source>
        <translation>导出审阅报告(&amp;V)…</translation>
    </message>
    <message>
        <source>Export &amp;Ledger…</source>
        <translation>导出台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Ledger…</source>
        <translation>台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Das&amp;hboard…</source>
        <translation>进展看板(&amp;H)…</translation>
    </message>
    <message>
        <source>Print Assignment Sheet</source>
        <translation>打印任务分工表</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer reported an error.</source>
        <translation>打印机报告了错误。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Assignment Sheets</source>
        <translation>导出任务分工表</translation>
    </message>
    <message numerus="yes">
        <source>All departments (%n)</source>
        <translation>
            <numerusform>全部单位（%n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected departments (%n)</source>
        <translation>
            <numerusform>选中的单位（%n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Departments the filter shows (%n)</source>
        <translation>
            <numerusform>当前筛选显示的单位（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>One file per department (into a folder)</source>
        <translation>每个单位一个文件（存入文件夹）</translation>
    </message>
    <message>
        <source>Include review status and notes</source>
        <translation>包含审阅状态和备注</translation>
    </message>
    <message>
        <source>Official layout (A4 portrait, GB/T 9704)</source>
        <translation>公文版式（A4 纵向，GB/T 9704）</translation>
    </message>
    <message>
        <source>As a government office prints an attachment: 仿宋 text, 小标宋 title, page numbers “— 3 —” on the outside edge</source>
        <translation>按机关印发附件的格式：正文仿宋，标题小标宋，页码“— 3 —”位于切口一侧</translation>
    </message>
    <message>
        <source>Head each sheet “附件” (printed as an attachment)</source>
        <translation>每张分工表前加“附件”（作为附件印发）</translation>
    </message>
    <message>
        <source>For feedback: a workbook per department to fill in progress</source>
        <translation>用于反馈：每个单位一份工作簿，填写进展</translation>
    </message>
    <message>
        <source>The plan&apos;s columns locked; Progress, Completion date, Account of work and Contact to fill in. Read the returned workbooks with File ▸ Import Feedback…</source>
        <translation>计划各列锁定；由各单位填写进展、完成时间、工作情况和联系人。收回的工作簿用“文件 ▸ 导入反馈…”读取。</translation>
    </message>
    <message>
        <source>Departments:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Writing the feedback workbooks…</source>
        <translation>正在写入反馈表…</translation>
    </message>
    <message>
        <source>Writing the assignment sheets…</source>
        <translation>正在写入任务分工表…</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>ExportFormat</name>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Import Plan: %1</source>
        <translation>导入计划：%1</translation>
    </message>
    <message>
        <source>The plan is stored under this title (left empty: the title read)</source>
        <translation>计划以此标题存入（留空：用读取到的标题）</translation>
    </message>
    <message>
        <source>Map to This Body</source>
        <translation>对应到此单位</translation>
    </message>
    <message>
        <source>Keep as a New Body…</source>
        <translation>作为新单位保留…</translation>
    </message>
    <message>
        <source>A real body the registry lacks: give its English and Chinese names; later imports will know it</source>
        <translation>单位名录中尚无的真实单位：请填写其英文和中文名称，以后导入时即可识别</translation>
    </message>
    <message>
        <source>Departments not in the registry</source>
        <translation>单位名录中没有的单位</translation>
    </message>
    <message>
        <source>Is the same body as:</source>
        <translation>与此单位相同：</translation>
    </message>
    <message>
        <source>Names separated by “;” — the first leads</source>
        <translation>名称以“;”分隔——第一个为牵头单位</translation>
    </message>
    <message>
        <source>Set Departments</source>
        <translation>设定责任单位</translation>
    </message>
    <message>
        <source>The chosen task</source>
        <translation>所选任务</translation>
    </message>
    <message>
        <source>Click where a second task starts, then Split Here</source>
        <translation>在第二项任务开始处点击，然后选择“在此拆分”</translation>
    </message>
    <message>
        <source>Split Here</source>
        <translation>在此拆分</translation>
    </message>
    <message>
        <source>Merge with Next Task</source>
        <translation>与下一项任务合并</translation>
    </message>
    <message>
        <source>Its departments (the first leads):</source>
        <translation>责任单位（第一个为牵头单位）：</translation>
    </message>
    <message>
        <source>Plan &amp;title:</source>
        <translation>计划标题(&amp;T)：</translation>
    </message>
    <message>
        <source>(tasks outside any part)</source>
        <translation>（不属于任何部分的任务）</translation>
    </message>
    <message>
        <source>Ledger Columns</source>
        <translation>台账列</translation>
    </message>
    <message>
        <source>Store Plan</source>
        <translation>存入计划</translation>
    </message>
    <message>
        <source>Ledger Columns…</source>
        <translation>台账列…</translation>
    </message>
    <message>
        <source>Say which column holds the task, the lead, the others, the deadline</source>
        <translation>指明哪一列是任务、牵头单位、其他单位和完成时限</translation>
    </message>
    <message>
        <source>%1 (%2): %3 parts, %4 sections, %5 tasks, %6 departments. Nothing is stored until you choose Store Plan.</source>
        <translation>《%1》（%2）：%3 个部分，%4 个小节，%5 项任务，%6 个单位。选择“存入计划”之前不会存入任何内容。</translation>
    </message>
    <message>
        <source>Close: %1</source>
        <translation>关闭：%1</translation>
    </message>
    <message>
        <source>Choose a task to see it in full.</source>
        <translation>选择一项任务，查看其全文。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Plan Review will speak the chosen language when it starts again.</source>
        <translation>重新启动计划审阅后将使用所选语言。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未反馈</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Progress reported</source>
        <translation>反馈进展</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>%1 (set by the office)</source>
        <translation>%1（本单位设定）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Tasks answered</source>
        <translation>已反馈任务</translation>
    </message>
    <message>
        <source>Overdue (led)</source>
        <translation>逾期（牵头）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LedgerColumnsDialog</name>
    <message>
        <source>Number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>小节</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Responsible / participating</source>
        <translation>责任 / 参与单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Ledger Columns</source>
        <translation>台账列</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>第一行</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <source>Not read</source>
        <translation>不读取</translation>
    </message>
    <message>
        <source>Say what each column holds; the rows are then read again.</source>
        <translation>请指明每一列的内容；随后将重新读取各行。</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>&amp;Copy Reminder</source>
        <translation>复制催办名单(&amp;C)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>催办</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>进展看板</translation>
    </message>
    <message>
        <source>Set &amp;Deadline…</source>
        <translation>设定完成时限(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Print Dashboard…</source>
        <translation>打印进展看板(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 of %2 departments answered · %3 of %4 tasks overdue (as of %5)</source>
        <translation>%2 个单位中已有 %1 个反馈 · %4 项任务中 %3 项逾期（截至 %5）</translation>
    </message>
    <message>
        <source>Every department has answered.</source>
        <translation>各单位均已反馈。</translation>
    </message>
    <message>
        <source>Not answered yet (%1 of %2 departments):</source>
        <translation>尚未反馈（%2 个单位中的 %1 个）：</translation>
    </message>
    <message>
        <source>- %1 (%2 tasks)</source>
        <translation>- %1（%2 项任务）</translation>
    </message>
    <message>
        <source>Set Deadline of Task %1</source>
        <translation>设定任务 %1 的完成时限</translation>
    </message>
    <message>
        <source>Print Dashboard</source>
        <translation>打印进展看板</translation>
    </message>
</context>
<context>
    <name>LedgerExportDialog</name>
    <message>
        <source>Export Ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Writing the ledger…</source>
        <translation>正在写入台账…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Leads or takes part</source>
        <translation>牵头或参与</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>参与</translation>
    </message>
    <message>
        <source>&amp;Show tasks it:</source>
        <translation>任务角色(&amp;S)：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import Plan…</source>
        <translation>导入计划(&amp;I)…</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Go to Plan &amp;Tree</source>
        <translation>转到计划目录(&amp;T)</translation>
    </message>
    <message>
        <source>Go to Task T&amp;able</source>
        <translation>转到任务列表(&amp;A)</translation>
    </message>
    <message>
        <source>Go to &amp;Departments</source>
        <translation>转到责任单位(&amp;D)</translation>
    </message>
    <message>
        <source>Go to Task D&amp;etail</source>
        <translation>转到任务详情(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Wrap Task Text</source>
        <translation>任务内容换行显示(&amp;W)</translation>
    </message>
    <message>
        <source>Department &amp;Names</source>
        <translation>单位名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Plan Review</source>
        <translation>关于计划审阅(&amp;A)</translation>
    </message>
    <message>
        <source>Plan and search</source>
        <translation>计划与搜索</translation>
    </message>
    <message>
        <source>Pl&amp;an:</source>
        <translation>计划(&amp;A)：</translation>
    </message>
    <message>
        <source>Search tasks and departments (%1)</source>
        <translation>搜索任务和单位（%1）</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restored %1; what it replaced is kept as the backup %2</source>
        <translation>已恢复 %1；被替换的内容另存为备份 %2</translation>
    </message>
    <message>
        <source>Plans (*.txt *.json *.docx *.doc *.wps *.pdf *.html *.htm *.mht *.mhtml *.xlsx *.xls *.et *.csv);;All files (*)</source>
        <translation>计划文件 (*.txt *.json *.docx *.doc *.wps *.pdf *.html *.htm *.mht *.mhtml *.xlsx *.xls *.et *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 (%2 tasks)</source>
        <translation>%1（%2 项任务）</translation>
    </message>
    <message>
        <source>Read-only: this database is on read-only media or in a read-only folder; nothing can be saved</source>
        <translation>只读：本数据库位于只读介质或只读文件夹中，无法保存任何修改</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>%1 — %2 — Plan Review</source>
        <translation>%1 — %2 — 计划审阅</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Plan Review databases (*.sqlite *.db);;All files (*)</source>
        <translation>计划审阅数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No other recent databases</source>
        <translation>没有其他最近打开的数据库</translation>
    </message>
    <message>
        <source>Import Plan</source>
        <translation>导入计划</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported “%1”: %2 parts, %3 sections, %4 tasks, %5 departments.</source>
        <translation>已导入《%1》：%2 个部分，%3 个小节，%4 项任务，%5 个单位。</translation>
    </message>
    <message>
        <source>“%1” was already stored; nothing was imported.</source>
        <translation>《%1》此前已导入，本次未导入任何内容。</translation>
    </message>
    <message>
        <source>The reader had to guess in %1 places:</source>
        <translation>有 %1 处需要推断，请核对：</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 处。</translation>
    </message>
    <message>
        <source>Showing %1 of %2 tasks</source>
        <translation>显示 %1 项任务，共 %2 项</translation>
    </message>
    <message>
        <source>No task matches “%1”.</source>
        <translation>没有任务包含“%1”。</translation>
    </message>
    <message>
        <source>No task matches the chosen filters.</source>
        <translation>没有符合所选筛选条件的任务。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge Into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Every task naming “%1” will name this body instead, and later imports will read “%1” as it:</source>
        <translation>所有列有“%1”的任务都将改为此单位，以后导入时也会把“%1”读作此单位：</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>单位(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>NewBodyDialog</name>
    <message>
        <source>New Body</source>
        <translation>新单位</translation>
    </message>
    <message>
        <source>“%1” is kept as a body of its own, known to later imports.</source>
        <translation>“%1”将作为独立单位保留，以后导入时可以识别。</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Chinese name:</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>PlanController</name>
    <message>
        <source>&amp;Edit Task…</source>
        <translation>修改任务(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Plan…</source>
        <translation>删除计划(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;Department Registry…</source>
        <translation>导出单位名录(&amp;D)…</translation>
    </message>
    <message>
        <source>Import Department Re&amp;gistry…</source>
        <translation>导入单位名录(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge the chosen unverified department into a body the registry knows</source>
        <translation>将所选的未核实单位合并到单位名录中已有的单位</translation>
    </message>
    <message>
        <source>Depar&amp;tments</source>
        <translation>单位(&amp;T)</translation>
    </message>
    <message>
        <source>Edit Task</source>
        <translation>修改任务</translation>
    </message>
    <message>
        <source>Merge Into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Remove “%1” (%2 tasks) and every note and status written on it from this database?</source>
        <translation>从本数据库中删除《%1》（%2 项任务）及其全部备注和审阅状态？</translation>
    </message>
    <message>
        <source>A backup of the database as it is now is kept first (File ▸ Restore from Backup…).</source>
        <translation>删除前会先备份数据库的现有内容（文件 ▸ 从备份恢复…）。</translation>
    </message>
    <message>
        <source>Remove Plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>Export Department Registry</source>
        <translation>导出单位名录</translation>
    </message>
    <message>
        <source>Department registry (*.json)</source>
        <translation>单位名录 (*.json)</translation>
    </message>
    <message>
        <source>%1 departments you added or spell your own way were written to
%2</source>
        <translation>您添加的或自定写法的 %1 个单位已写入
%2</translation>
    </message>
    <message>
        <source>Import Department Registry</source>
        <translation>导入单位名录</translation>
    </message>
    <message>
        <source>%1 new departments and %2 spellings were added; the next plans you import will know them.</source>
        <translation>已添加 %1 个新单位和 %2 种写法；之后导入的计划即可识别。</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>（%1）%2</translation>
    </message>
    <message>
        <source>Part, section and task</source>
        <translation>部分、小节和任务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>每张页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Not reviewed</source>
        <translation>未审阅</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>推进中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>受阻</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Set Status to &amp;Not Reviewed</source>
        <translation>设为未审阅(&amp;N)</translation>
    </message>
    <message>
        <source>Set Status to &amp;In Review</source>
        <translation>设为审阅中(&amp;I)</translation>
    </message>
    <message>
        <source>Set Status to &amp;Reviewed</source>
        <translation>设为已审阅(&amp;R)</translation>
    </message>
    <message>
        <source>Set Status to Needs &amp;Follow-up</source>
        <translation>设为待跟进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>F&amp;lag Task</source>
        <translation>标记任务(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add Note…</source>
        <translation>添加备注(&amp;A)…</translation>
    </message>
    <message>
        <source>Reviewer Identi&amp;ty…</source>
        <translation>审阅人身份(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport My Review…</source>
        <translation>导出我的审阅(&amp;X)…</translation>
    </message>
    <message>
        <source>Import Revie&amp;w…</source>
        <translation>导入审阅(&amp;W)…</translation>
    </message>
    <message>
        <source>Import &amp;Feedback…</source>
        <translation>导入反馈(&amp;F)…</translation>
    </message>
    <message>
        <source>Import Feedback F&amp;older…</source>
        <translation>导入反馈文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>有备注</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Tasks I set a status or flag on, or wrote a note on</source>
        <translation>我设置过状态或标记、或写过备注的任务</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Tasks with a note changed on two computers, to settle</source>
        <translation>备注在两台计算机上都有修改、待解决的任务</translation>
    </message>
    <message>
        <source>Whose status and flag the filters read</source>
        <translation>筛选依据谁的状态和标记</translation>
    </message>
    <message>
        <source>Revie&amp;w:</source>
        <translation>审阅(&amp;W)：</translation>
    </message>
    <message>
        <source>Review filters</source>
        <translation>审阅筛选</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <source>Anyone&apos;s status</source>
        <translation>任何人的状态</translation>
    </message>
    <message>
        <source>%1&apos;s status</source>
        <translation>%1 的状态</translation>
    </message>
    <message>
        <source>Flagged by %1</source>
        <translation>标记人：%1</translation>
    </message>
    <message>
        <source>%1 with a conflict to settle</source>
        <translation>其中 %1 有待解决的冲突</translation>
    </message>
    <message>
        <source>Reviewer Identity</source>
        <translation>审阅人身份</translation>
    </message>
    <message>
        <source>Reviewer: %1</source>
        <translation>审阅人：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>the reviewer and their department</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Your reviewer identity, the same in the window and on the command line; kept in %1</source>
        <translation>您的审阅人身份，窗口与命令行相同；保存在 %1</translation>
    </message>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>已审阅 %1 项，共 %2 项</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>The change was not made.</source>
        <translation>未能完成修改。</translation>
    </message>
    <message>
        <source>.</source>
        <comment>ends a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>Flag Task</source>
        <translation>标记任务</translation>
    </message>
    <message>
        <source>Unflag Task</source>
        <translation>取消标记</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>修改备注</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>删除备注</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>Export My Review</source>
        <translation>导出我的审阅</translation>
    </message>
    <message>
        <source>Review files (*.json);;All files (*)</source>
        <translation>审阅文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Wrote %1 and %2 to %3</source>
        <translation>已将 %1 和 %2 写入 %3</translation>
    </message>
    <message>
        <source>Import Review</source>
        <translation>导入审阅</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message>
        <source>Unknown Signing Key</source>
        <translation>未知的签名密钥</translation>
    </message>
    <message>
        <source>“%1” says it was signed by %2, but with another key than the one this database knows for %2.</source>
        <translation>“%1”称由 %2 签名，但所用密钥与本数据库所知 %2 的密钥不同。</translation>
    </message>
    <message>
        <source>Key known for %1:
%2

Key of this file:
%3

Someone else may have written this file under %1&apos;s name. Trust the new key only if %1 confirms it (for example by reading its fingerprint to you: plan-review review whoami --key).</source>
        <translation>%1 的已知密钥：
%2

此文件的密钥：
%3

可能有人冒用 %1 的名义写了此文件。只有在 %1 确认后才信任新密钥（例如请对方念出其指纹：plan-review review whoami --key）。</translation>
    </message>
    <message>
        <source>Trust New Key and Import</source>
        <translation>信任新密钥并导入</translation>
    </message>
    <message>
        <source>Import Feedback</source>
        <translation>导入反馈</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Feedback Folder</source>
        <translation>导入反馈文件夹</translation>
    </message>
    <message>
        <source>Reading feedback…</source>
        <translation>正在读取反馈…</translation>
    </message>
    <message>
        <source>1 department answered:</source>
        <translation>1 个单位已反馈：</translation>
    </message>
    <message>
        <source>%1 departments answered:</source>
        <translation>%1 个单位已反馈：</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 项任务</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 项任务</translation>
    </message>
    <message>
        <source>1 task changed</source>
        <translation>1 项任务有变化</translation>
    </message>
    <message>
        <source>%1 tasks changed</source>
        <translation>%1 项任务有变化</translation>
    </message>
    <message>
        <source>1 answer was stored already and changed nothing.</source>
        <translation>1 条反馈此前已存入，未作改动。</translation>
    </message>
    <message>
        <source>%1 answers were stored already and changed nothing.</source>
        <translation>%1 条反馈此前已存入，未作改动。</translation>
    </message>
    <message>
        <source>1 file was refused: nothing was stored from it.</source>
        <translation>1 个文件被拒绝：未存入其中任何内容。</translation>
    </message>
    <message>
        <source>%1 files were refused: nothing was stored from them.</source>
        <translation>%1 个文件被拒绝：未存入其中任何内容。</translation>
    </message>
    <message>
        <source>1 row could not be matched and was not read.</source>
        <translation>1 行无法对应，未读取。</translation>
    </message>
    <message>
        <source>%1 rows could not be matched and were not read.</source>
        <translation>%1 行无法对应，未读取。</translation>
    </message>
    <message>
        <source>Show Details… names each one and why.</source>
        <translation>“显示详细信息…”列出每一项及原因。</translation>
    </message>
    <message>
        <source>Merged from “%1”: %2, %3.</source>
        <translation>已从“%1”合并：%2，%3。</translation>
    </message>
    <message>
        <source>1 conflict to settle, in task %2.</source>
        <translation>任务 %2 中有 1 处冲突待解决。</translation>
    </message>
    <message>
        <source>%1 conflicts to settle, in tasks %2.</source>
        <translation>任务 %2 中有 %1 处冲突待解决。</translation>
    </message>
    <message>
        <source>The Conflicts filter now shows them; choose the version to keep of each.</source>
        <translation>“冲突”筛选现已列出这些任务；请逐条选择要保留的版本。</translation>
    </message>
    <message>
        <source>“%1” holds nothing new: it was merged before.</source>
        <translation>“%1”没有新内容：此前已合并。</translation>
    </message>
    <message>
        <source>This file is not signed (it was written by a Plan Review older than signed review files): who wrote it cannot be checked.</source>
        <translation>此文件没有签名（由不支持签名审阅文件的旧版计划审阅写入）：无法核实作者。</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>签名人：%1。</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 条备注</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 条备注</translation>
    </message>
    <message>
        <source>1 status</source>
        <translation>1 个状态</translation>
    </message>
    <message>
        <source>%1 statuses</source>
        <translation>%1 个状态</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Fla&amp;gged</source>
        <translation>已标记(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;My status:</source>
        <translation>我的状态(&amp;M)：</translation>
    </message>
    <message>
        <source>Ed&amp;it</source>
        <translation>修改(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Write a note on this task… (Ctrl+Enter adds it)</source>
        <translation>为本任务写备注…（Ctrl+Enter 添加）</translation>
    </message>
    <message>
        <source>Add &amp;Note</source>
        <translation>添加备注(&amp;N)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Keep This Version</source>
        <translation>保留此版本(&amp;K)</translation>
    </message>
    <message>
        <source>Changed on two computers: choose the version to keep.</source>
        <translation>此备注在两台计算机上都有修改：请选择要保留的版本。</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1（您）</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>No reviewer has set a status yet.</source>
        <translation>尚无审阅人设置状态。</translation>
    </message>
    <message>
        <source>Reviewers:</source>
        <translation>审阅人：</translation>
    </message>
    <message>
        <source> — conflict to settle</source>
        <translation> — 冲突待解决</translation>
    </message>
    <message>
        <source>written %1</source>
        <translation>写于 %1</translation>
    </message>
    <message>
        <source>, edited %1</source>
        <translation>，修改于 %1</translation>
    </message>
    <message>
        <source>an unknown computer</source>
        <translation>未知计算机</translation>
    </message>
    <message>
        <source>computer %1</source>
        <translation>计算机 %1</translation>
    </message>
    <message>
        <source>%1 on %2, %3</source>
        <translation>%1，于 %2，%3</translation>
    </message>
    <message>
        <source>%1: deleted</source>
        <translation>%1：已删除</translation>
    </message>
    <message>
        <source>Only %1 can change this note.</source>
        <translation>只有 %1 可以修改此备注。</translation>
    </message>
    <message>
        <source>Save &amp;Note</source>
        <translation>保存备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ReviewReportDialog</name>
    <message>
        <source>All tasks</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <source>Flagged tasks only</source>
        <translation>仅已标记的任务</translation>
    </message>
    <message>
        <source>Tasks needing follow-up only</source>
        <translation>仅待跟进的任务</translation>
    </message>
    <message>
        <source>Flagged or needing follow-up</source>
        <translation>已标记或待跟进的任务</translation>
    </message>
    <message>
        <source>Export Review Report</source>
        <translation>导出审阅报告</translation>
    </message>
    <message>
        <source>Tasks:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Writing the review report…</source>
        <translation>正在写入审阅报告…</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <source>Reviewer Identity</source>
        <translation>审阅人身份</translation>
    </message>
    <message>
        <source>Your name, as colleagues will see it on your notes</source>
        <translation>您的姓名，同事会在您的备注上看到</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Notes and review statuses are saved under this name.</source>
        <translation>备注和审阅状态将以此姓名保存。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>所在单位(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>TaskColumn</name>
    <message>
        <source>Part %1: %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Section %1: %2</source>
        <translation>（%1）%2</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Part / section</source>
        <translation>部分 / 小节</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participating departments</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>审阅人</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <source>The filters hide this task: it is shown here read-only. Clear Filters to review it.</source>
        <translation>当前筛选条件隐藏了此任务：此处仅供查看。清除筛选后即可审阅。</translation>
    </message>
    <message>
        <source>Choose a task to see it here.</source>
        <translation>请选择一项任务，在此查看详情。</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>任务 %1</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>牵头单位</translation>
    </message>
    <message>
        <source>Participating departments</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the departments of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>a heading before what it names</comment>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>controller</name>
    <message>
        <source>Edit Task</source>
        <translation>修改任务</translation>
    </message>
</context>
<context>
    <name>run_window</name>
    <message>
        <source>Plan Review</source>
        <translation>计划审阅</translation>
    </message>
    <message>
        <source>%1

%2

Restore the newest sound backup, made %3 (%4 notes, %5 statuses)?</source>
        <translation>%1

%2

是否恢复最近一份完好的备份（%3，%4 条备注，%5 个审阅状态）？</translation>
    </message>
</context>
<context>
    <name>show_error</name>
    <message>
        <source>Plan Review cannot use this file.</source>
        <translation>计划审阅无法使用此文件。</translation>
    </message>
</context>
</TS>
