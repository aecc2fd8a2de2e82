"""The forms real task-division documents take, each read from a real excerpt (State Council documents of
2018-2019, the Digital Guangdong 2025 work points, the 2020-2025 IP plans), laid out as the form needs."""
from __future__ import annotations

from pathlib import Path

import pytest

from data.registry import default_registry
from data.text_reader import read_plan_text

CORPUS = Path(__file__).parent / "corpus"
HEAD = "国务院关于做好当前和今后一个时期\n促进就业工作的若干意见\n国发〔2018〕39号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
# Three tasks of 国发〔2018〕39号 and 国发〔2019〕3号, as they were written.
STAY = "加大稳岗支持力度。对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。"
EXPAND = "拓展两个市场。积极稳妥地在综合保税区推广增值税一般纳税人资格试点。"
CAPACITY = "释放企业产能。允许综合保税区内加工制造企业利用剩余产能承接境内区外委托加工。"


def read(text: str):
    return read_plan_text(text, default_registry())


def tasks_of(text: str) -> list[tuple[str, list[str]]]:
    return [(t.text, t.departments) for t in read(text).plan.tasks]


def zh(names: list[str]) -> list[str]:
    """Chinese names of registry bodies, as the tests compare them."""
    registry = default_registry()
    return [registry.find(n).name if registry.find(n) else n for n in names]


@pytest.mark.parametrize("first, second, third", [
    ("1.", "2.", "3."), ("1．", "2．", "3．"), ("1、", "2、", "3、"), ("(1)", "(2)", "(3)"),
    ("（一）", "（二）", "（三）"), ("一、", "二、", "三、"), ("第一条", "第二条", "第三条"),
])
def test_every_numbering_style(first, second, third):
    text = (HEAD + f"{first}{STAY}（人力资源社会保障部、财政部负责）\n{second}{EXPAND}（税务总局、财政部、海关总署负责）\n"
            f"{third}{CAPACITY}（海关总署、商务部负责）\n国务院\n2018年11月16日\n")
    plan = read(text).plan
    assert [(t.number, t.text) for t in plan.tasks] == [(1, STAY), (2, EXPAND), (3, CAPACITY)]
    assert plan.tasks[1].departments == zh(["税务总局", "财政部", "海关总署"])
    assert plan.title == "国务院关于做好当前和今后一个时期促进就业工作的若干意见" and plan.year == 2018


def test_numbering_that_restarts_in_each_part_keeps_every_task_in_its_part():
    text = (HEAD + "一、支持企业稳定发展\n1．" + STAY + "（人力资源社会保障部、财政部负责）\n2．" + EXPAND
            + "（税务总局负责）\n二、鼓励支持就业创业\n1．" + CAPACITY + "（海关总署、商务部负责）\n")
    plan = read(text).plan
    assert [(p.number, p.title, [t.number for t in p.tasks]) for p in plan.parts] == [
        (1, "支持企业稳定发展", [1, 2]), (2, "鼓励支持就业创业", [3])]


def test_two_levels_that_both_carry_clauses():
    """A key task with its own clause, then measures with theirs: the key task heads their section."""
    text = (HEAD + "一、支持企业稳定发展\n（一）加大稳岗支持力度。对不裁员或少裁员的参保企业给予支持。（人力资源社会保障部负责）\n"
            "具体措施：\n1．" + EXPAND + "（税务总局、财政部负责）\n2．" + CAPACITY + "（海关总署、商务部负责）\n"
            "（二）" + STAY + "（财政部负责）\n")
    plan = read(text).plan
    part = plan.parts[0]
    assert [(s.number, s.title, len(s.tasks)) for s in part.sections] == [
        (1, "加大稳岗支持力度", 3), (None, None, 1)]
    assert [t.departments[0] for t in part.sections[0].tasks] == zh(["人力资源社会保障部", "税务总局", "海关总署"])
    assert part.sections[0].tasks[0].text.startswith("加大稳岗支持力度。")
    assert part.sections[0].tasks[1].text == EXPAND


