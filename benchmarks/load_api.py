"""Load test of the HTTP API on loopback, bounded in requests and time.

Starts ``bot.api.serve`` in a subprocess (rate limit off), then drives it with
32 concurrent asyncio/httpx clients in two phases:

* **paced** (open loop): requests are scheduled at a fixed total rate (default
  150 req/s) and latency is measured from the scheduled send time, so a slow
  server cannot hide its queueing (no coordinated omission). This is the phase
  the p50/p95 targets apply to.
* **saturation** (closed loop): every client sends back to back; gives the
  maximum throughput. By Little's law its latency is ~ clients / throughput.

It then times ``Retriever.ask`` in-process for the same questions, so the
report says how much of a request is retrieval and how much is HTTP.

Usage::

    python benchmarks/load_api.py --index IDX          # an index built by `planqa index`
    python benchmarks/load_api.py --plans ../shared/plans  # build one in a temp dir first
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Ai chủ trì chỉ tiêu BHYT?",
    "Xã An Hưng đặt mục tiêu tỷ lệ hộ nghèo bao nhiêu?",
    "Phòng Kinh tế được giao những nhiệm vụ gì?",
    "Thời hạn rà soát VBQPPL là khi nào?",
    "Tỷ lệ trường đạt chuẩn quốc gia đến năm 2030?",
    "Ai phối hợp thực hiện chuyển đổi số?",
    "Thu ngân sách nhà nước tăng bình quân bao nhiêu?",
    "Văn phòng HĐND và UBND có nhiệm vụ gì?",
    "Chỉ tiêu tỷ lệ dân số tham gia bảo hiểm y tế",
    "Công an xã chủ trì nội dung nào?",
    "Kế hoạch giải phóng mặt bằng do ai thực hiện?",
    "Mục tiêu nông thôn mới nâng cao",
]


@dataclass
class Sample:
    endpoint: str
    latency_ms: float
    ok: bool


@dataclass
class PhaseResult:
    name: str
    samples: list[Sample] = field(default_factory=list)
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def latencies(self, endpoint: str | None = None) -> list[float]:
        return sorted(s.latency_ms for s in self.samples if s.ok and (endpoint is None or s.endpoint == endpoint))

    @property
    def error_count(self) -> int:
        return sum(1 for s in self.samples if not s.ok)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))
    return values[k]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_plan(i: int) -> tuple[str, str, dict | None]:
    """The request mix: 8 in 10 are questions, the rest health/documents/outline."""
    slot = i % 10
    if slot < 8:
        return "POST /ask", "/ask", {"question": QUESTIONS[i % len(QUESTIONS)], "top_k": 5}
    if slot == 8:
        return "GET /health", "/health", None
    return "GET /documents", "/documents", None


class Connection:
    """A minimal HTTP/1.1 keep-alive client on raw asyncio streams.

    httpx costs ~3 ms of CPU per request here, more than the server itself; on a
    2-CPU machine that would measure the client. This one costs a few µs.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: dict | None) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        payload = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        assert self.reader is not None
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = None
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
        if length is None:
            raise ConnectionError("response without Content-Length")
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
            self.writer = None


async def one_request(conn: Connection, i: int, result: PhaseResult, start: float) -> None:
    name, path, body = request_plan(i)
    try:
        status = await conn.request(name.split()[0], path, body)
        ok = status == 200
        if not ok:
            result.errors[f"{name} → {status}"] += 1
    except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
        ok = False
        result.errors[f"{name} → {type(exc).__name__}"] += 1
        await conn.close()
    result.samples.append(Sample(name, (time.perf_counter() - start) * 1000.0, ok))


