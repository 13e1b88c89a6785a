"""Telegram front end: python-telegram-bot handlers that only call `retrieval`.

All handlers are registered in `build_application`; message layout lives in
`bot.telegram_format`. Retrieval runs in a worker thread so one slow question
never stalls the event loop (and with it every other chat).
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import time
import warnings
from collections import deque
from dataclasses import dataclass
from html import escape
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)

from bot.net import bind
from bot.telegram_format import (
    EMPTY_QUESTION_TEXT,
    ERROR_TEXT,
    NON_TEXT_TEXT,
    START_TEXT,
    answer_blocks,
    clause_blocks,
    documents_blocks,
    pack_blocks,
    rate_limited_text,
)
from retrieval.contract import AskResponse
from retrieval.query import fold_words, locality_choices

log = logging.getLogger(__name__)

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"
BASE_URL_ENV = "TELEGRAM_API_BASE_URL"
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
MAX_RETRY_AFTER = 60.0  # longer flood waits are not worth holding a handler for
REMEMBERED_ANSWERS = 100  # per chat, for the inline buttons
TRACKED_USERS = 10_000  # users the rate limiter remembers before it forgets those idle for a whole window
CLEAR_WORDS = {"xoa", "clear", "bo", "huy", "tat", "off"}

Ctx = ContextTypes.DEFAULT_TYPE


@dataclass(frozen=True)
class RateLimit:
    """At most `questions` questions per `period` seconds for each user."""

    questions: int = 10
    period: float = 60.0


class RateLimiter:
    """Sliding-window limiter; warns a user once per full window, then stays quiet."""

    def __init__(self, limit: RateLimit, clock=time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._hits: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def hit(self, user_id: int) -> tuple[bool, float, bool]:
        """Record a question; returns (allowed, seconds to wait, should warn)."""
        now = self._clock()
        if len(self._hits) > TRACKED_USERS:  # forget users idle for a whole window
            self._hits = {u: h for u, h in self._hits.items() if h and h[-1] > now - self.limit.period}
        q = self._hits.setdefault(user_id, deque())
        while q and q[0] <= now - self.limit.period:
            q.popleft()
        if len(q) < self.limit.questions:
            q.append(now)
            return True, 0.0, False
        wait = q[0] + self.limit.period - now
        warn = self._warned.get(user_id, float("-inf")) < q[0]
        if warn:
            self._warned[user_id] = now
        return False, wait, warn


def retry_after_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns about int vs timedelta here
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class _TokenFilter(logging.Filter):
    """Replaces the bot token in any log record passing through a handler."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        if self.token in msg:
            record.msg, record.args = msg.replace(self.token, "<TOKEN>"), None
        if record.exc_info and record.exc_info[1] and self.token in str(record.exc_info[1]):
            record.exc_info, record.exc_text = None, None
        return True


