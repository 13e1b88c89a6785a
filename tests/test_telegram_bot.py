"""The Telegram bot, end to end: the real python-telegram-bot Application talking HTTP
to a fake Bot API server (tests/fake_bot_api.py), answering from a real index of the
sample plans. Nothing inside PTB or retrieval is mocked.
"""
from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.telegram import RateLimit, TelegramTokenError, build_application, run_bot, serve_webhook
from retrieval import IndexLoadError
from bot.telegram_format import (
    ERROR_TEXT,
    MESSAGE_LIMIT,
    answer_blocks,
    clause_blocks,
    pack_blocks,
    split_html,
)
from fake_bot_api import (
    FakeBotApi,
    group_chat,
    parse_telegram_html,
    private_chat,
    user,
    utf16_len,
)

# PTB's own RetryAfter constructor warns about its future int -> timedelta change
pytestmark = pytest.mark.filterwarnings("ignore:.*retry_after.*:DeprecationWarning")

BHYT = "Ai chủ trì chỉ tiêu BHYT?"
BHYT_FOLDED = "ai chu tri chi tieu bhyt"
OFF_TOPIC = "Giá vé máy bay đi Paris là bao nhiêu?"
LONG_QUESTION = "Phòng Văn hóa - Xã hội được giao những nhiệm vụ gì?"


@contextlib.asynccontextmanager
async def running_bot(api: FakeBotApi, retriever, **kwargs):
    """Start the bot the way `run_polling` does, inside the test's event loop."""
    app = build_application(retriever, api.token, base_url=api.base_url, **kwargs)
    await app.initialize()
    await app.post_init(app)
    await app.start()
    await app.updater.start_polling(poll_interval=0.0, timeout=1)
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def assert_balanced(part: str) -> None:
    p = _Balance()
    p.feed(part)
    p.close()
    assert p.ok and not p.stack, part[:300]


def texts(calls) -> str:
    """What the user sees: the plain text Telegram made of the HTML messages."""
    return "\n".join(c.result["text"] for c in calls)


def plain(s: str) -> str:
    return " ".join(s.split())


