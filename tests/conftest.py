import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# Hypothesis profiles (README, "Testing"). "ci", the default: derandomised (the examples are a
# function of the test, so every run and every machine tries the same ones, and a failure seen
# once is seen again) with a fixed budget of examples (100, or the test's own). "deep", for a
# long local run: random examples, DEEP_FACTOR times each budget; chosen with
# RETOLD_HYPOTHESIS_PROFILE=deep, never where CI is set.
DEEP_FACTOR = 20
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None, database=None, print_blob=True)
settings.register_profile("deep", derandomize=False, max_examples=100 * DEEP_FACTOR, deadline=None, print_blob=True)
HYPOTHESIS_PROFILE = "ci" if os.environ.get("CI") else os.environ.get("RETOLD_HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)


def pytest_collection_modifyitems(config, items):
    """Under "deep", a test's own budget (`@settings(max_examples=N)`) grows too, not only the default."""
    if HYPOTHESIS_PROFILE != "deep":
        return
    for item in items:
        test = getattr(item, "obj", None)
        own = getattr(test, "_hypothesis_internal_use_settings", None)  # where @given keeps a test's settings
        if own is not None and own.max_examples < 100 * DEEP_FACTOR:
            test._hypothesis_internal_use_settings = settings(own, max_examples=own.max_examples * DEEP_FACTOR)
# Words alone unless a test asks for the sentence model (tests/unit/test_semantic.py and the
# evidence tests pass one, or delete this): embedding every generated story cold would cost minutes.
os.environ["RETOLD_SEMANTIC"] = "off"
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
