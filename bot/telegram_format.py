"""Rendering of answers, clauses and plan lists as Telegram HTML messages.

Kept apart from the handlers so the message layout (and the 4,096-character
splitting) can be tested on real retrieval output without a running bot.
Every piece of plan text goes through `html.escape`; the only markup is ours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from retrieval.contract import AskResponse, Citation, ClauseView, DocumentInfo, Result

MESSAGE_LIMIT = 4096
EXCERPT_CHARS = 300  # the full clause is one tap away ("Xem nguyên văn")

START_TEXT = (
    "<b>Xin chào!</b> Tôi trả lời câu hỏi về các kế hoạch của xã, phường "
    "và luôn dẫn nguồn: kế hoạch, mục, điều khoản, dòng.\n\n"
    "<b>Ví dụ câu hỏi</b>\n"
    "• Ai chủ trì chỉ tiêu BHYT?\n"
    "• Phòng Văn hóa - Xã hội được giao những nhiệm vụ gì?\n"
    "• Đến năm 2030 tỷ lệ hộ nghèo giảm còn bao nhiêu?\n"
    "• Ai phụ trách chuyển đổi số?\n\n"
    "<b>Lệnh</b>\n"
    "/xa &lt;tên&gt; — chỉ hỏi trong kế hoạch của một xã/phường (vd. /xa An Hưng)\n"
    "/xa — xem xã/phường đang chọn; /xa xoa — bỏ chọn\n"
    "/kehoach — các kế hoạch đã nạp\n"
    "/hoi &lt;câu hỏi&gt; — hỏi trong nhóm (hoặc nhắc tên tôi)\n"
    "/help — hướng dẫn này"
)
NON_TEXT_TEXT = (
    "Tôi chỉ đọc được câu hỏi bằng chữ. Hãy gõ câu hỏi của bạn, "
    "ví dụ: <i>Ai chủ trì chỉ tiêu BHYT?</i>"
)
ERROR_TEXT = "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Bạn vui lòng thử lại sau ít phút."
EMPTY_QUESTION_TEXT = "Bạn muốn hỏi gì về các kế hoạch? Ví dụ: <i>Ai chủ trì chỉ tiêu BHYT?</i>"


def rate_limited_text(wait_seconds: float) -> str:
    return (
        f"Bạn hỏi hơi nhanh. Vui lòng đợi khoảng {max(1, round(wait_seconds))} giây "
        "rồi hỏi tiếp nhé."
    )


def _lines(c: Citation) -> str:
    return _lines_of(c.lines) if c.lines else ""


def _plan_name(c: Citation) -> str:
    return c.document or c.source


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Shorten plan text on a word boundary so a page of results stays readable."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def _number(c: Citation) -> str:
    """"Kế hoạch số 476/QĐ-UBND" when retrieval cites the plan by a number (`Citation.cited_number`)."""
    return f"{c.kind or 'Kế hoạch'} số {c.cited_number}" if c.cited_number else ""


def _place(c: Citation) -> str:
    where = [p for p in (c.section, c.label) if p]
    place = " › ".join(escape(p) for p in where)
    tail = [t for t in (_lines(c), f"trang {c.page}" if c.page else "") if t]
    if tail:
        place = f"{place} · {' · '.join(tail)}" if place else " · ".join(tail)
    return place


def citation_html(c: Citation) -> str:
    """Plan · locality (· number), then section › label · lines (· page / locator)."""
    head = f"<b>{escape(_plan_name(c))}</b>"
    if c.locality:
        head += f" · {escape(c.locality)}"
    if _number(c):
        head += f" · {escape(_number(c))}"
    place = _place(c)
    return f"{head}\n{place}" if place else head


def _roles_html(r: Result, explain: bool = False) -> str:
    """The facts the plan states, one labelled line each; where the lead was read when inferred."""
    rows = []
    for label, value in (
        ("Chủ trì", r.lead),
        ("Phối hợp", r.partners),
        ("Chỉ đạo", r.directed_by),
        ("Chỉ tiêu", r.target.text if r.target and r.target.text else None),
        ("Thời hạn", r.deadline),
        ("Sản phẩm", r.product),
    ):
        if value:
            rows.append(f"<b>{label}:</b> {escape(value)}")
    if r.lead and r.lead_source:
        src = r.lead_source
        where = f" ({_lines_of(src.lines)})" if src.lines else ""
        row = f"<b>Chủ trì đọc từ:</b> {escape(src.mechanism)}{where}"
        if explain and src.excerpt:
            row += f" <i>«{escape(src.excerpt)}»</i>"
        rows.append(row)
    if r.deadline and r.deadline_source:
        ds = r.deadline_source
        where = f" ({_lines_of(ds.lines)})" if ds.clause_id != r.citation.clause_id else ""
        rows.append(f"<b>Thời hạn đọc từ:</b> {escape(ds.mechanism)}{where}")
    return "\n".join(rows)


def _lines_of(lines: list[int]) -> str:
    a, b = lines[0], lines[-1]
    return f"dòng {a}" if a == b else f"dòng {a}–{b}"


def result_html(number: int, r: Result, full: bool = False) -> str:
    """A card: the plan (title, locality, number), its facts, the quoted clause, then where it is."""
    c = r.citation
    text = " ".join(r.text.split()) if full else excerpt(r.text)
    head = f"<b>[{number}] {escape(_plan_name(c))}</b>"
    if c.locality:
        head += f" · {escape(c.locality)}"
    if _number(c):
        head += f" · {escape(_number(c))}"
    parts = [head]
    roles = _roles_html(r)
    if roles:
        parts.append(roles)
    parts.append(f"<blockquote>{escape(text)}</blockquote>")
    place = _place(c)
    if place:
        parts.append(f"📍 {place}")
    return "\n".join(parts)


def answer_blocks(resp: AskResponse, locality: str | None, offset: int = 0) -> list[str]:
    """Paragraphs of an answer message; each is balanced HTML on its own."""
    where = f" trong kế hoạch của <b>{escape(locality)}</b>" if locality else ""
    if not resp.found or not resp.results:
        hint = (
            "Bạn có thể hỏi cách khác, xem /kehoach"
            + (", hoặc bỏ chọn xã/phường bằng /xa xoa." if locality else ".")
        )
        return [
            f"Các kế hoạch đã nạp{where} không đề cập nội dung này:\n"
            f"<i>{escape(resp.question)}</i>",
            hint,
        ]
    blocks: list[str] = []
    if offset == 0:
        if resp.answer:
            blocks.append(escape(resp.answer.strip()))
        if locality:
            blocks.append(f"📍 Phạm vi: <b>{escape(locality)}</b>")
        blocks.append("<b>Nguồn</b>")
    else:
        blocks.append(
            f"<b>Kết quả {offset + 1}–{offset + len(resp.results)}</b> cho: "
            f"<i>{escape(resp.question)}</i>"
        )
    blocks += [result_html(offset + i + 1, r) for i, r in enumerate(resp.results)]
    return blocks


def clause_blocks(view: ClauseView) -> list[str]:
    """Full text of one clause with where it sits in its plan."""
    r, c = view.result, view.result.citation
    blocks = [f"<b>Nguyên văn</b> — {citation_html(c)}"]
    if view.section_path:
        blocks.append("<b>Mục:</b> " + " › ".join(escape(s) for s in view.section_path))
    body = r.text.strip()
    blocks.append(f"<blockquote>{escape(body)}</blockquote>")
    roles = _roles_html(r, explain=True)
    if roles:
        blocks.append(roles)
    return blocks


def documents_blocks(docs: list[DocumentInfo]) -> list[str]:
    if not docs:
        return ["Chưa có kế hoạch nào được nạp."]
    blocks = [f"<b>Các kế hoạch đã nạp ({len(docs)})</b>"]
    for i, d in enumerate(docs, 1):
        title = d.title or d.source
        lines = [f"{i}. <b>{escape(title)}</b>"]
        meta = [m for m in (
            d.locality.label or d.locality.name,
            f"số {d.cited_number}" if d.cited_number else None,  # judged once where retrieval cites it
            d.date,
        ) if m]
        if meta:
            lines.append(escape(" · ".join(meta)))
        lines.append(f"{escape(d.source)} · {d.clause_count} điều khoản")
        blocks.append("\n".join(lines))
    return blocks


# --- splitting -----------------------------------------------------------------------

_ATOM = re.compile(r"<[^>]*>|&#?\w+;|[^<&]", re.S)
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")


def _units(s: str) -> int:
    """Length as Telegram counts it (UTF-16 code units), an upper bound after parsing."""
    return len(s.encode("utf-16-le")) // 2


@dataclass
class _Cut:
    index: int  # atoms[:index] go in the current part
    quality: int  # 3 paragraph, 2 line, 1 word, 0 anywhere
    stack: list[tuple[str, str]] = field(default_factory=list)


def split_html(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split Telegram HTML into parts of at most `limit` UTF-16 units.

    Cuts on paragraph, then line, then word boundaries; never inside a tag or an
    entity. Tags open at a cut are closed at the end of the part and reopened at
    the start of the next, so every part is balanced HTML on its own.
    """
    text = text.strip()
    if _units(text) <= limit:
        return [text] if text else []
    parts = _Splitter(_ATOM.findall(text), limit).parts()
    return [p for p in (p.strip() for p in parts) if re.sub(r"<[^>]*>|\s", "", p)]


