"""files → RawDoc → CleanArticle → sentences → Alignment, in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
import gc
import re
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from retold.model.align import align
from retold.model.clean import clean_documents, page_date
from retold.model.normalize import guess_language
from retold.model.segment import segment_article
from retold.model.story import Alignment, InputError, Outlet, collect_files, load_raw, unique_ids


Progress = Callable[[str, int, int], None]  # (stage, done, total): loading, cleaning, splitting, aligning, embedding


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a burst of allocation. Cleaning and aligning a big
    story allocate millions of small tuples, sets and dicts, none of them in a reference cycle
    (reference counting frees them all), yet each few hundred allocations trigger a collection
    that walks the young objects and, now and then, every object alive: a tenth of the time of
    a 20-outlet story. The previous state is restored (it stays off if it was off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_alignment(
    paths: list[str], notice: Callable[[str], None] | None = None, progress: Progress | None = None,
    semantic: bool = True,
) -> Alignment:
    """Load, clean, segment and align the outlet files under `paths`.

    Raises InputError (one line naming the file and the problem) on bad input;
    `notice` receives warnings (skipped files, fallback encodings); `progress` is told each
    stage as it starts (an exception raised by it abandons the work: how the reader cancels),
    and ("embedding", sentences done, sentences to embed) as the sentence model works.
    `semantic`: use the sentence model when one is installed (False: words alone).
    """
    with cyclic_gc_paused():
        return _load_alignment(paths, notice, progress, semantic)


def _load_alignment(
    paths: list[str], notice: Callable[[str], None] | None, progress: Progress | None, semantic: bool = True
) -> Alignment:
    say = notice or (lambda message: None)
    step = progress or (lambda stage, done, total: None)
    files, story_title, root = collect_files(paths, say)
    docs = []
    for number, (path, entry) in enumerate(files):
        step("loading", number, len(files))
        docs.append(load_raw(path, entry))
    docs = unique_ids(docs)
    for doc in docs:
        for warning in doc.warnings:
            say(warning)
    step("cleaning", 0, 1)
    articles = list(clean_documents(docs))
    outlets = []
    for number, article in enumerate(articles):
        step("splitting", number, len(articles))
        doc = article.doc
        if doc.meta.author is None:
            byline = next((r.text for r in article.removed if r.reason == "byline" and _BYLINE.match(r.text)), None)
            if byline:
                # "By Tamsin Crowe, Local Affairs Reporter": the name, not the job.
                author = _JOB_TITLE.sub("", _BYLINE.sub("", byline)).strip()
                doc.meta = replace(doc.meta, author=author)
        if doc.meta.published is None:
            # Neither story.toml nor the page's markup gives a date: the page's date line does.
            published = page_date([r.text for r in article.removed if r.reason == "page date"])
            if published:
                doc.meta = replace(doc.meta, published=published)
        if doc.meta.name_from == "file" and article.site_name:
            # No name in story.toml or the page's markup: the name the page prints beats the file's.
            doc.meta = replace(doc.meta, name=article.site_name, name_from="page")
        if not doc.meta.language:
            # Neither story.toml nor the page says: the function words do, when they say it clearly
            # (a translation aligned as if it were in the same language finds almost nothing).
            guessed = guess_language(" ".join(doc.text[start:end] for start, end in article.paragraphs[:400]))
            if guessed:
                doc.meta = replace(doc.meta, language=guessed)
        sentences = segment_article(doc.meta.id, doc.text, article.paragraphs, doc.meta.language, article.line_per_sentence)
        if not sentences:
            say(f"{doc.meta.source}: no article sentences found (every line looked like site furniture)")
        outlets.append(Outlet(
            meta=doc.meta, text=doc.text, title=article.title, sentences=tuple(sentences),
            removed=tuple(article.removed), encoding=doc.encoding,
        ))
    if not any(outlet.sentences for outlet in outlets):
        raise InputError(f"{paths[0]}: no readable article text in any file")
    step("aligning", 0, 1)
    return replace(
        align_outlets(outlets, semantic, say, step),
        story_title=story_title, story_key=story_key(root, [Path(o.meta.source) for o in outlets]),
    )


def align_outlets(outlets: list[Outlet], semantic: bool, notice: Callable[[str], None], step: Progress) -> Alignment:
    """The one call of align(): with the sentence model as evidence when it is wanted and installed."""
    if not (semantic and _align_takes_semantic()):
        return align(outlets)
    from retold.model.semantic import load_embedder

    embedder = load_embedder(progress=lambda done, total: step("embedding", done, total), notice=notice)
    return align(outlets, semantic=embedder)


def _align_takes_semantic() -> bool:
    """Until align() has its `semantic` parameter (branch `evidence`), the model is not loaded.
    Delete this shim once it has."""
    import inspect

    return "semantic" in inspect.signature(align).parameters


def semantic_hint(enabled: bool = True) -> str | None:
    """The one line to print (once a run) when the sentence model is wanted but not installed."""
    if not (enabled and _align_takes_semantic()):
        return None
    from retold.model.semantic import unavailable_hint

    return unavailable_hint()


_BYLINE = re.compile(r"(?i)^(?:by|written by|words by)\s+")  # an author's line, not an editing credit
_JOB_TITLE = re.compile(r"\s*(?:,|\s[|–—-]\s).*$")  # what follows the name: ", Local Affairs Reporter", " - Staff"


def story_key(root: Path, sources: list[Path]) -> str:
    """A stable name for the story (notes are filed under it): its folder, or its files."""
    if root != Path("."):
        return str(root.resolve())
    return "|".join(sorted(str(p.resolve()) for p in sources))
