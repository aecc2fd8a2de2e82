"""Written files get the permissions a user expects (0666 minus the umask), not the temporary file's 0600."""
from __future__ import annotations

import os
import stat

import pytest

from data.review import ReviewStore
from data.files import atomic_target


@pytest.fixture(params=[0o022, 0o002])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_an_exported_file_gets_the_usual_mode(umask, tmp_path):
    target = tmp_path / "sheets.xlsx"
    with atomic_target(target) as temporary:
        temporary.write_bytes(b"sheets")
    assert mode(target) == 0o666 & ~umask


def test_a_replaced_file_keeps_its_mode(umask, tmp_path):
    target = tmp_path / "sheets.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    with atomic_target(target) as temporary:
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640


def test_a_review_file_gets_the_usual_mode(umask, store, tmp_path):
    target = tmp_path / "review.json"
    ReviewStore(store).export_review(1, target)
    assert mode(target) == 0o666 & ~umask
