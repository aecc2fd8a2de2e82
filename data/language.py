"""The two languages the program speaks (English, Simplified Chinese) and the Qt-free way to word a text in one.

Texts outside Qt (the core's errors, the command line's lines, the sheets) are written in English where they
are made; a catalogue maps each English template to its Chinese one. A template names its values in braces
("malformed JSON at line {line}"), so the Chinese sentence can put them where Chinese puts them.
"""
from __future__ import annotations

import os
from collections.abc import Mapping

ENGLISH, CHINESE = "en", "zh"
LANGUAGES = (ENGLISH, CHINESE)
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order


def language_of_locale(name: str) -> str:
    """The language for a locale name such as "zh_CN.UTF-8", "zh-Hans" or "en_GB": Chinese for any Chinese one."""
    return CHINESE if name.strip().lower().startswith("zh") else ENGLISH


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, read as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "").split(":")[0]
        if value and value not in ("C", "POSIX"):
            return language_of_locale(value)
        if value:
            return ENGLISH
    return ENGLISH


def word(template: str, language: str, catalogue: Mapping[str, str], **values: object) -> str:
    """The template in the language (from the catalogue for Chinese), its {names} filled with the values.

    A template the catalogue lacks is worded in English: the tests keep every catalogue complete.
    """
    text = catalogue.get(template, template) if language == CHINESE else template
    return text.format(**values) if values else text
