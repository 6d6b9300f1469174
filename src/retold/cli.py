"""Command line: `retold align`, `retold [read]`, `retold notes`, `retold fetch`, `retold batch`.

The reader (Textual) is imported lazily so that `retold align` never loads it.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

from retold import __version__
from retold.model.safe import json_inert, printable, printable_lines

COMMANDS = {"align", "read", "notes", "fetch", "batch"}

# Every message below names files, outlets or URLs, which are untrusted: each goes through
# `printable` (one line, no control or escape character) on its way out.


def _notice(message: str) -> None:
    print(f"retold: {printable(message)}", file=sys.stderr)


def _fail(message: str, code: int = 2) -> int:
    print(f"retold: error: {printable(message)}", file=sys.stderr)
    return code


PATH_HELP = (
    "a folder of one story's outlet files (.txt, .md, .html, .htm; an optional story.toml), "
    "or the files themselves"
)

NO_SEMANTIC_HELP = (
    "align by words alone, without the sentence model of the `semantic` extra "
    "(used by default when installed; it finds paraphrases that share few words)"
)
NO_CACHE_HELP = "align afresh: neither read nor write the alignment cache"


def _epilog() -> str:
    from retold.config import cache_dir, data_dir, keymap_path

    return f"""\
With no command, `retold PATH...` opens the reader (its options, --no-semantic and --no-cache,
before or after PATH); `retold` alone opens the bundled sample story. A story folder named like a
command opens with `retold read NAME` (or `retold -- NAME`).

files:
  notes     {data_dir() / "notes.db"}
            (SQLite; set RETOLD_DATA_DIR to keep notes elsewhere)
  cache     {cache_dir() / "alignments"}
            (finished alignments by content; delete the folder to clear it; set RETOLD_CACHE_DIR
            to move it, RETOLD_CACHE_MAX_MB to bound it, default 512)
  keymap    {keymap_path()}
            (TOML, optional: [keys] binding_id = "key" or a list of keys, e.g.
            overview = "O", cursor_down = ["j", "down"]; binding ids are listed by `?` in
            the reader; set RETOLD_CONFIG_DIR to move it)

story.toml (optional, in the story folder) names the outlets and orders reports and exports
(the reader orders its panes by how much each outlet differs):
  [story]     title = "..."
  [[outlet]]  file = "meridian.txt"   (required: the file this entry describes)
              name = "Meridian Press", url = "https://...", published = "2026-03-03T09:14:00Z",
              language = "en", title = "the headline, if detection picks the wrong line"
"""


class _Parser(argparse.ArgumentParser):
    """argparse echoes the arguments it rejects ("invalid choice: ..."): sanitised too."""

    # The epilog names the notes database, the cache and keymap paths (retold.config: os,
    # pathlib and platformdirs, never the notes store or sqlite3): built only when help is
    # actually shown, so that `retold align` starts without even that.
    lazy_epilog = None

    def format_help(self):
        if self.lazy_epilog is not None and self.epilog is None:
            self.epilog = self.lazy_epilog()
        return super().format_help()

    def _print_message(self, message, file=None):
        if message:
            super()._print_message(printable_lines(message), file)


def _tolerant_streams() -> None:
    """Characters the terminal's encoding lacks (PYTHONIOENCODING=ascii, a C locale) print as
    '?' instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):  # replaced by a test harness, or already closed
            pass