def test_clauses_inside_a_running_paragraph_close_one_task_each():
    """国办发〔2018〕121号 (十): three sentences, each closed by its own clause, no task numbers."""
    text = ("国务院办公厅关于加快发展体育竞赛表演产业的指导意见\n三、壮大市场主体，优化市场环境\n"
            "（十）鼓励创新创业。大力推进商事制度改革，营造良好的体育竞赛表演产业准入环境。（市场监管总局负责）"
            "加强体育产业创新创业教育服务，帮助企业、高校等有效对接。（体育总局、教育部负责）"
            "重视和鼓励新型转播技术、安全监控技术、人工智能等高新技术在体育竞赛表演产业中的应用。（体育总局、网信办、科技部、工业和信息化部负责）\n")
    found = tasks_of(text)
    assert [t for t, _ in found] == [
        "鼓励创新创业。大力推进商事制度改革，营造良好的体育竞赛表演产业准入环境。",
        "加强体育产业创新创业教育服务，帮助企业、高校等有效对接。",
        "重视和鼓励新型转播技术、安全监控技术、人工智能等高新技术在体育竞赛表演产业中的应用。"]
    assert found[2][1] == zh(["体育总局", "网信办", "科技部", "工业和信息化部"])


@pytest.mark.parametrize("clause, lead, participants", [
    ("（海关总署负责）", "海关总署", []),
    ("（国家发展改革委牵头负责）", "国家发展改革委", []),
    ("（省自然资源厅、生态环境厅按职责分工负责）", "省自然资源厅", ["省生态环境厅"]),
    ("（工业和信息化部、发展改革委、科技部等分别负责）", "工业和信息化部", ["发展改革委", "科技部"]),
    ("（财政部、人力资源社会保障部按职责分工分别负责）", "财政部", ["人力资源社会保障部"]),
    ("（工业和信息化部、发展改革委、科技部、农业农村部、商务部等负责）", "工业和信息化部",
     ["发展改革委", "科技部", "农业农村部", "商务部"]),
    ("（省发展改革委牵头，省工业和信息化厅、政务和数据局按职责分工负责）", "省发展改革委",
     ["省工业和信息化厅", "省政务和数据局"]),
    ("（商务部牵头，海关总署参与）", "商务部", ["海关总署"]),
    ("（商务部、海关总署牵头，财政部负责）", "商务部", ["海关总署", "财政部"]),
    ("（国家发展改革委会同有关部门负责）", "国家发展改革委", ["有关部门"]),
    ("（扶贫办、发展改革委、人力资源社会保障部、商务部等和各有关省级人民政府负责）", "扶贫办",
     ["发展改革委", "人力资源社会保障部", "商务部", "各有关省级人民政府"]),
    ("（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）", "人力资源社会保障部", ["财政部"]),
    ("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）", "税务总局", ["财政部", "海关总署"]),
    ("（负责部门：海关总署、商务部；适用范围：综合保税区）", "海关总署", ["商务部"]),
    ("（牵头单位：商务部；责任单位：海关总署、财政部）", "商务部", ["海关总署", "财政部"]),
    ("（责任单位：海关总署、财政部；牵头单位：商务部）", "商务部", ["海关总署", "财政部"]),
    ("（海关总署、商务部负责，列在首位的为牵头单位）", "海关总署", ["商务部"]),
    ("（海关总署、商务部负责，责任单位中排名第一的为牵头单位）", "海关总署", ["商务部"]),
    ("（商务部主责，海关总署、财政部协助）", "商务部", ["海关总署", "财政部"]),
    ("（商务部牵头，海关总署协办）", "商务部", ["海关总署"]),
    ("（主要责任单位：商务部；落实单位：海关总署）", "商务部", ["海关总署"]),
    ("（责任主体：商务部、海关总署）", "商务部", ["海关总署"]),
    ("（责任单位（部门）：商务部、海关总署）", "商务部", ["海关总署"]),
    ("（责任单位：海关总署、商务部（牵头）、财政部）", "商务部", ["海关总署", "财政部"]),
    ("（商务部、海关总署按职能职责分工负责）", "商务部", ["海关总署"]),
    ("（商务部为牵头单位，海关总署为配合单位）", "商务部", ["海关总署"]),
    ("（牵头：商务部；配合：海关总署）", "商务部", ["海关总署"]),
    ("（主办：商务部；协办：海关总署▲）", "商务部", ["海关总署"]),
    ("（商务部负总责，海关总署配合）", "商务部", ["海关总署"]),
    ("（商务部负责牵头，海关总署配合）", "商务部", ["海关总署"]),
    ("（牵头单位：商务部 责任单位：海关总署、财政部）", "商务部", ["海关总署", "财政部"]),
])
def test_clause_phrasings(clause, lead, participants):
    (text, departments), = tasks_of(HEAD + "一、支持企业稳定发展\n1．" + CAPACITY + clause + "\n")
    assert text == CAPACITY
    assert departments == zh([lead, *participants])


