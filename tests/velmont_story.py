"""What several alignment tests share: an outlet built from sentences, "are these two together",
and a story about two invented countries and an alliance whose every sentence names them (so
those names are the story's topic words, evidence of nothing)."""

from __future__ import annotations

from retold.model.story import Outlet, OutletMeta, Sentence


def outlet(oid, sentences, language="en"):
    meta = OutletMeta(id=oid, name=oid, source=f"{oid}.txt", language=language)
    return Outlet(meta=meta, text="", title=None, removed=(),
                  sentences=tuple(Sentence(index=i, paragraph=i, text=t, start=0, end=0) for i, t in enumerate(sentences)))


def together(alignment, a, i, b, j) -> bool:
    return j in alignment.counterpart_span(a, i, b)


# A story about two invented countries and an alliance: every sentence names them.
FILLER_A = [
    "Talks between Velmont and Korrin are due to resume in Geneva next month.",
    "The Tarsa valley has been disputed since the treaty of 1921 drew the border along the river.",
    "Shops in the border town of Lesk stayed shut on Monday as families left for the coast.",
    "The Accord's secretary general will visit Velmont's capital on Friday.",
    "Korrin's currency fell to a record low against the dollar as traders sold.",
    "Velmont closed two crossings on the Tarsa river to lorries on Sunday night.",
]
FILLER_B = [
    "The Accord's secretary general is expected in Velmont's capital on Friday.",
    "Families in the border town of Lesk kept their shops shut on Monday and drove to the coast.",
    "Velmont and Korrin are due to resume their talks in Geneva next month.",
    "The treaty of 1921 drew the border along the river, and the Tarsa valley has been disputed ever since.",
    "Lorries were turned back at two Tarsa river crossings that Velmont closed on Sunday night.",
    "Traders sold Korrin's currency, which fell to a record low against the dollar.",
]
