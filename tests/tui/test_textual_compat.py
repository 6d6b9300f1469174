"""Issue 18 item 6: retold's uses of Textual's private API live in retold.tui.textual_compat.
This fails loudly, naming the attribute, when a Textual upgrade moves one of them; and no other
module of retold touches them."""

from __future__ import annotations

import re
import types
from pathlib import Path

import textual
from textual.app import App

from retold.tui import textual_compat

SRC = Path(textual_compat.__file__).resolve().parents[1]


def test_every_private_name_retold_relies_on_still_exists():
    missing = []
    for owner, name in textual_compat.PRIVATE_NAMES:
        if isinstance(owner, types.ModuleType):  # a name in one of Textual's private modules
            if not hasattr(owner, name):
                missing.append(f"{owner.__name__}.{name}")
            continue
        cls = App if owner == "App" else owner
        if not any(name in vars(klass) for klass in cls.__mro__) and name not in getattr(cls, "__annotations__", {}):
            # instance attributes are set in __init__: look for them there
            source = "".join(Path(m.__file__).read_text() for m in {__import__(k.__module__, fromlist=["x"]) for k in cls.__mro__ if k.__module__.startswith("textual")})
            if f"self.{name}" not in source:
                missing.append(f"{cls.__name__}.{name}")
    assert not missing, (
        f"Textual {textual.__version__} (retold was written against {textual_compat.TESTED_WITH}) no longer has "
        f"{', '.join(missing)}: update retold/tui/textual_compat.py"
    )


def test_no_other_module_uses_them():
    names = [name for _owner, name in textual_compat.PRIVATE_NAMES]
    pattern = re.compile(r"\.(" + "|".join(map(re.escape, names)) + r")\b")
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "textual_compat.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_the_private_chain_still_yields_the_readers_bindings(sample_dir):
    from .helpers import drive, make_app

    async def script(pilot, reader):
        return [(type(node).__name__, [b.id for _k, b in bindings]) for node, bindings in textual_compat.binding_chain(reader)]

    chain = dict((owner, ids) for owner, ids in drive(make_app([sample_dir]), script) if ids)
    assert list(chain)[0] == "OutletPane" and "cursor_down" in chain["OutletPane"]  # the focused pane first
    assert "overview" in chain["ReaderScreen"]