def _can_encode(text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        # A slice at a time (whether a character encodes is its own affair): a big story's JSON
        # encoded whole would be a copy of it at the process's peak of memory.
        for start in range(0, len(text), _STDOUT_SLICE):
            text[start:start + _STDOUT_SLICE].encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="retold",
        description="Read one news story the way every outlet retold it: aligned sentences, side by side.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.lazy_epilog = _epilog
    parser.add_argument("--version", action="version", version=f"retold {__version__}", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    align_p = sub.add_parser(
        "align", help="align the outlet versions and print the result",
        description="Clean, split and align the outlet files; print a report, JSON, a shareable page or CSV.",
    )
    align_p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP)
    align_p.add_argument(
        "--format", choices=["text", "json", "html", "csv"], default="text",
        help="text: a report for people (default); json: the alignment (schema retold.alignment/3) with credits, "
        "provenance and quotes; "
        "html: one self-contained page to share; csv: one row per statement",
    )
    align_p.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto",
        help="colour the text report: auto (default) when writing to a terminal without NO_COLOR set",
    )
    align_p.add_argument(
        "--table", choices=["statements", "quotes"], default="statements",
        help="with --format csv: one row per statement (default) or per quote as each outlet prints it",
    )
    align_p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    align_p.add_argument("--no-semantic", action="store_true", help=NO_SEMANTIC_HELP)
    align_p.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)
    align_p.add_argument(
        "--with-notes", action="store_true",
        help="html: include your reading notes on this story (quote, note, times; both wordings when the article changed)",
    )

    fetch_p = sub.add_parser(
        "fetch", help="download outlets' pages (by URL) into a story folder",
        description="Download each URL's page into the story folder and record it in its story.toml.",
    )
    fetch_p.add_argument("urls", nargs="*", metavar="URL", help="pages to download (or give --urls FILE)")
    fetch_p.add_argument("--into", required=True, metavar="DIR", help="the story folder (created if missing)")
    fetch_p.add_argument("--urls", dest="url_file", metavar="FILE", help="a file of URLs, one a line (# comments)")
    fetch_p.add_argument("--timeout", type=_positive_seconds, default=15.0,
                         help="seconds to connect and per read (default 15); a whole request gets 4 times that")
    fetch_p.add_argument("--max-bytes", type=_positive_int, default=5_000_000,
                         help="largest page accepted, once decompressed (default 5 MB)")
    fetch_p.add_argument("--concurrency", type=_positive_int, default=4, help="downloads at a time (default 4)")

    batch_p = sub.add_parser(
        "batch", help="align every story folder under ROOT (in parallel here, or on Dask) into JSON Lines or Parquet",
        description="Align every story folder under ROOT, in parallel on this machine's cores or on a Dask cluster "
                    "(--scheduler), one result record per story.",
    )
    batch_p.add_argument("root", metavar="ROOT", help="a folder whose sub-folders are stories")
    batch_p.add_argument("--out", required=True, metavar="FILE", help="results: .jsonl, or .parquet")
    batch_p.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")
    batch_p.add_argument("--workers", type=int, default=None, help="local worker processes (default: the cores this process may use)")
    batch_p.add_argument("--retry-failed", action="store_true", help="also re-run stories recorded as failed")
    batch_p.add_argument("--connect-timeout", type=float, default=30.0, help="seconds to reach --scheduler (default 30)")
    batch_p.add_argument("--no-semantic", action="store_true", help=NO_SEMANTIC_HELP)
    batch_p.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)

    read_p = sub.add_parser(
        "read", help="open the side-by-side reader (the default command)",
        description="Open the reader: one pane per outlet, sentences aligned. `?` inside lists the keys.",
    )
    read_p.add_argument("paths", nargs="*", metavar="PATH", help=PATH_HELP + "; none: the sample story")
    read_p.add_argument("--no-semantic", action="store_true", help=NO_SEMANTIC_HELP)
    read_p.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)

    notes_p = sub.add_parser(
        "notes", help="list, export, add, delete or check reading notes",
        description="Your reading notes, re-attached to the current files.",
    )
    notes_sub = notes_p.add_subparsers(dest="notes_command", required=True, title="commands", metavar="COMMAND")
    list_p = notes_sub.add_parser(
        "list", help="list notes (of one story, or all)",
        description="List notes with how each re-attached to the current files (exact, fuzzy, detached).",
    )
    list_p.add_argument("path", nargs="?", metavar="PATH", help="the story's folder or files; none: every story")
    export_p = notes_sub.add_parser(
        "export", help="export notes as Markdown or W3C Web Annotations (JSON)",
        description="Write notes to standard output as Markdown or W3C Web Annotations.",
    )
    export_p.add_argument("path", nargs="?", metavar="PATH", help="the story's folder or files; none: every story")
    export_p.add_argument(
        "--format", choices=["md", "json"], default="md",
        help="md: Markdown (default); json: W3C Web Annotation JSON-LD",
    )
    add_p = notes_sub.add_parser(
        "add", help="add a note, as the reader does (for scripts)",
        description="Add a note on a sentence (--outlet and --quote) or on the whole story.",
    )
    add_p.add_argument("path", metavar="PATH", help="the story: a folder of outlet files, or a file")
    add_p.add_argument("--outlet", metavar="NAME", help="the outlet (its name, id or file name); with --quote")
    add_p.add_argument("--quote", metavar="TEXT", help="words of the sentence the note is on; with --outlet")
    add_p.add_argument("--text", required=True, metavar="NOTE", help="the note")
    delete_p = notes_sub.add_parser(
        "delete", help="delete a note by its number (#ID in `notes list`)",
        description="Delete one note, by the number `notes list` shows.",
    )
    delete_p.add_argument("id", type=int, metavar="ID", help="the note's number, as `notes list` shows it (#ID)")
    doctor_p = notes_sub.add_parser(
        "doctor", help="check the notes database; list and recover files moved aside",
        description="Check the notes database, list damaged copies moved aside, and recover their notes.",
    )
    doctor_p.add_argument("--import", dest="do_import", action="store_true",
                          help="bring back the notes that moved-aside files hold and the database lacks")
    return parser


