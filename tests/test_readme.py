"""The README's two set-up commands, run as written by /bin/sh with stand-ins for the programs they call:
as root on a machine without sudo, and as a user with sudo. (CI runs the real test command as root.)"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
STAND_IN = '#!/bin/sh\necho "{name} $*" >> "$CALLS"\n'
# `python3 -m venv .venv` makes the programs the commands call next from .venv/bin.
PYTHON_STAND_IN = STAND_IN + ('/bin/mkdir -p .venv/bin\nfor tool in pip python plan-review; do\n'
                              '  printf \'#!/bin/sh\\necho ".venv/bin/%s $*" >> "$CALLS"\\n\' $tool '
                              '> .venv/bin/$tool\n  /bin/chmod +x .venv/bin/$tool\ndone\n')


def readme_command(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```sh\n(.*?)\n```\n<!-- /{marker} -->", README.read_text(), re.S)
    assert found, f"the README has no {marker} block"
    return found.group(1)


def run_as(tmp_path: Path, command: str, uid: int, with_sudo: bool) -> tuple[int, list[str]]:
    """Run the command in an empty folder whose PATH holds only stand-ins; return its status and the calls."""
    tools = tmp_path / "bin"
    tools.mkdir()
    stand_ins = {"apt-get": STAND_IN, "python3": PYTHON_STAND_IN, "id": f'#!/bin/sh\necho {uid}\n'}
    if with_sudo:
        stand_ins["sudo"] = STAND_IN + '"$@"\n'
    for name, script in stand_ins.items():
        (tools / name).write_text(script.format(name=name) if "{name}" in script else script)
        (tools / name).chmod(0o755)
    work = tmp_path / "clone"
    work.mkdir()
    calls = tmp_path / "calls"
    done = subprocess.run(["/bin/sh", "-c", command], cwd=work, capture_output=True, text=True,
                          env={"PATH": str(tools), "CALLS": str(calls)})
    return done.returncode, calls.read_text().splitlines() if calls.exists() else []


@pytest.mark.parametrize("marker", ["run-command", "test-command"])
def test_as_root_without_sudo_every_step_runs(tmp_path, marker):
    status, calls = run_as(tmp_path, readme_command(marker), uid=0, with_sudo=False)
    assert status == 0
    assert [call.split()[0] for call in calls][:4] == ["apt-get", "apt-get", "python3", ".venv/bin/pip"]
    assert calls[1].startswith("apt-get install -y python3-venv")


@pytest.mark.parametrize("marker", ["run-command", "test-command"])
def test_as_a_user_apt_runs_through_sudo(tmp_path, marker):
    status, calls = run_as(tmp_path, readme_command(marker), uid=1000, with_sudo=True)
    assert status == 0
    assert calls[:2] == ["sudo apt-get update", "apt-get update"]
    assert calls[2].startswith("sudo apt-get install -y") and "python3 -m venv .venv" in calls
    assert not any(call.startswith("sudo") for call in calls[4:])  # the rest runs as the user


def test_the_readme_says_how_to_start_the_program_again():
    assert "`.venv/bin/plan-review`" in README.read_text().split("<!-- /run-command -->")[1].split("##")[0]
