"""Make untrusted article text safe to show in a terminal."""

from __future__ import annotations

import re

# C0 controls (tab kept), DEL, C1 controls, and bidirectional overrides that can
# make text display differently from what it is.
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str) -> str:
    """Replace control and escape characters with visible stand-ins; tabs become spaces."""
    return _UNSAFE.sub(_picture, text.replace("\t", " "))
