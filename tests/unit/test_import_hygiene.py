"""The core never loads Textual or Rich (as harlequin checks for its headless core)."""

import subprocess
import sys


def test_align_command_does_not_import_textual(sample_dir):
    code = (
        "import sys, io, contextlib\n"
        "from retold.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['align', {str(sample_dir)!r}, '--format', 'json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_model_package_has_no_ui_imports():
    from pathlib import Path

    import retold.model

    for path in Path(retold.model.__file__).parent.glob("*.py"):
        text = path.read_text()
        assert "import textual" not in text and "from textual" not in text, path
        assert "import rich" not in text and "from rich" not in text, path
