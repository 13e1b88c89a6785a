"""Tasks whose lead the plan gives by field: "Sở Y tế: Chủ trì … các nhiệm vụ … trong lĩnh vực y tế của Kế hoạch".

A plan often lists its tasks by field ("6. Y tế", "2. Du lịch và Văn hóa") and only later, in "Tổ chức thực
hiện", says which unit leads each field. This linker reads those claims (a clause with a stated lead that
names a field: "trong lĩnh vực X", "các nhiệm vụ về X của Kế hoạch", or "trong lĩnh vực quản lý" — the field
the unit's own name says) and gives the unit to the tasks under the section whose title is that field.

Precise before complete: a title is a field only when its words are the field's parts ("Du lịch và Văn hóa" =
"văn hóa và du lịch"); a title two units claim gets neither, nor do the sections under it; a task that states
its own lead, or got one from an appendix row, keeps it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.lines import ROMAN_NUMBER
from corpus.model import Clause
from corpus.responsibilities import LINKER_MECHANISMS, Context, names_unit, subtree
from corpus.text import FIELD_UNIT_HEADS, UNIT_LEVELS, pattern_for, words

# The field a unit is said to lead, up to the plan it belongs to or the end of the phrase.
_PLAN = r"(?:Kế hoạch|Chương trình|Đề án|Nghị quyết)"
_FIELD_END = rf"(?=\s+(?:của|tại|theo|thuộc)\s+(?:{_PLAN}|[Ss]ở|đơn vị|ngành)\b|\s*[.;:(]|\s*$)"
_CLAIMS = (
    # "… triển khai các nhiệm vụ chuyển đổi số … trong lĩnh vực y tế của Kế hoạch",
    # "… trong lĩnh vực quốc phòng, cơ yếu;"
    re.compile(rf"\b(?:nhiệm vụ|nội dung|chương trình|đề án)\b[^.;:]{{0,160}}?\b(?:trong|thuộc)\s+(?:các\s+)?"
               rf"(?:ngành,\s*)?(?:lĩnh vực|ngành)\s+(?P<field>[^.;:()]{{2,80}}?){_FIELD_END}"),
    # "… triển khai các nhiệm vụ về lao động, việc làm của Kế hoạch",
    # "… triển khai thực hiện về an sinh xã hội của Kế hoạch"
    re.compile(rf"\b(?:nhiệm vụ|nội dung|thực hiện)\s+về\s+(?P<field>[^.;:()]{{2,80}}?)\s+của\s+{_PLAN}\b"),
)
# A topic a unit is said to lead, named as the plan titles its section: "Sở Công Thương chủ trì thực hiện các
# nhiệm vụ về phát triển thương mại điện tử; …", "… triển khai các nhiệm vụ phát triển du lịch cộng đồng.",
# "… các nội dung, giải pháp về chuyển đổi số trong quản lý đất đai". Read only where the phrase ends (a
# sentence's end, a new clause of the sentence, the plan it belongs to) and matched to a title word for word
# (`TopicClaim`), so "các nhiệm vụ được giao" or a topic half-named links nothing.
_TOPIC_CLAIM = re.compile(
    r"\b(?:chủ trì|chịu trách nhiệm|có trách nhiệm|thực hiện|triển khai|tổ chức thực hiện)\b[^.;:()]{0,40}?"
    r"\b(?:các\s+|những\s+)?(?:nhiệm vụ|nội dung|giải pháp)(?:\s*,\s*(?:nhiệm vụ|giải pháp))?\s+(?:về\s+)?"
    r"(?P<field>(?-i:[a-zđà-ỹA-ZĐ])[^.;:()]{2,100}?)"
    rf"(?=\s*[.;:(]|\s*,\s*(?:phối hợp|định kỳ|báo cáo|bảo đảm|đảm bảo|theo|trong)\b|\s+(?:của|tại|theo|thuộc|trong)\s+{_PLAN}\b|"
    r"\s+(?:trên địa bàn|theo (?:chức năng|quy định))\b|\s*$)", re.I)
_TOPIC_WORD = re.compile(r"nhiệm vụ|nội dung|giải pháp", re.I)  # a cheap look before the claim's pattern
TOPIC_MIN_WORDS = 2  # a topic of one word ("Du lịch") is a field: the parts reading above covers it
# A unit's own field, said without naming it: "trong lĩnh vực quản lý", "… lĩnh vực phụ trách", "… của mình".
_OWN_FIELD = re.compile(r"^(?:quản lý|phụ trách|được giao|của (?:mình|đơn vị|ngành))\b", re.I)
# What a unit's name says beside its field: "Sở Công Thương" → "Công Thương".
_UNIT_KIND = re.compile(r"^(?:%s)\s+(?=\S)" % "|".join(sorted(FIELD_UNIT_HEADS, key=len, reverse=True)))
_UNIT_PLACE = re.compile(r"\s+(?:%s)(?:\s+\S+)*$" % "|".join(sorted(UNIT_LEVELS, key=len, reverse=True)))
# Words before a field in a title that are no part of it: "4. Lĩnh vực logistics", "Ngành y tế".
_TITLE_OPENER = re.compile(r"^(?:(?:các\s+)?(?:lĩnh vực|ngành)|về)\s+", re.I)
_PART_SPLIT = re.compile(r"\s*(?:,|;|/|\s-\s|\bvà\b)\s*")
_OBJECTIVES = re.compile(r"mục tiêu|chỉ tiêu", re.I)

# (a title or a unit typed without diacritics, "5. Giao duc va Dao tao", "So Tai chinh", is read by the same
# patterns' unmarked twins: `corpus.text.pattern_for`)
FIELD_PART_MAX_WORDS = 5  # a field's part is a short name ("an sinh xã hội"); a longer run is a sentence
FIELD_TITLE_MAX_WORDS = 12  # a section titled by a field is short ("Lao động, việc làm và an sinh xã hội")


@lru_cache(maxsize=8192)
def field_parts(text: str) -> frozenset[str]:
    """"Du lịch và Văn hóa" → {"du lich", "van hoa"}: the folded names a field lists; empty when a part is no name."""
    title = pattern_for(_TITLE_OPENER, text).sub("", text.strip())
    parts = [" ".join(words(p)) for p in pattern_for(_PART_SPLIT, text).split(title)]
    parts = [p for p in parts if p]
    if not parts or any(len(p.split()) > FIELD_PART_MAX_WORDS for p in parts):
        return frozenset()
    return frozenset(parts)


def own_field(unit: str) -> frozenset[str]:
    """The field a unit's name says: "Sở Văn hóa, Thể thao và Du lịch" → {"van hoa", "the thao", "du lich"}."""
    return field_parts(pattern_for(_UNIT_PLACE, unit).sub("", pattern_for(_UNIT_KIND, unit).sub("", unit.strip())))


