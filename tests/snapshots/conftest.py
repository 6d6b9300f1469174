import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _from_the_checkout_root():
    """Screens show file paths as given: snapshots load the sample by a path relative to the
    checkout, so they look the same in every clone (CI's is elsewhere)."""
    before = os.getcwd()
    os.chdir(ROOT)
    yield
    os.chdir(before)
