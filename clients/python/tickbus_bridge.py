"""A client for the tickbus TCP event-bus bridge, standard library only.

Frames are a 4-byte big-endian length followed by that many bytes of UTF-8 JSON:
    client -> server  {"type": "register" | "unregister" | "ping", "address": "md.quote.XNAS:AAPL"}
    server -> client  {"type": "message", "address": ..., "headers": {}, "body": {...}, "send": false}
                      {"type": "err", "message": "access_denied"}    {"type": "pong"}
A registration on an md.* address is demand: the feed serving the instrument subscribes upstream while the
connection holds it, and releases it on unregister or when the connection closes.
"""

import json
import socket
import struct

LENGTH = struct.Struct(">I")


class BridgeError(Exception):
    """The bridge answered with an err frame."""


class Bridge:
    """One connection to the bridge; not thread-safe."""

    def __init__(self, host="127.0.0.1", port=7000, timeout_seconds=30.0):
        self._socket = socket.create_connection((host, port), timeout=timeout_seconds)
        self._buffer = b""

    def register(self, address):
        self._send({"type": "register", "address": address})

    def unregister(self, address):
        self._send({"type": "unregister", "address": address})

    def ping(self):
        self._send({"type": "ping"})

    def frames(self):
        """Yields every frame received, in order; raises BridgeError on an err frame."""
        while True:
            frame = self._read_frame()
            if frame is None:
                return
            if frame.get("type") == "err":
                raise BridgeError(frame.get("message"))
            yield frame

    def messages(self):
        """Yields (address, body) of every message frame."""
        for frame in self.frames():
            if frame.get("type") == "message":
                yield frame["address"], frame["body"]

    def close(self):
        self._socket.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _send(self, frame):
        payload = json.dumps(frame, separators=(",", ":")).encode("utf-8")
        self._socket.sendall(LENGTH.pack(len(payload)) + payload)

    def _read_frame(self):
        header = self._read_exactly(LENGTH.size)
        if header is None:
            return None
        (length,) = LENGTH.unpack(header)
        payload = self._read_exactly(length)
        if payload is None:
            raise ConnectionError("connection closed inside a frame: length=%d" % length)
        return json.loads(payload.decode("utf-8"))

    def _read_exactly(self, count):
        while len(self._buffer) < count:
            chunk = self._socket.recv(65536)
            if not chunk:
                if self._buffer:
                    raise ConnectionError("connection closed with %d bytes unread" % len(self._buffer))
                return None
            self._buffer += chunk
        data, self._buffer = self._buffer[:count], self._buffer[count:]
        return data