def test_a_deadline_in_the_clause_is_the_tasks_deadline_not_a_department():
    plan = read(HEAD + "1．" + CAPACITY + "（海关总署、商务部负责，2020年10月底前完成）\n2．" + EXPAND
                + "（税务总局负责，年内持续推进）\n").plan
    assert [(t.departments, t.deadline) for t in plan.tasks] == [
        (zh(["海关总署", "商务部"]), "2020年10月底前完成"), (zh(["税务总局"]), "年内持续推进")]


def test_a_deadline_in_parentheses_of_its_own_inside_the_clause():
    plan = read(HEAD + "1．" + CAPACITY + "（海关总署、商务部负责（2020年10月底前））\n").plan
    assert [(t.text, t.departments, t.deadline) for t in plan.tasks] == [
        (CAPACITY, zh(["海关总署", "商务部"]), "2020年10月底前")]


def test_labels_on_their_own_lines():
    plan = read(HEAD + "1．" + CAPACITY + "\n牵头单位：商务部\n责任单位：海关总署、财政部\n完成时限：2019年底前\n"
                "2．" + EXPAND + "\n牵头单位：税务总局\n").plan
    assert [(t.text, t.departments, t.deadline) for t in plan.tasks] == [
        (CAPACITY, zh(["商务部", "海关总署", "财政部"]), "2019年底前"), (EXPAND, zh(["税务总局"]), None)]


def test_labels_on_their_own_lines_in_traditional_script():
    plan = read("重點工作分解\n1.地區生產總值增長6%左右。\n牽頭單位:市發展改革委\n責任單位:市財政局、統計局\n"
                "2.規上工業增加值增長8%。\n責任單位:市經信局\n").plan
    assert [(t.text, t.departments) for t in plan.tasks] == [
        ("地區生產總值增長6%左右。", ["市發展改革委", "市財政局", "市統計局"]), ("規上工業增加值增長8%。", ["市經信局"])]


def test_a_provinces_labels_name_a_leader_and_lists_go_on_past_commas():
    """Liaoning 2024 (辽政发〔2024〕3号) and Anhui 2022: the leader named on a label is a person, not a
    department; "1﹒" is a number; a labelled list goes on after a comma."""
    plan = read("2024年省《政府工作报告》重点工作分工方案\n一、今年全省经济社会发展的主要预期目标\n"
                "1﹒地区生产总值增长5.5%左右。\n牵头领导:王 健\n牵头单位:省发展改革委\n"
                "责任单位:省工业和信息化厅、省农业农村厅、省商务厅等,各市人民政府,省沈抚示范区管委会\n"
                "2﹒一般公共预算收入增长5%。\n牵头负责领导:刘惠。\n牵头责任单位:省财政厅。\n"
                "协同责任单位:省税务局等,各市人民政府\n").plan
    assert [(t.number, t.text, t.departments) for t in plan.tasks] == [
        (1, "地区生产总值增长5.5%左右。", ["省发展改革委", "省工业和信息化厅", "省农业农村厅", "省商务厅",
                                    *zh(["各市人民政府"]), "省沈抚示范区管委会"]),
        (2, "一般公共预算收入增长5%。", ["省财政厅", "省税务局", *zh(["各市人民政府"])])]


