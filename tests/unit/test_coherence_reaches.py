"""coherence.reaches: whether a part's support from the group's other outlets reaches the floor,
with the values read in another order (one text's outlets first) and the plain loop deciding
when the sum comes near the floor: the answer is always the plain loop's."""

from hypothesis import given
from hypothesis import strategies as st

from retold.model.align.coherence import reaches
from retold.model.align.evidence import COHERENCE_FLOOR

# Confidences, with values whose sums round differently by order (0.1 + 0.2 + 0.3 ...).
_value = st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.7, 0.9, 1.0, 0.30000000000000004, 0.29999999999999993]) | st.floats(0.0, 1.0)


def _plain(others: list[int], floor: float, value) -> bool:
    support = 0.0
    for l in others:
        support += value(l)
        if support >= floor:
            break
    return support >= floor


@given(st.lists(_value, min_size=1, max_size=40), st.randoms(use_true_random=False), st.sampled_from(["group", "plain", "read"]))
def test_reaches_answers_as_the_plain_loop(values, rng, floor_from):
    others = list(range(len(values)))
    order = others + [len(values), len(values) + 1]  # outlets of the group outside others too
    rng.shuffle(order)
    floor = COHERENCE_FLOOR * len(others)
    if floor_from == "plain":  # the floor the plain loop's sum lands on
        floor = sum(values[: rng.randint(1, len(values))])
    elif floor_from == "read":  # ... or the sum in reading order, which may round otherwise
        floor = sum(values[l] for l in order if l < len(values))
    read: list[int] = []

    def value(l: int) -> float:
        read.append(l)
        return values[l]

    assert reaches(others, floor, value, order) == _plain(others, floor, values.__getitem__)
    assert set(read) <= set(others)


def test_a_sure_answer_reads_only_what_it_needs():
    values = [1.0] * 10 + [0.0] * 30
    read: list[int] = []
    order = list(range(40))

    def value(l: int) -> float:
        read.append(l)
        return values[l]

    assert reaches(order[::-1], 9.0, value, order)  # the plain loop would read the 30 zeros first
    assert read == order[:10]
