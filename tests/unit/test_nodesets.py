"""NodeSets (align/nodesets.py): the sets a list of links joins are the connected components of
the graph the links draw, whatever order the links come in, and each set's root is its smallest
node (lone.py and coherence.py rely on both)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retold.model.align.nodesets import NodeSets

nodes = st.tuples(st.integers(0, 3), st.integers(0, 6))
links = st.lists(st.lists(nodes, min_size=1, max_size=4), max_size=12)


def _components(all_links):
    """The plain answer: a graph search over the nodes the links name."""
    neighbours: dict = {}
    for link in all_links:
        for node in link:
            neighbours.setdefault(node, set()).update(link)
    seen, found = set(), []
    for start in sorted(neighbours):
        if start in seen:
            continue
        stack, piece = [start], set()
        while stack:
            node = stack.pop()
            if node not in piece:
                piece.add(node)
                stack.extend(neighbours[node] - piece)
        seen |= piece
        found.append(frozenset(piece))
    return set(found)


@given(links, st.randoms(use_true_random=False))
def test_the_sets_are_the_components_in_any_order_rooted_at_their_smallest(all_links, random):
    shuffled = list(all_links)
    random.shuffle(shuffled)
    for order in (all_links, shuffled):
        sets = NodeSets()
        for link in order:
            sets.join(link)
        named = {node for link in order for node in link}
        pieces: dict = {}
        for node in named:
            pieces.setdefault(sets.find(node), set()).add(node)
        assert {frozenset(p) for p in pieces.values()} == _components(all_links)
        assert all(root == min(piece) for root, piece in pieces.items())
