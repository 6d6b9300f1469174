"""The redirect limit of `retold fetch` (issue 21): a chain of redirects at the limit is followed,
one past it is refused with a clear message, and the refused chain is not walked further. With
the options the CLI uses (the default limit), against a server on 127.0.0.1 serving our own page."""

from __future__ import annotations

from collections import Counter
from http.server import BaseHTTPRequestHandler

import pytest

from retold.sources.fetch import FetchOptions, fetch_into
from local_http import no_proxy_env, send_page, send_redirect, serving

LIMIT = 5  # the documented redirect limit (README: `retold fetch`)

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry pier approved | Hop Gazette</title>
</head><body><article><h1>Ferry pier approved</h1>
<p>The harbour board approved a new ferry pier on Monday after a long and lively debate.</p>
<p>Work on the pier starts in the spring and should take about two years to finish.</p>
</article></body></html>"""


class Hops(BaseHTTPRequestHandler):
    hits: Counter = Counter()

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        Hops.hits[self.path] += 1
        # /chain<name>/<n>: n more redirects to go, then the page.
        _, chain, left = self.path.split("/")
        if int(left) > 0:
            send_redirect(self, f"/{chain}/{int(left) - 1}")
            return
        send_page(self, PAGE)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    no_proxy_env(monkeypatch)


@pytest.fixture(scope="module")
def server():
    with serving(Hops) as url:
        yield url


def test_a_chain_at_the_limit_is_followed_and_one_past_it_refused(server, tmp_path):
    # As the CLI builds them: the redirect limit is the default one.
    options = FetchOptions(timeout=2.0, max_bytes=100_000, concurrency=2)
    at_limit, past_limit = f"{server}/at/{LIMIT}", f"{server}/past/{LIMIT + 1}"
    results = {r.url: r for r in fetch_into([at_limit, past_limit], tmp_path / "story", options)}
    assert results[at_limit].status == "fetched", results[at_limit].error
    assert results[past_limit].status == "failed"
    assert results[past_limit].error == f"too many redirects (more than {LIMIT})"
    # The refused chain was walked only as far as the limit allows: never to its page.
    assert Hops.hits["/past/0"] == 0
    assert sum(n for path, n in Hops.hits.items() if path.startswith("/past/")) == LIMIT + 1