def buttons(call) -> dict[str, str]:
    kb = call.params.get("reply_markup", {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in kb for b in row}


async def say(api: FakeBotApi, chat: dict, who: dict, text: str):
    mark = api.mark()
    api.send_text(chat, who, text)
    return mark


# --- the full conversation -------------------------------------------------------------


def test_full_chat_answers_cites_pages_scopes_survives_faults_and_restarts(
    retriever, tmp_path: Path, caplog
):
    caplog.set_level(logging.DEBUG)
    asyncio.run(_full_chat(retriever, tmp_path / "bot.pickle"))
    assert FakeBotApi().token not in caplog.text  # the token never reaches a log line


async def _full_chat(retriever, state: Path) -> None:
    lan = user(501, "Lan")
    dm = private_chat(lan)
    with FakeBotApi() as api:
        async with running_bot(api, retriever, persistence_path=state):
            # the command menu is published at start-up
            cmds = await api.wait_for(lambda: api.calls_since(0, "setMyCommands"))
            assert {c["command"] for c in cmds[0].params["commands"]} >= {"start", "help", "xa", "kehoach"}

            # /start greets in Vietnamese with example questions
            mark = await say(api, dm, lan, "/start")
            (hello,) = await api.wait_sent(mark, dm["id"])
            assert "Ví dụ" in hello.result["text"] and BHYT in hello.result["text"]

            # a question with diacritics: answer + citations + buttons, typing shown first
            mark = await say(api, dm, lan, BHYT)
            reply = await api.wait_reply_with_buttons(mark, dm["id"])
            assert api.calls_since(mark, "sendChatAction")
            expected = retriever.ask(BHYT, top_k=5)
            assert expected.found
            shown = plain(texts(reply))
            assert plain(expected.answer) in shown
            first = expected.results[0].citation
            assert f"[1] {first.document or first.source}" in shown
            assert f"dòng {first.lines[0]}" in shown
            kb = buttons(reply[-1])
            assert "Xem nguyên văn [1]" in kb and "Thêm kết quả" in kb
            assert all(len(d.encode()) <= 64 for d in kb.values())

            # typed without diacritics it is still answered, with the retriever's citations
            mark = await say(api, dm, lan, BHYT_FOLDED)
            folded = await api.wait_reply_with_buttons(mark, dm["id"])
            bare = retriever.ask(BHYT_FOLDED, top_k=5)
            assert bare.found and plain(bare.answer) in plain(texts(folded))
            top = bare.results[0].citation
            assert f"[1] {top.document or top.source}" in plain(texts(folded))
            assert f"dòng {top.lines[0]}" in texts(folded)

            # a question the plans do not cover is said to be not covered, without buttons
            assert not retriever.ask(OFF_TOPIC, top_k=5).found
            mark = await say(api, dm, lan, OFF_TOPIC)
            (nothing,) = await api.wait_sent(mark, dm["id"])
            assert "không đề cập" in nothing.result["text"] and OFF_TOPIC in nothing.result["text"]
            assert "reply_markup" not in nothing.params

            # "Xem nguyên văn" sends the clause verbatim with its section path
            mark = api.mark()
            api.click(reply[-1].result, lan, kb["Xem nguyên văn [1]"])
            (src,) = await api.wait_sent(mark, dm["id"])
            assert api.calls_since(mark, "answerCallbackQuery")
            view = retriever.clause(first.clause_id)
            body = plain(src.result["text"])
            assert plain(view.result.text) in body
            for heading in view.section_path:
                assert plain(heading) in body

            # "Thêm kết quả" sends results 6-10 and drops its own button from the first page
            mark = api.mark()
            api.click(reply[-1].result, lan, kb["Thêm kết quả"])
            page2 = await api.wait_reply_with_buttons(mark, dm["id"])
            nxt = retriever.ask(BHYT, top_k=5, offset=5)
            assert "Kết quả 6–" in page2[0].result["text"]
            assert f"dòng {nxt.results[0].citation.lines[0]}" in texts(page2)
            assert "Xem nguyên văn [6]" in buttons(page2[-1])
            edit = await api.wait_for(lambda: api.calls_since(mark, "editMessageReplyMarkup"))
            assert "Thêm kết quả" not in str(edit[0].params.get("reply_markup"))

            # /xa with a name no plan has is refused, listing the communes that do
            mark = await say(api, dm, lan, "/xa Hoàn Kiếm")
            (refused,) = await api.wait_sent(mark, dm["id"])
            assert "Không có kế hoạch nào" in refused.result["text"]
            assert "An Hưng" in refused.result["text"]

            # /xa An Hưng scopes the following answers to that commune
            mark = await say(api, dm, lan, "/xa An Hưng")
            (ok,) = await api.wait_sent(mark, dm["id"])
            assert "An Hưng" in ok.result["text"]
            mark = await say(api, dm, lan, "Tỷ lệ dân số tham gia BHYT đến năm 2030 là bao nhiêu?")
            scoped = await api.wait_reply_with_buttons(mark, dm["id"])
            heads = [ln for ln in texts(scoped).splitlines() if re.match(r"\[\d+\] ", ln)]
            assert heads and all("An Hưng" in ln for ln in heads), heads
            assert "Phạm vi: xã An Hưng" in texts(scoped) or "Phạm vi: An Hưng" in texts(scoped)

            # /xa alone shows the choice with a clear button; the button clears it
            mark = await say(api, dm, lan, "/xa")
            (cur,) = await api.wait_sent(mark, dm["id"])
            assert "An Hưng" in cur.result["text"]
            mark = api.mark()
            api.click(cur.result, lan, buttons(cur)["Bỏ chọn xã/phường"])
            edited = await api.wait_for(lambda: api.calls_since(mark, "editMessageText"))
            assert "Đã bỏ chọn" in edited[0].result["text"]
            mark = await say(api, dm, lan, "/xa")
            (none,) = await api.wait_sent(mark, dm["id"])
            assert "Chưa chọn" in none.result["text"]

            # an unknown command gets a pointer to /help
            mark = await say(api, dm, lan, "/thoitiet")
            (unknown,) = await api.wait_sent(mark, dm["id"])
            assert "/help" in unknown.result["text"]

            # stickers, photos and voice get a friendly text-only notice
            for send in (api.send_sticker, api.send_photo, api.send_voice):
                mark = api.mark()
                send(dm, lan)
                (notice,) = await api.wait_sent(mark, dm["id"])
                assert "chỉ đọc được câu hỏi bằng chữ" in notice.result["text"]

            # an edited message is answered again, quoting the edit
            mark = api.mark()
            original = api.send_text(dm, lan, "Ai chủ trì chỉ tiêu thu ngân sách?")
            await api.wait_reply_with_buttons(mark, dm["id"])
            mark = api.mark()
            api.edit_text(original, BHYT)
            again = await api.wait_reply_with_buttons(mark, dm["id"])
            assert again[0].params["reply_parameters"]["message_id"] == original["message_id"]
            assert f"[1] {first.document or first.source}" in plain(texts(again))

            # groups: silence unless addressed; an @mention is stripped from the question
            team = group_chat(-100777)
            mark = api.mark()
            api.send_text(team, lan, BHYT)
            addressed = api.send_text(team, lan, f"@planqa_test_bot {BHYT}")
            group_reply = await api.wait_reply_with_buttons(mark, team["id"])
            to = {c.params["reply_parameters"]["message_id"] for c in group_reply
                  if "reply_parameters" in c.params}
            assert to == {addressed["message_id"]}
            assert f"[1] {first.document or first.source}" in plain(texts(group_reply))
            await asyncio.sleep(0.3)
            assert len([c for c in api.calls_since(mark, "sendMessage")
                        if c.params["chat_id"] == team["id"]]) == len(group_reply)
            mark = await say(api, team, lan, "/hoi@planqa_test_bot " + BHYT)
            await api.wait_reply_with_buttons(mark, team["id"])

            # Telegram flood control (429 retry_after) on a reply: waited out, then delivered
            api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
            mark = await say(api, dm, lan, "/kehoach")
            (plans,) = await api.wait_sent(mark, dm["id"])
            sends = api.calls_since(mark, "sendMessage")
            assert sends[0].error["error_code"] == 429
            assert plans.at - sends[0].at >= 1.0
            for doc in retriever.documents():
                assert doc.source in plans.result["text"]

            # a 500 on a reply and a 500 on getUpdates: the bot carries on
            api.fail_next("sendMessage", 500, "Internal Server Error")
            mark = await say(api, dm, lan, "/help")
            (helped,) = await api.wait_sent(mark, dm["id"])
            assert "/xa" in helped.result["text"]
            api.fail_next("getUpdates", 500, "Internal Server Error")
            await api.wait_for(lambda: any(c.error for c in api.calls_since(mark, "getUpdates")))
            mark = await say(api, dm, lan, BHYT)
            await api.wait_reply_with_buttons(mark, dm["id"])

            # the choice of commune is saved before the restart
            mark = await say(api, dm, lan, "/xa xã An Hưng")
            await api.wait_sent(mark, dm["id"])

        # restart on the same persistence file (now with 20 results a page): /xa is remembered
        async with running_bot(api, retriever, persistence_path=state, top_k=20):
            mark = await say(api, dm, lan, "/xa")
            (kept,) = await api.wait_sent(mark, dm["id"])
            assert "An Hưng" in kept.result["text"]
            mark = await say(api, dm, lan, "/xa xoa")
            (cleared,) = await api.wait_sent(mark, dm["id"])
            assert "Đã bỏ chọn" in cleared.result["text"]

            # an answer far over 4,096 characters goes out as several valid HTML messages
            mark = await say(api, dm, lan, LONG_QUESTION)
            parts = await api.wait_reply_with_buttons(mark, dm["id"])
            assert_split_reply(parts, retriever.ask(LONG_QUESTION, top_k=20))

        errors = [c for c in api.calls if c.error]
        assert [e.error["error_code"] for e in errors] == [429, 500, 500]
        assert not [c for c in api.calls if c.method == "sendMessage"
                    and c.params.get("text") == ERROR_TEXT]


def assert_split_reply(parts, resp) -> None:
    """Several messages, each within Telegram's limit and balanced, nothing lost."""
    raw = [c.params["text"] for c in parts]
    assert len(raw) >= 2 and sum(utf16_len(r) for r in raw) > 5000
    for r in raw:
        assert utf16_len(r) <= MESSAGE_LIMIT
        assert_balanced(r)
    assert [bool(c.params.get("reply_markup")) for c in parts] == [False] * (len(parts) - 1) + [True]
    whole = parse_telegram_html("\n\n".join(answer_blocks(resp, None)))
    assert plain(texts(parts)) == plain(whole)
    for n in range(1, len(resp.results) + 1):
        assert f"[{n}] " in whole


# --- message splitting -----------------------------------------------------------------


def test_split_html_cuts_real_clause_into_balanced_parts_without_losing_text(retriever):
    resp = retriever.ask(LONG_QUESTION, top_k=20)
    longest = max(resp.results, key=lambda r: len(r.text))
    rendered = "\n\n".join(clause_blocks(retriever.clause(longest.citation.clause_id)))
    assert "<blockquote>" in rendered and len(longest.text) > 400
    parts = split_html(rendered, limit=300)
    assert len(parts) >= 3
    for part in parts:
        assert utf16_len(part) <= 300
        assert_balanced(part)
        parse_telegram_html(part)  # no cut tag or entity
    assert plain(" ".join(parse_telegram_html(p) for p in parts)) == plain(
        parse_telegram_html(rendered)
    )
    # a cut inside the quote closes it and reopens it in the next part (whichever long clause ranks here)
    continued = [(a, b) for a, b in zip(parts, parts[1:]) if "<blockquote>" in a and b.startswith("<blockquote>")]
    assert continued and all(a.endswith("</blockquote>") for a, _ in continued)


def test_split_html_prefers_paragraph_then_line_boundaries():
    para = "Đoạn một có vài câu & ký tự <đặc biệt>."
    text = "\n\n".join(html.escape(f"{para} {i}") for i in range(40))
    parts = split_html(text, limit=200)
    assert all(p.endswith(tuple("0123456789")) for p in parts), parts  # whole paragraphs
    assert plain(" ".join(parse_telegram_html(p) for p in parts)) == plain(
        parse_telegram_html(text)
    )


def test_pack_blocks_fills_messages_and_splits_only_oversize_blocks(retriever):
    resp = retriever.ask(LONG_QUESTION, top_k=20)
    blocks = answer_blocks(resp, None)
    parts = pack_blocks(blocks)
    assert len(parts) >= 2
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
    # every block that fits a message stays whole in one message
    for b in blocks:
        if utf16_len(b) <= MESSAGE_LIMIT:
            assert any(b in p for p in parts)


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120).map(html.escape)
_inline = st.builds(lambda t, b: f"<{t}>{b}</{t}>", st.sampled_from(["b", "i", "code"]), _text)
_block = st.one_of(
    _text,
    _inline,
    st.builds(lambda parts: f"<blockquote>{''.join(parts)}</blockquote>",
              st.lists(st.one_of(_text, _inline), max_size=6)),
    st.builds(lambda parts: "\n".join(parts), st.lists(_text, max_size=8)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_block, min_size=1, max_size=12), st.integers(min_value=60, max_value=500))
