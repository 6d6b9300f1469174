import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Subprocesses (`python -m retold`) import this checkout's source, like pytest itself does.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
SAMPLE = ROOT / "sample_corpus" / "north-sea-grid"


@pytest.fixture(scope="session")
def _session_cache_dir(tmp_path_factory):
    """One vector cache for the whole run: the sentence model embeds each sample sentence once, not
    once a test (tests of the cache itself give it their own folder)."""
    return tmp_path_factory.mktemp("retold-cache")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path, monkeypatch, _session_cache_dir):
    """Notes never touch the user's real data directory in tests."""
    monkeypatch.setenv("RETOLD_DATA_DIR", str(tmp_path / "retold-data"))
    monkeypatch.setenv("RETOLD_CONFIG_DIR", str(tmp_path / "retold-config"))  # no user keymap in tests
    monkeypatch.setenv("RETOLD_CACHE_DIR", str(_session_cache_dir))  # nor the user's vector cache
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_alignment():
    from retold.model.pipeline import load_alignment

    return load_alignment([str(SAMPLE)])
