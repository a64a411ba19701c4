"""Password hashing with stdlib scrypt; parameters are stored with each hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from frontdesk.errors import T

N, R, P, DKLEN = 2**14, 8, 1, 32
MAXMEM = 64 * 1024 * 1024  # scrypt needs 128*N*r bytes = 16 MiB; default cap is 32 MiB


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=MAXMEM, dklen=DKLEN)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored:
        return False
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest_hex)
        digest = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=max(MAXMEM, 256 * int(n) * int(r)),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def password_problem(password: str) -> str | None:
    """Why ``password`` is not acceptable, or None."""
    if len(password) < 6:
        return T("errors", "密码至少 6 位")
    if password.strip() != password:
        return T("errors", "密码首尾不能有空格")
    return None
