"""The pieces both ways of reading plan text share: cleaning the text (web debris, page markers, hard
wraps), finding the department clauses, the title and introduction, the year."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .errors import Problem
from .clauses import MAX_CLAUSE, Clause, ClauseGrammar, labelled_line, split_inline_labels
from .model import Plan

# Lines a web page adds around the plan: site names, share and download buttons, copyright notices.
_DEBRIS_SPANS = re.compile(r"(?:in order to avoid\s+)?copyright disputes[^\n]{0,80}?partial summary\.?", re.I)
# A Chinese government page's furniture: the breadcrumb ("当前位置:首页 >> 专题专栏 >> …"), the page's metadata
# ("发布日期:2022-01-21", "时间:2023-07-11 17:01 浏览次数: 信息来源: …", "字体:【 默认 超大 |") and its menus
# ("• 设为首页", "简体版 繁體版 信息无障碍").
_MENU_WORDS = (r"设为首页|設為首頁|加入收藏|信息无障碍|无障碍(?:阅读|浏览)?|無障礙(?:閱讀|瀏覽|浏覽)?|长者版|長者版|简体版|繁體版|"
               r"智能问答|智能問答|导航菜单|導航菜單|打印|关闭|關閉|分享[:：]?")
_DEBRIS_LINE = re.compile("|".join(f"(?:{pattern})" for pattern in (
    r"^[\w.-]+\.(?:com|net|org|cn)$",
    r"^(?:google\s+)?(?:online\s+preview|download)(?:\s+(?:online\s+preview|download))*$",
    r"^(?:当前位置|當前位置|您的位置|您现在的位置|您現在的位置|所在位置)\s*[:：]|^(?:首[页頁]\s*)?(?:>{1,2}|»|＞|›)\s*\S",
    r"^(?:发布|發布|发文|發文)?(?:时间|時間|日期)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}|浏览次数|瀏覽次數|点击数|點擊數|"
    r"阅读次数|閱讀次數|字体\s*[:：]|字體\s*[:：]|【\s*(?:打印|字体|字體)",
    rf"^(?:[\s•·|｜【】\[\]]*(?:{_MENU_WORDS}))+[\s•·|｜【】\[\]]*$")), re.I)
_DEBRIS_LENGTH = 200  # characters: a longer line is text, not a page's furniture
_PAGE_MARKER = re.compile(r"^(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|"
                          r"\d{1,4}\s*/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$", re.I)
# Small form variants (U+FE50…) some editors write for punctuation: "1﹒" is "1．".
_SMALL_FORMS = str.maketrans("﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞", "，、．；：？！（）〔〕")
_HAS_SMALL_FORMS = re.compile("[﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞]")
_LEADER_DOTS = re.compile(r"[.…·。]{4,}")
_QUESTION_DEBRIS = re.compile(r"\s*\?{2,}\s*")  # "Speed ??up": characters lost in encoding
_STRAY_QUESTION = re.compile(r"(?<=[.。!])\s*\?+(?=\s|$)")
# A line that starts a numbered item or article: never the continuation of a wrapped line.
_ITEM_START = re.compile(r"^(?:\d{1,3}\s*[.．、](?!\d)|[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|"
                         r"第[一二三四五六七八九十百]+条)")
_LINE_END = re.compile(r"[。！？；：:;!?）)」”\"]$")
_DOCUMENT_NUMBER = re.compile(r"^\S{0,12}[〔\[［]\d{4}[〕\]］]\s*\d+\s*[号號]$")
_QUOTED_PLAN = re.compile(r"《([^《》]{4,80}(?:计划|計劃|方案|要点|要點|意见|意見|规划|規劃|措施|分工))》")
# A line ending as a document's name does ("…分工方案的通知", "…进展情况表") ends the title, but for a note in
# parentheses ("(征求意见稿)"): what follows is the page showing the title again, or a table's header.
_TITLE_END = re.compile(r"(?:通知|意见|意見|方案|计划|計劃|要点|要點|措施|细则|細則|办法|辦法|规定|規定|决定|決定|规划|規劃|"
                        r"一览表|一覽表|分解表|情况表|情況表|清单|清單|台账|台賬)$")
_TITLE_CONTINUATION = 40  # characters: a longer line after the title's first line is no longer the title
_TITLE_LINES = 3  # a title broken over more lines than this is no title
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
MAX_TEXT = 20_000_000  # characters: a longer text is no plan


@dataclass
class Reading:
    """What one way of reading made of the text: the plan, its warnings, the clauses it placed."""

    plan: Plan
    warnings: list[str] = field(default_factory=list)
    placed: int = 0  # clauses that each close a task of their own


def clean_text(text: str) -> str:
    """Drop web-page debris, encoding damage and page markers; join a PDF's hard-wrapped lines."""
    lines = []
    if _HAS_SMALL_FORMS.search(text):
        text = text.translate(_SMALL_FORMS)
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _QUESTION_DEBRIS.sub(" ", _DEBRIS_SPANS.sub("", line))
        line = _LEADER_DOTS.sub(" ", line)
        line = _STRAY_QUESTION.sub("", line)
        for piece in split_inline_labels(re.sub(r"[ \t\u3000\xa0]+", " ", line).strip()).split("\n"):
            piece = piece.strip()
            if piece and not (len(piece) <= _DEBRIS_LENGTH and _DEBRIS_LINE.search(piece)) \
                    and not _PAGE_MARKER.match(piece):
                lines.append(piece)
    return "\n".join(_join_hard_wraps(lines))