def test_a_labelled_clause_in_parentheses_with_groups_after_commas():
    """Wuhan 2023: "（牵头单位:X;责任单位:Y、Z,W,V）"."""
    plan = read("武汉市2023年《政府工作报告》目标任务责任分解方案\n"
                "207.支持在汉高校“双一流”建设,推动市属高校特色化发展。(牵头单位:市教育局;责任单位:市发改委、"
                "市科技局、市财政局,东湖高新区管委会,洪山区人民政府)\n208.加强师德师风建设,培养高素质教师队伍。"
                "(责任单位:市教育局)\n").plan
    assert [t.departments for t in plan.tasks] == [
        ["市教育局", "市发改委", "市科技局", "市财政局", "东湖高新区管委会", "洪山区人民政府"], ["市教育局"]]


def test_a_labelled_division_of_work_and_the_leader_in_charge():
    """粤府〔2021〕22号: "部门分工：X牵头，Y配合。" is a clause; "分管省领导：…" names a person."""
    plan = read("2021年省《政府工作报告》重点任务分工方案\n一、2021年经济社会发展主要预期目标\n"
                "1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。\n"
                "2.地方一般公共预算收入增长5%左右。\n分管省领导:林克庆\n部门分工:省财政厅牵头,各地、各部门配合。\n").plan
    assert [(t.text, t.departments) for t in plan.tasks] == [
        ("地区生产总值增长6%以上。", ["省发展改革委", *zh(["各地", "各部门"])]),
        ("地方一般公共预算收入增长5%左右。", ["省财政厅", *zh(["各地", "各部门"])])]


def test_a_clause_in_tortoise_shell_brackets_with_a_standing_remark():
    """四川省"十四五"现代流通体系建设实施方案 (2022): "〔责任单位：X、Y按职责分工负责。…，下同。〕"."""
    plan = read("四川省“十四五”现代流通体系建设实施方案\n一、深化现代流通市场化改革\n(一)加强市场体系建设。推进高标准"
                "市场体系建设,全面融入全国统一大市场。〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责"
                "分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n(二)优化市场准入环境。提升流通领域市场"
                "主体登记便利化水平。〔责任单位:省市场监管局〕\n").plan
    assert [t.departments for t in plan.tasks] == [
        ["省发展改革委", "省市场监管局", "省商务厅", "省大数据中心"], ["省市场监管局"]]


def test_labels_inline_on_a_page_that_lost_its_line_breaks():
    """广东 2023 (news repost on one line): "… 分管领导:吕玉印 部门分工:X牵头,Y、Z等配合。 Next task…"."""
    plan = read("《2023年省〈政府工作报告〉工作任务分工方案》其中明确指出: 实施数据增富、数据增值工程。加快信创产业与各行业"
                "融合发展。 分管领导:吕玉印 部门分工:省工业和信息化厅牵头,省委网信办,省发展改革委、科技厅,省通信管理局等配合。 "
                "夯实政务外网基础能力,加快5G政务外网标准化建设。 分管领导:张新 部门分工:省政务服务数据管理局牵头。").plan
    assert [t.departments for t in plan.tasks] == [
        ["省工业和信息化厅", "省委网信办", "省发展改革委", "省科技厅", "省通信管理局"], ["省政务服务数据管理局"]]
    assert plan.tasks[1].text == "夯实政务外网基础能力,加快5G政务外网标准化建设。"


