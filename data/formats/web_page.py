"""A saved web page (.html/.htm, or a browser's single-file .mht archive) as the lines of its article:
the element holding most of the page's running text, without navigation, link lists and site furniture.
Read with the standard library's html.parser (and email for .mht): pages are small, and finding the
article needs only the element tree and text lengths, no CSS or scripts."""
from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import PlanFileError

_BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption",
           "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
           "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "center"}
_SKIPPED = {"script", "style", "noscript", "template", "head", "nav", "select", "button", "iframe", "svg", "object"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_CONTENT_NAMES = re.compile(r"content|article|zoom|main|text|body|detail|正文", re.I)
_FURNITURE_NAMES = re.compile(r"nav|menu|header|footer|crumb|share|related|sidebar|comment|copyright|toolbar", re.I)
_TITLE_LINES = 5  # the article's first lines, where it may give its title itself (over one line or two)
_LONGEST_HEADING = 120  # characters: a longer h1 is the article itself, typed into a heading
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass
class Element:
    tag: str
    attributes: str  # id and class, where they say what the element is
    children: list = field(default_factory=list)  # Element or str, in order
    text_length: int = 0  # characters of text inside, outside links
    link_length: int = 0  # characters of text inside links
    holds_blocks: bool = False  # a block element is somewhere inside


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", "")
        self.open: list[Element] = [self.root]
        self.skipping = 0
        self.in_link = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if self.skipping or tag in _SKIPPED:
            self.skipping += tag not in _VOID
            return
        if tag == "a":
            self.in_link += 1
        if tag in _VOID:
            if tag == "br":
                self.open[-1].children.append("\n")
                self.open[-1].holds_blocks = True
            return
        names = " ".join(value or "" for name, value in attrs if name in ("id", "class"))
        element = Element(tag, names)
        if tag in _BLOCKS:
            for ancestor in self.open:
                ancestor.holds_blocks = True
        self.open[-1].children.append(element)
        self.open.append(element)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self.skipping:
            self.skipping -= tag not in _VOID
            return
        if tag == "a" and self.in_link:
            self.in_link -= 1
        for depth in range(len(self.open) - 1, 0, -1):  # close up to the matching element (pages are sloppy)
            if self.open[depth].tag == tag:
                del self.open[depth:]
                break

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self.skipping or not data.strip():
            if data and not data.strip() and not self.skipping:
                self.open[-1].children.append(" ")
            return
        self.open[-1].children.append(data)
        length = len(data.strip())
        for element in self.open:
            if self.in_link:
                element.link_length += length
            else:
                element.text_length += length


def read_web_page(path: Path, raw: bytes) -> list[str]:
    """The article's lines from an HTML page's bytes."""
    return page_lines(path, decode_page(raw))


def read_web_archive(path: Path, raw: bytes) -> list[str]:
    """The article's lines from a .mht archive: its first HTML part."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                return page_lines(path, part.get_content())
            except (LookupError, UnicodeDecodeError):
                return page_lines(path, decode_page(part.get_payload(decode=True)))
    raise PlanFileError(path, "the web archive holds no HTML page")


def decode_page(raw: bytes) -> str:
    """A page's text: by its BOM, its declared charset, else UTF-8, else GB18030."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    declared = _META_CHARSET.search(raw[:4096])
    encodings = ["utf-8-sig", "gb18030"]
    if declared:
        name = declared.group(1).decode("ascii").lower()
        encodings.insert(0, "gb18030" if name in ("gb2312", "gbk", "gb18030") else name)
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


def page_lines(path: Path, html: str) -> list[str]:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    article = _article(builder.root)
    if article is None:
        raise PlanFileError(path, "the web page holds no article text")
    lines = _lines(article)
    heading = _heading_before(builder.root, article) or re.sub(r"[_|｜-].*$", "", builder.title).strip()
    if heading and _squeezed(heading) not in _squeezed("".join(lines[:_TITLE_LINES])):
        lines.insert(0, heading)
    return lines


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _article(root: Element) -> Element | None:
    """The element whose own blocks hold the most running text (not links), named like an article rather
    than like site furniture."""
    best, best_score = None, 0.0
    for element in _walk(root):
        if element.tag in ("a", "li", "span", "font", "b", "strong", "tr"):
            continue
        direct = sum(len(child.strip()) if isinstance(child, str) else child.text_length
                     for child in element.children if isinstance(child, str) or _is_paragraph(child))
        score = direct * (1.5 if _CONTENT_NAMES.search(element.attributes) else 1.0)
        if _FURNITURE_NAMES.search(element.attributes) or element.link_length > element.text_length:
            score *= 0.1
        if score > best_score:
            best, best_score = element, score
    return best


def _is_paragraph(element: Element) -> bool:
    """A paragraph of running text: a p or heading, or any element with no block element inside."""
    return element.tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote") or not element.holds_blocks


def _walk(element: Element):
    yield element
    for child in element.children:
        if isinstance(child, Element):
            yield from _walk(child)


def _lines(element: Element) -> list[str]:
    """The element's text, a line per block element."""
    pieces: list[str] = []

    def collect(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                pieces.append(child)
            elif _FURNITURE_NAMES.search(child.attributes) and child.link_length >= child.text_length:
                continue
            else:
                block = child.tag in _BLOCKS
                pieces.append("\n" if block else "")
                collect(child)
                pieces.append("\n" if block else "")

    collect(element)
    return [line for line in (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in "".join(pieces).split("\n"))
            if line]


def _heading_before(root: Element, article: Element) -> str:
    """The page's first h1 (or h2) outside the article, if short: the document's title on most sites."""
    for tag in ("h1", "h2"):
        for element in _walk(root):
            if element.tag == tag and element is not article and not _contains(article, element):
                text = " ".join(_lines(element))
                if 0 < len(text) <= _LONGEST_HEADING:
                    return text
    return ""


def _contains(outer: Element, inner: Element) -> bool:
    return any(element is inner for element in _walk(outer))
