"""Issue 18 item 5: every install line of the README installs the checkout, never a project
named retold from the package index (none is ours; one could be someone else's)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALL = re.compile(r"\b(?:pip|pipx)\s+install\s+(.+)")


def install_targets(text: str) -> list[str]:
    """What each `pip install` / `pipx install` installs: its first argument that is no option."""
    targets = []
    for match in INSTALL.finditer(text):
        for word in re.split(r"\s+", match.group(1).strip()):
            if not word.startswith("-"):
                targets.append(re.sub(r"[`'\")]+$", "", word.lstrip("`'\"")))
                break
    return targets


def test_readme_installs_only_the_checkout():
    targets = install_targets((ROOT / "README.md").read_text(encoding="utf-8"))
    assert targets  # the README does say how to install
    for target in targets:
        assert target == "." or target.startswith(".["), target


def test_no_extra_names_retold_on_the_index():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for name, requirements in extras.items():
        for requirement in requirements:
            assert not re.match(r"retold\b", requirement), (name, requirement)


def test_messages_in_the_code_give_checkout_lines():
    for path in (ROOT / "src").rglob("*.py"):
        for target in install_targets(path.read_text(encoding="utf-8")):
            assert target == "." or target.startswith(".["), (path, target)