def test_square_brackets_a_lead_rule_in_traditional_script_and_a_standing_remark():
    """[责任单位:…] (a Wuhan district, 2023); 韶府〔2019〕31號 "排在首位的爲牽頭單位,下同" (names kept as written);
    淮安 2022 "以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出" (a remark, not names)."""
    def departments(text: str) -> list[list[str]]:
        return [t.departments for t in read("重点任务分解\n" + text).plan.tasks]

    assert departments("1.大力推进一期核心区建设,引进跨境电商领域龙头企业入驻。[责任单位:老街办、区招商服务中心、"
                       "长乐投资有限公司]\n") == [["老街办", "区招商服务中心", "长乐投资有限公司"]]
    assert departments("1.落實執行全省車輛車船稅適用稅額降低到法定稅率最低水平的政策。(責任單位:市稅務局、市財政局,"
                       "排在首位的爲牽頭單位,下同)\n") == [["市稅務局", "市財政局"]]
    assert departments("1.设立2.43亿元推动工业强市发展专项引导资金。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、"
                       "园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)\n") == [
        ["市工信局", "市财政局", *zh(["有关部门"]), "各县区人民政府", "园区管委会"]]


def test_a_ledger_written_as_text_pipe_rows_or_one_cell_per_line():
    """金华 2023 progress table as "|" rows (both labels in one cell); 绍兴 2020 with each cell on its own line."""
    pipes = read("序号 | 工作任务 | 进展情况 | 存在问题和下步计划 | 责任单位 |\n71 | 提高公共文化服务水平,加快推进市图书馆新馆等"
                 "市县重大文化设施建设。 | 1.总体进度正常。 2.完成建设392个15分钟品质文化生活圈。 | 下步计划: 查漏补缺。 | "
                 "牵头单位:市文广旅游局 责任单位:市各县(市、区)政府、金华开发区管委会 |\n").plan
    assert [(t.number, t.text, t.departments) for t in pipes.tasks] == [
        (71, "提高公共文化服务水平,加快推进市图书馆新馆等市县重大文化设施建设。",
         ["市文广旅游局", "市各县(市、区)政府", "金华开发区管委会"])]
    cells = read("市政府2020年重点工作(预下达)一季度进展情况表\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n1\n\n"
                 "确保地区生产总值增长7%左右。\n\n其他指标增速虽有不同程度回落。\n\n市发改委\n\n2\n\n持续推进重大项目攻坚。\n\n"
                 "1-2月,全市固定资产投资同比下降12.7%。\n\n市发改委\n\n3\n\n聚焦重点领域\n").plan
    assert [(t.number, t.text, t.departments) for t in cells.tasks] == [
        (1, "确保地区生产总值增长7%左右。", ["市发改委"]), (2, "持续推进重大项目攻坚。", ["市发改委"])]


def test_a_lead_rule_with_its_exception_closing_a_labelled_line():
    """丽水 2023: "责任单位:X、Y、Z(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)" states the rule and names no
    body; "X、Y分别牵头" makes both lead, the first named first; a clause cut off after "市" names no body."""
    plan = read("市政府工作报告重点工作责任分解(2023年)\n一、全市经济社会发展主要预期目标\n"
                "4.固定资产投资增长10%。\n责任单位:市发改委、市经信局、市卫生健康委(除标注“分别牵头”外,列第一位为"
                "牵头或汇总单位,下同)\n5.社会消费品零售总额增长5%,外贸出口增长5%。\n责任单位:市商务局\n"
                "6.城乡居民收入增速保持全省领先。\n责任单位:市人力社保局、市农业农村局分别牵头\n"
                "7.紧盯“中字头、国字号、500强”推动招大引强再上新高。\n责任单位:市").plan
    assert [(t.text, t.departments) for t in plan.tasks] == [
        ("固定资产投资增长10%。", ["市发改委", "市经信局", "市卫生健康委"]),
        ("社会消费品零售总额增长5%,外贸出口增长5%。", ["市商务局"]),
        ("城乡居民收入增速保持全省领先。", ["市人力社保局", "市农业农村局"])]


