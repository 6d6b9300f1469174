"""`e`: the share page as a new file in the folder retold was started from."""

import os

from retold.files import write_new

from .helpers import drive, make_app


async def _export(pilot, times=1):
    for _ in range(times):
        await pilot.press("e")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


class TestExportKey:
    def test_writes_the_page_with_notes_but_drafts(self, sample_dir, tmp_path, monkeypatch):
        tmp_path = tmp_path / "here"  # beside the test's notes folder
        tmp_path.mkdir()
        monkeypatch.chdir(tmp_path)

        async def script(pilot, reader):
            outlet = reader.alignment.outlets[0]
            reader.notes.add_on_sentence(outlet.id, 0, "Checked against the wire: <b>same</b>.")
            reader.notes.add_on_sentence(outlet.id, 1, "half a thought", draft=True)
            await _export(pilot)
            return [n.message for n in pilot.app._notifications]

        messages = drive(make_app([sample_dir]), script)
        written = sorted(p.name for p in tmp_path.iterdir())
        assert written == [f"{sample_dir.name}.retold.html"]
        page = (tmp_path / written[0]).read_text(encoding="utf-8")
        assert "Checked against the wire: &lt;b&gt;same&lt;/b&gt;." in page
        assert "half a thought" not in page
        assert any(m == f"Share page written: {tmp_path / written[0]}" for m in messages)

    def test_never_writes_over_a_file_already_there(self, sample_dir, tmp_path, monkeypatch):
        tmp_path = tmp_path / "here"
        tmp_path.mkdir()
        monkeypatch.chdir(tmp_path)
        mine = tmp_path / f"{sample_dir.name}.retold.html"
        mine.write_text("my own edited copy")

        async def script(pilot, reader):
            await _export(pilot, times=2)

        drive(make_app([sample_dir]), script)
        assert mine.read_text() == "my own edited copy"
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            [mine.name, f"{sample_dir.name}-2.retold.html", f"{sample_dir.name}-3.retold.html"])

    def test_a_folder_gone_is_said_and_the_reader_goes_on(self, sample_dir, tmp_path, monkeypatch):
        gone = tmp_path / "gone"
        gone.mkdir()
        monkeypatch.chdir(gone)
        os.rmdir(gone)

        async def script(pilot, reader):
            await _export(pilot)
            await pilot.press("j")
            return [(n.message, n.severity) for n in pilot.app._notifications], pilot.app.is_running, reader.state.cursor

        messages, running, cursor = drive(make_app([sample_dir]), script)
        assert running and cursor == 1
        assert any(m.startswith("Share page not written in") and s == "error" for m, s in messages)


def test_write_new_takes_the_next_free_name(tmp_path):
    (tmp_path / "s.html").write_bytes(b"old")
    os.symlink(tmp_path / "elsewhere", tmp_path / "s-2.html")  # a link at a name: taken, never followed
    path = write_new(tmp_path, "s", ".html", b"new")
    assert path == tmp_path / "s-3.html" and path.read_bytes() == b"new"
    assert (tmp_path / "s.html").read_bytes() == b"old" and not (tmp_path / "elsewhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-2.html", "s-3.html", "s.html"]  # no staged file left


def test_write_new_without_hard_links_leaves_no_half_file(tmp_path, monkeypatch):
    """Where the file system has no hard links the page is written under its name directly; a
    write that fails (a full disk) removes what it began."""
    import errno

    import pytest

    def no_link(*_args, **_kwargs):
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(os, "link", no_link)
    real_fsync = os.fsync

    calls = []

    def full_disk(fd):  # the staged copy is written; the copy under the name fails
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_new(tmp_path, "s", ".html", b"0123456789")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert len(calls) == 2  # the fallback's own write was reached
    assert sorted(p.name for p in tmp_path.iterdir()) == []
