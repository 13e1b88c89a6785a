"""A small fake Telegram Bot API server for driving the real python-telegram-bot stack.

Runs `http.server` in a thread on 127.0.0.1. It answers the methods the bot uses,
long-polls `getUpdates` from a queue the test feeds, records every call, and
checks what real Telegram checks (HTML entity parsing, 4,096-character texts,
64-byte callback data), so a message Telegram would refuse fails here too.
Faults (429 with retry_after, 500, ...) can be injected for the next call of a method.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs

TELEGRAM_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "span", "tg-spoiler", "tg-emoji",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
JSON_FIELDS = {
    "reply_markup", "reply_parameters", "link_preview_options", "allowed_updates",
    "commands", "entities", "scope",
}
INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time"}


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


class TelegramHtmlError(ValueError):
    pass


class _TelegramHtml(HTMLParser):
    """Parses like Bot API's HTML mode: known tags, balanced, only allowed entities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TELEGRAM_TAGS:
            raise TelegramHtmlError(f"Unsupported start tag \"{tag}\"")
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        raise TelegramHtmlError(f"Unsupported self-closing tag \"{tag}\"")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            raise TelegramHtmlError(f"Can't find end tag corresponding to start tag \"{tag}\"")
        self.stack.pop()

    def handle_data(self, data):
        if any(c in data for c in "<>&"):
            raise TelegramHtmlError("Unescaped <, > or & in text")
        self.text.append(data)

    def handle_entityref(self, name):
        if name not in NAMED_ENTITIES:
            raise TelegramHtmlError(f"Unsupported HTML entity \"&{name};\"")
        self.text.append(NAMED_ENTITIES[name])

    def handle_charref(self, name):
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.text.append(chr(code))

    def unknown_decl(self, data):
        raise TelegramHtmlError("Unsupported declaration")


def parse_telegram_html(html: str) -> str:
    """Plain text of an HTML message, or TelegramHtmlError where Telegram would refuse it."""
    p = _TelegramHtml()
    p.feed(html)
    p.close()
    if p.rawdata:
        raise TelegramHtmlError("Unfinished markup at end of text")
    if p.stack:
        raise TelegramHtmlError(f"Can't find end tag corresponding to start tag \"{p.stack[-1]}\"")
    return "".join(p.text)


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    result: Any = None
    error: dict | None = None
    at: float = field(default_factory=time.monotonic)


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