def test_pinyin_glosses_a_converting_site_wrote_inside_names_are_dropped_from_them():
    """穗府辦〔2006〕19號 as reposted: "市發(fā)改委" is 市發改委; the task's own text stays as obtained."""
    plan = read("2006年《政府工作報告》要求重點做好的工作事項\n一、努力構(gòu)建現(xiàn)代產(chǎn)業(yè)體系\n"
                "(一)加快建設(shè)東部、花都、南沙三大汽車產(chǎn)業(yè)基地。(牽頭單位:市經(jīng)貿(mào)委;配合單位:市發(fā)改委、"
                "國土房管局、規(guī)劃局)\n(二)加快廣州空港國際樞紐物流園區(qū)建設(shè)。(牽頭單位:市交委;配合單位:"
                "黃埔區(qū)政府)\n").plan
    assert [t.departments for t in plan.tasks] == [
        ["市經貿委", "市發改委", "市國土房管局", "市規劃局"], ["市交委", "黃埔區政府"]]
    assert plan.tasks[1].text == "加快廣州空港國際樞紐物流園區(qū)建設(shè)。"


def test_a_target_table_with_each_cell_on_its_own_line():
    """重庆沙坪坝 2022: "序号 / 2022年预期目标 / 责任单位", the body unlabelled, a second table's header after it."""
    plan = read("2022年区政府工作报告经济社会发展预期目标任务分解表\n序号\n\n2022年预期目标\n\n责任单位\n\n1\n\n"
                "地区生产总值增长5.5%左右\n\n区发展改革委\n\n2\n\n工业增加值增长7%左右\n\n区经济信息委\n\n附件2\n\n"
                "序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n1\n\n联动共建科学城\n").plan
    assert [(t.number, t.text, t.departments) for t in plan.tasks] == [
        (1, "地区生产总值增长5.5%左右", ["区发展改革委"]), (2, "工业增加值增长7%左右", ["区经济信息委"])]


def test_a_table_with_one_cell_per_line_an_empty_cell_and_a_task_in_two_paragraphs():
    """Blank lines gone, an empty 配合单位 cell leaves its row short, and a task of two paragraphs makes its row
    long: each row runs from its number to the next; the table's caption above 序号 is no column."""
    plan = read("重点工作任务分解表\n序号\n\n工作任务\n\n牵头单位\n\n配合单位\n\n1\n\n推动量子通信器件国家重点实验室落地。\n\n"
                "区科技局\n\n区发展改革委、区财政局\n\n2\n\n建设科学城先行区。\n\n加快完善配套设施。\n\n区住房城乡建委\n\n"
                "区规划自然资源局\n\n3\n\n提升营商环境。\n\n区发展改革委\n\n4\n\n优化政务服务。\n\n区政务服务管理办\n\n"
                "区大数据发展局\n").plan
    assert plan.title == "重点工作任务分解表"
    assert [(t.number, t.text, t.departments) for t in plan.tasks] == [
        (1, "推动量子通信器件国家重点实验室落地。", ["区科技局", "区发展改革委", "区财政局"]),
        (2, "建设科学城先行区。\n加快完善配套设施。", ["区住房城乡建委", "区规划自然资源局"]),
        (3, "提升营商环境。", ["区发展改革委"]), (4, "优化政务服务。", ["区政务服务管理办", "区大数据发展局"])]


def test_english_lead_phrasings():
    text = ("Key points 2024\n1. Revise the patent examination guidelines. (The Intellectual Property Office shall take "
            "the lead.)\n2. Train examiners. (Ministry of Education takes the lead, Ministry of Commerce participates)\n")
    assert tasks_of(text) == [
        ("Revise the patent examination guidelines.", ["China National Intellectual Property Administration"]),
        ("Train examiners.", ["Ministry of Education", "Ministry of Commerce"])]


