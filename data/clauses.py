"""Department clauses: the parenthesised (or labelled) note that closes a task and names who does it.

English: "(Responsible for X and Y)", "(X is responsible)", "(X, Y and Z are respectively responsible for
their duties)", "(The X shall take the lead.)", "(X takes the lead, Y participates)", a bare list.
Chinese: "（X、Y负责）", "（X牵头，Y按职责分工负责）", "（X会同有关部门负责）", "（X、Y牵头）", "（X指导）",
"（X等和各省级人民政府负责）", "（X负总责，Y协助）", "（X为牵头单位，Y为配合单位）", "X（牵头）、Y", labelled
"（负责部门：X、Y；适用范围：…）" / "牵头单位：X；责任单位：Y" / "牵头：X；配合：Y" (either script), with a
deadline ("2020年10月底前完成", "年内持续推进") kept apart from the names, and a stated lead rule
("排在第一位的部门为牵头部门，下同") dropped. Every name is then resolved: a body of the registry (by any
spelling, Traditional script included), a generic group ("各地区"), a local body ("省科技厅"), or an
unknown body kept as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .model import Department
from .registry import Registry, normalize_name

MAX_CLAUSE = 600  # characters: a parenthesised group longer than this is text, not a clause
MAX_JOINED_PIECES = 4  # a name holding commas or "and" ("Publicity Department, Radio and TV...") spans at most this

# English ------------------------------------------------------------------------------------------
_CLAUSE_LEADS = re.compile(
    r"^(?:responsible\s+(?:for|by)|in\s+charge\s+of|led\s+by|lead\s+department\s*:?)\s+(?P<names>.+)$",
    re.I | re.S)
_CLAUSE_TAILS = re.compile(
    r"^(?P<names>.+?)\s+(?:is|are)\s+(?:(?:respectively|individually|jointly|each)\s+)?"
    r"(?:responsible|in\s+charge)(?:\s+for)?(?:\s+(?:their|its)\s+(?:respective\s+)?duties)?"
    r"(?:\s+(?:respectively|individually))?\s*[.。]?$",
    re.I | re.S)
_TAKES_LEAD = re.compile(r"^(?P<names>.+?)\s+(?:shall\s+take|takes|take)\s+the\s+lead\s*[.。]?$", re.I | re.S)
_PARTICIPATE = re.compile(r"^(?P<names>.+?)\s+(?:participates?|shall\s+participate|cooperates?)\s*[.。]?$",
                          re.I | re.S)
_NAME_SEPARATORS = re.compile(r"\s*[,，、;；]\s*(?:and\s+)?|\s+and\s+", re.I)
_BODY_WORDS = re.compile(
    r"\b(?:ministry|bureau|office|commission|administration|department|court|procuratorate|council|"
    r"academy|association|bank|committee|agency|cent(?:er|re)|authority|federation|league|union|"
    r"institute|corporation|government|units?)\b", re.I)

# Chinese ------------------------------------------------------------------------------------------
_HAS_CHINESE = re.compile(r"[\u4e00-\u9fff]")
# "排在第一位的部门为牵头部门，下同", "列在首位的为牵头单位", "责任单位中排名第一的为牵头单位", "（除标注“分别牵头”外，
# 列第一位为牵头或汇总单位，下同）": in either script (it is read before the Traditional is folded), with its exception
# and its own parentheses when it closes a labelled line. (The lookahead spares the optional start at every
# other character.)
_LEAD_RULE = re.compile(r"(?=[(（除责責牵牽单單部列排第首])[(（]?(?:除[^，,()（）]{1,20}外\s*[,，]?\s*)?(?:(?:[责責]任|[牵牽][头頭])?(?:[单單]位|部[门門])中?)?"
                        r"(?:[列排]在?|排名)?(?:第一位?|第一[个個]|首位)(?:者|的)?(?:部[门門]|[单單]位)?[为為爲是](?:主要)?"
                        r"[牵牽][头頭](?:或[^，,()（）]{1,6}?)?(?:部[门門]|[单單]位)(?:[,，]?\s*下同)?[)）]?")
# A pinyin gloss a converting site wrote after a character ("市發(fā)改委"): dropped from a clause before it is read.
_PINYIN_GLOSS = re.compile(r"[(（](?<=[\u3400-\u9fff][(（])[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_PART_SEPARATORS = re.compile(r"\s*[，,；;]\s*|(?<=[。])\s*")
# A standing remark for the rest of the document, after the clause: "具体任务均涉及相关市(州)人民政府，不再做分工，下同。"
# ("以下政策措施均需各县区人民政府落实，不再单独列出"): a sentence after the clause that speaks of what follows.
_STANDING_NOTE = re.compile(r"(?<=[。；;])[^。；;]*(?:下同|以下|不再)[^。；;]*[。.]?$")
_VERB = re.compile(r"(?P<names>.*?)(?:(?:按照?|根据|依据?)(?:职能|职责|分工)*|结合实际|(?:分别|共同|具体|依法))*"
                   r"(?P<verb>牵头负责|牵头落实|牵头|主责|负总责|负责牵头|负责落实|负责|参与|配合|协助|协办|落实|指导|实施|推进|"
                   r"为牵头(?:单位|部门)|为(?:配合|参与|协办|责任)(?:单位|部门))(?:实施|落实)?$", re.S)
_VERB_ENDINGS = tuple("责实头与合助办导施进位门")  # the last characters _VERB can end on: others are tried no further
# "市发改委（牵头）、市财政局": the name marked as leading leads; "市发改委▲": a mark a table's legend explains.
_LEAD_MARK = re.compile(r"[(（]牵头(?:单位|部门)?[)）]$")
_NAME_MARKS = "▲△★☆*＊※"
# "（X、Y负责（2023年底前））": a deadline in parentheses of its own at the clause's end.
_NESTED_DEADLINE = re.compile(r"[(（](?P<deadline>[^()（）]{2,30})[)）]$")
_TOGETHER = re.compile(r"会同|联合|协同")
_LABEL_NAMES = (r"(?:主要)?(?:牵头|主责|主办|责任|负责|配合|参与|协同|协办|协作|落实|承办)(?:责任|负责)?(?:单位|部门)"
                r"(?:[(（](?:单位|部门)[)）])?|责任主体|牵头|主办|主责|配合|协办|参与|"
                r"(?:部门|责任|任务)?分工|完成时限|完成时间|时间(?:节点|进度|安排)|适用范围|备注|"
                r"(?:牵头|分管|责任|负责|省|市|县|区)*领导|责任人")
_LABEL = re.compile(rf"^(?P<label>{_LABEL_NAMES})\s*[:：]\s*(?P<value>.*)$", re.S)
_LABEL_COLON = re.compile(r"[:：]")
_LABEL_HEAD = 16  # characters: a label's colon comes this early in its line
# A label further on in a line ("…示范城市。 分管领导:吕玉印 部门分工:X牵头，Y配合。 打造…"): a page that lost
# its line breaks. The label starts a line, and its value ends at its first full stop.
_INLINE_LABEL = re.compile(rf"[ \t\u3000]+(?=(?:{_LABEL_NAMES})[:：])")
_LABEL_VALUE_END = re.compile(rf"^((?:{_LABEL_NAMES})[:：][^。\n]*。)[ \t\u3000]*(?=\S)", re.M)
_LEADING_LABELS = ("牵头", "主责", "主办")
_LEADING_VERBS = ("牵头", "主责", "负总责", "负责牵头", "为牵头")
_NOTE_LABELS = ("适用范围", "备注")
_PERSON_LABELS = ("领导", "责任人")  # "牵头领导：王健": a person, not a department
_CLAUSE_LABELS = ("分工",)  # "部门分工：X牵头，Y配合": the value is a clause of its own
_DEADLINE = re.compile(
    r"^(?:于|在|力争|争取|预计)?(?:(?:19|20)\d\d\s*年|年内|年底|年末|上半年|下半年|每年|长期|持续|逐步|\d{1,2}\s*月)"
    r".{0,30}$|^.{0,20}(?:前完成|底前|以前完成|持续推进|长期坚持|持续实施|完成)$", re.S)
_CHINESE_SEPARATORS = re.compile(r"\s*[、，,；;]\s*(?![^（(]*[）)])")  # not inside "各县(市、区)政府"
_ETC = re.compile(r"^(?P<head>.+?)等(?P<rest>.*)$", re.S)
_AND = re.compile(r"和|及|与|以及")
_GENERIC_TAIL = re.compile(r"^(?:有关|相关|其他|其它)?(?:部门|单位|机构|方面)(?:和单位)?$")
_LEVELS = ("省", "市", "县", "区", "州", "盟", "旗", "乡", "镇")
# Names that already say where they are ("广东金融监管局", "中国证监会广东监管局"): no shared 省 added.
_PLACES = ("中国", "国家", "中央", "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏",
           "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
           "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")
_NOT_A_LEVEL = ("市场", "区域", "县域")
_VILLAGE_LEVELS = ("乡", "镇")  # also in words such as 城乡, 乡村: they tell no place inside a name
_NOT_ONE_BODY = ("各", "有关", "相关", "全", "其他")
_LOCAL_BODY = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|自治区|自治州|地区|县|区|旗|盟))?(?:省|市|县|区|州|盟|旗|乡|镇)"
    r"(?:委|政府|人民政府|人大|政协|法院|检察院|[\u4e00-\u9fff]{1,16}(?:厅|局|委|办|委员会|中心|院|会|社|队|处|部|所|行))$"
    r"|^[\u4e00-\u9fff]{2,8}(?:省|市|自治区|自治州|县|区)(?:人民政府|[\u4e00-\u9fff]{1,16}(?:厅|局|委|办|委员会|中心))$")
_CHINESE_BODY = re.compile(r"(?:部|委|局|署|办|院|会|行|府|厅|社|队|中心|集团|公司|组|总会|总社|委员会|政府|机关|单位|部门)$")


@lru_cache(maxsize=1)
def _to_simplified():
    """OpenCC's Traditional-to-Simplified converter, for matching names written in Traditional script."""
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """The text in Simplified characters (only for matching: the text is stored as written)."""
    return _to_simplified().convert(text) if _HAS_CHINESE.search(text) else text


