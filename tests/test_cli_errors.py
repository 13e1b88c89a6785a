"""Every command's failure paths, run as the real `planqa` console command.

Each must end with ONE line on stderr ("planqa: …"), no traceback, no library
log lines, and the exit code of its kind: 2 for bad input (plan folder, plan
file, gold file, token), 1 when the command could not do its job (index,
model, port). planqa/cli.py's USER_ERRORS is the one place that decides this.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from fake_bot_api import FakeBotApi

REPO = Path(__file__).resolve().parent.parent
PLANQA = Path(sys.executable).with_name("planqa")


def planqa(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The installed console script, importing this checkout's code."""
    full = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    full.pop("TELEGRAM_BOT_TOKEN", None)  # only what the test gives
    full.update(env or {})
    return subprocess.run([str(PLANQA), *args], capture_output=True, text=True, env=full, timeout=timeout)


def assert_one_line_error(out: subprocess.CompletedProcess, code: int, *phrases: str) -> str:
    err = out.stderr
    assert out.returncode == code, (out.returncode, err[-2000:])
    assert err.endswith("\n") and err.count("\n") == 1, err[-2000:]
    assert err.startswith("planqa: ") and "Traceback" not in err
    for phrase in phrases:
        assert phrase in err, err
    return err


@pytest.fixture()
def taken_port():
    """A port some other process already listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield s.getsockname()[1]


# ---------------------------------------------------------------- parse / index


def test_parse_missing_plan_folder_is_bad_input(tmp_path):
    out = planqa("parse", str(tmp_path / "no-such-folder"))
    assert_one_line_error(out, 2, "no-such-folder", "no such file or folder")


def test_parse_unreadable_plan_names_the_file(tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    out = planqa("parse", str(bad))
    assert_one_line_error(out, 1, "ke-hoach.docx", "not a readable DOCX")


def test_index_missing_plan_folder_is_bad_input_and_writes_nothing(tmp_path):
    out = planqa("index", str(tmp_path / "no-such-folder"), "--index", str(tmp_path / "idx"), "--quiet")
    assert_one_line_error(out, 2, "no-such-folder")
    assert not (tmp_path / "idx").exists()


def test_index_with_only_unreadable_plans_fails_and_writes_nothing(tmp_path):
    bad = tmp_path / "plans" / "ke-hoach.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"not a pdf at all")
    out = planqa("index", str(bad.parent), "--index", str(tmp_path / "idx"), "--quiet")
    assert_one_line_error(out, 1, "no plans to index", "ke-hoach.pdf")
    assert not (tmp_path / "idx").exists()


def test_index_with_a_model_not_on_disk_fails_in_one_line(tmp_path, plans_dir):
    out = planqa("index", str(plans_dir), "--index", str(tmp_path / "idx"), "--quiet",
                 "--model", str(tmp_path / "no-such-model"))
    assert_one_line_error(out, 1, "no-such-model")
    assert not (tmp_path / "idx").exists()


# ---------------------------------------------------------------- ask / eval


def test_ask_with_another_model_than_the_index_says_rebuild(sample_index):
    out = planqa("ask", "Ai chủ trì chỉ tiêu BHYT?", "--index", str(sample_index), "--model", "other/model")
    assert_one_line_error(out, 1, "other/model", "rebuild")


def test_ask_on_missing_index_says_how_to_build_one(tmp_path):
    out = planqa("ask", "Ai chủ trì chỉ tiêu BHYT?", "--index", str(tmp_path / "none"))
    assert_one_line_error(out, 1, "planqa index")


def test_ask_on_a_broken_index_fails_in_one_line(tmp_path, sample_index):
    broken = tmp_path / "idx"
    broken.mkdir()
    (broken / "manifest.json").write_text("{not json", encoding="utf-8")
    out = planqa("ask", "Ai chủ trì chỉ tiêu BHYT?", "--index", str(broken))
    assert_one_line_error(out, 1, str(broken))


def test_eval_malformed_gold_file_is_bad_input_with_its_line(tmp_path, sample_index):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "question": "Ai chủ trì?"}) + "\n{broken\n", encoding="utf-8")
    out = planqa("eval", str(gold), "--index", str(sample_index))
    assert_one_line_error(out, 2, "gold.jsonl:")


def test_eval_on_missing_index_fails_in_one_line(tmp_path):
    gold = REPO / "eval" / "gold.jsonl"
    out = planqa("eval", str(gold), "--index", str(tmp_path / "none"))
    assert_one_line_error(out, 1, "planqa index")


# ---------------------------------------------------------------- serve / bot


def test_serve_on_missing_index_fails_before_opening_a_port(tmp_path):
    out = planqa("serve", "--index", str(tmp_path / "none"))
    assert_one_line_error(out, 1, "no index at", "planqa index")


def test_serve_on_a_port_in_use_says_so(sample_index, taken_port):
    out = planqa("serve", "--index", str(sample_index), "--port", str(taken_port))
    assert_one_line_error(out, 1, f"port {taken_port}", "already in use")


def test_bot_without_token_is_bad_input(tmp_path):
    out = planqa("bot", "--index", str(tmp_path / "none"))
    assert_one_line_error(out, 2, "TELEGRAM_BOT_TOKEN is not set")


def test_bot_on_missing_index_prints_no_loader_logs_and_not_the_token(tmp_path):
    token = "42:some-token"
    out = planqa("bot", "--index", str(tmp_path / "none"), env={"TELEGRAM_BOT_TOKEN": token})
    err = assert_one_line_error(out, 1, "no index at")
    assert "faiss" not in err and token not in out.stdout + err


def test_bot_with_rejected_token_is_bad_input_without_printing_it(sample_index):
    wrong = "42:this-token-is-wrong"
    with FakeBotApi() as api:
        out = planqa("bot", "--index", str(sample_index),
                     env={"TELEGRAM_BOT_TOKEN": wrong, "TELEGRAM_API_BASE_URL": api.base_url})
        assert api.rejected[:1] == ["getMe"]
    assert_one_line_error(out, 2, "Telegram rejected TELEGRAM_BOT_TOKEN")
    assert wrong not in out.stdout + out.stderr


def test_bot_webhook_on_a_port_in_use_says_so(sample_index, taken_port):
    with FakeBotApi() as api:
        out = planqa("bot", "--index", str(sample_index), "--webhook-url", "https://example.org/hook",
                     "--port", str(taken_port),
                     env={"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url})
        assert not api.calls_since(0, "setWebhook")  # Telegram was never pointed at a dead URL
    assert_one_line_error(out, 1, f"port {taken_port}", "already in use")


# ---------------------------------------------------------------- PostgreSQL back end


def test_ask_on_an_unreachable_database_fails_in_one_line():
    out = planqa("ask", "Ai chủ trì chỉ tiêu BHYT?", "--dsn", "postgresql://nobody@127.0.0.1:1/planqa")
    err = assert_one_line_error(out, 1, "cannot connect to PostgreSQL")
    assert "psycopg" not in err


def test_ask_with_both_index_and_dsn_is_bad_input(tmp_path):
    out = planqa("ask", "Ai chủ trì?", "--index", str(tmp_path), "--dsn", "postgresql://x@127.0.0.1:1/y")
    assert_one_line_error(out, 2, "not both")


def test_db_status_without_a_server_folder_says_how_to_create_one(tmp_path):
    out = planqa("db", "status", "--dir", str(tmp_path / "no-db"))
    assert_one_line_error(out, 1, "planqa db start")


# ---------------------------------------------------------------- model


def test_model_build_into_an_unwritable_cache_fails_in_one_line():
    out = planqa("model", "build", env={"PLANQA_MODEL_CACHE": "/proc/planqa-no-such-cache"})
    assert_one_line_error(out, 1, "/proc/planqa-no-such-cache")


# ---------------------------------------------------------------- ranker: eval --ranker, train, ablate


def test_eval_with_a_malformed_ranker_file_fails_in_one_line(tmp_path, sample_index):
    ranker = tmp_path / "ranker.json"
    ranker.write_text("{not json", encoding="utf-8")
    out = planqa("eval", str(REPO / "eval" / "gold.jsonl"), "--index", str(sample_index),
                 "--ranker", str(ranker), "--no-window")
    assert_one_line_error(out, 1, "ranker.json")


@pytest.mark.parametrize("command", ["train", "ablate"])
def test_training_commands_on_missing_index_fail_in_one_line(command, tmp_path):
    out = planqa(command, str(REPO / "eval" / "gold.jsonl"), "--index", str(tmp_path / "none"))
    assert_one_line_error(out, 1, "planqa index")