TOP_LEVEL_OPTIONS = {"-h", "--help", "--version"}


def _with_command(argv: list[str]) -> list[str]:
    """argv with its command named: the first word that is not an option names it, and with
    none (`retold PATH`, `retold --no-semantic PATH`, `retold`) the command is `read`. Options
    written before the command are the command's (`retold --no-cache align PATH` is
    `retold align --no-cache PATH`); `--help` and `--version` alone are the program's. A story
    folder named like a command is read with `retold read align` (or `./align`, `-- align`)."""
    for number, word in enumerate(argv):
        if word in TOP_LEVEL_OPTIONS:
            return argv
        if word == "--":
            break
        if not word.startswith("-"):
            if word in COMMANDS:
                return [word, *argv[:number], *argv[number + 1:]]
            break
    return ["read", *argv]


class _OutputLost(Exception):
    """Writing to the standard output failed: the reader of a pipe left, a full disk."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _Stdout:
    """sys.stdout while a command that prints runs (not the reader, which owns the terminal): a
    failed write or flush raises _OutputLost, which main reports once, instead of a traceback
    from wherever the print happened to be."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise _OutputLost(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise _OutputLost(exc) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _output_lost(stream, error: OSError) -> int:
    """Exit 1; the reason on stderr unless the pipe's reader left (`retold align … | head`: it
    has what it wanted). What is still buffered goes nowhere, so the exit adds no traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # no descriptor (a test's capture)
        pass
    if not isinstance(error, BrokenPipeError):
        print(f"retold: error: cannot write to the standard output ({error.strerror or error})", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_streams()
    argv = _with_command(argv)
    if argv[:1] == ["read"]:
        return _run(argv)
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        try:
            code = _run(argv)
        except SystemExit:  # argparse's --help or usage message
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return code
    except _OutputLost as lost:
        return _output_lost(stdout, lost.error)
    finally:
        sys.stdout = stdout


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "align":
            return _align(args)
        if args.command == "read":
            return _read(args)
        if args.command == "fetch":
            return _fetch(args)
        if args.command == "batch":
            from retold.batch.cli import run_batch_command

            return run_batch_command(args)
        if args.command == "notes":
            from retold.notes.cli import run_notes

            return run_notes(args)
    except KeyboardInterrupt:
        return 130
    return 2


def _semantic_hint(args) -> None:
    from retold.model.pipeline import semantic_hint

    hint = semantic_hint(not args.no_semantic)
    if hint:
        _notice(hint)


class _EmbeddingBar:
    """The pipeline's ("embedding", done, total) as one line on stderr: redrawn in place on a
    terminal; elsewhere (a log) a line every 10 s, so a quick run writes none."""

    def __init__(self) -> None:
        import time

        self.tty = sys.stderr.isatty()
        self.last = time.monotonic() if not self.tty else 0.0  # a log's first line after 10 s
        self.open = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        import time

        if stage != "embedding":
            return
        now = time.monotonic()
        finished = done >= total
        if not self.tty:
            if now - self.last >= 10.0 and not finished:
                self.last = now
                print(f"retold: sentence model: {done}/{total} sentences", file=sys.stderr)
            return
        if now - self.last < 0.1 and not finished:
            return
        self.last = now
        width = 24
        filled = width * done // total if total else width
        sys.stderr.write(f"\rretold: sentence model [{'#' * filled}{'.' * (width - filled)}] {done}/{total} sentences\x1b[K")
        self.open = not finished
        if finished:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def end(self) -> None:
        if self.open:
            sys.stderr.write("\n")
            self.open = False


def _align(args) -> int:
    from retold.model.export import to_json, to_text
    from retold.model.pipeline import cyclic_gc_paused, load_alignment
    from retold.model.story import InputError

    if args.table != "statements" and args.format != "csv":
        return _fail(f"--table {args.table} needs --format csv")
    if args.with_notes and args.format != "html":
        return _fail("--with-notes applies to --format html")  # said, never silently ignored
    paths = args.paths
    if not paths:  # as `retold` alone opens it: the sample story, said so
        from retold.sample import sample_story_path

        paths = [str(sample_story_path())]
        _notice(f"no PATH given: aligning the sample story ({paths[0]})")
    _semantic_hint(args)
    bar = _EmbeddingBar()
    try:
        # JSON, the share page and the quotes table print the story's Sources: kept in the entry
        # with the alignment, so a story aligned again unchanged computes none of it.
        with_sources = args.format in ("json", "html") or (args.format == "csv" and args.table == "quotes")
        alignment = load_alignment(paths, _notice, bar, not args.no_semantic, cache=_cache(args, with_sources),
                                   vector_cache=not getattr(args, "no_cache", False))
    except InputError as exc:
        return _fail(str(exc))
    finally:
        bar.end()
    end = ""  # what follows the output (the JSON's closing newline: written apart, see _write_stdout)
    if args.format == "csv" and args.table == "quotes":
        from retold.model.share_sources import to_quotes_csv

        out = to_quotes_csv(alignment)
    elif args.format == "json":
        with cyclic_gc_paused():  # a big story's JSON is millions of small objects, none in a cycle
            out = to_json(alignment)
        # Same JSON value; C1 controls, bidi overrides and lone surrogates as \u escapes.
        out, end = json_inert(out, ascii_only=not args.output and not _can_encode(out)), "\n"
    elif args.format in ("html", "csv"):
        from retold.model.share import to_csv, to_html

        if args.format == "html":
            notes = None
            if args.with_notes:
                notes = _shared_notes(alignment)
                if notes is None:
                    return 2
            out = to_html(alignment, notes)
        else:
            out = to_csv(alignment)
    else:
        color = not args.output and (args.color == "always" or (
            args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        ))
        out = to_text(alignment, color=color)
    if args.output:
        try:
            _write_output(args.output, out + end)
        except OSError as exc:
            return _fail(f"{args.output}: cannot write ({exc.strerror})")
    else:
        _write_stdout(out, end)
    return 0


_STDOUT_SLICE = 1 << 20  # characters


def _write_stdout(text: str, end: str = "") -> None:
    """`sys.stdout.write(text + end)`, a slice at a time: a big story's JSON is tens of megabytes,
    and both the joining and the stream's encoding would copy it whole at the process's peak of
    memory. (The same characters in the same order: the same bytes.)"""
    for start in range(0, len(text), _STDOUT_SLICE):
        sys.stdout.write(text[start:start + _STDOUT_SLICE])
    sys.stdout.write(end)


def _shared_notes(alignment):
    """The story's notes as the share page shows them (None, said, when the notes cannot be read)."""
    from retold.notes.service import StoryNotes
    from retold.notes.store import NotesUnavailable, NoteStore

    try:
        store = NoteStore.open()
    except NotesUnavailable as exc:
        _fail(f"notes unavailable: {exc}")
        return None
    if store.notice:
        _notice(store.notice)
    shared = StoryNotes(store, alignment).shared()
    if not shared:
        _notice("no notes on this story to include (drafts are left out)")
    return shared