@dataclass
class Clause:
    """A department clause: where it lies in the text, the spellings it names (leads first), a deadline."""

    start: int
    end: int
    names: list[str]
    deadline: str | None = None
    lead_rule: bool = False  # the clause states "the first named leads"


@dataclass
class NameResolver:
    """Turns spellings into departments: registry bodies and groups, local bodies, unknown bodies."""

    registry: Registry
    unknown: dict[str, Department] = field(default_factory=dict)
    local: dict[str, Department] = field(default_factory=dict)

    def find(self, spelling: str) -> Department | None:
        spelling = spelling.strip()
        return self.registry.find(spelling) or (self.registry.find(simplified(spelling))
                                                if _HAS_CHINESE.search(spelling) else None)

    def department(self, name: str) -> Department:
        """A local or unknown department this resolver made, by the name it gave it."""
        return next(d for d in (*self.local.values(), *self.unknown.values()) if d.name == name)

    def is_body(self, spelling: str) -> bool:
        """Whether a spelling names one body or group: known, local, or shaped like a body's name."""
        spelling = spelling.strip()
        if not spelling:
            return False
        if self.find(spelling):
            return True
        if _HAS_CHINESE.search(spelling):
            return bool(_LOCAL_BODY.match(spelling) or _CHINESE_BODY.search(simplified(spelling)))
        return bool(_BODY_WORDS.search(spelling))

    def resolve(self, spelling: str) -> tuple[Department, bool]:
        """The department a spelling names, and whether it is new and unknown to the registry."""
        known = self.find(spelling)
        if known:
            return known, False
        name = re.sub(r"^the\s+", "", spelling.strip(" .,;"), flags=re.I)
        key = normalize_name(simplified(name))
        if key in self.local or key in self.unknown:
            return self.local.get(key) or self.unknown[key], False
        if _HAS_CHINESE.search(name) and _LOCAL_BODY.match(simplified(name)):
            self.local[key] = Department(name=name, name_zh=name, verified=False, kind="local")
            return self.local[key], False
        self.unknown[key] = Department(name=name, verified=False)
        return self.unknown[key], True