def test_split_html_parts_always_fit_balance_and_keep_every_character(blocks, limit):
    text = "\n\n".join(blocks)
    parts = split_html(text, limit=limit)
    for part in parts:
        assert utf16_len(part) <= limit
        assert_balanced(part)
        parse_telegram_html(part)
    squash = lambda s: "".join(s.split())  # noqa: E731 - cuts may drop the whitespace they cut at
    assert squash("".join(parse_telegram_html(p) for p in parts)) == squash(parse_telegram_html(text))


# --- rate limit, webhook, start-up errors ---------------------------------------------


def test_rate_limit_answers_up_to_the_limit_then_warns_once_and_stays_quiet(retriever):
    async def scenario() -> None:
        hoa = user(601, "Hoa")
        dm = private_chat(hoa)
        with FakeBotApi() as api:
            async with running_bot(api, retriever, rate_limit=RateLimit(questions=3, period=60)):
                mark = api.mark()
                for i in range(6):
                    api.send_text(dm, hoa, f"{BHYT_FOLDED} {i}")
                await api.wait_for(lambda: len([
                    c for c in api.calls_since(mark, "sendMessage") if c.params.get("reply_markup")
                ]) >= 3)
                await asyncio.sleep(0.5)
                sent = api.calls_since(mark, "sendMessage")
                answers = [c for c in sent if c.params.get("reply_markup")]
                warnings = [c for c in sent if "hỏi hơi nhanh" in c.result["text"]]
                assert len(answers) == 3 and len(warnings) == 1
                assert re.search(r"đợi khoảng \d+ giây", warnings[0].result["text"])
                # another user is not affected
                mai = user(602, "Mai")
                mark = await say(api, private_chat(mai), mai, BHYT)
                await api.wait_reply_with_buttons(mark, mai["id"])

    asyncio.run(scenario())


