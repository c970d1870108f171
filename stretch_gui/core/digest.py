"""SHA-256 without OpenSSL where the interpreter has its own.

``hashlib`` loads OpenSSL's libcrypto (~3.5 MiB resident) on import. CPython's
built-in ``_sha256`` (``_sha2`` from 3.12) gives the same digests without it;
the app only needs SHA-256, so it uses that and falls back to ``hashlib``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, cast


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def digest(self) -> bytes: ...

    def hexdigest(self) -> str: ...


def _constructor() -> Callable[[bytes], Digest]:
    for name in ("_sha256", "_sha2"):
        try:
            return cast("Callable[[bytes], Digest]", importlib.import_module(name).sha256)
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


_SHA256 = _constructor()


def sha256(data: bytes = b"") -> Digest:
    """A SHA-256 hash object, as ``hashlib.sha256(data)`` would give."""
    return _SHA256(data)