class ClauseGrammar:
    """Recognises department clauses and splits their names."""

    def __init__(self, resolver: NameResolver):
        self.resolver = resolver

    def parse(self, content: str) -> tuple[list[str], str | None, bool] | None:
        """(spellings, deadline, lead rule stated) for a clause's content, or None when it is no clause."""
        content = re.sub(r"\s+", " ", content).strip()
        if ")" in content or "）" in content:
            content = _PINYIN_GLOSS.sub("", content)
        if not content or len(content) > MAX_CLAUSE:
            return None
        content, rules = _LEAD_RULE.subn("", content)
        lead_rule = bool(rules)
        content = content.strip(" ，,；;。.")
        content = _STANDING_NOTE.sub("", content).strip(" ，,；;。.")
        nested = _NESTED_DEADLINE.search(content) if content.endswith((")", "）")) else None
        if nested and _DEADLINE.match(nested.group("deadline")):
            content = content[:nested.start()] + "，" + nested.group("deadline")
        if _HAS_CHINESE.search(content):
            folded = simplified(content)  # Traditional script read through OpenCC, the names kept as written
            parsed = self._chinese(folded)
            return ([_as_written(n, folded, content) for n in parsed[0]], parsed[1], lead_rule) if parsed else None
        names = self._english(content)
        return (names, None, lead_rule) if names else None

    # English --------------------------------------------------------------------------------------
    def _english(self, content: str) -> list[str] | None:
        leads = re.split(r"\s*[,，;]\s*(?=[^,，;]*\bparticipat)", content, maxsplit=1)
        if len(leads) == 2:
            first, second = _TAKES_LEAD.match(leads[0]), _PARTICIPATE.match(leads[1])
            if first and second:
                return self.split_names(first.group("names")) + self.split_names(second.group("names"))
        match = (_CLAUSE_LEADS.match(content) or _CLAUSE_TAILS.match(content) or _TAKES_LEAD.match(content))
        names = self.split_names(match.group("names") if match else content)
        if not names:
            return None
        if not match and not all(self.resolver.is_body(n) for n in names):
            return None
        return names

    def split_names(self, listing: str) -> list[str]:
        """Split an English list where names may themselves hold commas and 'and' (at most a few pieces)."""
        pieces = _NAME_SEPARATORS.split(listing)
        seps = [m.group(0) for m in _NAME_SEPARATORS.finditer(listing)]
        names, i = [], 0
        while i < len(pieces):
            j = i + 1
            for end in range(min(len(pieces), i + MAX_JOINED_PIECES), i + 1, -1):
                candidate = pieces[i] + "".join(seps[k] + pieces[k + 1] for k in range(i, end - 1))
                if self.resolver.find(candidate):
                    j = end
                    break
            names.append((pieces[i] + "".join(seps[k] + pieces[k + 1] for k in range(i, j - 1))).strip())
            i = j
        return [re.sub(r"等(?:有关)?(?:部门|单位)?$", "", n) for n in names if normalize_name(n)]

    # Chinese --------------------------------------------------------------------------------------
    def _chinese(self, content: str) -> tuple[list[str], str | None] | None:
        """Names (those who lead first) and deadline of a Chinese clause, or None."""
        leading, others, pending, deadline = [], [], [], None
        labelled: list[str] | None = None  # the list the last label fills
        verbs = 0
        for part in _PART_SEPARATORS.split(_INLINE_LABEL.sub("；", content)):  # "牵头单位：X 责任单位：Y"
            part = part.strip(" 。.")
            label = _LABEL.match(part)
            if label and label.group("label").endswith(_CLAUSE_LABELS):
                part, label = label.group("value").strip(), None
            if not part:
                continue
            if label:
                kind, value = label.group("label"), label.group("value").strip()
                labelled = None
                if kind.startswith(("完成", "时间")):
                    deadline = value or deadline
                elif not kind.startswith(_NOTE_LABELS) and not kind.endswith(_PERSON_LABELS):
                    verb = _verb(value)  # "责任单位：X、Y按职责分工负责"
                    labelled = leading if kind.removeprefix("主要").startswith(_LEADING_LABELS) or (
                        verb and verb.group("verb").startswith(_LEADING_VERBS)) else others
                    labelled.extend(self.chinese_names(verb.group("names") if verb else value))
                    verbs += 1
                continue
            names = self.chinese_names(part) if labelled is not None and not _verb(part) else []
            if names and all(self.resolver.is_body(n) for n in names):
                labelled.extend(names)  # "责任单位：X、Y，各区人民政府": the list goes on
                continue
            labelled = None
            if not pending and _DEADLINE.match(part) and not self._names_a_body(part):
                deadline = part
                continue
            match = _verb(part)
            if not match:
                pending.append(part)  # "X、Y，Z负责": a list that goes on after a comma
                continue
            verbs += 1
            spelling = "、".join(pending + [match.group("names")])
            pending = []
            together = _TOGETHER.split(spelling, maxsplit=1)
            if len(together) == 2:  # "X会同Y负责": X leads, Y takes part
                leading.extend(self.chinese_names(together[0]))
                others.extend(self.chinese_names(together[1]))
            elif match.group("verb").startswith(_LEADING_VERBS):
                leading.extend(self.chinese_names(spelling))
            else:
                others.extend(self.chinese_names(spelling))
        if pending:
            if verbs:
                return None
            names = self.chinese_names("、".join(pending))  # a bare list: "（X、Y）"
            if not names or not all(self.resolver.find(n) or _LOCAL_BODY.match(simplified(n)) for n in names):
                return None
            others.extend(names)
        names = list(dict.fromkeys(leading + others))
        marked = [name for name in names if name.endswith((")", "）")) and _LEAD_MARK.search(name)]
        names = [_LEAD_MARK.sub("", name) for name in marked + [name for name in names if name not in marked]]
        return (names, deadline) if names and verbs + (not verbs) else None

    def _names_a_body(self, part: str) -> bool:
        return any(self.resolver.find(n) for n in _CHINESE_SEPARATORS.split(part) if n)

    def chinese_names(self, listing: str) -> list[str]:
        """"X、Y等和各省级人民政府" -> [X, Y, 各省级人民政府]; a province's 省 written once holds for the list."""
        names: list[str] = []
        for piece in self._known_names_first(listing.strip(" 。.")):
            names.extend(self._split_piece(piece))
        names = [n.strip(_NAME_MARKS) for n in names]
        return _with_shared_level([n for n in names if n and n not in _LEVELS])  # "责任单位:市" cut off: no body

    def _known_names_first(self, listing: str) -> list[str]:
        """The listed pieces, those that together spell one known name kept together ("各省、自治区、直辖市
        人民政府" is one group, written in three)."""
        split = re.split(f"({_CHINESE_SEPARATORS.pattern})", listing)
        pieces, separators = split[::2], split[1::2]
        joined, start = [], 0
        while start < len(pieces):
            end = next((end for end in range(min(len(pieces), start + MAX_JOINED_PIECES), start + 1, -1)
                        if self.resolver.find(_rejoin(pieces, separators, start, end))), start + 1)
            joined.append(_rejoin(pieces, separators, start, end))
            start = end
        return [piece for piece in joined if piece]

    def _split_piece(self, piece: str) -> list[str]:
        """One listed piece: a name, or names joined by 等/和/及/与 where each side names a body."""
        if self.resolver.find(piece):
            return [piece]
        etc = _ETC.match(piece)
        if etc and "等" not in etc.group("head")[-1:]:
            head, rest = etc.group("head"), etc.group("rest").lstrip("和及与")
            names = self._split_piece(head)
            if rest and not _GENERIC_TAIL.match(rest):  # "X等国务院相关部门及各地区": two groups follow
                names += [name for name in self._split_piece(rest) if self.resolver.is_body(name)]
            elif rest and _GENERIC_TAIL.match(rest) and self.resolver.find(rest):
                names.append(rest)
            return names
        for joint in _AND.finditer(piece):
            left, right = piece[:joint.start()], piece[joint.end():]
            if left and right and self.resolver.is_body(left) and self.resolver.is_body(right) \
                    and (self.resolver.find(left) or self.resolver.find(right)):
                return self._split_piece(left) + self._split_piece(right)
        return [piece]


