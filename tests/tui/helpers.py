import asyncio

from retold.model.pipeline import load_alignment
from retold.tui.app import RetoldApp

THEME = "textual-dark"


def make_app(paths, **kwargs) -> RetoldApp:
    app = RetoldApp(load_alignment([str(p) for p in paths]), **kwargs)
    app.theme = THEME
    return app


def drive(app, script, size=(160, 45)):
    """Run `script(pilot, screen)` against the app headless; return its result."""

    async def main():
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return await script(pilot, app.screen)

    return asyncio.run(main())
