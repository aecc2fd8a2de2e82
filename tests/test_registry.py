"""The department registry file (data/departments.json) and its loader: real spellings from real documents."""
from __future__ import annotations

import collections
import json
from importlib import resources

import pytest

from data.registry import FORMAT, VERSION, default_registry, load_registry_json, normalize_name

NFRA = "National Financial Regulatory Administration"
CBIRC = "China Banking and Insurance Regulatory Commission"


@pytest.fixture(scope="module")
def document():
    return json.loads(resources.files("data").joinpath("departments.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def name(registry, spelling):
    found = registry.find(spelling)
    assert found is not None, spelling
    return found.name


def test_file_format(document):
    assert document["format"] == FORMAT and document["version"] == VERSION == 2
    allowed = {"name", "name_zh", "short_zh", "abbreviation", "kind", "category", "aliases", "former", "successor"}
    for entry in document["departments"]:
        assert set(entry) <= allowed, entry["name"]
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] != ""
        assert isinstance(entry["name_zh"], str) and entry["name_zh"]
        assert entry.get("kind", "body") in ("body", "group")
        assert entry.get("abbreviation") is None or isinstance(entry["abbreviation"], str)
        assert all(isinstance(a, str) and a.strip() for a in entry["aliases"])
        for former in entry.get("former", []):
            assert set(former) <= {"name_zh", "name", "aliases", "reform"} and former["name_zh"]
            assert former["reform"][:4].isdigit(), former  # "2018: merged into ..."
        if "successor" in entry:
            assert entry["successor"] in {e["name"] for e in document["departments"]}
        if "short_zh" in entry:  # a short form, and a spelling the reader knows the body by
            assert len(entry["short_zh"]) < len(entry["name_zh"]) and entry["short_zh"] in entry["aliases"]


def test_chinese_short_forms_are_those_state_council_documents_write(registry):
    assert registry.short_zh("National Development and Reform Commission") == "国家发展改革委"
    assert registry.short_zh("Ministry of Human Resources and Social Security") == "人力资源社会保障部"
    assert registry.short_zh("State Administration for Market Regulation") == "市场监管总局"
    assert registry.short_zh("China National Intellectual Property Administration") is None  # named in full
    assert registry.find("国家发展改革委").name == "National Development and Reform Commission"


def test_every_entry_has_name_name_zh_and_kind(registry):
    assert len(registry.departments) > 150
    for department in registry.departments.values():
        assert department.name and department.name_zh and department.kind in ("body", "group")
    kinds = collections.Counter(d.kind for d in registry.departments.values())
    assert kinds["group"] >= 15 and kinds["body"] >= 140


def test_no_spelling_names_two_entries(document):
    owners = collections.defaultdict(set)
    for entry in document["departments"]:
        spellings = [entry["name"], entry["name_zh"], entry.get("abbreviation"), *entry["aliases"]]
        for former in entry.get("former", []):
            spellings += [former["name_zh"], former.get("name"), *former["aliases"]]
        for spelling in filter(None, spellings):
            owners[normalize_name(spelling)].add(entry["name"])
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}


def test_names_of_the_sample_plan_and_stored_databases_are_kept(registry):
    for kept in ("China National Intellectual Property Administration", "Publicity Department of the CPC Central "
                 "Committee", "State Administration for Market Regulation", "National Radio and Television "
                 "Administration", "National Forestry and Grassland Administration", CBIRC,
                 "Office of the Inter-ministerial Joint Meeting", "Member units of the Inter-ministerial Joint Meeting",
                 "National Government Offices Administration", "People's Bank of China"):
        assert kept in registry.departments
    assert registry.find("国家知识产权局").name_zh == "国家知识产权局"


@pytest.mark.parametrize("spellings", [
    # short form, formal 简称, full name and English: one body
    ["国家发展和改革委员会", "国家发展改革委", "发展改革委", "国家发改委", "发改委", "NDRC"],
    ["住房和城乡建设部", "住房城乡建设部", "住建部", "Ministry of Housing and Urban-Rural Development"],
    ["人力资源和社会保障部", "人力资源社会保障部", "人社部", "MOHRSS"],
    ["工业和信息化部", "工信部", "MIIT"],
    ["交通运输部", "交通部", "Ministry of Transport"],
    ["国务院办公厅", "国办"],
    ["国家医疗保障局", "国家医保局", "医保局"],
    ["国家金融监督管理总局", "金融监管总局", "NFRA"],
    ["中国国家铁路集团有限公司", "国铁集团", "中国铁路总公司"],
    ["中央网络安全和信息化委员会办公室", "中央网信办", "国家互联网信息办公室", "Cyberspace Administration of China"],
    ["中央纪委国家监委", "中央纪委", "国家监委", "监察部"],
    ["中华全国总工会", "全国总工会"], ["共青团中央", "团中央"], ["全国妇联", "中华全国妇女联合会"],
    ["中国红十字会总会", "红十字会总会"], ["中央军委国防动员部", "军委国防动员部"],
    # 2015-2018 names and their 2018 successors (深化党和国家机构改革方案)
    ["国土资源部", "国家海洋局", "国家测绘地理信息局", "自然资源部"],
    ["环境保护部", "环保部", "生态环境部"],
    ["农业部", "农业农村部", "国务院扶贫办", "国家乡村振兴局"],
    ["文化部", "国家旅游局", "文化和旅游部"],
    ["国家卫生计生委", "卫生计生委", "国家卫生健康委", "卫生健康委"],
    ["国家工商总局", "国家质检总局", "国家食品药品监管总局", "市场监管总局", "国家标准委"],
    ["国家安全监管总局", "应急管理部", "应急部"],
    ["国务院法制办", "司法部"],
    ["国家外专局", "科技部"],
    ["国家粮食局", "国家粮食和储备局"],
    ["国家林业局", "国家林草局", "Forest and Grass Bureau"],
    ["中央网络安全和信息化领导小组办公室", "中央网信办"],
    ["国家新闻出版广电总局", "国家广播电影电视总局", "广电总局", "SARFT"],
    ["中央国家机关工委", "中央和国家机关工委"],
    ["银监会", "保监会", "银保监会", "中国银保监会", CBIRC],
    ["国务院侨办", "国家宗教局", "中央统战部"],
])
def test_spellings_of_one_body_across_the_years(registry, spellings):
    assert len({name(registry, s) for s in spellings}) == 1