def _cache(args, with_sources: bool = False):
    """The alignment cache, unless --no-cache (`with_sources`: its entries keep the Sources too)."""
    if getattr(args, "no_cache", False):
        return None
    from retold.model.cache import AlignmentCache

    return AlignmentCache(with_sources=with_sources)


def _write_output(name: str, text: str) -> None:
    """A file is replaced whole (retold.files.write_atomic: never half-written, never through a
    link); a device or pipe the user names (/dev/stdout, a FIFO) is written to as it is."""
    import stat
    from pathlib import Path

    from retold.files import write_atomic

    try:
        mode = os.stat(name).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        with open(name, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    write_atomic(Path(name), text.encode("utf-8"))


def _fetch(args) -> int:
    from pathlib import Path

    from retold.model.story import InputError
    from retold.sources.fetch import FetchOptions, fetch_into

    urls = list(args.urls)
    if args.url_file:
        try:
            lines = Path(args.url_file).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"{args.url_file}: cannot read ({getattr(exc, 'strerror', None) or exc})")
        urls += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        return _fail("no URL given: name them, or a file of them with --urls FILE")
    into = Path(args.into)
    problem = _folder_problem(into)
    if problem:
        return _fail(f"{args.into}: {problem}")
    from retold.model.safe import has_credentials

    if any(has_credentials(url) for url in urls):
        _notice("a user name or password in a URL is used for its request only: "
                "story.toml, messages and exports keep the URL without it")
    from retold.model.safe import shown_url

    def report(result) -> None:
        url = shown_url(result.url)
        if result.status == "failed":
            print(f"retold: {url}: {printable(result.error or 'failed')}", file=sys.stderr)
        elif result.status == "present":
            print(f"present  {url} -> {printable(result.file)}")
        else:
            print(f"fetched  {url} -> {printable(result.file)} ({printable(str(result.entry.get('name')))})")
        sys.stdout.flush()

    options = FetchOptions(timeout=args.timeout, max_bytes=args.max_bytes, concurrency=max(1, args.concurrency))
    try:
        results = fetch_into(urls, into, options, report)
    except InputError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.into}: cannot be used as the story folder ({exc.strerror or exc})")
    failed = sum(r.status == "failed" for r in results)
    fetched = {r.file for r in results if r.status == "fetched" and r.file}
    if fetched:
        _warn_unrelated(Path(args.into), fetched)
    print(f"retold: {len(results) - failed} of {len(results)} URLs in {printable(args.into)}"
          + (f"; {failed} failed (re-run to retry them)" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _folder_problem(folder) -> str | None:
    """Why `folder` cannot be (or become) a story folder, or None: checked before anything is
    fetched, so a path below a file or through a file is one line, not a traceback."""
    if folder.exists():
        return None if folder.is_dir() else "not a directory"
    for parent in folder.parents:
        if parent.exists():
            return None if parent.is_dir() else f"cannot be created: {parent} is a file, not a folder"
    return None


def _warn_unrelated(folder, fetched: set[str]) -> None:
    """A page just fetched that shares no sentence with any other outlet of the story is likely
    from another story (a wrong link, a redirect to a front page): said, not removed."""
    from retold.model.pipeline import load_alignment
    from retold.model.story import InputError

    try:
        alignment = load_alignment([str(folder)], semantic=False)  # shared sentences: words suffice
    except InputError:
        return
    if len(alignment.outlets) < 2:
        return
    table = alignment.overlap()
    for outlet in alignment.outlets:
        name = os.path.basename(outlet.meta.source)
        if name in fetched and not any(table[outlet.id][other.id] for other in alignment.outlets if other is not outlet):
            _notice(f"{name}: shares no sentence with the other outlets (0 % overlap); is it a page from another story?")


def _read(args) -> int:
    from retold.model.story import InputError, collect_files
    from retold.sample import sample_story_path

    paths = args.paths or [str(sample_story_path())]
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _fail("the reader needs a terminal; for output to a pipe or file use `retold align PATH... --format json`")
    try:
        collect_files(paths)  # a missing path or an empty folder is said before the screen opens
    except InputError as exc:
        return _fail(str(exc))
    from functools import partial

    from retold.model.offload import load_early
    from retold.model.pipeline import load_alignment

    cache = _cache(args)
    # A small story aligns on the other core while Textual is imported; a bigger one (or with the
    # sentence model) in a worker behind a progress screen.
    early = load_early(paths, cache, semantic=not args.no_semantic)
    from retold.tui.app import RetoldApp  # Textual is loaded only here

    app = RetoldApp(paths=paths, cache=cache, semantic=not args.no_semantic, early=early)
    app.run()
    if app.load_error:
        return _fail(app.load_error)
    for message in app.load_notices:
        _notice(message)
    _semantic_hint(args)  # after the screen is gone: on it, the line would be drawn over
    return app.return_code or 0