def _verb(part: str) -> re.Match | None:
    """"X、Y按职责分工负责" read as names and verb, or None."""
    return _VERB.match(part) if part.endswith(_VERB_ENDINGS) else None


def _rejoin(pieces: list[str], separators: list[str], start: int, end: int) -> str:
    """Pieces start..end of a split listing with the separators that stood between them."""
    return "".join(pieces[i] + (separators[i] if i < end - 1 else "") for i in range(start, end)).strip()


def _as_written(name: str, folded: str, written: str) -> str:
    """A name read from the Simplified fold of a clause, in the clause's own script (a shared level
    character added in front, "省"/"縣", taken from where the clause writes it)."""
    if len(folded) != len(written) or folded == written:
        return name
    at = folded.find(name)
    if at >= 0:
        return written[at:at + len(name)]
    at, level = folded.find(name[1:]), folded.find(name[0])
    if at >= 0 and level >= 0:
        return written[level] + written[at:at + len(name) - 1]
    return name


def _level(name: str) -> str | None:
    """The administrative level a local body's name starts with: "省科技厅" -> 省 (not 市场监管局's 市)."""
    return next((lv for lv in _LEVELS if name.startswith(lv) and not name.startswith(_NOT_A_LEVEL)), None)


def _with_shared_level(names: list[str]) -> list[str]:
    """"省科技厅、工业和信息化厅": a province's (or city's) 省 written once holds for every body of the list."""
    level = _level(names[0]) if len(names) > 1 else None
    if level is None:
        return names
    return [names[0]] + [n if _level(n) or n.startswith(_NOT_ONE_BODY + _PLACES) or _names_a_place(n) else level + n
                         for n in names[1:]]