def _join_hard_wraps(lines: list[str]) -> list[str]:
    """Lines cut at a fixed width (a PDF's text) joined back into paragraphs.

    A text is hard-wrapped when many of its lines share one length; a line of about that length that
    does not end a sentence continues on the next line.
    """
    lengths = Counter(len(line) for line in lines if len(line) >= 15)
    if not lengths:
        return lines
    width, count = max(lengths.items(), key=lambda item: (sum(lengths[w] for w in range(item[0] - 1, item[0] + 2)),
                                                           item[0]))
    near = sum(lengths[w] for w in range(width - 1, width + 2))
    if near < max(5, len(lines) // 5):
        return lines
    joined: list[str] = []
    glue = False
    for line in lines:
        if glue and not labelled_line(line) and not _ITEM_START.match(line):
            joined[-1] += ("" if _is_cjk(joined[-1][-1:]) or _is_cjk(line[:1]) else " ") + line
        else:
            joined.append(line)
        glue = len(line) >= width - 1 and not _LINE_END.search(line)
    return joined


def _is_cjk(char: str) -> bool:
    return bool(char) and ("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef")


def find_clauses(text: str, grammar: ClauseGrammar) -> list[Clause]:
    """Every department clause, in order: groups in parentheses (or 〔〕, []) at the top level that read as clauses,
    and runs of labelled lines ("牵头单位：X" / "责任单位：Y")."""
    clauses: list[Clause] = []
    stack: list[int] = []
    for match in re.finditer(r"[()（）〔〕\[\]［］]", text):
        if match.group() in "(（〔[［":
            if stack and match.start() - stack[0] > MAX_CLAUSE:
                stack.clear()  # a stray "(" long before: it opens no clause
            stack.append(match.start())
        elif stack:
            start = stack.pop()
            if not stack and match.end() - start <= MAX_CLAUSE + 2:
                parsed = grammar.parse(text[start + 1:match.start()])
                if parsed:
                    clauses.append(Clause(start, match.end(), *parsed))
    clauses += _labelled_clauses(text, grammar)
    clauses.sort(key=lambda c: c.start)
    return clauses


def _labelled_clauses(text: str, grammar: ClauseGrammar) -> list[Clause]:
    found: list[Clause] = []
    run_start = run_end = None
    position = 0
    for line in text.split("\n") + [""]:
        if line and labelled_line(line):
            run_start = position if run_start is None else run_start
            run_end = position + len(line)
        elif run_start is not None:
            parsed = grammar.parse("；".join(text[run_start:run_end].split("\n")))
            if parsed:
                found.append(Clause(run_start, run_end, *parsed))
            run_start = None
        position += len(line) + 1
    return found


def document_title(head: str) -> tuple[str, str]:
    """The title and the introduction in the text before a plan's first part.

    The title is the first line (with the short lines that continue it, as a title broken over two
    lines is), leaving out document numbers ("国发〔2019〕3号"); when the text opens with a notice
    instead (addressees, "现将《…计划》印发给你们"), the plan's name quoted in it.
    """
    lines = [line for line in head.strip().split("\n") if line and not _DOCUMENT_NUMBER.search(line)]
    title: list[str] = []
    for line in lines:
        if title and (len(line) > _TITLE_CONTINUATION or line.endswith(("：", ":")) or not _is_cjk(title[-1][-1])
                      or len(title) == _TITLE_LINES
                      or (_TITLE_END.search(title[-1]) and not line.startswith(("(", "（")))):  # "(征求意见稿)" goes on
            break
        if not title and line.endswith(("：", ":")):
            quoted = _QUOTED_PLAN.search(head)
            return (quoted.group(1) if quoted else ""), head.strip()
        title.append(line)
        if len(line) > _TITLE_CONTINUATION:
            break
    joined = ""
    for line in title:
        joined += ("" if not joined or _is_cjk(joined[-1]) or _is_cjk(line[0]) else " ") + line
    in_title = set(title)
    rest = [line for line in head.strip().split("\n") if line and line not in in_title]
    return joined.strip(), "\n".join(rest).strip()


def introduction_left_out(introduction: str) -> Problem:
    """The warning that the text before the first part (notice, addressees, principles) was not kept."""
    excerpt = re.sub(r"\s+", " ", introduction)[:60]
    return Problem("the introduction before the first part was left out: \u201c{excerpt}\u2026\u201d", excerpt=excerpt)


def plan_year(title: str, text: str) -> int | None:
    years = _YEAR.findall(title) or _YEAR.findall(text)
    return int(years[0]) if years else None