class _Splitter:
    """One pass over the atoms (tags, entities, characters) of a too-long message.

    Each part starts where the last cut left off, with the tags still open there
    reopened; a window of atoms is read while they (plus the closing tags they
    would need) fit, every boundary in it is a candidate cut, and the best one in
    the window's latter part ends the part. Kept as named steps because the tag
    stack, the window and the cut are the three things a reader must follow.
    """

    def __init__(self, atoms: list[str], limit: int) -> None:
        self.atoms = atoms
        self.limit = limit
        self.stack: list[tuple[str, str]] = []  # (tag name, opening tag) open at the cut
        self.i = 0  # first atom of the next part

    def parts(self) -> list[str]:
        out: list[str] = []
        while self._skip_gap():
            prefix = "".join(open_tag for _, open_tag in self.stack)
            cuts, end = self._window(_units(prefix))
            if end >= len(self.atoms):  # the rest fits: last part
                out.append(prefix + "".join(self.atoms[self.i:]))
                break
            best = self._best_cut(cuts, end)
            body = "".join(self.atoms[self.i:best.index]).rstrip()
            out.append(prefix + body + "".join(f"</{n}>" for n, _ in reversed(best.stack)))
            self.stack, self.i = best.stack, best.index
        return out

    def _skip_gap(self) -> bool:
        """Drop whitespace at the start of a part, and closings of tags the last part
        already closed; False when nothing is left."""
        while self.i < len(self.atoms):
            atom = self.atoms[self.i]
            m = _TAG.match(atom)
            if atom.isspace():
                self.i += 1
            elif m and m.group(1) and self.stack and self.stack[-1][0] == m.group(2).lower():
                self.stack = self.stack[:-1]
                self.i += 1
            else:
                return True
        return False

    def _window(self, size: int) -> tuple[list[_Cut], int]:
        """Read atoms from `self.i` while they and the closings they need fit in the limit.

        Returns every boundary passed (with the tags open there) and where reading
        stopped (len(atoms) when everything left fits).
        """
        cur = list(self.stack)
        cuts: list[_Cut] = []
        j = self.i
        while j < len(self.atoms):
            atom = self.atoms[j]
            _track_tag(cur, atom)
            closing = sum(len(n) + 3 for n, _ in cur)
            if size + _units(atom) + closing > self.limit and cuts:
                return cuts, j
            size += _units(atom)
            j += 1
            cuts.append(_Cut(j, self._quality(j), list(cur)))
        return cuts, j

    def _quality(self, j: int) -> int:
        """How good a cut after atom j-1 is: 3 after a blank line, 2 a newline, 1 a space."""
        atom = self.atoms[j - 1]
        if atom == "\n":
            return 3 if j >= 2 and self.atoms[j - 2] == "\n" else 2
        return 1 if atom == " " else 0

    def _best_cut(self, cuts: list[_Cut], end: int) -> _Cut:
        """The best boundary in the last two thirds of the window, so no part is tiny."""
        floor = self.i + max(1, (end - self.i) // 3)
        return max(
            (c for c in cuts if c.index >= floor),
            key=lambda c: (c.quality, c.index),
            default=cuts[-1],
        )


def _track_tag(stack: list[tuple[str, str]], atom: str) -> None:
    """Update the open-tag stack for one atom: a closing tag pops back to its opening,
    an opening tag (not self-closing) is pushed."""
    m = _TAG.match(atom) if atom.startswith("<") else None
    if m is None:
        return
    if m.group(1):
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == m.group(2).lower():
                del stack[k:]
                return
    elif not atom.endswith("/>"):
        stack.append((m.group(2).lower(), atom))


def pack_blocks(blocks: list[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Join paragraphs into as few messages as fit; oversize paragraphs are split."""
    out: list[str] = []
    cur = ""
    for b in blocks:
        b = b.strip()
        if not b:
            continue
        joined = f"{cur}\n\n{b}" if cur else b
        if _units(joined) <= limit:
            cur = joined
            continue
        if cur:
            out.append(cur)
        if _units(b) <= limit:
            cur = b
        else:
            pieces = split_html(b, limit)
            out += pieces[:-1]
            cur = pieces[-1] if pieces else ""
    if cur:
        out.append(cur)
    return out
