"""The one way retold parses TOML and JSON that someone else may have written (story.toml, the
keymap, a batch output, a cache entry): nesting deeper than the parser's recursion ("[[[[…" or
"a = {b = {c = …" a few thousand levels down) is malformed input like any other, raised as the
format's own decode error, never a RecursionError that escapes as a traceback.

tests/reliability/test_nesting.py checks every reader of such a file with deep nesting, and that
no module parses TOML or JSON from a file except through here.
"""

from __future__ import annotations

import json
import tomllib

TOO_DEEP = "nested too deeply"


def load_toml(text: str) -> dict:
    """tomllib.loads; nesting too deep for it raises tomllib.TOMLDecodeError."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError(TOO_DEEP) from None


def load_json(text: str | bytes) -> object:
    """json.loads; nesting too deep for it raises ValueError (json.JSONDecodeError's base)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(TOO_DEEP) from None
