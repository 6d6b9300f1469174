"""fetch, batch and the HTML/CSV exports are headless: no Textual; the exports no Rich, Dask or httpx."""

import subprocess
import sys


def loaded(code: str) -> set[str]:
    code += "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120).stdout
    return set(out.split())


def test_exports_fetch_and_batch_load_no_ui(sample_dir, tmp_path):
    modules = loaded(
        "import io, contextlib\nfrom retold.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['align', {str(sample_dir)!r}, '--format', 'html'])\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['align', {str(sample_dir)!r}, '--format', 'csv'])\n"
    )
    assert not modules & {"textual", "rich", "distributed", "dask", "httpx"}
    modules = loaded("import retold.sources.fetch, retold.batch.job, retold.batch.cli")
    # (Rich may come in here: httpx imports it for its own command line when it is installed.)
    assert "textual" not in modules