def test_failed_reply_is_logged_and_user_gets_an_apology_without_internals(retriever, caplog):
    async def scenario() -> None:
        hoa = user(611, "Hoa")
        dm = private_chat(hoa)
        with FakeBotApi() as api:
            async with running_bot(api, retriever):
                api.fail_next("sendMessage", 400, "Bad Request: chat not found")
                mark = await say(api, dm, hoa, BHYT)
                (apology,) = await api.wait_sent(mark, dm["id"])
                assert apology.result["text"] == ERROR_TEXT
                assert "not found" not in apology.result["text"].lower()
                # and the bot keeps answering
                mark = await say(api, dm, hoa, BHYT)
                await api.wait_reply_with_buttons(mark, dm["id"])

    caplog.set_level(logging.ERROR, logger="bot.telegram")
    asyncio.run(scenario())
    assert "chat not found" in caplog.text.lower()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode_registers_a_secret_and_answers_only_signed_posts(retriever):
    async def scenario() -> None:
        port = _free_port()
        lan = user(701, "Lan")
        dm = private_chat(lan)
        with FakeBotApi() as api:
            app = build_application(retriever, api.token, base_url=api.base_url)
            stop = asyncio.Event()
            server = asyncio.create_task(
                serve_webhook(app, "https://bot.example.vn/tg/hook", "127.0.0.1", port, stop)
            )
            hook = await api.wait_for(lambda: api.calls_since(0, "setWebhook"))
            secret = hook[0].params["secret_token"]
            assert hook[0].params["url"] == "https://bot.example.vn/tg/hook" and len(secret) >= 32
            update = {"update_id": 1, "message": {
                "message_id": 5, "date": int(time.time()), "chat": dm, "from": lan, "text": BHYT}}
            async with httpx.AsyncClient() as http:
                url = f"http://127.0.0.1:{port}/tg/hook"
                for _ in range(100):  # until uvicorn listens
                    with contextlib.suppress(httpx.ConnectError):
                        forged = await http.post(url, json=update)
                        break
                    await asyncio.sleep(0.05)
                assert forged.status_code == 403
                mark = api.mark()
                signed = await http.post(
                    url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret})
                assert signed.status_code == 200
                reply = await api.wait_reply_with_buttons(mark, dm["id"])
                assert "[1] " in texts(reply)
                assert not api.calls_since(0, "getUpdates")
            assert api.calls_since(0, "setMyCommands")
            stop.set()
            await asyncio.wait_for(server, 10)

    asyncio.run(scenario())


