"""Fetching URLs under a policy: http and https only, one overall deadline per fetch, and no
private or loopback address reached through anything the fetched content chose.

Who chose a URL decides what it may reach. A URL typed by the user (a command-line argument) is
fetched wherever it points: the user named it. Everything else — the target of a redirect, the
link of a feed item — was chosen by a remote server, and must resolve to a public address unless
the policy allows private ones (``--allow-private``). Addresses are checked on the IP the socket
actually connects to, after name resolution, so a public-looking host name that resolves to
127.0.0.1 is refused as well, and a name that resolves differently on the second lookup cannot
slip through (there is no second lookup).

Proxies are not used: a proxy would resolve the name itself and defeat the address check.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

USER_AGENT = "dyad/0.1 (+https://example.org/dyad)"
ALLOWED_SCHEMES = ("http", "https")
DEFAULT_DEADLINE = 60.0  # seconds for one whole fetch: connect, redirects, headers and body
DEFAULT_MAX_FEED_ITEMS = 200
MAX_REDIRECTS = 5
CHUNK = 65536


class FetchError(ValueError):
    """A URL that cannot or must not be fetched; the message says why, for the user."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do. ``deadline`` bounds the whole fetch (not each read); ``max_feed_items``
    bounds how many items of one feed are read; ``allow_private`` lets redirects and feed items
    reach private, loopback and link-local addresses."""

    deadline: float = DEFAULT_DEADLINE
    max_feed_items: int = DEFAULT_MAX_FEED_ITEMS
    allow_private: bool = False
    max_bytes: int = 5_000_000


def check_scheme(url: str) -> None:
    """Refuse anything but http(s): file://, file:/, ftp://, data:, gopher: ..."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise FetchError(f"refused: not a usable URL ({exc})") from exc
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}:" if scheme else "a URL without a scheme"
        raise FetchError(f"refused: only http and https URLs are fetched, not {shown}")


def is_public(ip: str) -> bool:
    """True for a globally routable unicast address (not private, loopback, link-local, CGNAT,
    multicast, reserved or unspecified; IPv4-mapped IPv6 addresses are judged as IPv4)."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return addr.is_global and not addr.is_multicast


def _guarded_connect(host: str, allow_private: bool, deadline_at: float):  # type: ignore[no-untyped-def]
    """A replacement for socket.create_connection that connects only to allowed addresses."""

    def create_connection(address, timeout=None, source_address=None):  # type: ignore[no-untyped-def]
        _, port = address
        infos = _resolve(host, port, deadline_at)
        allowed = [i for i in infos if allow_private or is_public(i[4][0])]
        if not allowed:
            raise FetchError(f"refused: {host} is a private or loopback address; reaching it from a feed "
                             "item or a redirect needs --allow-private")
        last: OSError | None = None
        for family, kind, proto, _, sockaddr in allowed:
            remaining = deadline_at - time.monotonic()
            if remaining <= 0:
                break
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(remaining)
                sock.connect(sockaddr)
                return sock
            except OSError as exc:
                last = exc
                sock.close()
        raise last or TimeoutError("timed out")

    return create_connection


def _resolve(host: str, port: int, deadline_at: float) -> list:  # type: ignore[type-arg]
    """getaddrinfo within the deadline (it has no timeout of its own; a stuck resolver would
    otherwise hold the fetch). The lookup runs in a daemon thread that is abandoned on timeout."""
    box: dict[str, object] = {}

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            box["error"] = exc

    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(max(deadline_at - time.monotonic(), 0.0))
    if worker.is_alive():
        raise TimeoutError("name resolution timed out")
    if "error" in box:
        exc = box["error"]
        reason = getattr(exc, "strerror", None) or str(exc)
        raise FetchError(f"cannot resolve host {host!r}: {reason}") from exc  # type: ignore[misc]
    return box["infos"]  # type: ignore[return-value]


class _Watchdog:
    """Shuts the connection's socket down when the deadline passes, whatever it is waiting for
    (a slow connect, headers or a body trickled a few bytes at a time)."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float) -> None:
        self.conn = conn
        self.fired = False
        self.timer = threading.Timer(max(seconds, 0.0), self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        self.fired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()


def fetch(url: str, policy: FetchPolicy | None = None, *, chosen_by_user: bool = False) -> tuple[bytes, str, str]:
    """GET ``url`` under ``policy``; return the body, its content type and the final URL.

    ``chosen_by_user`` exempts the URL itself (not its redirects) from the private-address check.
    Raises FetchError with a message for the user."""
    try:
        return _fetch(url, policy or FetchPolicy(), chosen_by_user)
    except FetchError:
        raise
    except ValueError as exc:  # a URL urllib.parse or http.client cannot take ("http://[::1", a control character)
        raise FetchError(f"refused: not a usable URL ({exc})") from exc


def _fetch(url: str, policy: FetchPolicy, chosen_by_user: bool) -> tuple[bytes, str, str]:
    deadline_at = time.monotonic() + policy.deadline
    current = url
    for hop in range(MAX_REDIRECTS + 1):
        check_scheme(current)
        allow_private = policy.allow_private or (chosen_by_user and hop == 0)
        status, reason, location, body, ctype = _get_once(current, policy, allow_private, deadline_at)
        if status in (301, 302, 303, 307, 308) and location:
            current = urljoin(current, location)
            continue
        if status >= 400:
            raise FetchError(f"HTTP Error {status}: {reason}")
        return body, ctype, current
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _get_once(url: str, policy: FetchPolicy, allow_private: bool,
              deadline_at: float) -> tuple[int, str, str | None, bytes, str]:
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise FetchError("refused: the URL names no host")
    try:
        port = parts.port
    except ValueError as exc:
        raise FetchError("refused: bad port in the URL") from exc
    remaining = deadline_at - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"timed out: no complete answer within {policy.deadline:g} s")
    conn: http.client.HTTPConnection
    if parts.scheme.lower() == "https":
        conn = http.client.HTTPSConnection(host, port, timeout=remaining, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=remaining)
    conn._create_connection = _guarded_connect(host, allow_private, deadline_at)  # type: ignore[attr-defined]
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    watchdog = _Watchdog(conn, remaining)
    try:
        with watchdog:
            try:
                conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
                resp = conn.getresponse()
                if resp.status >= 300:
                    return resp.status, resp.reason, resp.getheader("Location"), b"", ""
                chunks: list[bytes] = []
                size = 0
                while size <= policy.max_bytes:
                    chunk = resp.read1(CHUNK)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                    if time.monotonic() > deadline_at:
                        raise TimeoutError
                if watchdog.fired:
                    raise TimeoutError
                return resp.status, resp.reason, None, b"".join(chunks), resp.getheader("Content-Type", "")
            except FetchError:
                raise
            except (OSError, http.client.HTTPException, ValueError) as exc:
                if watchdog.fired or isinstance(exc, TimeoutError) or time.monotonic() > deadline_at:
                    raise FetchError(f"timed out: no complete answer within {policy.deadline:g} s") from exc
                raise FetchError(_describe(exc)) from exc
    finally:
        conn.close()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    if isinstance(exc, http.client.HTTPException):
        return f"bad HTTP answer ({type(exc).__name__})"
    return str(exc) or type(exc).__name__