def test_names_split_by_the_grammar_groups_kept_as_groups():
    result = read(HEAD + "1．" + CAPACITY + "（住房城乡建设部等国务院相关部门及各地区负责）\n")
    departments = result.plan.tasks[0].departments
    assert len(departments) == 3 and departments[0] == zh(["住房城乡建设部"])[0]
    assert [result.departments[name].kind for name in departments] == ["body", "group", "group"]


def test_a_group_written_with_its_own_commas_stays_one_group():
    """"各省、自治区、直辖市人民政府" (the addressees of 国发〔2018〕39号) named in a clause is one group."""
    result = read(HEAD + "1．" + STAY + "（人力资源社会保障部、各省、自治区、直辖市人民政府负责）\n")
    assert result.plan.tasks[0].departments == zh(["人力资源社会保障部", "各省、自治区、直辖市人民政府"])
    assert not [w for w in result.warnings if "not in the registry" in w]


def test_a_provinces_shared_prefix_and_local_bodies():
    result = read("数字广东建设2025年工作要点\n1.发展区块链产业。优化调整区块链产业集群顶层设计。"
                  "（省工业和信息化厅、科技厅、政务和数据局等单位按职责分工负责）\n")
    task = result.plan.tasks[0]
    assert task.departments == ["省工业和信息化厅", "省科技厅", "省政务和数据局"]
    assert {result.departments[n].kind for n in task.departments} == {"local"}
    assert "Ministry of Science and Technology" not in task.departments


def test_traditional_script_is_matched_through_the_registry_and_stored_as_written():
    """The 2020 IP plan's Traditional repost: 出臺《…》。（教育部、知識產權局、科技部負責）."""
    plan = read("2020年深入實施國家知識產權戰略加快建設知識產權強國推進計劃\n一、深化知識產權領域改革\n"
                "（一）改革完善知識產權政策\n3.出臺《提升高等學校專利質量促進轉化運用的若干意見》。（教育部、知識產權局、科技部負責）\n").plan
    task = plan.tasks[0]
    assert task.text == "出臺《提升高等學校專利質量促進轉化運用的若干意見》。"
    assert task.departments == ["Ministry of Education", "China National Intellectual Property Administration",
                                "Ministry of Science and Technology"]


@pytest.mark.parametrize("aside", ["（以下简称《纲要》）", "（2021—2035年）", "（2020年10月底前完成）", "（此件公开发布）",
                                   "（试行）", "(Zhishi Chanquan)"])
def test_parentheses_that_are_not_clauses_stay_in_the_text(aside):
    (text, departments), = tasks_of(HEAD + "1．释放企业产能" + aside + "。允许企业承接委托加工。（海关总署负责）\n")
    assert aside in text and departments == zh(["海关总署"])


def test_the_issuing_notice_and_its_recipients_are_not_tasks():
    result = read(HEAD + "现将《意见》印发给你们，请认真贯彻执行。\n一、支持企业稳定发展\n1．" + CAPACITY + "（海关总署负责）\n")
    assert len(result.plan.tasks) == 1 and "各省、自治区" not in result.plan.tasks[0].text


@pytest.mark.parametrize("furniture, title", [
    ("当前位置:首页\n>> 专题专栏 >> 归档专题 >> 2023市政府重点工作(已归档)\n市政府工作报告重点工作责任分解(2023年)\n"
     "时间:2023-07-11 17:01 浏览次数: 信息来源: 丽水市政府\n", "市政府工作报告重点工作责任分解(2023年)"),
    ("重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知\n发布日期:2022-01-21\n字体:【 默认 超大 |\n",
     "重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知"),
    ("• 设为首页\n  • 加入收藏\n  • 无障碍阅读\n  • 长者版\n区人民政府办公室关于印发2023年区政府工作报告重点任务分解的通知\n"
     "长乐山工业园区、各街办,区政府各部门:\n", "区人民政府办公室关于印发2023年区政府工作报告重点任务分解的通知"),
    ("杭州市推进“互联网+”行动实施意见\n(征求意见稿)\n", "杭州市推进“互联网+”行动实施意见(征求意见稿)"),
])
def test_a_web_pages_breadcrumb_metadata_and_menus_are_no_part_of_the_title(furniture, title):
    plan = read(furniture + "一、全市经济社会发展主要预期目标\n1.生产总值增长6%以上。\n责任单位:市发改委\n").plan
    assert plan.title == title
    assert [(t.text, t.departments) for t in plan.tasks] == [("生产总值增长6%以上。", ["市发改委"])]


