"""The catalogue: "which plans" questions answered from the plans' typed metadata, not from what their clauses say.

A question may name the plans it asks for by their kind ("Có những thông tư nào"), the laws they implement, their
provinces, their issuer ("UBND tỉnh Đồng Tháp có những kế hoạch nào"), their signer ("Ông … ký những kế hoạch nào"),
or each by its topic ("Văn bản về A, về B và C có số hiệu gì"). Each way is one small reader registered in READERS
(TOPICS for the topics, which answer alone); `catalogue_plans` runs them in that order, each narrowing the documents
the one before kept, and reads the words none of them accounts for as the subject the plans' typed titles must state.
Read once per question by `Retriever.analyse` (`Question.catalogue`) and ordered first by the list strategy
(`strategies.catalogue_first`).
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, ClassVar, Iterable, Sequence

from corpus.metadata import SIGNING_TITLES
from corpus.places import province_key
from corpus.text import ABBREVIATIONS, COLLECTION_KINDS_NAMED, STOPWORDS, fold
from retrieval.query import LEVEL_WORDS, Question
from retrieval.strategies import LIST_TITLE_SHARE, MAX_PLANS_LISTED, asks_plans, places_first

if TYPE_CHECKING:
    from retrieval.search import Retriever


SUBJECTS_LISTED = 2  # laws or events a "which plans" question names for its plans to be theirs: one is the abstention's
# Words a question names the collection and the plans' letterhead fields by, not a subject a plan's title states: the
# stop words as folded (a question typed without marks: "đó là luật gì"), and the words of "trong bộ văn bản", "số
# hiệu", "mỗi tỉnh có kế hoạch gì", "một luật mới" (each plan of the corpus is what is new)
CATALOGUE_WORDS = frozenset(fold(w) for w in STOPWORDS) | frozenset(fold(w) for w in ("bộ", "hiệu", "mỗi", "mới"))
# what is asked of each document listed, not what it is about: "về nội dung gì", "Kể số hiệu và nội dung", "trong bộ
# văn bản" (a bare "nội dung" is what the plans say: "Những kế hoạch nào có nội dung ứng dụng IoT")
# (and "lần lượt do ai ban hành", "(sửa đổi)": a qualifier written inside a name, which the name found stands for)
_ASKED_OF_EACH = re.compile(r"\bnoi dung (?:gi|nao)\b|\b(?:liet ke|ke|neu)(?: so hieu va)? noi dung\b|\b(?:liet ke|ke|neu|lan luot)\b|\bvan ban\b"
                            r"|\b(?:ai|co quan nao) ban hanh\b")
# a qualifier written in brackets inside a law's name ("Luật Tiêu chuẩn và quy chuẩn kỹ thuật (sửa đổi)"): the law
# found by its name stands for it; not outside a list of laws ("kế hoạch thi hành luật nào (luật gì)" asks the law)
_BRACKETED = re.compile(r"\([^()]*\)")
# a question naming documents by their topics says "về" ("Văn bản về A, về B và C có số hiệu gì")
_TOPIC_OPENS = re.compile(r"\bve\b")
# the words a question says a plan's signer signed with, beside the name: the offices signed as (the signature block's
# titles, `corpus.metadata.SIGNING_TITLES`, "phó"), the verb and the forms of address ("ông", "bà", "đồng chí")
SIGNING_WORDS = frozenset(w for t in (*SIGNING_TITLES, "phó", "ký", "ông", "bà", "đồng chí") for w in fold(t).split())
ISSUING_WORDS = frozenset(fold("ban hành").split())  # "UBND tỉnh … ban hành những kế hoạch nào": the issuer's verb
NAME_MIN_WORDS = 2  # a signer or issuer is named by two words at least: one word ("Hải", "Ủy ban") names no one
# the long forms a question or a letterhead writes as the plans' abbreviations ("Ủy ban nhân dân" as "UBND"), folded
_SHORT_FORMS = [(re.compile(r"\b%s\b" % re.escape(fold(long))), " ".join(re.findall(r"[a-z0-9]+", fold(short))))
                for short, long in ABBREVIATIONS.items()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text))


def _in_scope(r: "Retriever", q: Question) -> list[str]:
    """The documents the question may be answered from, in the store's order: those it is filtered to, else all."""
    return sorted(q.doc_filter) if q.doc_filter is not None else sorted(r.store.documents)