def _protect_token(token: str) -> None:
    """Keep the token out of logs: httpx logs request URLs at INFO and PTB logs its
    API URL at DEBUG, both containing the token. Logger filters only see records of
    their own logger, so every telegram/httpx logger gets one."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    names = [n for n in logging.Logger.manager.loggerDict if n.split(".")[0] in _TOKEN_LOGGERS]
    for name in {*names, *_TOKEN_LOGGERS, "telegram.Bot", "telegram.ext.ExtBot"}:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _TokenFilter) and f.token == token for f in logger.filters):
            logger.addFilter(_TokenFilter(token))


_TOKEN_LOGGERS = ("telegram", "httpx", "httpcore")


def _file_url(base_url: str) -> str:
    return base_url[: -len("/bot")] + "/file/bot" if base_url.endswith("/bot") else base_url


class _PlanBot:
    """The handlers, bound to one retriever."""

    def __init__(self, retriever: Any, top_k: int, rate_limit: RateLimit) -> None:
        self.retriever = retriever
        self.top_k = top_k
        self.limiter = RateLimiter(rate_limit)

    # --- retrieval (in a worker thread) ------------------------------------------------

    async def _call(self, fn, *args, **kwargs):
        """Run a retrieval call in a worker thread, unlocked: `Retriever` is safe to call
        from many threads at once (its contract), so chats do not queue behind each other."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def _ask(self, question: str, locality: str | None, offset: int) -> AskResponse:
        return await self._call(
            self.retriever.ask, question, top_k=self.top_k, locality=locality, offset=offset
        )

    async def _localities(self) -> list[tuple[str, str]]:
        """(value passed to ask, label shown) for every locality with a plan."""
        seen: dict[str, tuple[str, str]] = {}
        for d in await self._call(self.retriever.documents):
            loc = d.locality
            name = loc.name or loc.label
            if name:
                seen.setdefault(fold_words(name), (name, loc.label or name))
        return sorted(seen.values(), key=lambda p: fold_words(p[0]))

    # --- sending -----------------------------------------------------------------------

    async def _send(self, ctx: Ctx, chat_id: int, text: str, **kwargs: Any) -> Message:
        """send_message that waits out flood control and retries one network failure."""
        floods, network_retried = 0, False
        while True:
            try:
                return await ctx.bot.send_message(chat_id, text, **kwargs)
            except RetryAfter as exc:
                floods += 1
                wait = retry_after_seconds(exc)
                if wait > MAX_RETRY_AFTER or floods > 3:
                    raise
                log.warning("Telegram flood control: waiting %.0f s before resending", wait)
                await asyncio.sleep(wait)
            except BadRequest:  # our request is wrong; resending will not help
                raise
            except NetworkError as exc:  # includes TimedOut and 5xx answers
                if network_retried:
                    raise
                network_retried = True
                log.warning("Telegram send failed (%s); retrying once", exc)
                await asyncio.sleep(1.0)

    async def _send_blocks(
        self,
        ctx: Ctx,
        chat_id: int,
        blocks: list[str],
        reply_to: int | None = None,
        markup: InlineKeyboardMarkup | None = None,
    ) -> Message | None:
        """Send paragraphs as ≤4,096-char messages; buttons go under the last one."""
        parts = pack_blocks(blocks)
        last = None
        for i, part in enumerate(parts):
            kwargs: dict[str, Any] = {}
            if reply_to is not None and i == 0:
                kwargs["reply_parameters"] = ReplyParameters(
                    message_id=reply_to, allow_sending_without_reply=True
                )
            if markup is not None and i == len(parts) - 1:
                kwargs["reply_markup"] = markup
            last = await self._send(ctx, chat_id, part, **kwargs)
        return last

    async def _typing(self, ctx: Ctx, chat_id: int) -> None:
        try:
            await ctx.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # cosmetic only
            log.debug("send_chat_action failed: %s", exc)

    @staticmethod
    def _reply_target(update: Update) -> int | None:
        """Quote the question in groups and for edited messages, where context is unclear."""
        msg = update.effective_message
        chat = update.effective_chat
        if msg and chat and (chat.type != ChatType.PRIVATE or update.edited_message):
            return msg.message_id
        return None

    # --- commands ----------------------------------------------------------------------

    async def start(self, update: Update, ctx: Ctx) -> None:
        await self._send_blocks(ctx, update.effective_chat.id, [START_TEXT])

    async def plans(self, update: Update, ctx: Ctx) -> None:
        docs = await self._call(self.retriever.documents)
        await self._send_blocks(
            ctx, update.effective_chat.id, documents_blocks(docs), self._reply_target(update)
        )

    async def locality(self, update: Update, ctx: Ctx) -> None:
        chat_id = update.effective_chat.id
        arg = " ".join(ctx.args or []).strip()
        current = ctx.chat_data.get("locality")
        if not arg:
            if current:
                markup = InlineKeyboardMarkup(
                    [[InlineKeyboardButton("Bỏ chọn xã/phường", callback_data="xa:clear")]]
                )
                text = (
                    f"Đang chỉ tìm trong kế hoạch của <b>{escape(current['label'])}</b>.\n"
                    "Gõ /xa &lt;tên&gt; để đổi, hoặc /xa xoa để tìm trong mọi kế hoạch."
                )
                await self._send(ctx, chat_id, text, reply_markup=markup)
            else:
                names = ", ".join(escape(label) for _, label in await self._localities())
                await self._send(
                    ctx,
                    chat_id,
                    "Chưa chọn xã/phường nào — tôi tìm trong mọi kế hoạch.\n"
                    f"Gõ /xa &lt;tên&gt;, ví dụ /xa An Hưng. Đang có: {names}.",
                )
            return
        if fold_words(arg) in CLEAR_WORDS:
            ctx.chat_data.pop("locality", None)
            await self._send(ctx, chat_id, "Đã bỏ chọn xã/phường. Tôi sẽ tìm trong mọi kế hoạch.")
            return
        options = await self._localities()
        match = locality_choices(arg, options)
        if not match:
            names = ", ".join(escape(label) for _, label in options) or "(chưa có)"
            await self._send(
                ctx,
                chat_id,
                f"Không có kế hoạch nào của “{escape(arg)}”. Các xã/phường đã nạp: {names}.",
            )
            return
        value, label = match[0]
        ctx.chat_data["locality"] = {"value": value, "label": label}
        await self._send(
            ctx,
            chat_id,
            f"Đã chọn <b>{escape(label)}</b>: từ giờ tôi chỉ tìm trong kế hoạch của {escape(label)}.\n"
            "Gõ /xa xoa để tìm trong mọi kế hoạch.",
        )

    async def clear_locality_button(self, update: Update, ctx: Ctx) -> None:
        ctx.chat_data.pop("locality", None)
        query = update.callback_query
        await query.answer("Đã bỏ chọn xã/phường")
        await query.edit_message_text("Đã bỏ chọn xã/phường. Tôi sẽ tìm trong mọi kế hoạch.")

    async def ask_command(self, update: Update, ctx: Ctx) -> None:
        """/hoi <câu hỏi> — the explicit way to ask in a group."""
        msg = update.effective_message
        text = msg.text or ""
        cmd = next(iter(msg.parse_entities([MessageEntity.BOT_COMMAND]).values()), "")
        await self._answer(update, ctx, text[text.find(cmd) + len(cmd):].strip() if cmd else "")

    async def unknown_command(self, update: Update, ctx: Ctx) -> None:
        await self._send(
            ctx, update.effective_chat.id, "Tôi không có lệnh này. Gõ /help để xem hướng dẫn."
        )

    # --- questions ---------------------------------------------------------------------

    async def text(self, update: Update, ctx: Ctx) -> None:
        msg = update.effective_message
        if update.effective_chat.type == ChatType.PRIVATE:
            await self._answer(update, ctx, (msg.text or "").strip())
            return
        question = _addressed_question(msg, ctx.bot.username, ctx.bot.id)
        if question is not None:
            await self._answer(update, ctx, question)

    async def non_text(self, update: Update, ctx: Ctx) -> None:
        await self._send(ctx, update.effective_chat.id, NON_TEXT_TEXT)

    def _allowed(self, user_id: int | None) -> tuple[bool, float, bool]:
        if user_id is None:
            return True, 0.0, False
        return self.limiter.hit(user_id)

    async def _answer(self, update: Update, ctx: Ctx, question: str) -> None:
        chat_id = update.effective_chat.id
        reply_to = self._reply_target(update)
        if not question:
            await self._send_blocks(ctx, chat_id, [EMPTY_QUESTION_TEXT], reply_to)
            return
        user = update.effective_user
        ok, wait, warn = self._allowed(user.id if user else None)
        if not ok:
            if warn:
                await self._send(ctx, chat_id, rate_limited_text(wait))
            return
        await self._typing(ctx, chat_id)
        loc = ctx.chat_data.get("locality")
        resp = await self._ask(question, loc["value"] if loc else None, 0)
        key = _remember(ctx.chat_data, question, loc, 0, resp)
        await self._send_blocks(
            ctx,
            chat_id,
            answer_blocks(resp, loc["label"] if loc else None, 0),
            reply_to,
            self._keyboard(key, len(resp.results), 0, more=len(resp.results) >= self.top_k)
            if resp.found
            else None,
        )

    def _keyboard(self, key: str, count: int, offset: int, more: bool) -> InlineKeyboardMarkup | None:
        """One "Xem nguyên văn [n]" per cited clause, then "Thêm kết quả" if there may be more."""
        buttons = [
            InlineKeyboardButton(f"Xem nguyên văn [{offset + i + 1}]", callback_data=f"src:{key}:{i}")
            for i in range(count)
        ]
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        if more:
            rows.append([InlineKeyboardButton("Thêm kết quả", callback_data=f"more:{key}")])
        return InlineKeyboardMarkup(rows) if rows else None

    async def show_clause(self, update: Update, ctx: Ctx) -> None:
        query = update.callback_query
        _, key, idx = query.data.split(":")
        entry = ctx.chat_data.get("answers", {}).get(key)
        if entry is None or int(idx) >= len(entry["clauses"]):
            await query.answer("Kết quả này đã cũ, bạn hãy hỏi lại nhé.", show_alert=True)
            return
        view = await self._call(self.retriever.clause, entry["clauses"][int(idx)])
        if view is None:
            await query.answer(
                "Không còn điều khoản này (kế hoạch đã được cập nhật). Bạn hãy hỏi lại nhé.",
                show_alert=True,
            )
            return
        await query.answer()
        await self._send_blocks(
            ctx,
            update.effective_chat.id,
            clause_blocks(view),
            query.message.message_id if query.message else None,
        )

    async def more_results(self, update: Update, ctx: Ctx) -> None:
        query = update.callback_query
        key = query.data.split(":")[1]
        entry = ctx.chat_data.get("answers", {}).get(key)
        if entry is None:
            await query.answer("Kết quả này đã cũ, bạn hãy hỏi lại nhé.", show_alert=True)
            return
        ok, wait, _ = self._allowed(update.effective_user.id if update.effective_user else None)
        if not ok:
            await query.answer(rate_limited_text(wait), show_alert=True)
            return
        await query.answer()
        await self._typing(ctx, update.effective_chat.id)
        offset = entry["offset"] + self.top_k
        loc = entry["locality"]
        resp = await self._ask(entry["question"], loc["value"] if loc else None, offset)
        try:  # this page has been expanded: its "Thêm kết quả" button goes
            await query.edit_message_reply_markup(
                self._keyboard(key, len(entry["clauses"]), entry["offset"], more=False)
            )
        except BadRequest as exc:
            log.debug("could not drop the 'more' button: %s", exc)
        if not resp.results:
            await self._send(ctx, update.effective_chat.id, "Không còn kết quả nào khác.")
            return
        new_key = _remember(ctx.chat_data, entry["question"], loc, offset, resp)
        await self._send_blocks(
            ctx,
            update.effective_chat.id,
            answer_blocks(resp, loc["label"] if loc else None, offset),
            markup=self._keyboard(
                new_key, len(resp.results), offset, more=len(resp.results) >= self.top_k
            ),
        )

    async def stale_button(self, update: Update, ctx: Ctx) -> None:
        await update.callback_query.answer("Nút này không còn dùng được.")

    # --- lifecycle and errors ----------------------------------------------------------

    async def post_init(self, app: Application) -> None:
        commands = [
            BotCommand("start", "Giới thiệu và câu hỏi ví dụ"),
            BotCommand("help", "Hướng dẫn"),
            BotCommand("xa", "Chọn xã/phường mặc định (/xa xoa để bỏ)"),
            BotCommand("kehoach", "Các kế hoạch đã nạp"),
            BotCommand("hoi", "Đặt câu hỏi (dùng trong nhóm)"),
        ]
        try:
            await app.bot.set_my_commands(commands)
        except TelegramError as exc:  # the menu is a nicety; the bot works without it
            log.warning("set_my_commands failed: %s", exc)

    async def on_error(self, update: object, ctx: Ctx) -> None:
        """Log the failure; tell the user only that something went wrong."""
        err = ctx.error
        if isinstance(err, Forbidden):  # blocked by the user or removed from the group
            log.info("Telegram refused to deliver: %s", err)
            return
        upd = update if isinstance(update, Update) else None
        log.error(
            "Error while handling update %s", upd.update_id if upd else None, exc_info=err
        )
        if upd is None or upd.effective_chat is None:
            return
        try:
            if upd.callback_query:
                await upd.callback_query.answer()
            await ctx.bot.send_message(upd.effective_chat.id, ERROR_TEXT)
        except TelegramError as exc:
            log.warning("Could not tell the user about the error: %s", exc)


