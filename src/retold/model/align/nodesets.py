"""Union-find over sentence nodes (outlet, index): the groups a set of links joins, for the
phases that ask it of a few links at a time (lone.py, coherence.py). Each set's root is its
smallest node, so the answer never depends on the order the links come in.
(grouping.py keeps its own, over sentence numbers, with each group's spans per outlet.)"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Node = tuple[int, int]


class NodeSets:
    def __init__(self, nodes: Iterable[Node] = ()):
        self.parent: dict[Node, Node] = {node: node for node in nodes}

    def find(self, x: Node) -> Node:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, nodes: Sequence[Node]) -> None:
        """One set of all `nodes` (and of whatever each was joined to)."""
        find, parent = self.find, self.parent
        root = find(nodes[0])
        for node in nodes[1:]:
            other = find(node)
            if other != root:
                parent[max(root, other)] = min(root, other)
                root = min(root, other)
