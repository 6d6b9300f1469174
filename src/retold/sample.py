"""Where the bundled sample story lives: inside the installed package, or in a checkout."""

from __future__ import annotations

from pathlib import Path

SAMPLE_STORY = "north-sea-grid"


def sample_corpus_dir() -> Path:
    packaged = Path(__file__).parent / "sample_corpus"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "sample_corpus"  # src/retold → repository root


def sample_story_path() -> Path:
    return sample_corpus_dir() / SAMPLE_STORY
