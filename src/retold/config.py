"""Where the user's own files live: the keymap (config dir), the notes (data dir), the alignment cache
(cache dir). Nothing but os and pathlib (and platformdirs when no variable says): `retold --help`
names these folders without loading what lives in them."""

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


def data_dir() -> Path:
    """$RETOLD_DATA_DIR (with ~ and $VARS expanded), else the platform's user data folder: the notes."""
    override = os.environ.get("RETOLD_DATA_DIR")
    if override:
        return Path(os.path.expandvars(override)).expanduser()  # "~/notes" is the home folder's
    import platformdirs

    return Path(platformdirs.user_data_dir("retold", appauthor=False))


def cache_dir() -> Path:
    """$RETOLD_CACHE_DIR, else the platform's user cache folder (e.g. ~/.cache/retold)."""
    override = os.environ.get("RETOLD_CACHE_DIR")
    if override:
        return Path(os.path.expandvars(override)).expanduser()  # as the sentence-vector cache reads it
    import platformdirs

    return Path(platformdirs.user_cache_dir("retold", appauthor=False))
