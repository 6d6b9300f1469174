"""Outlets built in memory for the provenance, credit and quote tests (text and offsets consistent)."""

from __future__ import annotations

from dataclasses import replace

from retold.model.align import align
from retold.model.story import Alignment, Group, Member, Outlet, OutletMeta, Removed, Sentence


def make_outlet(
    oid: str,
    sentences: list[str],
    *,
    name: str | None = None,
    published: str | None = None,
    language: str | None = "en",
    removed: list[tuple[str, str]] = (),
    url: str | None = None,
    paragraphs: list[int] | None = None,
) -> Outlet:
    """`sentences` in order, one paragraph each unless `paragraphs` says otherwise; `removed` lines
    (text, reason) follow the body, as a page's footer would."""
    parts: list[str] = []
    built: list[Sentence] = []
    cursor = 0
    paragraphs = paragraphs or list(range(len(sentences)))
    for index, (text, paragraph) in enumerate(zip(sentences, paragraphs)):
        if index:
            gap = " " if paragraphs[index - 1] == paragraph else "\n\n"
            parts.append(gap)
            cursor += len(gap)
        parts.append(text)
        built.append(Sentence(index=index, paragraph=paragraph, text=" ".join(text.split()), start=cursor, end=cursor + len(text)))
        cursor += len(text)
    lines: list[Removed] = []
    for text, reason in removed:
        parts.append("\n")
        cursor += 1
        parts.append(text)
        lines.append(Removed(text=text, reason=reason, start=cursor, end=cursor + len(text)))
        cursor += len(text)
    meta = OutletMeta(id=oid, name=name or oid, source=f"{oid}.txt", url=url, published=published, language=language)
    return Outlet(meta=meta, text="".join(parts), title=None, sentences=tuple(built), removed=tuple(lines))


def aligned(*outlets: Outlet) -> Alignment:
    return align(list(outlets))


def relabel(alignment: Alignment, mapping: dict[str, str], order: list[str]) -> Alignment:
    """The same story with every outlet id renamed by `mapping` and the outlets in `order` (old ids)."""
    by_id = {o.id: o for o in alignment.outlets}
    outlets = tuple(replace(by_id[old], meta=replace(by_id[old].meta, id=mapping[old], source=f"{mapping[old]}.txt")) for old in order)
    groups = tuple(
        Group(g.id, tuple(Member(mapping[m.outlet], m.sentence, m.score) for m in g.members)) for g in alignment.groups
    )
    return Alignment(outlets=outlets, groups=groups, story_title=alignment.story_title, story_key=alignment.story_key)
