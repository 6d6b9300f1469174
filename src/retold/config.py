"""Where the user's own files live: the keymap (config dir). No Textual import: `retold --help` names it."""

from __future__ import annotations

import os
from pathlib import Path

KEYMAP_NAME = "keymap.toml"


def config_dir() -> Path:
    """$RETOLD_CONFIG_DIR, else the platform's user config folder (e.g. ~/.config/retold)."""
    override = os.environ.get("RETOLD_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir("retold", appauthor=False))


def keymap_path() -> Path:
    return config_dir() / KEYMAP_NAME
