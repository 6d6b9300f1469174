"""The hypothesis profile the suite runs under (issue 21): derandomised with a fixed budget, so
what a run finds does not vary between runs (README, "Testing")."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ci = pytest.mark.skipif(
    os.environ.get("RETOLD_HYPOTHESIS_PROFILE", "ci") != "ci" and not os.environ.get("CI"),
    reason="a deep local run is random on purpose",
)


@ci
def test_the_default_profile_is_derandomised_with_a_fixed_budget():
    assert settings.default.derandomize is True
    assert settings.default.max_examples == 100
    assert settings.default.database is None  # no examples replayed from an earlier run's database
    # A test's own settings keep the profile's derandomisation.
    assert settings(max_examples=7).derandomize is True


@ci
def test_two_runs_try_the_same_examples():
    def examples() -> list:
        seen = []

        @settings(max_examples=30)
        @given(st.lists(st.integers(-1000, 1000), max_size=5), st.text(max_size=8))
        def probe(numbers, text):
            seen.append((tuple(numbers), text))

        probe()
        return seen

    first, second = examples(), examples()
    assert len(first) == 30 and first == second
