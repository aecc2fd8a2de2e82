"""A department's name in a language: how the window, the command line and the sheets call it.

In Chinese a body goes by the short form State Council documents write (国家发展改革委), else its Chinese name;
a department known only by a Chinese spelling (省科技厅) by that. In English, by its official English name.
Lists order departments by these names: in Chinese by their pinyin (pypinyin), as Chinese indexes do.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .language import CHINESE
from .registry import default_registry


class Named(Protocol):
    name: str
    name_zh: str | None
    abbreviation: str | None


def short_name(department: Named, language: str) -> str:
    """The name lists and tables show: the Chinese short form or name in Chinese, the official name in English."""
    if language == CHINESE:
        return default_registry().short_zh(department.name) or department.name_zh or department.name
    return department.name


def full_name(department: Named, language: str) -> str:
    """The name a heading gives: the full Chinese name in Chinese, the official name in English."""
    return (department.name_zh or department.name) if language == CHINESE else department.name


def pinyin_order() -> Callable[[Named], tuple]:
    """A sort key ordering departments by the pinyin of their Chinese names, tones included (国家发展改革委
    guo2 jia1 fa1 … before 海关总署 hai3 …). The window orders its lists with Qt's collator instead, which is
    at hand without pypinyin's 0.3 s of dictionaries."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries load only when a Chinese list is ordered

    def key(department: Named) -> tuple:
        name = short_name(department, CHINESE)
        return lazy_pinyin(name, style=Style.TONE3), name
    return key


def every_name(department: Named) -> list[str]:
    """Every name of the department once: the Chinese name, the short form, the English name, the abbreviation."""
    names = [department.name_zh, default_registry().short_zh(department.name), department.name,
             department.abbreviation]
    return list(dict.fromkeys(name for name in names if name))
