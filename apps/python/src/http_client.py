"""
A minimal HTTP/1.1 GET client over asyncio streams (Python 3 only, stdlib only): the asyncio model of the
lesson's API calls, with no third-party client (aiohttp, httpx) to install. One keep-alive connection per lane
(a slot of requests in flight), opened on first use and kept, so the warm-up opens what the timed part uses.
It reads Content-Length and chunked bodies; a connection the server closed between requests is opened again
and the GET retried once, as clients do for an idempotent request.
"""
import asyncio
import ssl
from urllib.parse import urlsplit


class HttpError(Exception):
    pass


class Connection:
    def __init__(self, scheme, host, port):
        self._scheme = scheme
        self._host = host
        self._port = port
        self._reader = None
        self._writer = None

    async def _open(self):
        context = ssl.create_default_context() if self._scheme == "https" else None
        self._reader, self._writer = await asyncio.open_connection(
            self._host, self._port, ssl=context, server_hostname=self._host if context else None
        )

    def close(self):
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None

    async def get(self, target, host_header):
        """GET target; returns (status, body bytes)."""
        reused = self._writer is not None
        if not reused:
            await self._open()
        try:
            return await self._exchange(target, host_header)
        except (ConnectionError, asyncio.IncompleteReadError, HttpError) as error:
            self.close()
            # A kept connection the server closed while it was idle: open another one and ask once more.
            if reused and getattr(error, "before_response", False):
                await self._open()
                return await self._exchange(target, host_header)
            raise

    async def _exchange(self, target, host_header):
        request = "GET %s HTTP/1.1\r\nHost: %s\r\nAccept: application/json\r\nConnection: keep-alive\r\n\r\n" % (target, host_header)
        try:
            self._writer.write(request.encode("ascii"))
            await self._writer.drain()
            status_line = await self._reader.readline()
        except ConnectionError as error:
            error.before_response = True
            raise
        if not status_line:
            error = HttpError("the server closed the connection before answering")
            error.before_response = True
            raise error
        parts = status_line.decode("latin-1").split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise HttpError("not an HTTP/1.x status line: %r" % status_line[:80])
        version, status = parts[0], int(parts[1])
        headers = {}
        while True:
            line = await self._reader.readline()
            if line in (b"\r\n", b"\n"):
                break
            if not line:
                raise HttpError("the connection closed in the headers")
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked()
        elif "content-length" in headers:
            body = await self._reader.readexactly(int(headers["content-length"]))
        else:  # the body runs to the end of the connection
            body = await self._reader.read()
            headers["connection"] = "close"
        connection_header = headers.get("connection", "").lower()
        if connection_header == "close" or (version == "HTTP/1.0" and connection_header != "keep-alive"):
            self.close()
        return status, body

    async def _read_chunked(self):
        chunks = []
        while True:
            size = int((await self._reader.readline()).split(b";", 1)[0].strip(), 16)
            if size == 0:
                while (await self._reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            chunks.append(await self._reader.readexactly(size))
            await self._reader.readexactly(2)  # the CRLF after the chunk


class Client:
    """Connections by lane and origin: lane k always uses its own connection to a given host."""

    def __init__(self):
        self._connections = {}

    async def get(self, url, timeout_s, lane):
        parts = urlsplit(url)
        scheme = parts.scheme or "http"
        port = parts.port or (443 if scheme == "https" else 80)
        key = (lane, scheme, parts.hostname, port)
        connection = self._connections.get(key)
        if connection is None:
            connection = self._connections[key] = Connection(scheme, parts.hostname, port)
        target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        try:
            return await asyncio.wait_for(connection.get(target, parts.netloc), timeout_s)
        except asyncio.TimeoutError:
            connection.close()  # an answer may still come on it: the connection cannot be used again
            raise HttpError("no answer within %g ms" % (timeout_s * 1000)) from None
        except asyncio.CancelledError:
            connection.close()
            raise

    async def close(self):
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()
        await asyncio.sleep(0)  # let the transports finish closing