class FakeBotApi:
    """The server plus helpers that build the updates a user's actions would produce."""

    def __init__(self, token: str = "123456:TEST-fake-token", username: str = "planqa_test_bot"):
        self.token = token
        self.bot_user = {
            "id": int(token.split(":")[0]), "is_bot": True, "first_name": "PlanQA",
            "username": username, "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": False,
        }
        self.calls: list[ApiCall] = []
        self.rejected: list[str] = []  # methods called with a wrong token
        self.messages: dict[tuple[int, int], dict] = {}  # (chat_id, message_id) -> message
        self.chats: dict[int, dict] = {}
        self.webhook: dict[str, Any] = {}
        self._updates: list[dict] = []
        self._confirmed = 0
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._faults: dict[str, list[ApiError]] = {}
        self._cond = threading.Condition()
        self._closing = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------------

    def start(self) -> "FakeBotApi":
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802
                api._handle(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> "FakeBotApi":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # --- HTTP --------------------------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", req.path.split("?")[0])
        length = int(req.headers.get("Content-Length") or 0)
        body = req.rfile.read(length) if length else b""
        if not m:
            self._reply(req, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        token, method = m.groups()
        if token != self.token:
            with self._cond:
                self.rejected.append(method)
            self._reply(req, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        params = self._params(req.headers.get("Content-Type", ""), body)
        call = ApiCall(method, params)
        try:
            fault = self._take_fault(method)
            if fault:
                raise fault
            call.result = self._dispatch(method, params)
            status, payload = 200, {"ok": True, "result": call.result}
        except ApiError as e:
            call.error = {"error_code": e.code, "description": e.description}
            status = e.code
            payload = {"ok": False, "error_code": e.code, "description": e.description}
            if e.parameters:
                payload["parameters"] = e.parameters
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
        self._reply(req, status, payload)

    @staticmethod
    def _reply(req: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        try:
            req.send_response(status)
            req.send_header("Content-Type", "application/json")
            req.send_header("Content-Length", str(len(data)))
            req.end_headers()
            req.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a long poll (e.g. the bot stopped)

    @staticmethod
    def _params(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if "json" in content_type:
            return json.loads(body)
        if "multipart" in content_type:
            raise ApiError(400, "Bad Request: multipart is not supported by the fake")
        raw = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        out: dict[str, Any] = {}
        for k, v in raw.items():
            if k in JSON_FIELDS:
                out[k] = json.loads(v)
            elif k in INT_FIELDS:
                out[k] = int(v)
            else:
                out[k] = v
        return out

    def _take_fault(self, method: str) -> ApiError | None:
        with self._cond:
            queue = self._faults.get(method)
            return queue.pop(0) if queue else None

    # --- Bot API methods ---------------------------------------------------------------

    def _dispatch(self, method: str, p: dict[str, Any]) -> Any:
        if method == "getMe":
            return self.bot_user
        if method == "getUpdates":
            return self._get_updates(p)
        if method in ("deleteWebhook", "close", "logOut"):
            self.webhook = {}
            return True
        if method == "setWebhook":
            self.webhook = dict(p)
            return True
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": 0}
        if method in ("setMyCommands", "deleteMyCommands", "sendChatAction",
                      "answerCallbackQuery"):
            if method == "answerCallbackQuery" and utf16_len(p.get("text", "")) > 200:
                raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
            return True
        if method == "sendMessage":
            chat = self.chats.get(p["chat_id"]) or {"id": p["chat_id"], "type": "private"}
            msg = {
                "message_id": next(self._message_ids), "date": int(time.time()),
                "chat": chat, "from": self.bot_user, **self._text_fields(p),
            }
            rp = p.get("reply_parameters")
            if rp and (p["chat_id"], rp["message_id"]) in self.messages:
                msg["reply_to_message"] = self.messages[(p["chat_id"], rp["message_id"])]
            self.messages[(p["chat_id"], msg["message_id"])] = msg
            return msg
        if method in ("editMessageText", "editMessageReplyMarkup"):
            key = (p.get("chat_id"), p.get("message_id"))
            if key not in self.messages:
                raise ApiError(400, "Bad Request: message to edit not found")
            msg = dict(self.messages[key])
            if method == "editMessageText":
                msg.pop("reply_markup", None)
                msg.update(self._text_fields(p))
            else:
                self._check_markup(p.get("reply_markup"))
                msg.pop("reply_markup", None)
                if p.get("reply_markup"):
                    msg["reply_markup"] = p["reply_markup"]
            msg["edit_date"] = int(time.time())
            self.messages[key] = msg
            return msg
        raise ApiError(404, "Not Found: method not found")

    def _text_fields(self, p: dict[str, Any]) -> dict[str, Any]:
        text = p.get("text", "")
        if p.get("parse_mode") == "HTML":
            try:
                text = parse_telegram_html(text)
            except TelegramHtmlError as e:
                raise ApiError(400, f"Bad Request: can't parse entities: {e}")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        out: dict[str, Any] = {"text": text}
        if p.get("reply_markup"):
            self._check_markup(p["reply_markup"])
            out["reply_markup"] = p["reply_markup"]
        return out

    @staticmethod
    def _check_markup(markup: dict | None) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _get_updates(self, p: dict[str, Any]) -> list[dict]:
        offset = p.get("offset", 0)
        deadline = time.monotonic() + min(float(p.get("timeout", 0)), 30.0)
        with self._cond:
            self._confirmed = max(self._confirmed, offset)
            while True:
                pending = [u for u in self._updates if u["update_id"] >= self._confirmed]
                left = deadline - time.monotonic()
                if pending or left <= 0 or self._closing:
                    return pending[: p.get("limit", 100)]
                self._cond.wait(left)

    # --- test side: faults, updates, observations ------------------------------------

    def fail_next(self, method: str, code: int, description: str, retry_after: int | None = None):
        """The next call of `method` gets this error instead of its result."""
        params = {"retry_after": retry_after} if retry_after is not None else None
        with self._cond:
            self._faults.setdefault(method, []).append(ApiError(code, description, params))

    def push(self, **update: Any) -> int:
        with self._cond:
            uid = next(self._update_ids)
            self._updates.append({"update_id": uid, **update})
            self._cond.notify_all()
        return uid

    def _new_message(self, chat: dict, user: dict, **fields: Any) -> dict:
        self.chats[chat["id"]] = chat
        msg = {"message_id": next(self._message_ids), "date": int(time.time()),
               "chat": chat, "from": user, **fields}
        self.messages[(chat["id"], msg["message_id"])] = msg
        return msg

    @staticmethod
    def entities(text: str) -> list[dict]:
        """bot_command and mention entities as Telegram would attach them (UTF-16 offsets)."""
        out = []
        for m in re.finditer(r"(?<![\w/])/[A-Za-z0-9_]+(?:@\w+)?|(?<!\w)@\w{5,}", text):
            kind = "bot_command" if m.group().startswith("/") else "mention"
            if kind == "bot_command" and m.start() != 0:
                continue
            out.append({"type": kind, "offset": utf16_len(text[: m.start()]),
                        "length": utf16_len(m.group())})
        return out

    def send_text(self, chat: dict, user: dict, text: str, **extra: Any) -> dict:
        fields: dict[str, Any] = {"text": text, **extra}
        ents = self.entities(text)
        if ents:
            fields["entities"] = ents
        msg = self._new_message(chat, user, **fields)
        self.push(message=msg)
        return msg

    def edit_text(self, msg: dict, text: str) -> dict:
        edited = {**msg, "text": text, "edit_date": int(time.time())}
        ents = self.entities(text)
        edited.pop("entities", None)
        if ents:
            edited["entities"] = ents
        self.messages[(msg["chat"]["id"], msg["message_id"])] = edited
        self.push(edited_message=edited)
        return edited

    def send_sticker(self, chat: dict, user: dict) -> dict:
        sticker = {"file_id": "CAACAgIAAxk", "file_unique_id": "AgADsticker", "type": "regular",
                   "width": 512, "height": 512, "is_animated": False, "is_video": False,
                   "emoji": "👍"}
        msg = self._new_message(chat, user, sticker=sticker)
        self.push(message=msg)
        return msg

    def send_photo(self, chat: dict, user: dict, caption: str | None = None) -> dict:
        photo = [{"file_id": "AgACAgIAAxk", "file_unique_id": "AQADphoto", "width": 90,
                  "height": 60, "file_size": 1200}]
        fields: dict[str, Any] = {"photo": photo}
        if caption:
            fields["caption"] = caption
        msg = self._new_message(chat, user, **fields)
        self.push(message=msg)
        return msg

    def send_voice(self, chat: dict, user: dict) -> dict:
        voice = {"file_id": "AwACAgIAAxk", "file_unique_id": "AgADvoice", "duration": 3}
        msg = self._new_message(chat, user, voice=voice)
        self.push(message=msg)
        return msg

    def click(self, bot_message: dict, user: dict, data: str) -> str:
        """Press an inline button of a message the bot sent."""
        current = self.messages[(bot_message["chat"]["id"], bot_message["message_id"])]
        buttons = [b for row in current.get("reply_markup", {}).get("inline_keyboard", [])
                   for b in row]
        assert data in [b.get("callback_data") for b in buttons], (data, buttons)
        qid = str(next(self._update_ids) * 7919)
        self.push(callback_query={"id": qid, "from": user, "message": current,
                                  "chat_instance": f"ci{current['chat']['id']}", "data": data})
        return qid

    def calls_since(self, mark: int, method: str | None = None) -> list[ApiCall]:
        with self._cond:
            calls = self.calls[mark:]
        return [c for c in calls if method is None or c.method == method]

    def mark(self) -> int:
        with self._cond:
            return len(self.calls)

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 90.0) -> Any:
        """Poll `predicate` until it returns something truthy (from the test's event loop)."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s; last calls: "
                                     f"{[(c.method, c.error) for c in self.calls[-8:]]}")
            await asyncio.sleep(0.02)

    async def wait_sent(self, mark: int, chat_id: int, count: int = 1,
                        timeout: float = 90.0) -> list[ApiCall]:
        """The first `count` successful sendMessage calls to `chat_id` after `mark`."""
        def ok() -> list[ApiCall] | None:
            sent = [c for c in self.calls_since(mark, "sendMessage")
                    if c.error is None and c.params.get("chat_id") == chat_id]
            return sent[:count] if len(sent) >= count else None

        return await self.wait_for(ok, timeout)

    async def wait_reply_with_buttons(self, mark: int, chat_id: int,
                                      timeout: float = 90.0) -> list[ApiCall]:
        """All messages of one reply, up to the one carrying the inline keyboard."""
        def done() -> list[ApiCall] | None:
            sent = [c for c in self.calls_since(mark, "sendMessage")
                    if c.error is None and c.params.get("chat_id") == chat_id]
            for i, c in enumerate(sent):
                if c.params.get("reply_markup"):
                    return sent[: i + 1]
            return None

        return await self.wait_for(done, timeout)


def user(uid: int, first_name: str = "Lan", username: str | None = None) -> dict:
    u = {"id": uid, "is_bot": False, "first_name": first_name, "language_code": "vi"}
    if username:
        u["username"] = username
    return u


def private_chat(u: dict) -> dict:
    return {"id": u["id"], "type": "private", "first_name": u["first_name"]}


def group_chat(chat_id: int, title: str = "Tổ công tác") -> dict:
    return {"id": chat_id, "type": "supergroup", "title": title}
