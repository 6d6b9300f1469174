"""Fitting one line of text to a width without cutting a word or a label in half."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def fit_words(text: str, cells: int) -> str:
    """`text` if it fits in `cells`, else its longest run of whole words that fits with an
    ellipsis after it (a single word too long for the line is cut, with the ellipsis)."""
    if cell_len(text) <= cells:
        return text
    if cells <= 1:
        return "…"[:cells]
    cut = set_cell_size(text, cells - 1)
    if len(cut) < len(text) and not text[len(cut)].isspace():  # the cut falls inside a word: drop it
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    return cut.rstrip() + "…"


def first_fitting(variants: list[str], cells: int) -> str:
    """The first of `variants` (longest first) that fits in `cells`, else the last one cut."""
    for variant in variants:
        if cell_len(variant) <= cells:
            return variant
    return fit_words(variants[-1], cells)