def claimed_field(text: str, lead: str) -> frozenset[str]:
    """The field a clause says its unit leads, as parts; empty when it names none."""
    for rx in _CLAIMS:
        m = rx.search(text)
        if m:
            field = m["field"].strip()
            return own_field(lead) if _OWN_FIELD.match(field) else field_parts(field)
    return frozenset()


@lru_cache(maxsize=8192)
def whole_title(text: str) -> str:
    """A title's folded words without its opener ("Về phát triển thương mại điện tử" → "phat trien thuong mai dien
    tu"): what a topic claim must name word for word."""
    return " ".join(words(pattern_for(_TITLE_OPENER, text).sub("", text.strip())))


def claimed_topic(text: str) -> str | None:
    """The topic a clause says its unit leads, as a whole title's words (`whole_title`); None when it names none."""
    if not _TOPIC_WORD.search(text):
        return None
    m = _TOPIC_CLAIM.search(text)
    if m is None or _OWN_FIELD.match(m["field"].strip()):
        return None
    topic = whole_title(m["field"])
    return topic if len(topic.split()) >= TOPIC_MIN_WORDS else None


def _initials_match(name_part: str, title: frozenset[str]) -> bool:
    """A name made of its fields' first syllables: "cong thuong" is "cong nghiep" + "thuong mai"."""
    syllables = name_part.split()
    if len(syllables) < 2 or len(title) < len(syllables):
        return False
    firsts = [p.split()[0] for p in title]
    return all(firsts.count(s) == 1 for s in syllables)


def covers(claim: frozenset[str], title: frozenset[str]) -> bool:
    """The claim names the title's field: the same parts, one's parts among the other's, or a unit's name
    made of the title's fields' first syllables."""
    if not claim or not title:
        return False
    if claim <= title or title <= claim:
        return True
    return len(claim) == 1 and _initials_match(next(iter(claim)), title)


