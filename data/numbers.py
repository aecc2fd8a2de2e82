"""Regular expressions for the ways a plan writes a number: digits, words, ordinals, Roman and Chinese numerals."""
from __future__ import annotations

import re
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


@lru_cache(maxsize=4096)
def task_marker(n: int) -> re.Pattern[str]:
    """'12.', '12、', or 'twelve.' (words may be glued to the word before: 'rulestwenty two.')."""
    return re.compile(
        rf"{_DIGITS_BEFORE}{n}\s*[.．、](?!\d)|(?i:{words(n)})\s*[.．](?!\d)" if n < 1000
        else rf"{_DIGITS_BEFORE}{n}\s*[.．、](?!\d)"
    )


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