def test_run_bot_without_token_raises_token_error_before_loading_anything(monkeypatch, tmp_path):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    with pytest.raises(TelegramTokenError, match="TELEGRAM_BOT_TOKEN"):
        run_bot(tmp_path / "no-index")


def test_run_bot_with_missing_index_raises_the_retrieval_error_without_the_token(monkeypatch, tmp_path):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "42:some-token")
    with pytest.raises(IndexLoadError) as err:
        run_bot(tmp_path / "no-index")
    assert "no-index" in str(err.value) and "42:some-token" not in str(err.value)


def test_run_bot_with_rejected_token_raises_token_error_without_printing_it(
    monkeypatch, capsys, caplog, sample_index
):
    wrong = "42:this-token-is-wrong"
    with FakeBotApi() as api:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", wrong)
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
        caplog.set_level(logging.DEBUG)
        with pytest.raises(TelegramTokenError) as err:
            run_bot(sample_index)
        assert api.rejected[:1] == ["getMe"] and api.calls == []  # went to TELEGRAM_API_BASE_URL
    assert "rejected" in str(err.value) and wrong not in str(err.value)
    assert wrong not in capsys.readouterr().err
    assert wrong not in caplog.text


def test_run_bot_polls_answers_and_stops_on_sigint_without_logging_the_token(
    sample_index, tmp_path
):
    """The entry point the CLI calls, as a real process: env config, logging, signals."""
    import os
    import signal
    import subprocess
    import sys

    state = tmp_path / "bot.pickle"
    hoa = user(801, "Hoa")
    dm = private_chat(hoa)
    with FakeBotApi() as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token,
               "TELEGRAM_API_BASE_URL": api.base_url, "HF_HUB_OFFLINE": "1"}
        code = ("import sys; from pathlib import Path; from bot.telegram import run_bot; "
                "run_bot(Path(sys.argv[1]), persistence_path=Path(sys.argv[2]))")
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(sample_index), str(state)],
            cwd=Path(__file__).resolve().parent.parent, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            async def chat() -> None:
                await api.wait_for(lambda: api.calls_since(0, "getUpdates"), timeout=120)
                mark = await say(api, dm, hoa, "/xa An Hưng")
                await api.wait_sent(mark, dm["id"])
                mark = await say(api, dm, hoa, BHYT)
                reply = await api.wait_reply_with_buttons(mark, dm["id"])
                assert "[1] " in texts(reply) and "An Hưng" in texts(reply)

            asyncio.run(chat())
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert "Application started" in err  # logging is configured and visible
    assert api.token not in out + err
    assert state.exists()  # chat settings were flushed on shutdown
