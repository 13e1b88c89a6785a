"""Opening the listening socket before uvicorn does.

uvicorn reports a port in use by logging the OSError and calling sys.exit(1), so
the caller never sees an error it could report in one line. Binding here first
turns it into `PortInUseError`, which `planqa` maps to its message and exit code.
"""
from __future__ import annotations

import errno
import socket


class PortInUseError(OSError):
    """Another process listens on the address asked for."""


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port, as uvicorn would open it (SO_REUSEADDR, IPv4 or IPv6)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUseError(
                exc.errno, f"port {port} on {host} is already in use: stop the other server or choose --port"
            ) from None
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
