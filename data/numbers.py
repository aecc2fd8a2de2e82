"""Regular expressions for the ways a plan writes a number: digits, words, ordinals, Roman and Chinese numerals."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from functools import lru_cache

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = ("_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_CHINESE_DIGITS = "零一二三四五六七八九"

# A number glued to a year before it ("in 20201." is "in 2020", then "1.").
_DIGITS_BEFORE = r"(?:(?<![\d.])|(?<=(?:19|20)\d\d))"


def words(n: int) -> str:
    """English words for 1..999, as a pattern allowing a space or hyphen between the words."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (r"[\s-]+" + _ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = _ONES[hundreds] + r"\s+hundred"
    return head + (r"(?:\s+and)?\s+" + words(rest) if rest else "")


def roman(n: int) -> str:
    out = ""
    for symbol, value in _ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


def chinese(n: int) -> str:
    if n < 10:
        return _CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")


_ONES_WORDS = "|".join(_ONES[1:10])
_TEENS_WORDS = "|".join(sorted(_ONES[10:], key=len, reverse=True))
_UNDER_HUNDRED = rf"(?:(?:{'|'.join(_TENS[2:])})(?:[\s-]+(?:{_ONES_WORDS}))?|{_TEENS_WORDS}|{_ONES_WORDS})"
# Any task number: "12." / "12、", or in words (glued to the word before: "rulestwenty two.").
_TASK_MARKER = re.compile(
    rf"{_DIGITS_BEFORE}(?P<digits>\d{{1,5}})\s*[.．、](?!\d)"
    rf"|(?i:(?P<words>(?:(?:{_ONES_WORDS})\s+hundred(?:(?:\s+and)?\s+{_UNDER_HUNDRED})?)|{_UNDER_HUNDRED}))"
    rf"\s*[.．](?!\d)")
_WORD_VALUES = {word: value for value, word in enumerate(_ONES)} | \
    {word: 10 * value for value, word in enumerate(_TENS) if value >= 2}


def _words_value(text: str) -> int:
    total = 0
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "hundred":
            total *= 100
        elif word != "and":
            total += _WORD_VALUES[word]
    return total


class TaskMarkers:
    """Every task-number marker in a text, found in one pass, looked up by number and position."""

    def __init__(self, text: str):
        self._spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for match in _TASK_MARKER.finditer(text):
            digits = match.group("digits")
            if not digits:
                self._spans[_words_value(match.group("words"))].append(match.span())
                continue
            self._spans[int(digits)].append(match.span())
            if len(digits) > 4 and digits[:2] in ("19", "20"):  # "in 20201." is the year, then "1."
                self._spans[int(digits[4:])].append((match.start("digits") + 4, match.end()))
        for spans in self._spans.values():
            spans.sort()

    def find(self, number: int, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each marker of task `number` lying within text[start:end], in order."""
        spans = self._spans.get(number, [])
        first = bisect.bisect_left(spans, (start, -1))
        return [span for span in spans[first:] if end is None or span[1] <= end]


@lru_cache(maxsize=256)
def part_marker(n: int) -> re.Pattern[str]:
    """'3.', 'V.', 'Second,', 'Three.', '三、'."""
    forms = [rf"{_DIGITS_BEFORE}{n}\s*[.．、,，](?!\d)", rf"(?<![A-Za-z]){roman(n)}\s*[.．、,，]"]
    if n < len(_ORDINALS):
        forms.append(rf"(?i:\b{_ORDINALS[n]})\s*[.．,，:]")
    if n < 1000:
        forms.append(rf"(?i:\b{words(n)})\s*[.．,，]")
    forms.append(rf"{chinese(n)}\s*[、．.]")
    return re.compile("|".join(f"(?:{form})" for form in forms))


@lru_cache(maxsize=256)
def section_marker(n: int) -> re.Pattern[str]:
    """'(2)', '（2）', '（二）'."""
    return re.compile(rf"[(（]\s*(?:{n}|{chinese(n)})\s*[)）]")