def _names_a_place(name: str) -> bool:
    """"金华开发区管委会", "东湖高新区": a name that already says where it is."""
    for word in _NOT_A_LEVEL:
        name = name.replace(word, "")
    return any(level in name for level in _LEVELS if level not in _VILLAGE_LEVELS)


def split_inline_labels(line: str) -> str:
    """A line holding labels further on, broken before each label and after each label's value."""
    if not _INLINE_LABEL.search(line):
        return line
    return _LABEL_VALUE_END.sub("\\1\n", _INLINE_LABEL.sub("\n", line))


def labelled_line(line: str) -> bool:
    """Whether a line is a clause label on its own: "牵头单位：X", "责任单位：Y", "完成时限：…"."""
    line = line.strip()
    if _LABEL.match(line):
        return True
    head = line[:3 * _LABEL_HEAD]
    if "：" not in head and ":" not in head:
        return False
    if ")" in head or "）" in head:
        head = _PINYIN_GLOSS.sub("", head)  # "牽(qiān)頭單位："
    colon = _LABEL_COLON.search(head[:_LABEL_HEAD])  # "責任單位：" in Traditional script: its head folded
    return bool(colon and _HAS_CHINESE.search(head[:colon.start()]) and _LABEL.match(simplified(head[:colon.end()])))
