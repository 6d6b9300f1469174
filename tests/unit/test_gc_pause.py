"""The cycle collector's pause around a burst of allocation (pipeline.cyclic_gc_paused): what the
burst made goes to the oldest generation, unwalked, so the first collection after the pause does
not walk a whole alignment to find no cycle; nothing stays frozen, and what another part froze
(the reader freezes its own objects) stays frozen."""

from __future__ import annotations

import gc

import pytest

from retold.model.pipeline import cyclic_gc_paused


@pytest.fixture
def collector():
    was_enabled = gc.isenabled()
    gc.unfreeze()  # what an earlier test froze (the reader's tests freeze its objects): nothing frozen to begin with
    gc.enable()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_a_paused_burst_made_is_in_the_oldest_generation_and_nothing_stays_frozen(collector):
    with cyclic_gc_paused():
        made = [[n] for n in range(150_000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    assert _in_generation(made, 2)
    assert not _in_generation(made, 0)
    made.append(made)  # a cycle ...
    del made
    assert gc.collect() >= 1  # ... which a full collection still finds


def test_what_another_part_froze_stays_frozen(collector):
    frozen = [[1], [2]]
    gc.freeze()
    before = gc.get_freeze_count()
    with cyclic_gc_paused():
        made = [[n] for n in range(10)]
    assert gc.get_freeze_count() == before
    assert not _in_generation(frozen, 2)  # still in the permanent generation
    assert made


def test_a_collector_switched_off_stays_off(collector):
    gc.disable()
    with cyclic_gc_paused():
        pass
    assert not gc.isenabled()


def test_a_small_burst_is_left_to_the_collector_and_never_asks_what_is_frozen(collector, monkeypatch):
    """Asking walks every frozen object: after a small burst it is not asked."""
    asked = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: asked.append(1) or 0)
    with cyclic_gc_paused():
        made = [[n] for n in range(1000)]
    assert not asked and gc.isenabled() and made
