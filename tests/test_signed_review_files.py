"""Review files that cannot be forged (Ed25519 signatures, trust on first use per reviewer) and one reviewer
identity per operating-system user, shared by the window and the command line."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from data.errors import ReviewFileError, UntrustedKeyError
from data.identity import (Identity, current_identity, key_file_text, seed_of_key_file, signature_valid, signing_key,
                           store_identity, stored_identity)
from data.review import ReviewStore
from data.review.file_format import file_checksum
from data.store import PlanStore
from desktop import settings as keys
from desktop.cli import main
from desktop.settings import Settings

from .hostile_inputs import forger_key, signed_again
from .test_window import dialogs, open_window, settings_folder  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent


class Reviewer:
    """A person on a laptop of their own: a user data folder (identity, key) and a copy of the database."""

    def __init__(self, name: str, home: Path, template: Path, monkeypatch: pytest.MonkeyPatch):
        self.name, self.home, self._monkeypatch = name, home, monkeypatch
        home.mkdir(parents=True)
        self.db = home / "plans.sqlite"
        shutil.copy(template, self.db)
        with self:
            store_identity(Identity(name))

    def __enter__(self) -> Reviewer:
        """`with person:` makes them the user (their data folder) until another person is chosen."""
        self._monkeypatch.setenv("XDG_DATA_HOME", str(self.home / "user-data"))
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def cli(self, *args: str) -> int:
        with self:
            return main(["review", *args, "--db", str(self.db)])

    def note_and_export(self, file: Path, text: str = "Check the figures", task: str = "4") -> Path:
        assert self.cli("note", "--task", task, text) == 0
        assert self.cli("export", "--reviewer", self.name, "-o", str(file)) == 0
        return file

    def rows(self) -> list:
        with closing(sqlite3.connect(self.db)) as conn:
            return [conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                    for table in ("review_notes", "review_states", "reviewer_keys", "reviewers")]


@pytest.fixture
def people(sample_db, tmp_path, monkeypatch) -> dict[str, Reviewer]:
    return {name: Reviewer(name, tmp_path / name.lower(), sample_db, monkeypatch) for name in ("Ann", "Ben")}


def key_of(file: Path) -> str:
    from data.identity import fingerprint

    return fingerprint(base64.b64decode(json.loads(file.read_text("utf-8"))["content"]["signer"]["public_key"]))


# The key ----------------------------------------------------------------------------------------------------
def test_the_key_is_made_on_first_use_readable_by_the_user_alone_and_kept(user_folder):
    assert not (user_folder / "reviewer-key.pem").exists()
    key = signing_key()
    path = user_folder / "reviewer-key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert signing_key().fingerprint == key.fingerprint
    path.chmod(0o644)  # copied back from a backup with wider permissions
    assert signing_key().fingerprint == key.fingerprint
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in user_folder.iterdir()] == ["reviewer-key.pem"]  # no temporary file left


def test_a_file_is_signed_by_the_exporting_reviewer(people, tmp_path, capsys):
    ann = people["Ann"]
    file = ann.note_and_export(tmp_path / "ann.json")
    document = json.loads(file.read_text("utf-8"))
    assert document["version"] == 3 and document["content"]["signer"]["reviewer"] == "Ann"
    capsys.readouterr()
    assert ann.cli("whoami", "--key") == 0
    assert capsys.readouterr().out == f"Ann\nkey {key_of(file)}\n"



# Keys and files made before PyNaCl signed them (with `cryptography`, at ba87704) ------------------------------------
SIGNING = ROOT / "tests" / "fixtures" / "signing"
EARLIER_KEY = json.loads((SIGNING / "reviewer-key.json").read_text("utf-8"))  # what that key yielded then


def test_a_key_file_made_by_an_earlier_version_signs_as_it_did(user_folder):
    user_folder.mkdir(parents=True)
    shutil.copy(SIGNING / "reviewer-key.pem", user_folder / "reviewer-key.pem")
    key = signing_key()
    assert base64.b64encode(key.public).decode("ascii") == EARLIER_KEY["public_key"]
    assert key.fingerprint == EARLIER_KEY["fingerprint"]
    assert key.sign(EARLIER_KEY["digest"]) == EARLIER_KEY["signature"]
    assert stat.S_IMODE((user_folder / "reviewer-key.pem").stat().st_mode) == 0o600
    assert (user_folder / "reviewer-key.pem").read_bytes() == (SIGNING / "reviewer-key.pem").read_bytes()


def test_a_signature_made_by_an_earlier_version_is_checked_as_it_was():
    public, signature = (base64.b64decode(EARLIER_KEY[name]) for name in ("public_key", "signature"))
    assert signature_valid(public, signature, EARLIER_KEY["digest"])
    assert not signature_valid(public, signature, hashlib.sha256(b"another file").hexdigest())
    assert not signature_valid(public, signature[:-1] + bytes([signature[-1] ^ 1]), EARLIER_KEY["digest"])
    assert not signature_valid(public, signature[:32], EARLIER_KEY["digest"])


def test_a_key_is_written_byte_for_byte_as_earlier_versions_wrote_it(user_folder):
    earlier = (SIGNING / "reviewer-key.pem").read_bytes()
    assert key_file_text(seed_of_key_file(earlier)) == earlier
    signing_key()
    made = (user_folder / "reviewer-key.pem").read_bytes()
    assert made.startswith(b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI") and made != earlier
    assert key_file_text(seed_of_key_file(made)) == made and len(made) == len(earlier)


def test_a_review_file_exported_by_an_earlier_version_is_imported_as_signed_by_its_reviewer(tmp_path, capsys):
    db = tmp_path / "plans.sqlite"
    assert main(["import", str(SIGNING / "plan.json"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["review", "import", str(SIGNING / "review-v3-ann.json"), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"Merged {SIGNING / 'review-v3-ann.json'}: 1 note") and err == ""
    with PlanStore(db) as store:
        notes = ReviewStore(store).notes(1)
    assert [(n.author, n.text) for n in notes] == [("Ann", "Check the figures with the statistics bureau")]
    assert main(["review", "reviewers", "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(f"keys {EARLIER_KEY['fingerprint']}")


def earlier_key_text(transform) -> bytes:
    return transform((SIGNING / "reviewer-key.pem").read_bytes())


def earlier_der(change) -> bytes:
    """The earlier key file with its DER changed."""
    text = (SIGNING / "reviewer-key.pem").read_text("ascii")
    der = change(base64.b64decode(text.splitlines()[1]))
    return f"-----BEGIN PRIVATE KEY-----\n{base64.encodebytes(der).decode('ascii')}-----END PRIVATE KEY-----\n"\
        .encode("ascii")


@pytest.mark.parametrize("text", [
    earlier_key_text(lambda pem: pem.replace(b"\n", b"\r\n")),  # saved again on Windows
    earlier_key_text(lambda pem: b"Ann's signing key\n" + pem + b"\n"),
    earlier_key_text(lambda pem: pem.replace(b"MC4CAQAwBQYDK2VwBCIEI", b"MC4CAQAwBQYDK2VwBCIEI\n  ")),
], ids=["CRLF", "words around it", "line broken"])
def test_a_key_file_earlier_versions_read_is_read(user_folder, text):
    user_folder.mkdir(parents=True)
    (user_folder / "reviewer-key.pem").write_bytes(text)
    assert signing_key().fingerprint == EARLIER_KEY["fingerprint"]


@pytest.mark.parametrize("text", [
    (SIGNING / "ed448-key.pem").read_bytes(),
    (SIGNING / "encrypted-key.pem").read_bytes(),
    earlier_der(lambda der: der + b"\0"),
    earlier_der(lambda der: der[:-1]),
    earlier_der(lambda der: der.replace(bytes.fromhex("06032b6570"), bytes.fromhex("06032b6571"))),  # Ed448's id
    earlier_der(lambda der: der.replace(bytes.fromhex("020100"), bytes.fromhex("020101"))),  # PKCS#8 version 2
    earlier_key_text(lambda pem: pem.replace(b"PRIVATE KEY", b"PUBLIC KEY")),
    earlier_key_text(lambda pem: pem.replace(b"MC4C", b"MC4*")),
    earlier_key_text(lambda pem: pem.split(b"-----END")[0]),
], ids=["Ed448", "encrypted", "bytes after the seed", "short seed", "another algorithm", "another version",
        "a public key", "not base64", "no end line"])
def test_a_key_file_holding_anything_else_is_named_not_used(people, tmp_path, capsys, text):
    ann = people["Ann"]
    key = ann.home / "user-data" / "plan-review" / "reviewer-key.pem"
    key.parent.mkdir(parents=True, exist_ok=True)
    key.write_bytes(text)
    capsys.readouterr()
    assert ann.cli("export", "-o", str(tmp_path / "ann.json")) == 2
    assert capsys.readouterr().err == (f"plan-review: {key}: is not a signing key Plan Review can use (an "
                                       f"unencrypted Ed25519 key); move it aside and a new key will be made\n")
    assert not (tmp_path / "ann.json").exists() and key.read_bytes() == text



def test_the_signing_library_loads_only_when_a_key_is_used(user_folder):
    code = ("import base64, sys, desktop.cli, data.review, data.identity as identity; identity.current_identity(); "
            "loaded = lambda: sorted({m.split('.')[0] for m in sys.modules} & {'nacl', 'cryptography'}); "
            "print(loaded()); key = identity.signing_key(); "
            "print(identity.signature_valid(key.public, base64.b64decode(key.sign('00')), '00'), loaded())")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert shown.splitlines() == ["[]", "True ['nacl']"]


# Forged files -----------------------------------------------------------------------------------------------
def test_a_changed_file_whose_checksum_was_computed_again_is_refused(people, tmp_path, capsys):
    ann, ben = people["Ann"], people["Ben"]
    file = ann.note_and_export(tmp_path / "ann.json")
    document = json.loads(file.read_text("utf-8"))
    document["content"]["notes"][0]["text"] = "Approve it as it is"
    document["sha256"] = file_checksum(3, document["content"])
    file.write_text(json.dumps(document), "utf-8")
    before = ben.rows()
    capsys.readouterr()
    assert ben.cli("import", str(file)) == 2
    assert "was altered after Ann signed it (its signature does not match)" in capsys.readouterr().err
    assert ben.rows() == before


def test_a_file_signed_by_someone_else_under_a_known_reviewers_name_is_refused(people, tmp_path, capsys):
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("import", str(ann.note_and_export(tmp_path / "ann.json"))) == 0  # Ann's key, on first use
    forged = ann.note_and_export(tmp_path / "forged.json", "Approve it as it is", task="5")
    forgery = forger_key()
    forged.write_text(json.dumps(signed_again(json.loads(forged.read_text("utf-8")), forgery, signer="Ann")), "utf-8")
    before = ben.rows()
    capsys.readouterr()
    assert ben.cli("import", str(forged)) == 2
    error = capsys.readouterr().err
    assert f"is signed by Ann with key {forgery.fingerprint}, but this database knows Ann's key as " \
           f"{key_of(tmp_path / 'ann.json')}" in error
    assert "\n" not in error.rstrip("\n") and "Traceback" not in error
    assert ben.rows() == before


def test_a_file_claiming_the_users_own_name_with_another_key_is_refused(people, tmp_path):
    ann, ben = people["Ann"], people["Ben"]
    with ben:
        ben_key = signing_key().fingerprint
    impostor = Reviewer("Ben", tmp_path / "impostor", ann.db, ann._monkeypatch)  # another laptop, Ben's name
    file = impostor.note_and_export(tmp_path / "impostor.json")
    with ben, PlanStore(ben.db) as store, pytest.raises(UntrustedKeyError) as refused:
        ReviewStore(store).import_review(1, file)
    assert (refused.value.reviewer, refused.value.known, refused.value.key) == ("Ben", [ben_key], key_of(file))


# A new key, accepted deliberately ---------------------------------------------------------------------------
def test_a_new_key_is_refused_then_accepted_with_review_trust(people, tmp_path, capsys):
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("import", str(ann.note_and_export(tmp_path / "old-laptop.json"))) == 0
    shutil.rmtree(ann.home / "user-data")  # Ann's new laptop: same name, a new key
    with ann:
        store_identity(Identity("Ann"))
    file = ann.note_and_export(tmp_path / "new-laptop.json", "From the new laptop", task="6")
    capsys.readouterr()
    assert ben.cli("import", str(file)) == 2
    assert f"plan-review review trust Ann --key {key_of(file)}" in capsys.readouterr().err
    assert ben.cli("trust", "Ann", "--key", "not a key") == 2
    assert ben.cli("trust", "Ann", "--key", key_of(file).upper()) == 0
    assert ben.cli("import", str(file)) == 0
    with PlanStore(ben.db) as store:
        assert [n.text for n in ReviewStore(store).notes(1)] == ["Check the figures", "From the new laptop"]
    assert ben.cli("import", str(tmp_path / "old-laptop.json")) == 0  # the old key stays trusted too


# Unsigned files from older versions ---------------------------------------------------------------------------
def as_older_release(file: Path) -> None:
    """The file as versions before signed review files wrote it (version 2: a checksum, no signature)."""
    document = json.loads(file.read_text("utf-8"))
    del document["signature"], document["content"]["signer"]
    document["version"] = 2
    document["sha256"] = file_checksum(2, document["content"])
    file.write_text(json.dumps(document), "utf-8")


def test_an_unsigned_file_from_an_older_version_is_read_with_a_warning(people, tmp_path, capsys):
    ann, ben = people["Ann"], people["Ben"]
    file = ann.note_and_export(tmp_path / "old.json")
    as_older_release(file)
    capsys.readouterr()
    assert ben.cli("import", str(file)) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"Merged {file}: 1 note")
    assert err == (f"plan-review: warning: {file} is not signed (written by a Plan Review older than signed "
                   f"review files): who wrote it cannot be checked\n")


def test_an_unsigned_file_is_refused_for_a_reviewer_whose_files_are_signed(people, tmp_path, capsys):
    """Removing the signature must not get a forged file past the key check."""
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("import", str(ann.note_and_export(tmp_path / "ann.json"))) == 0
    file = ann.note_and_export(tmp_path / "stripped.json", "Approve it as it is", task="5")
    as_older_release(file)
    before = ben.rows()
    capsys.readouterr()
    assert ben.cli("import", str(file)) == 2
    assert "is not signed, but Ann's review files are signed" in capsys.readouterr().err
    assert ben.rows() == before


# Who wrote here -------------------------------------------------------------------------------------------------
def test_the_database_remembers_who_wrote_in_it_and_their_keys(people, tmp_path, capsys):
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("set", "--task", "3", "--status", "reviewed") == 0
    file = ann.note_and_export(tmp_path / "ann.json")
    assert ben.cli("import", str(file)) == 0
    capsys.readouterr()
    assert ben.cli("reviewers") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["Ann", "Ben"]
    assert "wrote here -" in lines[0] and "merged 20" in lines[0] and lines[0].endswith(f"keys {key_of(file)}")
    assert "wrote here 20" in lines[1] and "merged -" in lines[1] and lines[1].endswith("keys -")


# One identity per user ---------------------------------------------------------------------------------------------
def test_an_older_databases_default_reviewer_becomes_the_users_identity_once(sample_db, tmp_path, capsys,
                                                                             monkeypatch):
    monkeypatch.delenv("PLAN_REVIEW_REVIEWER", raising=False)
    other = tmp_path / "other.sqlite"
    shutil.copy(sample_db, other)
    for path, name in ((sample_db, "Li Na"), (other, "Someone Else")):
        with PlanStore(path) as store:  # as versions before the shared identity kept it, in each database
            store.conn.execute("INSERT INTO review_settings VALUES ('reviewer', ?)", (name,))
    assert main(["review", "whoami", "--db", str(sample_db)]) == 0
    assert main(["review", "whoami", "--db", str(other)]) == 0
    assert capsys.readouterr().out == "Li Na\nLi Na\n"
    assert stored_identity() == Identity("Li Na")


def test_the_window_and_the_command_line_share_one_identity(qtbot, open_window, sample_db, tmp_path):  # noqa: F811
    other = tmp_path / "other.sqlite"
    shutil.copy(sample_db, other)
    command = [sys.executable, "-m", "desktop", "review", "whoami", "--db", str(other)]
    subprocess.run([*command, "--set", "Carol"], check=True, cwd=ROOT, capture_output=True)
    window = open_window(sample_db)
    assert window.review.reviewer_label.text() == "Reviewer: Carol"
    assert "reviewer.json" in window.review.reviewer_label.toolTip()
    window.review.set_identity("Dora", "China National Intellectual Property Administration")
    assert window.review.reviewer_label.text() == "Reviewer: Dora (China National Intellectual Property " \
                                                  "Administration)"
    shown = subprocess.run(command, check=True, cwd=ROOT, capture_output=True, text=True).stdout
    assert shown == "Dora\n"
    subprocess.run([*command, "--set", "Eve"], check=True, cwd=ROOT, capture_output=True)
    window.database_changed.emit()  # what the window does when it sees another program's write
    assert window.review.reviewer_label.text() == "Reviewer: Eve (China National Intellectual Property " \
                                                  "Administration)"


def test_the_windows_old_setting_becomes_the_users_identity(open_window, sample_db):  # noqa: F811
    Settings().set(keys.LEGACY_REVIEWER, "Fay")
    Settings().set(keys.LEGACY_REVIEWER_DEPARTMENT, "Ministry of Finance")
    window = open_window(sample_db)
    assert window.review.reviewer_label.text() == "Reviewer: Fay (Ministry of Finance)"
    assert stored_identity() == Identity("Fay", "Ministry of Finance")
    assert "review/reviewer" not in Settings().qsettings.allKeys()
    assert current_identity().name == "Fay"


# The window ----------------------------------------------------------------------------------------------------------
def test_the_window_shows_a_new_key_and_imports_once_it_is_trusted(qtbot, open_window, people, tmp_path,  # noqa: F811
                                                                    dialogs):  # noqa: F811
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("import", str(ann.note_and_export(tmp_path / "old-laptop.json"))) == 0
    old_key = key_of(tmp_path / "old-laptop.json")
    shutil.rmtree(ann.home / "user-data")
    with ann:
        store_identity(Identity("Ann"))
    file = ann.note_and_export(tmp_path / "new-laptop.json", "From the new laptop", task="6")
    with ben:
        window = open_window(ben.db)
        window.review.import_review(file)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "untrustedKeyDialog") is not None)
        box = window.findChild(QMessageBox, "untrustedKeyDialog")
        qtbot.waitUntil(box.isVisible)
        assert "signed by Ann" in box.text()
        assert old_key in box.informativeText() and key_of(file) in box.informativeText()
        box.grab().save(str(tmp_path / "untrusted-key.png"))
        box.findChild(QPushButton, "trustKey").click()
        qtbot.waitUntil(lambda: bool(dialogs))
    assert dialogs == [("information", "Import Review", "Merged from “new-laptop.json”: 1 note, 0 statuses."
                                                        "\n\nSigned by Ann.")]
    with PlanStore(ben.db) as store:
        assert ReviewStore(store).trusted_keys("Ann") == [old_key, key_of(file)]


def test_the_window_warns_of_an_unsigned_file(qtbot, open_window, people, tmp_path, dialogs):  # noqa: F811
    ann, ben = people["Ann"], people["Ben"]
    file = ann.note_and_export(tmp_path / "old.json")
    as_older_release(file)
    with ben:
        window = open_window(ben.db)
        window.review.import_review(file)
        qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, title, text)] = dialogs
    assert (kind, title) == ("warning", "Import Review")
    assert text.endswith("This file is not signed (it was written by a Plan Review older than signed review "
                         "files): who wrote it cannot be checked.")


def test_a_forged_file_is_refused_in_the_window_with_its_reason(qtbot, open_window, people, tmp_path,  # noqa: F811
                                                                dialogs):  # noqa: F811
    ann, ben = people["Ann"], people["Ben"]
    file = ann.note_and_export(tmp_path / "ann.json")
    document = json.loads(file.read_text("utf-8"))
    document["content"]["notes"][0]["author"] = "Ben"
    document["sha256"] = file_checksum(3, document["content"])
    file.write_text(json.dumps(document), "utf-8")
    with ben:
        window = open_window(ben.db)
        window.review.import_review(file)
        qtbot.waitUntil(lambda: bool(dialogs))
    [(kind, _, text)] = dialogs
    assert kind == "critical" and text.endswith("was altered after Ann signed it (its signature does not match)")
    with PlanStore(ben.db) as store:
        assert ReviewStore(store).notes(1) == []


def test_review_files_are_refused_when_their_signature_is_not_base64(people, tmp_path):
    ann, ben = people["Ann"], people["Ben"]
    file = ann.note_and_export(tmp_path / "ann.json")
    document = json.loads(file.read_text("utf-8"))
    file.write_text(json.dumps({**document, "signature": "not base64!"}), "utf-8")
    with ben, PlanStore(ben.db) as store, pytest.raises(ReviewFileError, match="signer or signature is missing"):
        ReviewStore(store).import_review(1, file)
    assert os.path.exists(file)


def test_a_damaged_key_file_is_named_not_a_traceback(people, tmp_path, capsys):
    ann = people["Ann"]
    assert ann.cli("note", "--task", "4", "Check the figures") == 0
    key = ann.home / "user-data" / "plan-review" / "reviewer-key.pem"
    key.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    capsys.readouterr()
    assert ann.cli("export", "-o", str(tmp_path / "ann.json")) == 2
    assert capsys.readouterr().err == (f"plan-review: {key}: is not a signing key Plan Review can use (an "
                                       f"unencrypted Ed25519 key); move it aside and a new key will be made\n")
    assert not (tmp_path / "ann.json").exists()


def test_an_earlier_releases_database_learns_who_wrote_in_it(tmp_path, capsys):
    import gzip

    path = tmp_path / "old.sqlite"
    path.write_bytes(gzip.decompress((Path(__file__).parent / "fixtures" / "release-0.1-schema-3.sqlite.gz")
                                     .read_bytes()))
    with closing(sqlite3.connect(path)) as conn:
        authors = {row[0] for row in conn.execute("SELECT author FROM review_notes UNION SELECT reviewer FROM "
                                                  "review_states")}
    assert authors
    capsys.readouterr()
    assert main(["review", "reviewers", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert {line.split("\t")[0] for line in lines} == authors
    assert all("first seen 20" in line and line.endswith("keys -") for line in lines)


def test_a_refused_key_is_worded_in_chinese_under_a_chinese_locale(people, tmp_path, capsys, monkeypatch):
    ann, ben = people["Ann"], people["Ben"]
    assert ben.cli("import", str(ann.note_and_export(tmp_path / "ann.json"))) == 0
    forged = ann.note_and_export(tmp_path / "forged.json", "Approve it as it is", task="5")
    forgery = forger_key()
    forged.write_text(json.dumps(signed_again(json.loads(forged.read_text("utf-8")), forgery, signer="Ann")), "utf-8")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    capsys.readouterr()
    assert ben.cli("import", str(forged)) == 2
    assert f"由 Ann 用密钥 {forgery.fingerprint} 签名" in capsys.readouterr().err
    assert ben.cli("trust", "Ann", "--key", forgery.fingerprint) == 0
    assert capsys.readouterr().out == f"今后接受 Ann 用密钥 {forgery.fingerprint} 签名的审阅文件\n"
