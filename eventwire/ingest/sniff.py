"""Is this file text? Byte-level checks shared by every reader, each giving a reason sentence or None."""

from __future__ import annotations

BOM = b"\xef\xbb\xbf"
HEAD = 8192  # bytes looked at to decide whether a file is binary

_MAGIC = (
    (b"%PDF", "is a PDF file, not text; convert it to text first"),
    (b"PK\x03\x04", "is a ZIP archive (or a .docx/.xlsx/.odt document), not text; extract its text first"),
    (b"\x1f\x8b", "is gzip-compressed; decompress it first"),
    (b"\xff\xfe", "is UTF-16 text; re-save it as UTF-8"),
    (b"\xfe\xff", "is UTF-16 text; re-save it as UTF-8"),
)
# Control bytes that do not occur in text (tab, newlines, form feed and escape excepted).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"


def binary_reason(head: bytes, *, only_nul: bool = False) -> str | None:
    """Why the first bytes of a file show it is not text, or None when it looks like text.

    With `only_nul`, `head` is any later part of the file and only NUL bytes are looked for.
    """
    if only_nul:
        return "is a binary file (it contains NUL bytes), not text" if b"\0" in head else None
    for magic, reason in _MAGIC:
        if head.startswith(magic):
            return reason
    if b"\x00" in head:
        return "is a binary file (it contains NUL bytes), not text"
    if head and sum(head.count(c) for c in _CONTROL) > len(head) // 20:
        return "is a binary file (over 5% control bytes), not text"
    return None


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8, dropping one leading byte-order mark. Raises UnicodeDecodeError (see `undecodable`)."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    return data.decode("utf-8")


def undecodable(data: bytes, err: UnicodeDecodeError, *, offset: int = 0) -> str:
    """A reason sentence for a UTF-8 decoding failure, naming the byte and where it is."""
    pos = err.start
    bad = data[pos : pos + 1].hex() or "??"
    line = data.count(b"\n", 0, pos) + 1
    return (
        f"is not valid UTF-8 (byte 0x{bad} at line {line}, byte offset {offset + pos}); "
        "re-save it as UTF-8 (eventwire does not guess encodings)"
    )