class FieldAssignments:
    """"X: Chủ trì … các nhiệm vụ … trong lĩnh vực Y của Kế hoạch" → the tasks under the section titled Y are X's."""

    mechanism = "field"

    def extract(self, ctx: Context) -> None:
        claims = self._claims(ctx)
        if not claims:
            return
        within = {pos: set(_ancestors(ctx, pos)) for pos, _ in claims}
        by_title: dict[int, set[str]] = {}
        source: dict[int, int] = {}
        # each unit's claim on a title, as the title's parts it names: {lead: (parts, claiming clause)}
        shares: dict[int, dict[str, tuple[frozenset[str], int]]] = {}
        topics = any(isinstance(claim, str) for _, claim in claims)
        for t in self._titles(ctx):
            parts, whole = field_parts(ctx.body(t)), whole_title(ctx.body(t)) if topics else None
            for pos, claim in claims:
                # a claim inside the section is one of its tasks
                if t not in within[pos] and (covers(claim, parts) if isinstance(claim, frozenset) else claim == whole):
                    lead = ctx.clauses[pos].lead or ""
                    by_title.setdefault(t, set()).add(lead)
                    source.setdefault(t, pos)
                    if isinstance(claim, frozenset) and claim < parts:
                        shares.setdefault(t, {}).setdefault(lead, (claim, pos))
        # the narrowest title first, so a sub-section two units claim blocks its parent's unit too
        done: set[int] = set()
        for t in sorted(by_title, key=lambda t: -_depth(ctx, t)):
            scope = [p for p in subtree(ctx.nodes, t) if p not in done]
            done.update(scope)
            split = self._split_title(field_parts(ctx.body(t)), shares.get(t, {})) if len(by_title[t]) > 1 else None
            if len(by_title[t]) != 1 and split is None:
                continue  # two units claim the field: the plan does not say which, so neither do we
            for p in scope:
                if ctx.clauses[p].lead is None and ctx.clauses[p].kind not in ("header", "footer", "table_header"):
                    src = source[t] if split is None else self._share_of(ctx, p, split)
                    if src is not None:
                        link_lead(ctx, p, src, self.mechanism)

    @staticmethod
    def _split_title(parts: frozenset[str], shares: dict[str, tuple[frozenset[str], int]]
                     ) -> tuple[list[tuple[frozenset[str], int]], int | None] | None:
        """A title whose parts units share out ("Lao động, việc làm và an sinh xã hội": one unit "các nhiệm vụ về lao
        động, việc làm", another "về an sinh xã hội"): each claim a different part of it, none the whole. Returns
        the claims, and the claim naming most of the title's parts (more than half), which the section is chiefly
        about; None when the units claim the same part or the whole title."""
        claims = list(shares.values())
        if len(claims) < 2 or any(a & b for i, (a, _) in enumerate(claims) for b, _ in claims[i + 1:]):
            return None
        chief = [src for claim, src in claims if len(claim) * 2 > len(parts)]
        return claims, (chief[0] if chief else None)

    @staticmethod
    def _share_of(ctx: Context, pos: int, split: tuple[list[tuple[frozenset[str], int]], int | None]) -> int | None:
        """The claim whose parts a task under the shared title names most ("… hợp đồng lao động điện tử" names
        "lao động"); a task naming none, or the parts of two claims as often, is the title's chief claim's."""
        claims, chief = split
        text = f" {' '.join(words(ctx.body(pos)))} "
        named = sorted(((sum(f" {part} " in text for part in claim), src) for claim, src in claims), reverse=True)
        if named[0][0] > 0 and named[0][0] > named[1][0]:
            return named[0][1]
        return chief

    @staticmethod
    def _claims(ctx: Context) -> list[tuple[int, frozenset[str] | str]]:
        """Each clause with a stated lead that claims a field (as parts) or a topic (as a whole title's words)."""
        out: list[tuple[int, frozenset[str] | str]] = []
        for pos, c in enumerate(ctx.clauses):
            if not c.lead or (c.lead_source is not None and c.lead_source.mechanism in LINKER_MECHANISMS):
                continue
            claim: frozenset[str] | str | None = claimed_field(ctx.body(pos), c.lead) or claimed_topic(ctx.body(pos))
            if claim:
                out.append((pos, claim))
        return out

    @staticmethod
    def _titles(ctx: Context) -> list[int]:
        """Sections titled by a short name, outside the plan's objectives."""
        out = []
        for pos, (c, node) in enumerate(zip(ctx.clauses, ctx.nodes)):
            if (not node.children or c.kind in ("header", "footer", "table_header")
                    or len(ctx.body(pos).split()) > FIELD_TITLE_MAX_WORDS
                    or any(_OBJECTIVES.search(s) for s in [*c.section_path, ctx.body(pos)])):
                continue
            out.append(pos)
        return out


def link_lead(ctx: Context, pos: int, src: int, mechanism: str) -> None:
    """The clause takes the source clause's lead, and its partners unless it names its own."""
    c, s = ctx.clauses[pos], ctx.clauses[src]
    c.lead = s.lead
    c.partners = c.partners or s.partners
    c.lead_source = ctx.source_of(src, mechanism)


# A group of bodies by their kind ("Các sở, ngành có liên quan; UBND các xã"): each does its own part, no
# section is theirs alone.
_GROUP = re.compile(r"^(?:các|những|mọi)\s", re.I)