async def paced(port: int, clients: int, rate: float, total: int, max_seconds: float) -> PhaseResult:
    result = PhaseResult(f"paced {rate:.0f} req/s")
    queue: asyncio.Queue[tuple[int, float] | None] = asyncio.Queue()
    t0 = time.perf_counter() + 0.2
    n = min(total, int(rate * max_seconds))
    for i in range(n):
        queue.put_nowait((i, t0 + i / rate))
    for _ in range(clients):
        queue.put_nowait(None)

    async def worker() -> None:
        conn = Connection("127.0.0.1", port)
        while (item := await queue.get()) is not None:
            i, due = item
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            await one_request(conn, i, result, due)  # latency counted from the due time
        await conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    result.seconds = time.perf_counter() - start
    return result


async def saturate(port: int, clients: int, total: int, max_seconds: float) -> PhaseResult:
    result = PhaseResult("saturation (closed loop)")
    counter = iter(range(total))
    deadline = time.perf_counter() + max_seconds

    async def worker() -> None:
        conn = Connection("127.0.0.1", port)
        for i in counter:
            if time.perf_counter() > deadline:
                break
            await one_request(conn, i, result, time.perf_counter())
        await conn.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    result.seconds = time.perf_counter() - start
    return result


def start_server(index_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = dict(os.environ, PLANQA_RATE_LIMIT="off", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code = ("import sys; from pathlib import Path; from bot.api import serve; "
            "serve(Path(sys.argv[1]), port=int(sys.argv[2]))")
    log = open(log_path, "wb")
    return subprocess.Popen([sys.executable, "-c", code, str(index_dir), str(port)], env=env,
                            stdout=log, stderr=subprocess.STDOUT, cwd=REPO)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with code {proc.returncode}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def profile_retriever(index_dir: Path, rounds: int) -> dict[str, float]:
    """Time the parts of a question in-process: the whole ask, and dense vs BM25 alone."""
    sys.path.insert(0, str(REPO))
    from retrieval import Retriever

    r = Retriever.load(index_dir)
    r.ask(QUESTIONS[0])
    out: dict[str, float] = {}
    for mode in ("hybrid", "dense", "bm25"):
        times = []
        for _ in range(rounds):
            for q in QUESTIONS:
                t = time.perf_counter()
                r.ask(q, top_k=5, mode=mode)
                times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out[f"ask {mode} p50"] = pct(times, 50)
        out[f"ask {mode} p95"] = pct(times, 95)
    return out


def phase_table(p: PhaseResult) -> list[str]:
    lines = ["| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for ep in [None, "POST /ask", "GET /health", "GET /documents"]:
        lat = p.latencies(ep)
        n = sum(1 for s in p.samples if ep is None or s.endpoint == ep)
        errs = sum(1 for s in p.samples if not s.ok and (ep is None or s.endpoint == ep))
        lines.append(f"| {ep or '**all**'} | {n} | {errs} | {pct(lat, 50):.1f} | {pct(lat, 95):.1f} | "
                     f"{pct(lat, 99):.1f} | {max(lat) if lat else float('nan'):.1f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--index", type=Path, help="an existing index dir")
    src.add_argument("--plans", type=Path, help="plan files/dir to index first (in a temp dir)")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--rate", type=float, default=160.0, help="paced phase total rate, req/s")
    ap.add_argument("--requests", type=int, default=3000, help="requests per phase (upper bound)")
    ap.add_argument("--max-seconds", type=float, default=40.0, help="time bound per phase")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "api.md")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="planqa-load-"))
    index_dir = args.index
    if index_dir is None:
        sys.path.insert(0, str(REPO))
        from index import build_index

        index_dir = tmp / "idx"
        print(f"building index of {args.plans} …", flush=True)
        build_index([args.plans], index_dir, progress=False)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = tmp / "server.log"
    proc = start_server(index_dir, port, server_log)
    try:
        wait_ready(base, proc)
        health = httpx.get(base + "/health").json()
        asyncio.run(saturate(port, args.clients, 200, 10))  # warm-up, not reported
        print(f"paced phase: {args.rate:.0f} req/s, {args.clients} clients …", flush=True)
        p1 = asyncio.run(paced(port, args.clients, args.rate, args.requests, args.max_seconds))
        print(f"saturation phase: {args.clients} clients …", flush=True)
        p2 = asyncio.run(saturate(port, args.clients, args.requests, args.max_seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    print("profiling Retriever.ask in-process …", flush=True)
    prof = profile_retriever(index_dir, rounds=5)

    ask50 = pct(p1.latencies("POST /ask"), 50)
    ask95 = pct(p1.latencies("POST /ask"), 95)
    all50, all95 = pct(p1.latencies(), 50), pct(p1.latencies(), 95)
    achieved = len(p1.samples) / p1.seconds if p1.seconds else 0.0
    max_rps = len(p2.samples) / p2.seconds if p2.seconds else 0.0
    targets = [
        ("clients", f"{args.clients}", args.clients >= 32),
        ("errors (both phases)", f"{p1.error_count + p2.error_count}", p1.error_count + p2.error_count == 0),
        ("p50 ≤ 10 ms (paced, all requests)", f"{all50:.1f} ms", all50 <= 10),
        ("p95 ≤ 25 ms (paced, all requests)", f"{all95:.1f} ms", all95 <= 25),
        ("≥ 150 req/s (paced achieved)", f"{achieved:.0f} req/s", achieved >= 150),
        ("max throughput (saturation)", f"{max_rps:.0f} req/s", max_rps >= 150),
    ]
    md = [
        "# API load test",
        "",
        f"`python benchmarks/load_api.py` — {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; uvicorn (1 worker) in a subprocess on "
        f"loopback, rate limit off. Index: {health['document_count']} plans, {health['clause_count']} clauses, "
        f"model `{health['model']}`. Mix: 80% `POST /ask` (12 questions, top_k=5), 10% `/health`, "
        "10% `/documents`. Client: raw asyncio HTTP/1.1 keep-alive connections in this process (it shares the CPUs with the server).",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *[f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in targets],
        "",
        f"## Paced: {args.rate:.0f} req/s scheduled, {args.clients} clients, {len(p1.samples)} requests "
        f"in {p1.seconds:.1f} s ({achieved:.0f} req/s achieved)",
        "",
        "Latency from the scheduled send time (includes any queueing).",
        "",
        *phase_table(p1),
        "",
        f"## Saturation: {args.clients} clients back to back, {len(p2.samples)} requests in {p2.seconds:.1f} s "
        f"({max_rps:.0f} req/s)",
        "",
        f"With every client always waiting, latency ≈ {args.clients} / throughput "
        f"= {1000 * args.clients / max_rps if max_rps else float('nan'):.0f} ms: this phase measures capacity, "
        "not the latency a user sees at the target rate.",
        "",
        *phase_table(p2),
        "",
        "## Where the time goes (in-process, no HTTP)",
        "",
        "| part | ms |",
        "|---|---:|",
        *[f"| `Retriever.{k}` | {v:.2f} |" for k, v in prof.items()],
        "",
        f"`POST /ask` p50 over HTTP (paced) is {ask50:.1f} ms against {prof['ask hybrid p50']:.1f} ms for "
        f"`Retriever.ask` alone: HTTP + JSON + validation add ≈ {max(0.0, ask50 - prof['ask hybrid p50']):.1f} ms; "
        f"`/ask` p95 is {ask95:.1f} ms.",
        "",
        f"Caveat: the mix repeats {len(QUESTIONS)} questions, so after the first pass retrieval's per-question "
        "caches are warm. The in-process p95 above includes each question's first, cold ask "
        f"({prof['ask hybrid p95']:.0f} ms): a stream of never-seen questions would sit nearer that figure.",
    ]
    if p1.errors or p2.errors:
        md += ["", "## Errors", "", *[f"- {k}: {v}" for k, v in {**p1.errors, **p2.errors}.items()]]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    print(f"\nwritten to {args.out}; server log: {server_log}")
    return 0 if all(ok for _, _, ok in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
