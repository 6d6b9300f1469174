"""files → RawDoc → CleanArticle → sentences → Alignment, in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
import gc
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from retold.model.lazy_pattern import LazyPattern
from retold.model.story import (
    MAX_SENTENCES, MAX_STORY_SENTENCES, Alignment, InputError, Outlet, collect_files, load_raw, unique_ids,
    unique_names,
)

if TYPE_CHECKING:
    from retold.model.cache import AlignmentCache


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
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """Hand what the burst made to the collector's oldest generation, unwalked. Paused, the
    collector ran no collection, so every object made meanwhile sits in the youngest
    generation, and the first collection after the pause would walk them all (the whole
    alignment: 0.3 s of a 40 x 1,000 story) to find no cycle; so would the next generation's
    later. A freeze and an unfreeze move every tracked object to the oldest generation in two
    list splices (nothing stays frozen: a full collection still reaches them). Left alone when
    something is frozen already (the reader freezes its own objects: an unfreeze would let
    them go). Only after a big burst: asking whether something is frozen walks every frozen
    object (a test process whose reader tests froze theirs paid that walk at each of its
    thousands of small alignments: the suite ran 9 minutes instead of 5), and after a small
    burst the first collection's walk is short."""
    if gc.get_count()[0] < _BIG_BURST:
        return
    if not gc.get_freeze_count():
        gc.freeze()
        gc.unfreeze()


_BIG_BURST = 100_000  # objects made while paused: a 20-outlet story makes millions, a sample story about 50,000


def load_alignment(
    paths: list[str],
    notice: Callable[[str], None] | None = None,
    progress: Progress | None = None,
    semantic: bool = True,
    *,
    cache: AlignmentCache | None = None,
    options: Mapping[str, object] | None = None,
    vector_cache: bool = True,
) -> Alignment:
    """Load, clean, segment and align the outlet files under `paths`.

    Raises InputError (one line naming the file and the problem) on bad input;
    `notice` receives warnings (skipped files, fallback encodings); `progress` is told each
    stage as it starts (an exception raised by it abandons the work: how the reader cancels),
    and ("embedding", sentences done, sentences to embed) as the sentence model works.
    `semantic`: use the sentence model when one is installed (False: words alone; so does the
    environment variable RETOLD_SEMANTIC=off).
    `cache`: where finished alignments are kept by content (retold.model.cache); a hit skips
    cleaning and alignment and repeats the warnings the first run gave. `options`: whatever
    changes the result besides the files (e.g. a sentence model's name), part of the cache key.
    `vector_cache`: keep the sentence model's vectors in the user cache (False: `--no-cache`,
    which reads and writes nothing).
    """
    semantic = semantic_wanted(semantic)
    with cyclic_gc_paused():
        say = notice or (lambda message: None)
        step = progress or (lambda stage, done, total: None)
        files, story_title, root = collect_files(paths, say)
        if cache is None:
            alignment = _align_files(paths, files, story_title, root, say, step, semantic, vector_cache)
        else:
            options = cache_options(options, semantic)
            alignment = _through_cache(cache, paths, files, story_title, root, options, say, step, semantic)
        return _alone(alignment, say)


def _alone(alignment: Alignment, say: Callable[[str], None]) -> Alignment:
    """Said (never cached, so a stored entry says it too): a story with one outlet's text has
    nothing to compare, and every sentence of it is "unique" for that reason alone."""
    told = [outlet for outlet in alignment.outlets if outlet.sentences]
    if len(told) == 1:
        outlet = told[0]
        which = "one outlet" if len(alignment.outlets) == 1 else f"one outlet of {len(alignment.outlets)} with article text"
        say(f"{outlet.meta.source}: {which} only ({outlet.name}): nothing to compare it with, "
            "so every sentence is unique; give two or more outlets' versions of the story")
    return alignment


def cached_alignment(
    paths: list[str], cache: AlignmentCache, notice: Callable[[str], None] | None = None,
    options: Mapping[str, object] | None = None, semantic: bool = True, max_entry_bytes: int | None = None,
) -> Alignment | None:
    """The alignment `load_alignment(paths, semantic=semantic, cache=cache)` would give, if the
    cache holds it (its warnings repeated to `notice`); None on a miss, or when its entry is larger
    than `max_entry_bytes` (left unread). Raises InputError as it would."""
    say = notice or (lambda message: None)
    semantic = semantic_wanted(semantic)
    options = cache_options(options, semantic)
    with cyclic_gc_paused():
        files, story_title, root = collect_files(paths, say)
        found = _cache_lookup(cache, paths, files, story_title, root, options, say, max_entry_bytes)[0]
        return None if found is None else _alone(found, say)