def _remember(
    chat_data: dict, question: str, locality: dict | None, offset: int, resp: AskResponse
) -> str:
    """Keep what the inline buttons need; callback data only carries a short key."""
    answers: dict = chat_data.setdefault("answers", {})
    seq = chat_data.get("seq", 0) + 1
    chat_data["seq"] = seq
    key = _b36(seq)
    answers[key] = {
        "question": question,
        "locality": locality,
        "offset": offset,
        "clauses": [r.citation.clause_id for r in resp.results],
    }
    while len(answers) > REMEMBERED_ANSWERS:
        answers.pop(next(iter(answers)))
    return key


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _addressed_question(msg: Message, username: str, bot_id: int) -> str | None:
    """In a group: the question if the bot was @mentioned (mention removed) or replied to."""
    text = msg.text or ""
    mentions = msg.parse_entities([MessageEntity.MENTION]).values()
    if any(m.lower() == f"@{username}".lower() for m in mentions):
        text = re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE)
        return text.strip(" \t\n,:;-–—")
    reply = msg.reply_to_message
    if reply and reply.from_user and reply.from_user.id == bot_id:
        return text.strip()
    return None


def build_application(
    retriever: Any,
    token: str,
    base_url: str | None = None,
    persistence_path: Path | None = None,
    rate_limit: RateLimit = RateLimit(),
    top_k: int = 5,
) -> Application:
    """The bot, ready to `initialize()`/`start()` or `run_polling()`."""
    _protect_token(token)
    base_url = base_url or DEFAULT_BASE_URL
    handlers = _PlanBot(retriever, top_k, rate_limit)
    builder = (
        Application.builder()
        .token(token)
        .base_url(base_url)
        .base_file_url(_file_url(base_url))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .concurrent_updates(8)
        .connection_pool_size(16)
        .read_timeout(20)
        .write_timeout(20)
        .post_init(handlers.post_init)
    )
    if persistence_path is not None:
        builder = builder.persistence(
            PicklePersistence(
                filepath=Path(persistence_path),
                store_data=PersistenceInput(bot_data=False, callback_data=False),
                update_interval=30,
            )
        )
    app = builder.build()

    new = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler(["start", "help"], handlers.start, filters=new))
    app.add_handler(CommandHandler("kehoach", handlers.plans, filters=new))
    app.add_handler(CommandHandler("xa", handlers.locality, filters=new))
    app.add_handler(CommandHandler("hoi", handlers.ask_command, filters=new))
    app.add_handler(MessageHandler(new & private & filters.COMMAND, handlers.unknown_command))
    app.add_handler(
        MessageHandler(
            (new | filters.UpdateType.EDITED_MESSAGE) & filters.TEXT & ~filters.COMMAND,
            handlers.text,
        )
    )
    app.add_handler(MessageHandler(new & private & ~filters.TEXT, handlers.non_text))
    app.add_handler(CallbackQueryHandler(handlers.show_clause, pattern=r"^src:\w+:\d+$"))
    app.add_handler(CallbackQueryHandler(handlers.more_results, pattern=r"^more:\w+$"))
    app.add_handler(CallbackQueryHandler(handlers.clear_locality_button, pattern=r"^xa:clear$"))
    app.add_handler(CallbackQueryHandler(handlers.stale_button))
    app.add_error_handler(handlers.on_error)
    return app