def test_a_whole_document_on_one_line():
    text = ("2023年知识产权强国建设纲要和“十四五”规划实施推进计划 为贯彻落实纲要，制定本计划。 一、完善知识产权制度 "
            "（一）完善知识产权法律法规规章 1.推动完成《专利法实施细则》修改。（国家知识产权局负责） "
            "2.推进修改《著作权法实施条例》。（中央宣传部负责） （二）改革完善知识产权政策 3.完善知识产权政策体系。（国家知识产权局、教育部负责）")
    plan = read(text).plan
    assert [t.number for t in plan.tasks] == [1, 2, 3]
    assert [s.title for s in plan.parts[0].sections] == ["完善知识产权法律法规规章", "改革完善知识产权政策"]
    assert plan.tasks[2].departments == zh(["国家知识产权局", "教育部"])


def test_a_pdfs_hard_wraps_and_page_markers():
    """Text as a PDF gives it: lines cut at one width, '— 2 —' between pages, a clause across a break."""
    paragraph = ("1．加大稳岗支持力度。对不裁员或少裁员的参保企业，可返还其上年度实际缴纳失业保险费的50%。2019年1月1日至12月31日，"
                 "对面临暂时性生产经营困难且恢复有望、坚持不裁员或少裁员的参保企业，适当放宽其稳岗返还标准。（人力资源社会保障部、财政部负责）")
    lines = [paragraph[i:i + 28] for i in range(0, len(paragraph), 28)]
    lines.insert(3, "— 2 —")
    text = HEAD + "一、支持企业稳定发展\n" + "\n".join(lines) + "\n2．" + EXPAND + "（税务总局负\n责）\n"
    plan = read(text).plan
    assert [t.departments for t in plan.tasks] == [zh(["人力资源社会保障部", "财政部"]), zh(["税务总局"])]
    assert "— 2 —" not in plan.tasks[0].text and "\n" not in plan.tasks[0].text
    assert plan.tasks[0].text.endswith("适当放宽其稳岗返还标准。")


def test_a_numbered_item_never_continues_the_line_before_it():
    """辽政发〔2024〕3号 with the notice's signature glued to the line before, as a PDF's text may come: the lines
    that share a length are not taken for a PDF's hard wraps across a numbered item or a label."""
    lines = [line.strip() for line in (CORPUS / "liaoning2024-zhengfu-gongzuo-baogao-fengong-partial.txt")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    lines[4] += lines.pop(5)
    plan = read("\n".join(lines)).plan
    assert [t.departments[0] for t in plan.tasks] == ["省发展改革委", "省财政厅", "省工业和信息化厅", "省发展改革委"]


def test_full_and_half_width_punctuation_read_alike():
    half = HEAD + "1." + CAPACITY + "(海关总署、商务部负责)\n2." + EXPAND + "(税务总局,财政部负责)\n"
    assert [d for _, d in tasks_of(half)] == [zh(["海关总署", "商务部"]), zh(["税务总局", "财政部"])]


def test_a_partly_read_document_says_so():
    result = read(HEAD + "1．" + CAPACITY + "（海关总署负责）（商务部负责）\n")
    assert result.clauses == 2 and len(result.plan.tasks) == 1
    assert result.warnings[0] == "2 department clauses found, 1 tasks stored, 1 clauses not placed"
    assert any("not placed" in w and "商务部负责" in w for w in result.warnings[1:])