def _cache_lookup(cache, paths, files, story_title, root, options, say, max_entry_bytes=None):
    """(the cached alignment or None, the key or None, a function computing the key again)."""
    from retold.model.cache import content_key

    manifest_dirs = [path if path.is_dir() else path.parent for path in map(Path, paths)]
    fixed = {"story_title": story_title, "story_key": story_key(root, [path for path, _ in files])}

    def key() -> str | None:
        return content_key(files, manifest_dirs, fixed, options)

    before = key()
    if before is not None:
        found = cache.get(before, max_entry_bytes)
        if found is not None:
            alignment, notices = found
            for message in notices:
                say(message)
            return alignment, before, key
    return None, before, key


def _through_cache(cache, paths, files, story_title, root, options, say, step, semantic=True) -> Alignment:
    step("loading", 0, len(files))
    alignment, before, key = _cache_lookup(cache, paths, files, story_title, root, options, say)
    if alignment is not None:
        return alignment
    heard: list[str] = []

    def tell(message: str) -> None:
        heard.append(message)
        say(message)

    alignment = _align_files(paths, files, story_title, root, tell, step, semantic)
    # Stored only if no file changed while it was read: else the entry would not match its key.
    if before is not None and key() == before:
        try:
            cache.put(before, alignment, heard)
        except TypeError:  # a field the serialiser cannot store: tests/unit/test_cache.py says which
            pass
    return alignment


def _align_files(paths, files, story_title, root, say, step, semantic=True, vector_cache=True) -> Alignment:
    # Imported here, not at the top: a cache hit needs none of them (nor rapidfuzz, the
    # sentence splitter or cleaning's regexes), and `retold align` then starts in a blink.
    align = sys.modules[__name__].align  # through __getattr__ below, or what a test put there
    from retold.model.clean import clean_documents, page_date
    from retold.model.normalize import guess_language
    from retold.model.published import date_lines
    from retold.model.segment import segment_article

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
            else:
                # A blog's "Posted on December 4, 2026 by Oskar Dahl": the name at the line's end.
                ending = next((m for r in article.removed if r.reason == "byline" and (m := _BYLINE_AT_END.search(r.text))), None)
                if ending:
                    doc.meta = replace(doc.meta, author=ending.group(1))
        if doc.meta.published is None:
            # Neither story.toml nor the page's markup gives a date: the page's date line does.
            # (A byline may carry it: "By Rasmus Ferl | 19.11.2026, 18:10".)
            body_start = article.paragraphs[0][0] if article.paragraphs else None
            published = page_date(date_lines(article.removed, updates=True, body_start=body_start))
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
        if len(sentences) > MAX_SENTENCES:
            raise InputError(f"{doc.meta.source}: too many sentences for an article ({len(sentences):,}; "
                             f"the limit is {MAX_SENTENCES:,})")
        if not sentences:
            say(f"{doc.meta.source}: no article sentences found (every line looked like site furniture)")
        outlets.append(Outlet(
            meta=doc.meta, text=doc.text, title=article.title, sentences=tuple(sentences),
            removed=tuple(article.removed), encoding=doc.encoding,
        ))
    if not any(outlet.sentences for outlet in outlets):
        raise InputError(f"{paths[0]}: no readable article text in any file")
    # Every name is settled (story.toml, the page, the text, the file): panes a reader cannot
    # tell apart get their file's name.
    outlets = [o if o.meta is meta else replace(o, meta=meta)
               for o, meta in zip(outlets, unique_names([o.meta for o in outlets]))]
    total = sum(len(outlet.sentences) for outlet in outlets)
    if total > MAX_STORY_SENTENCES:
        raise InputError(f"{paths[0]}: too many sentences for one story ({total:,} in {len(outlets)} outlets; "
                         f"the limit is {MAX_STORY_SENTENCES:,})")
    step("aligning", 0, 1)
    return replace(
        align_outlets(outlets, semantic, say, step, vector_cache),
        story_title=story_title, story_key=story_key(root, [Path(o.meta.source) for o in outlets]),
    )


def align_outlets(outlets: list[Outlet], semantic: bool, notice: Callable[[str], None], step: Progress, vector_cache: bool = True) -> Alignment:
    """The one call of align(): with the sentence model as evidence when it is wanted and installed."""
    align = sys.modules[__name__].align  # through __getattr__ below, or what a test put there
    if not semantic:
        return align(outlets)
    from retold.model.semantic import load_embedder

    embedder = load_embedder(progress=lambda done, total: step("embedding", done, total), notice=notice, cache=vector_cache)
    return align(outlets, semantic=embedder)