async def serve_webhook(
    app: Application,
    webhook_url: str,
    listen: str = "127.0.0.1",
    port: int = 8443,
    stop: asyncio.Event | None = None,
) -> None:
    """Receive updates over HTTP (starlette + uvicorn, already planqa dependencies).

    Telegram must reach `webhook_url`, typically through a TLS reverse proxy in front of
    listen:port. A fresh secret token per run rejects posts that are not from Telegram.
    """
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    secret = secrets.token_urlsafe(32)
    path = urlsplit(webhook_url).path or "/"

    async def receive(request: Request) -> Response:
        if request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return Response(status_code=403)
        try:
            update = Update.de_json(await request.json(), app.bot)
        except Exception:  # malformed body: tell the sender, keep serving
            return Response(status_code=400)
        await app.update_queue.put(update)
        return Response()

    async def health(_: Request) -> Response:
        return PlainTextResponse("ok")

    web = Starlette(
        routes=[Route(path, receive, methods=["POST"]), Route("/healthz", health)]
    )
    server = uvicorn.Server(
        uvicorn.Config(web, host=listen, port=port, log_level="warning", access_log=False)
    )
    sock = bind(listen, port)  # before Telegram is told the URL: a taken port fails here

    async def stop_when_asked() -> None:
        await stop.wait()
        server.should_exit = True

    async with app:
        if app.post_init:  # run_polling/run_webhook would call it; we replace those here
            await app.post_init(app)
        await app.bot.set_webhook(
            url=webhook_url, allowed_updates=Update.ALL_TYPES, secret_token=secret
        )
        await app.start()
        watcher = asyncio.create_task(stop_when_asked()) if stop else None
        try:
            await server.serve(sockets=[sock])
        finally:
            if watcher:
                watcher.cancel()
            await app.stop()
            sock.close()


