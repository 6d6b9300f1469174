"""A page whose URL is public may not send `retold fetch`, by redirects, to an address on this
machine or its private network (loopback, RFC 1918, link-local such as the cloud metadata
service 169.254.169.254): the URL fails with one line saying so, and nothing is connected to
there. Before: a redirect to http://169.254.169.254/latest/meta-data/ was followed. A URL the
user gives on such an address is fetched as asked, with its redirects (every local test does).

Locally every address is a loopback one, so the test says which count as local: the server's
127.0.0.1 is "public", 127.0.0.2 (where nothing listens) is local.
"""

from __future__ import annotations

import ipaddress
from http.server import BaseHTTPRequestHandler

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.sources import fetch
from retold.sources.fetch import FetchOptions, fetch_into
from tests.local_http import no_proxy_env, send_page, send_redirect, serving

PAGE = ("<html><head><title>Sea wall | Site</title></head><body><article><h1>Sea wall approved</h1>"
        + "".join(f"<p>The council approved the sea wall number {i} on Monday after a long debate.</p>" for i in range(6))
        + "</article></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        targets = {"/to-local": f"http://127.0.0.2:{port}/page", "/to-self": f"http://127.0.0.1:{port}/page"}
        if self.path in targets:
            send_redirect(self, targets[self.path])
            return
        send_page(self, PAGE)


@pytest.fixture()
def server(monkeypatch):
    no_proxy_env(monkeypatch)
    with serving(Handler) as url:
        yield url


def test_a_public_page_redirecting_to_a_local_address_is_refused(server, tmp_path, monkeypatch):
    monkeypatch.setattr(fetch, "_is_local", lambda address: address == "127.0.0.2")
    results = {r.url: r for r in fetch_into([f"{server}/to-local", f"{server}/to-self"], tmp_path,
                                            FetchOptions(timeout=5, max_bytes=1_000_000))}
    refused = results[f"{server}/to-local"]
    assert refused.status == "failed" and "private network (127.0.0.2)" in refused.error, refused
    assert results[f"{server}/to-self"].status == "fetched"  # public to public: followed


def test_a_local_url_given_by_the_user_keeps_its_redirects(server, tmp_path, monkeypatch):
    monkeypatch.setattr(fetch, "_is_local", lambda address: True)
    [result] = fetch_into([f"{server}/to-self"], tmp_path, FetchOptions(timeout=5, max_bytes=1_000_000))
    assert result.status == "fetched", result


@given(st.one_of(st.ip_addresses(network="10.0.0.0/8"), st.ip_addresses(network="127.0.0.0/8"),
                 st.ip_addresses(network="169.254.0.0/16"), st.ip_addresses(network="192.168.0.0/16"),
                 st.ip_addresses(network="172.16.0.0/12"), st.ip_addresses(network="fc00::/7"),
                 st.ip_addresses(network="fe80::/10"), st.just(ipaddress.ip_address("::1")),
                 st.ip_addresses(network="::ffff:127.0.0.0/104")))
def test_local_and_private_addresses_count_as_local(address):
    assert fetch._is_local(str(address))


@given(st.one_of(st.ip_addresses(network="8.8.0.0/16"), st.ip_addresses(network="2a00:1450::/32")))
def test_public_addresses_do_not(address):
    assert not fetch._is_local(str(address))


def test_a_name_that_resolves_to_nothing_is_not_connected_to_by_name(server, monkeypatch):
    """The check's lookup answers nothing, so nothing was checked: connecting by the name would
    look it up again, and that answer (here localhost's 127.0.0.1) was never judged."""
    import httpcore

    port = int(server.rsplit(":", 1)[1])
    monkeypatch.setattr(fetch, "_addresses", lambda host, port: [])
    monkeypatch.setattr(fetch._deadline, "local_ok", False, raising=False)
    with pytest.raises(httpcore.ConnectError, match="does not resolve"):
        fetch._GuardedBackend().connect_tcp("localhost", port, timeout=5)


class ProxyHandler(BaseHTTPRequestHandler):
    """A forward proxy that answers itself: the public page redirects to the cloud metadata
    address, and any request for that address is recorded (it must never come)."""
    asked: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        ProxyHandler.asked.append(self.path)
        if self.path.startswith("http://news.example/"):
            send_redirect(self, "http://169.254.169.254/latest/meta-data/")
            return
        send_page(self, PAGE)


def test_through_a_proxy_a_redirect_to_a_private_address_is_refused(tmp_path, monkeypatch):
    no_proxy_env(monkeypatch)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    ProxyHandler.asked = []
    with serving(ProxyHandler) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy)
        [result] = fetch_into(["http://news.example/story"], tmp_path, FetchOptions(timeout=5, max_bytes=1_000_000))
    assert ProxyHandler.asked == ["http://news.example/story"], ProxyHandler.asked
    assert result.status == "failed" and "private network (169.254.169.254)" in result.error, result