def semantic_wanted(asked: bool = True) -> bool:
    """The sentence model is asked for and not switched off by RETOLD_SEMANTIC=off (or 0, no,
    false): one switch for every command, the reader and the batch's workers."""
    return asked and os.environ.get("RETOLD_SEMANTIC", "").strip().lower() not in ("0", "off", "no", "false")


def semantic_hint(enabled: bool = True) -> str | None:
    """The one line to print (once a run) when the sentence model is wanted but not installed."""
    enabled = semantic_wanted(enabled)
    if not enabled:
        return None
    from retold.model.semantic import unavailable_hint

    return unavailable_hint()


def cache_options(options: Mapping[str, object] | None, semantic: bool) -> Mapping[str, object] | None:
    """The options part of the cache key: whether and which sentence model takes part changes
    the result (words alone add nothing, so their keys are those of a build without the model)."""
    model = semantic_option(semantic)
    return {**(options or {}), "semantic": model} if model else options


def semantic_option(enabled: bool = True) -> str | None:
    """Which sentence model would take part (backend and package version), found without loading
    it or the aligner: None for words alone. Part of the alignment cache's key, so a hit never
    loads the model."""
    enabled = semantic_wanted(enabled)
    if not enabled:
        return None
    from retold.model.semantic import BACKENDS

    for backend in BACKENDS.values():
        if backend.available():
            try:
                version = installed_version(backend.name)
            except ImportError:  # importlib.metadata.PackageNotFoundError
                version = "?"
            return f"{backend.name}=={version}"
    return None


def installed_version(name: str) -> str:
    """`importlib.metadata.version(name)`, found without importing importlib.metadata (it
    imports the email package: ~10 ms of every start that looks up the alignment cache with the
    sentence model installed). The first folder on sys.path holding the distribution's
    `.dist-info` answers, from its METADATA's Version line, as importlib.metadata does; anything
    it reads otherwise (an .egg-info, a zip on the path, two candidates in one folder, no Version
    line, an egg) is asked of importlib.metadata itself, which raises PackageNotFoundError when nothing
    is installed under `name`."""
    wanted = _DIST_NAME_SEPARATORS.sub("_", name).lower()
    for entry in sys.path:
        folder = entry or "."
        if folder.lower().endswith(".egg"):
            break  # an egg on the path: importlib.metadata reads its EGG-INFO
        try:
            children = os.listdir(folder)
        except OSError:
            if os.path.isfile(folder):
                break  # a zip (or other archive) on the path: importlib.metadata reads inside it
            continue
        found = [child for child in children
                 if child.lower().endswith((".dist-info", ".egg-info"))
                 and _DIST_NAME_SEPARATORS.sub("_", child.rpartition(".")[0].partition("-")[0]).lower() == wanted]
        if not found:
            continue
        if len(found) == 1 and found[0].lower().endswith(".dist-info"):
            try:
                with open(os.path.join(folder, found[0], "METADATA"), encoding="utf-8") as lines:
                    for line in lines:
                        if not line.strip():
                            break  # the headers end
                        key, colon, value = line.partition(":")
                        if colon and key.strip().lower() == "version":
                            return value.strip()
            except (OSError, UnicodeDecodeError):
                pass
        break
    from importlib import metadata

    return metadata.version(name)


def __getattr__(name: str):
    """`pipeline.align` is the aligner, imported when first asked for (tests replace it here)."""
    if name == "align":
        from retold.model.align import align

        globals()["align"] = align
        return align
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_BYLINE = LazyPattern(r"(?i)^(?:by|written by|words by|von|par|por|door|di)\s+")  # an author's line, not an editing credit ("Von Kathrin Albers", "Par …")
_BYLINE_AT_END = LazyPattern(r"(?i:\b(?:by|von|par|por|di))\s+([A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,3})\s*$")
_DIST_NAME_SEPARATORS = LazyPattern(r"[-_.]+")  # a distribution's name, normalised as importlib.metadata does
_JOB_TITLE = LazyPattern(r"\s*(?:,|\s[|–—-]\s).*$")  # what follows the name: ", Local Affairs Reporter", " - Staff"


def story_key(root: Path, sources: list[Path]) -> str:
    """A stable name for the story (notes are filed under it): its folder, or its files."""
    if root != Path("."):
        return str(root.resolve())
    return "|".join(sorted(str(p.resolve()) for p in sources))