def laws_listed(q: Question) -> bool:
    """The question names SUBJECTS_LISTED laws or events or more, each with plans of its own (`Question.subject_plans`)."""
    return len(q.subject_plans) >= SUBJECTS_LISTED


def asked_of_each(q: Question) -> set[str]:
    """The words asking what each listed document is ("Kể số hiệu và nội dung", "lần lượt do ai ban hành"), not what
    the documents are about (`_ASKED_OF_EACH`)."""
    return _words(" ".join(_ASKED_OF_EACH.findall(q.folded)))


def _name_words(name: str | None) -> tuple[str, ...]:
    return tuple(fold(name or "").split())


def _issuer_words(text: str | None) -> tuple[str, ...]:
    """Folded words of an issuer or a question, each abbreviated long form as its abbreviation (`_SHORT_FORMS`)."""
    f = fold(text or "")
    for rx, short in _SHORT_FORMS:
        f = rx.sub(short, f)
    return tuple(re.findall(r"[a-z0-9]+", f))


def _written_whole(asked: Sequence[str], names: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The longest of ``names`` (NAME_MIN_WORDS words at least) that the question's words ``asked`` write whole, as
    consecutive words; () when none: how the catalogue reads a plan's issuer or signer named in a question."""
    text = f" {' '.join(asked)} "
    return max((n for n in names if len(n) >= NAME_MIN_WORDS and f" {' '.join(n)} " in text), key=len, default=())


def issuer_named(r: "Retriever", q: Question, docs: Sequence[str]) -> tuple[str, ...]:
    """The words of a plan's typed issuer (`Document.issuer`: "Ủy ban nhân dân tỉnh Đồng Tháp") that the question
    writes whole, as consecutive words ("UBND tỉnh Đồng Tháp có những kế hoạch nào"), among ``docs``, abbreviations
    as their long forms; () when it names none. The issuer names the level as well as the place: a commune's plans
    of the province are not the provincial committee's."""
    return _written_whole(_issuer_words(q.text), {_issuer_words(r.store.documents[d].issuer) for d in docs})


def signer_named(r: "Retriever", q: Question, docs: Sequence[str]) -> tuple[str, ...]:
    """The folded name of a plan's signer (`Document.signer`, read from its signature block) that the question writes
    whole, as consecutive words ("ông Nguyễn Thành Diệu ký …", "do … Nguyen Thanh Dieu ký"), among ``docs``; () when
    it names none."""
    return _written_whole(re.findall(r"[a-z0-9]+", q.folded), {_name_words(r.store.documents[d].signer) for d in docs})


# --------------------------------------------------------------------------- the readers


@dataclasses.dataclass(frozen=True)
class Reading:
    """What one reader made of a question: the documents it keeps, the question's words it accounts for (so they
    are not read as the subject the titles must state), and whether it names plans by itself (then its plans are
    the answer when the question says nothing else of them: "Tỉnh Đồng Tháp có những kế hoạch nào")."""
    docs: list[str]
    words: frozenset[str] = frozenset()
    names: bool = False


class Reader:
    """One piece of the plans' typed metadata a "which plans" question may name them by."""

    name: ClassVar[str]

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        """The documents among ``docs`` (those the readers before kept) that the question names by this metadata."""
        raise NotImplementedError


class KindAsked(Reader):
    """"Có những thông tư nào": the documents issued as the kind asked (`Document.kind`, `Question.kind_asked`);
    the kinds a question names ("văn bản", "thông tư") say which documents, not what they are about."""

    name = "kind"

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        if q.kind_asked:
            docs = [d for d in docs if r.store.documents[d].kind == q.kind_asked]
        return Reading(docs, frozenset(" ".join(COLLECTION_KINDS_NAMED.findall(q.folded)).split()), bool(q.kind_asked))


class LawsNamed(Reader):
    """"Kế hoạch nào triển khai Luật Việc làm và Luật Tiêu chuẩn …": each law's plans (`Question.subject_plans`,
    SUBJECTS_LISTED laws or more; a place then says whose law each is); the laws' names, and a qualifier bracketed
    inside one ("(sửa đổi)"), name the plans, not a subject their titles must state again."""

    name = "laws"

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        if not laws_listed(q):
            return Reading(docs)
        named = frozenset().union(*(plans for _, plans in q.subject_plans))
        words = {w for name, _ in q.subject_plans for w in name.split()} | _words(" ".join(_BRACKETED.findall(q.folded)))
        return Reading([d for d in docs if d in named], frozenset(words), True)


class ProvincesNamed(Reader):
    """"Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì": the plans of the provinces named (their typed
    `Locality.province`), unless laws are listed (a place then says whose law, `LawsNamed`); the places' words are
    never the subject."""

    name = "provinces"

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        if q.provinces_named and not laws_listed(q):
            docs = [d for d in docs if province_key(r.store.documents[d].locality.province) in q.provinces_named]
        return Reading(docs, frozenset(w for p in q.provinces_named for w in p.split()), bool(q.provinces_named))


class IssuerNamed(Reader):
    """"UBND tỉnh Đồng Tháp có những kế hoạch nào": the plans whose typed issuer is the one the question writes whole
    (`issuer_named`); the issuer's words and its verb ("ban hành", ISSUING_WORDS) name the plans."""

    name = "issuer"

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        issuer = issuer_named(r, q, docs)
        if not issuer:
            return Reading(docs)
        kept = [d for d in docs if _issuer_words(r.store.documents[d].issuer) == issuer]
        return Reading(kept, frozenset(" ".join(issuer).split()) | ISSUING_WORDS, True)


class SignerNamed(Reader):
    """"Ông Nguyễn Thành Diệu ký những kế hoạch nào": the plans whose typed signer is the one the question writes
    whole (`signer_named`); the name, the offices and forms of address beside it (SIGNING_WORDS) name the plans."""

    name = "signer"

    def read(self, r: "Retriever", q: Question, docs: list[str]) -> Reading:
        signer = signer_named(r, q, docs)
        if not signer:
            return Reading(docs)
        kept = [d for d in docs if _name_words(r.store.documents[d].signer) == signer]
        return Reading(kept, frozenset(signer) | SIGNING_WORDS, True)


class TopicsListed:
    """"Văn bản về khắc phục hậu quả bom mìn, về kiểm tra chuyên ngành Công Thương và quy chế bồi dưỡng … có số hiệu
    gì": several documents, each named by its topic, asked their numbers. It answers alone, before the readers: each
    topic's documents by their typed titles, not one subject all titles must state."""

    name = "topics"

    def applies(self, q: Question) -> bool:
        """Asked the numbers of documents "về" topics, naming no law, role or plans ("which plans" is the readers')."""
        return (not q.subject_plans and not q.explicit_role and q.asks_number and not asks_plans(q)
                and bool(_TOPIC_OPENS.search(q.folded)))

    def plans(self, r: "Retriever", q: Question) -> tuple[str, ...]:
        """The documents a question names each by its topic, several topics listed: the question's words split at
        commas, "về" and "và" (a "và" kept inside a topic whose parts alone name no document: "khoa học và công
        nghệ"), each topic's documents by their typed titles (`topic_docs`). Empty unless it `applies`,
        SUBJECTS_LISTED topics or more are named and every one names a document: a topic no document has leaves the
        question to the abstention."""
        if not self.applies(q):
            return ()
        docs = _in_scope(r, q)
        asked = asked_of_each(q) | set(" ".join(COLLECTION_KINDS_NAMED.findall(q.folded)).split()) | {
            w for p in q.provinces_named for w in p.split()}
        keys = {w for w in q.key_tokens if w not in LEVEL_WORDS and w not in CATALOGUE_WORDS and w not in asked}

        def content(text: str) -> list[str]:
            return [w for w in re.findall(r"[a-z0-9]+", text) if w in keys]

        topics: list[list[str]] = []
        for segment in re.split(r",|;|\bve\b", _ASKED_OF_EACH.sub(" ", q.folded)):
            parts = [content(p) for p in re.split(r"\bva\b", segment)]
            parts = [p for p in parts if p]
            if len(parts) > 1 and all(self.topic_docs(r, p, docs) for p in parts):
                topics += parts
            elif parts:
                topics.append([w for p in parts for w in p])
        if len(topics) < SUBJECTS_LISTED:
            return ()
        found: list[str] = []
        for words in topics:
            named = self.topic_docs(r, words, docs)
            if not named:
                return ()
            found += [d for d in named if d not in found]
        return tuple(found[:MAX_PLANS_LISTED])

    @staticmethod
    def topic_docs(r: "Retriever", words: Sequence[str], docs: Sequence[str]) -> list[str]:
        """The documents among ``docs`` whose typed titles hold the most, and at least LIST_TITLE_SHARE, of the
        rarity-weighted ``words`` of one topic."""
        total = sum(r.evidence.idf(w) for w in words)
        if not total:
            return []
        share = {d: sum(r.evidence.idf(w) for w in words if w in r.evidence.title_words(r.store.documents[d].title or ""))
                 / total for d in docs}
        top = max(share.values(), default=0.0)
        return [d for d in docs if share[d] >= LIST_TITLE_SHARE and share[d] >= top - 1e-9]


# the readers, in the order they narrow the documents (a signer among the issuer's plans, an issuer among a province's)
READERS: tuple[Reader, ...] = (KindAsked(), LawsNamed(), ProvincesNamed(), IssuerNamed(), SignerNamed())
TOPICS = TopicsListed()


def topic_plans(r: "Retriever", q: Question) -> tuple[str, ...]:
    """The documents a question names each by its topic (`TopicsListed.plans`)."""
    return TOPICS.plans(r, q)


def catalogue_plans(r: "Retriever", q: Question) -> tuple[str, ...]:
    """The plans a question asking which plans there are (`asks_plans`) names by their typed metadata: of the
    provinces it names (their plans' `Locality.province`; else of the places it is filtered to), those whose typed
    title (`Document.title`; not the letterhead's "Căn cứ Luật …" lines) holds LIST_TITLE_SHARE of the
    rarity-weighted words it says they are about ("triển khai thi hành luật": the law plans), or all of them when it
    says nothing else of them ("Tỉnh Đồng Tháp có những kế hoạch nào", "Sơn La và Lai Châu mỗi tỉnh có kế hoạch gì");
    in the store's order, at most MAX_PLANS_LISTED. Each piece of metadata is one reader (READERS, TOPICS). Empty when
    the question asks about what the plans' clauses say, or names a subject no title states (the abstention decides)."""
    topics = TOPICS.plans(r, q)  # "Văn bản về A, về B và C có số hiệu gì": each topic's document (a unit the
    if topics:  # question reads in a topic, "trung tâm chính trị", is the topic's, asked the number)
        return topics
    laws = laws_listed(q)
    if laws and q.asks_number:  # "Kế hoạch thi hành Luật A, Luật B và Luật C lần lượt do ai ban hành, số hiệu là gì":
        q = dataclasses.replace(q, explicit_role=None, unit=None)  # each law's plan, by its number and issuer
    elif (not (asks_plans(q) or places_first(q)) or (q.subject_plans and not laws) or q.explicit_role
          or q.unit):
        return ()  # plans named by the law they implement (`each_place_first`), or by whom they assign: their clauses'
    docs = _in_scope(r, q)
    other = asked_of_each(q)
    names = False
    for reader in READERS:
        reading = reader.read(r, q, docs)
        docs, other, names = reading.docs, other | reading.words, names or reading.names
    subject = [w for w in q.key_tokens if w not in LEVEL_WORDS and w not in CATALOGUE_WORDS and w not in other]
    if not subject:
        found = docs if names else []
    else:
        total = sum(r.evidence.idf(w) for w in subject)
        titles = {d: r.evidence.title_words(r.store.documents[d].title or "") for d in docs}
        found = [d for d in docs if sum(r.evidence.idf(w) for w in subject if w in titles[d]) >= LIST_TITLE_SHARE * total]
    return tuple(found[:MAX_PLANS_LISTED])
