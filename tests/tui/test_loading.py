"""Loading in a thread behind a progress screen: stages shown, errors said in one line, ctrl+c leaves."""

import asyncio
import threading
import time

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp
from retold.tui.screens.loading import LoadingScreen
from retold.tui.screens.reader import ReaderScreen


def test_pipeline_reports_every_stage_in_order_and_stops_when_told(sample_dir):
    seen = []
    load_alignment([str(sample_dir)], None, lambda stage, done, total: seen.append((stage, done, total)))
    stages = [stage for stage, _, _ in seen]
    files = stages.count("loading")
    embedding = stages.count("embedding")  # the sentence model at work inside the alignment, when installed
    assert files >= 2 and stages == ["loading"] * files + ["cleaning"] + ["splitting"] * files + ["aligning"] + ["embedding"] * embedding
    assert [done for stage, done, _ in seen if stage == "loading"] == list(range(files))

    class Stop(Exception):
        pass

    def stop_at_cleaning(stage, done, total):
        if stage == "cleaning":
            raise Stop

    try:
        load_alignment([str(sample_dir)], None, stop_at_cleaning)
    except Stop:
        pass
    else:
        raise AssertionError("the progress callback's exception must abandon the load")


def top(app):
    return app.screen_stack[-1] if app.screen_stack else None


async def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


class TestLoading:
    def test_progress_screen_shows_the_stage_then_the_reader_opens(self, sample_dir):
        release = threading.Event()

        def loader(paths, notice, progress):
            progress("loading", 0, 3)
            release.wait(10)
            notice("a file was skipped")
            return load_alignment(paths, notice, progress)

        async def main():
            app = RetoldApp(paths=[str(sample_dir)], loader=loader)
            async with app.run_test(size=(100, 30)) as pilot:
                await wait_for(lambda: isinstance(top(app), LoadingScreen) and top(app).stage == "loading")
                label = str(app.screen.query_one("#loading-stage").render())
                release.set()
                await wait_for(lambda: isinstance(top(app), ReaderScreen))
                await pilot.pause()
                return label, [n.message for n in app._notifications]

        label, notices = asyncio.run(main())
        assert "Loading the files (1/3)" in label
        assert "a file was skipped" in notices

    def test_bad_input_ends_with_its_one_line_message(self, tmp_path):
        (tmp_path / "empty.txt").write_text("   \n")

        async def main():
            app = RetoldApp(paths=[str(tmp_path)])
            async with app.run_test() as pilot:
                await wait_for(lambda: not app.is_running)
            return app

        app = asyncio.run(main())
        assert app.return_code == 2 and app.load_error.startswith(str(tmp_path / "empty.txt")) and "\n" not in app.load_error

    def test_ctrl_c_leaves_at_once_while_aligning(self, sample_dir):
        release = threading.Event()

        def loader(paths, notice, progress):
            progress("aligning", 0, 1)
            release.wait(30)  # a long alignment
            progress("aligning", 1, 1)
            return load_alignment(paths, notice, progress)

        async def main():
            app = RetoldApp(paths=[str(sample_dir)], loader=loader)
            async with app.run_test() as pilot:
                await wait_for(lambda: isinstance(top(app), LoadingScreen) and top(app).stage == "aligning")
                start = time.monotonic()
                await pilot.press("ctrl+c")
                await wait_for(lambda: not app.is_running, timeout=5)
                elapsed = time.monotonic() - start
            release.set()
            return app, elapsed

        app, elapsed = asyncio.run(main())
        assert app.return_code == 130 and elapsed < 5 and app.alignment is None

    def test_the_sentence_model_stage_is_named_with_its_count(self, sample_dir):
        release = threading.Event()

        def loader(paths, notice, progress):
            progress("aligning", 0, 1)
            progress("embedding", 32, 120)
            release.wait(10)
            return load_alignment(paths, notice, progress, semantic=False)

        async def main():
            app = RetoldApp(paths=[str(sample_dir)], loader=loader)
            async with app.run_test(size=(100, 30)):
                await wait_for(lambda: isinstance(top(app), LoadingScreen) and top(app).stage == "embedding")
                label = str(app.screen.query_one("#loading-stage").render())
                top(app).show_stage("embedding", 120, 120)
                last = str(app.screen.query_one("#loading-stage").render())
                release.set()
                await wait_for(lambda: isinstance(top(app), ReaderScreen))
                return label, last

        label, last = asyncio.run(main())
        assert "Comparing meanings with the sentence model (33/120)" in label
        assert "(120/120)" in last