def unit_section_claim(c: Clause) -> bool:
    """The clause's lead is a named unit whose section heading it stands under ("**1. Sở X**" / "b) Chủ trì …")."""
    return (c.lead is not None and c.lead_source is not None and c.lead_source.mechanism == "unit_section"
            and c.lead_source.clause_id != c.id and not _GROUP.match(c.lead))


def contested(ctx: Context, target: int, lead: str | None) -> set[int]:
    """The parts of a section another unit leads by a link (a field claim, an appendix row): a reference to
    the whole section ("tại mục IV, V") does not say who leads those parts, so they are left as they are."""
    out: set[int] = set()
    for part in ctx.nodes[target].children or [target]:
        scope = subtree(ctx.nodes, part)
        if any((src := ctx.clauses[p].lead_source) is not None and src.mechanism in _CONTESTING
               and not names_unit(ctx.clauses[p].lead, lead) for p in scope):
            out.update(scope)
    return out


_CONTESTING = ("field", "appendix_table", "restated")


def _ancestors(ctx: Context, pos: int) -> list[int]:
    out, p = [], ctx.nodes[pos].parent
    while p is not None:
        out.append(p)
        p = ctx.nodes[p].parent
    return out


def _depth(ctx: Context, pos: int) -> int:
    return len(_ancestors(ctx, pos))


# ---------------------------------------------------------------- numbered references ("tại mục IV, V")

_REF_KINDS = ("điểm", "khoản", "mục", "phần")  # smallest first: "điểm a, b khoản 2 mục III" is read from its end
_NUMBER = rf"(?:{ROMAN_NUMBER}|\d+)"  # a section's number, Roman as the plans' headings write it (`corpus.lines`)
_REF_LABEL = rf"(?-i:(?:\(?{_NUMBER}\)?(?:\.?\(?{_NUMBER}\)?)*(?:\.?[a-zđ]\b)?|[a-zđ]\b\)?))"
_REF_GROUP = re.compile(rf"(?P<kind>mục|điểm|khoản|phần)\s+(?P<labels>{_REF_LABEL}(?:\s*(?:,|và)\s*"
                        rf"(?:(?P=kind)\s+)?{_REF_LABEL}(?![^\W\d_]))*)", re.I)
_REF_START = re.compile(r"(?:(?:tại|theo|ở|thuộc)\s+|\()(?=(?:mục|điểm|khoản|phần)\s)", re.I)
# A reference into another text ("tại khoản 1 Điều 8 Nghị định số …", "theo điểm c khoản 2 Điều 3 Thông tư này")
_OTHER_TEXT = re.compile(r"^\s*(?:của\s+)?(?:(?:Điều|Chương)\s+[IVXLC\d]|Nghị định|Thông tư|Luật|Quyết định|"
                         r"Nghị quyết|Chỉ thị|Công văn|Hướng dẫn|Quy chế)", re.I)


def references(text: str) -> list[list[str]]:
    """The sections a clause refers to by number, each as labels from the top: "tại mục IV, V" → [IV], [V];
    "tại mục II.3" → [II, 3]; "các nội dung tại điểm a, b khoản 2 mục III" → [III, 2, a], [III, 2, b].
    A reference into an article or another text names no section of this plan."""
    out: list[list[str]] = []
    for start in _REF_START.finditer(text):
        pos, groups = start.end(), []
        while (m := _REF_GROUP.match(text, pos)) is not None:
            paths = [re.findall(r"[IVXLC]+|\d+|[a-zđ]", lab) for lab in re.split(
                r"\s*(?:,|và)\s*(?:(?:mục|điểm|khoản|phần)\s+)?", m["labels"], flags=re.I)]
            groups.append((_REF_KINDS.index(m["kind"].lower()), [p for p in paths if p]))
            pos = m.end()
            gap = re.match(r"\s*,?\s*(?:của\s+)?(?=(?:mục|điểm|khoản|phần)\s)", text[pos:], re.I)
            if gap is None:
                break
            pos += gap.end()
        if not groups or _OTHER_TEXT.match(text[pos:]):
            continue
        if groups[0][0] < groups[-1][0]:
            groups.reverse()  # "điểm a khoản 2 mục III": the largest section last
        refs: list[list[str]] = [[]]
        for _, paths in groups:
            refs = [r + p for r in refs for p in paths] if len(groups) > 1 else paths
        out.extend(_same_level(refs))
    return out


def _same_level(refs: list[list[str]]) -> list[list[str]]:
    """"mục II.1, 2" → [II, 1], [II, 2]: a shorter label after a longer one keeps the longer one's head."""
    out: list[list[str]] = []
    for r in refs:
        if out and len(r) < len(out[0]):
            r = out[0][: len(out[0]) - len(r)] + r
        out.append(r)
    return out
