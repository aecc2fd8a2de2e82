"""Who reviews: one identity per operating-system user, kept once in the user's data folder, with the key
that signs the review files that user writes.

`reviewer.json` holds the name (and the department, if one was given); the window and the command line both
read it, whatever database they open. Before anything is stored the identity is $PLAN_REVIEW_REVIEWER, else
the operating system's user name. `reviewer-key.pem` holds the Ed25519 private key, made on first use and
readable by the user alone (0600). A key is known to others by its fingerprint: the SHA-256 of its 32 raw
public bytes, in hex. The key file is PKCS#8 PEM as RFC 8410 lays out an Ed25519 key, its 32-byte seed after a
fixed prefix: the file earlier versions wrote through the `cryptography` library, byte for byte, so a key made by
either is read by the other.

PyNaCl (libsodium) signs and verifies; it is imported where a key is used: reading a name does not need it.
"""
from __future__ import annotations

import base64
import binascii
import getpass
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import ExportError
from .files import atomic_target
from .paths import user_folder

REVIEWER_VARIABLE = "PLAN_REVIEW_REVIEWER"
IDENTITY_FILE = "reviewer.json"
KEY_FILE = "reviewer-key.pem"
KEY_MODE = 0o600
SIGNED_PREFIX = b"plan-review/review signature:"  # what is signed: this, then the file's sha256 in hex
# RFC 8410 §7: PKCS#8 version 0, algorithm id-Ed25519 (1.3.101.112) without parameters, then the private key:
# an OCTET STRING holding the OCTET STRING of the 32-byte seed. A key file holding anything else is refused.
PKCS8_ED25519_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
SEED_BYTES = 32
PEM_BEGIN, PEM_END = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"


@dataclass(frozen=True)
class Identity:
    name: str
    department: str = ""


def identity_path() -> Path:
    return user_folder() / IDENTITY_FILE


def key_path() -> Path:
    return user_folder() / KEY_FILE


def stored_identity() -> Identity | None:
    """The identity the user chose, or None before one is stored (or when its file is unreadable)."""
    try:
        record = json.loads(identity_path().read_text("utf-8"))
        name, department = record["name"], record.get("department", "")
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not isinstance(name, str) or not name.strip() or not isinstance(department, str):
        return None
    return Identity(name, department)


def store_identity(identity: Identity) -> None:
    """Keep the identity for every later start of the window and the command line (ExportError if it
    cannot be written)."""
    path = identity_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(path) as temporary:
        temporary.write_text(json.dumps({"name": identity.name, "department": identity.department},
                                        ensure_ascii=False) + "\n", "utf-8")


def adopt_identity(name: str | None, department: str = "") -> None:
    """Keep an identity found where older versions kept it (the window's settings, a database's default),
    unless one is stored already: the first one found wins."""
    if name and name.strip() and stored_identity() is None:
        store_identity(Identity(name, department))


def current_identity() -> Identity:
    """The stored identity, else $PLAN_REVIEW_REVIEWER, else the operating system's user name."""
    stored = stored_identity()
    if stored is not None:
        return stored
    name = os.environ.get(REVIEWER_VARIABLE)
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "reviewer"
    return Identity(name)


def fingerprint(public_key: bytes) -> str:
    """How a key is shown and named: the SHA-256 of its raw public bytes, in hex."""
    return hashlib.sha256(public_key).hexdigest()


def normalized_fingerprint(text: str) -> str | None:
    """A fingerprint as typed (any case, with spaces or colons), or None if it is not one."""
    cleaned = "".join(c for c in text.lower() if c not in " :")
    return cleaned if len(cleaned) == 64 and all(c in "0123456789abcdef" for c in cleaned) else None


@dataclass(frozen=True)
class SigningKey:
    """The user's private key and what others see of it."""

    private: object  # PyNaCl's nacl.signing.SigningKey
    public: bytes  # the 32 raw public bytes

    @classmethod
    def from_seed(cls, seed: bytes) -> SigningKey:
        """The key of a 32-byte Ed25519 seed (RFC 8032's private key)."""
        import nacl.signing

        private = nacl.signing.SigningKey(seed)
        return cls(private, private.verify_key.encode())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    def sign(self, digest: str) -> str:
        """The signature of a file whose sha256 is `digest`, in base64."""
        return base64.b64encode(self.private.sign(SIGNED_PREFIX + digest.encode("ascii")).signature).decode("ascii")


def signing_key() -> SigningKey:
    """The user's key, made (readable by the user alone) on first use; ExportError if it cannot be made or
    its file holds no key this program can use."""
    path = key_path()
    try:
        if not path.exists():
            _create_key(path, key_file_text(os.urandom(SEED_BYTES)))
        if stat.S_IMODE(path.stat().st_mode) != KEY_MODE:
            os.chmod(path, KEY_MODE)  # copied in by hand, or restored from a backup with wider permissions
        seed = seed_of_key_file(path.read_bytes())
    except OSError as error:
        raise ExportError(path, "cannot be used as your signing key ({reason})", reason=error.strerror or str(error)) \
            from None
    if seed is None:
        raise ExportError(path, "is not a signing key Plan Review can use (an unencrypted Ed25519 key); move it "
                                "aside and a new key will be made")
    return SigningKey.from_seed(seed)


def key_file_text(seed: bytes) -> bytes:
    """The key file of an Ed25519 seed: PKCS#8 PEM, byte for byte as earlier versions wrote it (one base64 line:
    the 48 bytes of the key make 64 characters)."""
    return PEM_BEGIN + b"\n" + base64.encodebytes(PKCS8_ED25519_PREFIX + seed) + PEM_END + b"\n"


def seed_of_key_file(text: bytes) -> bytes | None:
    """The Ed25519 seed of a key file's first private key block, or None when the file holds no unencrypted
    Ed25519 key in RFC 8410's form. Words around the block and line breaks within it are allowed, as
    earlier versions allowed them."""
    _, begin, rest = text.partition(PEM_BEGIN)
    body, end, _ = rest.partition(PEM_END)
    if not begin or not end:
        return None
    try:
        der = base64.b64decode(b"".join(body.split()), validate=True)
    except binascii.Error:
        return None
    if len(der) != len(PKCS8_ED25519_PREFIX) + SEED_BYTES or not der.startswith(PKCS8_ED25519_PREFIX):
        return None
    return der[len(PKCS8_ED25519_PREFIX):]


def _create_key(path: Path, pem: bytes) -> None:
    """Write a new key under a temporary name at 0600 and link it into place: of two programs making one at
    once, the first to link wins and the other uses it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, KEY_MODE)
    try:
        os.write(handle, pem)
        os.fsync(handle)
    finally:
        os.close(handle)
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def signature_valid(public_key: bytes, signature: bytes, digest: str) -> bool:
    """Whether `signature` is the key's signature of a file whose sha256 is `digest`."""
    import nacl.exceptions
    import nacl.signing

    try:
        nacl.signing.VerifyKey(public_key).verify(SIGNED_PREFIX + digest.encode("ascii"), signature)
    except (nacl.exceptions.BadSignatureError, ValueError):  # nacl's ValueError: a key or signature's length
        return False
    return True