def _configure_logging(token: str) -> None:
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    _protect_token(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(_TokenFilter(token))


class TelegramTokenError(Exception):
    """TELEGRAM_BOT_TOKEN is missing or Telegram rejected it (the message never contains it)."""


def run_bot(
    index_dir: Path,
    model: str | None = None,
    webhook_url: str | None = None,
    listen: str = "127.0.0.1",
    port: int = 8443,
    persistence_path: Path | None = None,
) -> None:
    """Serve the Telegram bot until interrupted: long polling, or webhook if a URL is given.

    Raises `TelegramTokenError` for a missing or rejected token and lets
    `retrieval.IndexLoadError` / `EncoderError` through; `planqa bot` reports them.
    The index is loaded before logging is configured, so faiss's loader lines stay quiet.
    """
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise TelegramTokenError(f"{TOKEN_ENV} is not set; create a bot with @BotFather and export its token")
    from retrieval import Retriever

    retriever = Retriever.load(index_dir, model=model)
    app = build_application(
        retriever,
        token,
        base_url=os.environ.get(BASE_URL_ENV, "").strip() or None,
        persistence_path=persistence_path,
    )
    asyncio.run(_check_token(app.bot))
    _configure_logging(token)
    try:
        if webhook_url:
            asyncio.run(serve_webhook(app, webhook_url, listen, port))
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES, bootstrap_retries=5)
    except InvalidToken:  # revoked between the check and the start
        raise TelegramTokenError(f"Telegram rejected {TOKEN_ENV}; check the token") from None


async def _check_token(bot: Any) -> None:
    """Ask Telegram who the bot is before logging is configured and polling starts.

    A rejected token then ends in `TelegramTokenError` alone, instead of after PTB's
    retry loop has logged its own error line. A network failure is left to
    `run_polling`, which retries it (bootstrap_retries).
    """
    try:
        async with bot:  # initialize() calls getMe
            pass
    except InvalidToken:
        raise TelegramTokenError(f"Telegram rejected {TOKEN_ENV}; check the token") from None
    except NetworkError as exc:
        log.debug("could not check the token yet: %s", exc)