def test_former_names_carry_the_reform(registry):
    mnr = registry.find("国土资源部")
    assert mnr.name == "Ministry of Natural Resources" and mnr.kind == "body"
    former = {f.name_zh: f for f in registry.former(mnr)}
    assert former["国土资源部"].reform.startswith("2018") and former["国土资源部"].name == "Ministry of Land and Resources"
    assert registry.former("Ministry of Agriculture and Rural Affairs")[1].name_zh == "国家乡村振兴局"
    assert registry.former("Ministry of Finance") == []


def test_a_body_gone_in_2023_leads_to_its_successor(registry):
    """The CBIRC keeps its entry (older plans and stored databases name it); today it is the NFRA."""
    assert registry.find("银保监会").name == CBIRC and registry.find("金融监管总局").name == NFRA
    assert registry.successor(CBIRC).name == NFRA and registry.successor(NFRA) is None
    assert {registry.current(s).name for s in ("银监会", "中国银保监会", "金融监管总局", "CBIRC")} == {NFRA}
    assert registry.current("国土资源部").name == "Ministry of Natural Resources"
    assert registry.current("Lunar Affairs Bureau") is None


@pytest.mark.parametrize("spelling, english", [
    ("各地区", "All regions"),
    ("各省、自治区、直辖市人民政府", "Provincial-level governments"),
    ("各省级人民政府", "Provincial-level governments"),
    ("各省（区、市）人民政府", "Provincial-level governments"),
    ("各省(区、市)人民政府", "Provincial-level governments"),  # half-width brackets too
    ("国务院有关部门", "Relevant departments of the State Council"),
    ("国务院相关部门", "Relevant departments of the State Council"),
    ("有关部门", "Relevant departments"), ("各有关部门", "Relevant departments"),
    ("地方各级人民政府", "Local people's governments at all levels"),
    ("各地级以上市人民政府", "City governments"), ("各市人民政府", "City governments"),
    ("各县（市、区）人民政府", "County-level governments"),
    ("各地各有关部门", "All regions and relevant departments"),
    ("各有关部门和单位", "Relevant departments and units"),  # one group, not 有关部门 and a stray 单位
    ("联席会议成员单位", "Member units of the Inter-ministerial Joint Meeting"),
])
def test_groups_are_groups(registry, spelling, english):
    group = registry.find(spelling)
    assert (group.name, group.kind) == (english, "group")


def test_bodies_are_bodies(registry):
    for spelling in ("国家数据局", "国家疾控局", "国家消防救援局", "国家移民局", "中央社会工作部", "最高人民检察院",
                     "国家开发银行", "中国出口信用保险公司", "新疆生产建设兵团", "中央军委装备发展部"):
        assert registry.find(spelling).kind == "body", spelling


def test_former_names_are_aliases_the_store_keeps(registry):
    """The store records a department's aliases; former names are among them."""
    assert "国土资源部" in registry.find("自然资源部").aliases
    assert "各省(区、市)人民政府" in registry.find("各省级人民政府").aliases


def test_canonical_and_suggestions_still_work(registry):
    assert registry.canonical("银保监会") == CBIRC
    assert registry.canonical("  The Lunar  Affairs Bureau ") == "lunar affairs bureau"
    assert "Ministry of Natural Resources" in registry.suggestions("Ministry of Natural Resource")


def test_a_registry_file_of_another_program_is_refused():
    with pytest.raises(ValueError):
        load_registry_json(json.dumps({"format": "something-else", "version": 1, "departments": []}))
    with pytest.raises(ValueError):
        load_registry_json(json.dumps({"format": FORMAT, "version": VERSION + 1, "departments": []}))
    old = load_registry_json(json.dumps({"format": FORMAT, "version": 1, "departments": [
        {"name": "Ministry of Finance", "name_zh": "财政部", "abbreviation": "MOF", "aliases": []}]}))
    assert old.find("财政部").kind == "body"
