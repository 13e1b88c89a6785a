"""How far answers move when the dev QUESTIONS are asked the way other people ask them.

`benchmarks/perturb_layouts.py` rewrites the documents; this rewrites the questions. Every row of
eval/real_dev*.jsonl (answerable and unanswerable; a row citing a test-half document is dropped before anything is
read) is rewritten by each registered perturbation — typed without diacritics, in lower case without punctuation,
with the plans' abbreviations written short or written out (the index's own table, `abbreviations.json`: the curated
`corpus.text.ABBREVIATIONS` plus the pairs harvested from the plans), the asking phrase swapped for an everyday
synonym (the "who" and "what to do" phrases from `corpus.text.EVERYDAY_WORDS`), the place dropped, or trimmed to its
content words and asking word as a chat message — and asked in hybrid mode on the full index with the shipped ranker,
as `planqa eval --no-window` asks (`retrieval.evaluate.evaluate`, scored by `perturb_layouts.scores`).

Only the rows a perturbation changes are asked again (retrieval is deterministic: an unchanged row scores as the
original). The report gives, per perturbation, over the rows it changed: hit@5, MRR@10 and answers (answerable rows),
abstention (unanswerable rows), false refusals and false answers, the answers lost and won against the original
wording, the distinct documents of the lost ones, and how the question's analysed type (`Retriever.analyse`) agrees
with the gold type and with the type the original wording was given — the analysis must not be fitted to one wording.

place_dropped changes the meaning of an unanswerable row (a place no plan covers is often why it is unanswerable) and
is asked of answerable rows only; its "unique" row keeps the questions whose answer strings occur in one dev document
alone (the test half is never read), the ones a question without its place can still fairly be asked of.

Run: .venv/bin/python benchmarks/perturb_questions.py --index DIR [--only NAME ...] [--ranker PATH]
     [--work DIR] [--out benchmarks/results/perturb-questions.md] [--json PATH] [--label TEXT]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus.places import find_places, spell_out_provinces  # noqa: E402
from corpus.text import EVERYDAY_WORDS, fold_same_length, normalize, strip_marks  # noqa: E402
from perturb_layouts import PLANS, dev_documents, flips, scores  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "perturb-questions.md"


def _case_like(like: str, text: str) -> str:
    """``text`` with the first letter's case of ``like`` ("Ai chủ trì" → "Ai lo")."""
    return text[:1].upper() + text[1:] if like[:1].isupper() else text


def _choice(qid: str, options: tuple[str, ...]) -> str:
    """One of ``options`` for question ``qid``, the same on every run (the rows spread over the options)."""
    return options[zlib.crc32(qid.encode("utf-8")) % len(options)]


def _marked(text: str) -> bool:
    return strip_marks(text) != text


def _view(text: str) -> str:
    """The question as a phrase is looked for in it, one character per character so offsets point back at the words
    as typed: lower case with its marks when it was typed with them ("là" is not "La", "thì" not "thị"), else folded."""
    return text.lower() if _marked(text) else fold_same_length(text)


def _words_rx(phrase: str, marked: bool, tail: str = "") -> re.Pattern[str]:
    """A phrase matched whole over `_view` of a question typed with marks (``marked``) or without."""
    words = (phrase.lower() if marked else fold_same_length(phrase)).split()
    return re.compile(r"(?<![\w&\-/])" + r"\s+".join(map(re.escape, words)) + r"(?![\w&\-/])" + tail)


def _replace(text: str, phrase: str, new: str, tail: str = "") -> str:
    """``text`` with every whole occurrence of ``phrase`` replaced by ``new`` (written without marks in a question
    typed without them), the first letter's case kept."""
    marked = _marked(text)
    new = new if marked else strip_marks(new)
    out, last = [], 0
    for m in _words_rx(phrase, marked, tail).finditer(_view(text)):
        out += [text[last:m.start()], _case_like(text[m.start():m.end()], new) if new else ""]
        last = m.end()
    return "".join(out) + text[last:]


# ----------------------------------------------------------------------------- perturbations


class QuestionPerturbation:
    """One way of asking: a question's text in, its rewriting out (the same text when it does not apply). The
    identity: the questions as the dev sets write them."""

    name, describe = "original", "the dev questions as written"
    answerable_only = False  # the rewriting may change whether the question is answerable

    def rewrite(self, text: str, qid: str) -> str:
        return text


class NoDiacritics(QuestionPerturbation):
    name, describe = "no_diacritics", "the whole question typed without marks (Ai chủ trì → Ai chu tri)"

    def rewrite(self, text: str, qid: str) -> str:
        return strip_marks(text)


class LowerNoPunct(QuestionPerturbation):
    name, describe = "lower_case_no_punct", "lower case, punctuation dropped (TP.HCM → tphcm, '?' gone)"
    _PUNCT = re.compile(r"[?!.,:;\"“”()…'‘’]|(?<!\w)-(?!\w)")

    def rewrite(self, text: str, qid: str) -> str:
        return " ".join(self._PUNCT.sub(" ", text.lower()).split())


class _Abbreviating(QuestionPerturbation):
    """Reads the index's abbreviation table (`abbreviations.json`: curated and harvested pairs)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table


class Abbreviations(_Abbreviating):
    name, describe = "abbreviations", "unit and topic names written short (Ủy ban nhân dân → UBND, bảo hiểm y tế → BHYT)"

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(table)
        # the longest long form first: "cán bộ công chức viên chức" before "cán bộ công chức"
        short: dict[str, str] = {}
        for abbr, long in table.items():  # a long form two codes share is written with the first
            short.setdefault(long, abbr)
        self.rules = sorted(short.items(), key=lambda kv: -len(kv[0]))

    def rewrite(self, text: str, qid: str) -> str:
        for long, abbr in self.rules:
            marked = _marked(text)
            out, last = [], 0
            for m in _words_rx(long, marked).finditer(_view(text)):
                out += [text[last:m.start()], abbr]
                last = m.end()
            text = "".join(out) + text[last:]
        return text


class Expansions(_Abbreviating):
    name, describe = "expansions", "abbreviations written out (UBND → Ủy ban nhân dân, CĐS → chuyển đổi số)"

    def rewrite(self, text: str, qid: str) -> str:
        for abbr in sorted(self.table, key=len, reverse=True):
            # the code as typed, whole: not inside a document number ("172/KH-UBND") nor "TP.HCM"
            rx = re.compile(r"(?<![\w&\-/.])" + re.escape(abbr) + r"(?![\w&\-/]|\.\w)")
            long = self.table[abbr] if _marked(text) else strip_marks(self.table[abbr])
            text = rx.sub(lambda m, w=long: w, text)
        return text[:1].upper() + text[1:] if text[:1].islower() and not text[:1].isdigit() else text


def _everyday(plan_words: str, *phrases: str) -> tuple[str, ...]:
    """Everyday asking phrases of one `corpus.text.EVERYDAY_WORDS` group (named by its plan words), each checked to be
    in it: the swaps are the vocabulary's, not a new list."""
    group = next(e for e, p, _ in EVERYDAY_WORDS if p == plan_words)
    known = {x.strip() for x in group.split("|")}
    for p in phrases:
        assert p in known, f"{p!r} is not an everyday phrase of {plan_words!r} in corpus.text.EVERYDAY_WORDS"
    return phrases


_WHO = _everyday("chủ trì, giao, phân công, trách nhiệm, tổ chức thực hiện", "ai lo", "ai chịu trách nhiệm",
                 "ai phụ trách")
_TODO = _everyday("nhiệm vụ, nội dung, giải pháp", "phải làm gì", "cần làm gì", "những việc gì")


class AskingWordSwaps(QuestionPerturbation):
    """The asking phrase swapped for one people use every day; the rest of the question as written. Each rule: the
    phrase as the dev sets write it, and its everyday synonyms (one per question, fixed by its id)."""

    name, describe = "asking_word_swaps", ("ai chủ trì → ai lo / đơn vị nào phụ trách / ai chịu trách nhiệm; khi nào → "
                                           "bao giờ / đến lúc nào / hạn chót là khi nào; đạt bao nhiêu → cần đạt mức "
                                           "nào; nhiệm vụ gì → phải làm gì")
    _END = r"(?=\s*[?.!]?\s*$)"  # a "bao nhiêu" closing the question: "là bao nhiêu tấn" keeps its unit
    RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
        ("cơ quan nào chủ trì", (*_WHO[:2], "đơn vị nào phụ trách"), ""),
        ("đơn vị nào chủ trì", (*_WHO[:2], "đơn vị nào phụ trách"), ""),
        ("ai chủ trì", (*_WHO[:2], "đơn vị nào phụ trách"), ""),
        ("do ai chủ trì", ("do ai phụ trách", "do đơn vị nào phụ trách", "ai chịu trách nhiệm"), ""),
        ("thời hạn hoàn thành", ("hạn chót", "hạn cuối", "thời gian xong"), ""),
        ("từ khi nào", ("từ bao giờ", "từ lúc nào", "từ thời điểm nào"), ""),
        ("khi nào", ("bao giờ", "đến lúc nào", "lúc nào"), ""),
        ("thời hạn", ("hạn chót", "hạn cuối", "thời gian"), ""),
        ("đạt bao nhiêu", ("cần đạt mức nào", "đạt mức nào", "phải đạt bao nhiêu"), _END),
        ("là bao nhiêu", ("ở mức nào", "cần đạt bao nhiêu", "là mấy"), _END),
        ("những nhiệm vụ gì", _TODO, ""),
        ("những nhiệm vụ nào", _TODO, ""),
        ("được giao nhiệm vụ gì", ("phải làm gì", "được giao làm gì", "lo những việc gì"), ""),
        ("nhiệm vụ gì", _TODO, ""),
    )

    def rewrite(self, text: str, qid: str) -> str:
        done: set[str] = set()  # a phrase written by a rule is not rewritten by a shorter one
        for phrase, alts, tail in sorted(self.RULES, key=lambda r: -len(r[0])):
            if any(phrase in d for d in done):
                continue
            new = _replace(text, phrase, _choice(qid, alts), tail)
            if new != text:
                done.add(phrase)
                text = new
        return text


# the words that bring a place in: a level, or "của / ở / tại" before it
_PLACE_LEAD = re.compile(r"(?:\b(?:của|ở|tại|thuộc|trên địa bàn)\s+)?(?:\b(?:thành phố|tp\.?|tỉnh|xã|phường|đặc khu)\s+)?$",
                         re.I)


class PlaceDropped(QuestionPerturbation):
    name, describe = "place_dropped", "the province / commune named (and its level, 'của / ở / tại') taken out"
    answerable_only = True

    def rewrite(self, text: str, qid: str) -> str:
        spelt = spell_out_provinces(text)
        places = find_places(spelt)
        if not places:
            return text
        out = spelt
        for p in places:
            m = _words_rx(p.name, False).search(fold_same_length(out))
            if m is None:
                continue
            lead = _PLACE_LEAD.search(out[:m.start()])
            start = lead.start() if lead else m.start()
            out = out[:start] + out[m.end():]
        out = re.sub(r"\s+([?,.])", r"\1", " ".join(out.split())).strip(" ,")
        return out if out != " ".join(spelt.split()) else text


class ChatShort(QuestionPerturbation):
    name, describe = "chat_short", "trimmed to its content words and asking word, as a chat message (no frame words, " \
                                   "no punctuation)"
    # frame words a chat message leaves out, each one of the question words the analysis already knows
    # (`retrieval.query._QUESTION_PHRASES`: checked at start)
    FRAME = ("cho biết", "hãy", "của", "được", "là", "thì", "vậy", "nhỉ", "ạ", "nhé", "hả", "theo",
             "về", "tại", "ở", "vào", "cho", "với", "và", "để", "trên", "có", "không", "như", "hiện nay", "muốn",
             "mình", "tôi", "chúng tôi", "thực hiện", "triển khai")

    def __init__(self) -> None:
        from retrieval.query import _PHRASES

        for w in self.FRAME:
            assert w in _PHRASES, f"{w!r} is no question word of retrieval.query"

    def rewrite(self, text: str, qid: str) -> str:
        out = LowerNoPunct._PUNCT.sub(" ", text)
        # typed without marks, a one-syllable frame word is any of several words ("la": là, La of Sơn La; "ha": hả,
        # Hà Nội; "thi": thì, thi đua): only the frame phrases of two syllables or more are dropped
        frame = self.FRAME if _marked(text) else [w for w in self.FRAME if " " in w]
        for w in sorted(frame, key=len, reverse=True):
            out = " ".join(_replace(out, w, "").split())
        return out


def perturbations(table: dict[str, str]) -> list[QuestionPerturbation]:
    return [NoDiacritics(), LowerNoPunct(), Abbreviations(table), Expansions(table), AskingWordSwaps(),
            PlaceDropped(), ChatShort()]


# ----------------------------------------------------------------------------- gold


def dev_rows() -> list[dict]:
    """Every row of eval/real_dev*.jsonl, its id prefixed by its set; a row citing a test-half document is dropped."""
    split = json.loads((ROOT / "eval" / "real_split.json").read_text(encoding="utf-8"))
    test = set(split["test"])
    out = []
    for path in sorted((ROOT / "eval").glob("real_dev*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                if not any(r["source"] in test for r in q["relevant"]):
                    out.append({**q, "id": f"{path.stem}:{q['id']}"})
    return out


def unique_sources(rows: list[dict]) -> set[str]:
    """Ids of the answerable rows whose answer strings all occur in one dev document alone (the test half unread)."""
    texts = {d: " ".join(normalize((PLANS / d).read_text(encoding="utf-8")).split()) for d in dev_documents()}
    out = set()
    for q in rows:
        if q["answerable"]:
            needles = [" ".join(normalize(n).split()) for n in q["answer_contains"]]
            holding = [d for d, t in texts.items() if all(n in t for n in needles)]
            if len(holding) == 1:
                out.add(q["id"])
    return out


# ----------------------------------------------------------------------------- ask and report


def _write(path: Path, rows: list[dict]) -> Path:
    keys = ("id", "question", "type", "persona", "relevant", "answer_contains", "answerable")
    path.write_text("".join(json.dumps({k: q[k] for k in keys}, ensure_ascii=False) + "\n" for q in rows),
                    encoding="utf-8")
    return path


def figures(res: dict[str, dict], ids: set[str]) -> dict[str, float | int]:
    """hit@5, MRR@10, answers, false refusals over the answerable rows of ``ids``; abstention and false answers over
    the unanswerable ones."""
    ans = [res[i] for i in ids if res[i]["answerable"]]
    una = [res[i] for i in ids if not res[i]["answerable"]]
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {"n_ans": len(ans), "n_una": len(una), "hit": mean([r["hit"] for r in ans]),
            "mrr": mean([r["rr"] for r in ans]), "ans": mean([r["ans"] for r in ans]),
            "fr": mean([r["abstained"] for r in ans]), "abst": mean([r["abstained"] for r in una]),
            "fa": mean([not r["abstained"] for r in una])}


def main() -> None:
    from retrieval import Retriever
    from retrieval.evaluate import evaluate

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, type=Path)
    ap.add_argument("--only", nargs="*", default=[], help="perturbation names to run (default: all)")
    ap.add_argument("--ranker", default=None, help="ranking model file (default: the shipped one)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/perturb_questions"), help="where the rewritten sets go")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--json", type=Path, default=None, help="also write per-question results and rewritings")
    ap.add_argument("--label", default="", help="a line naming the code measured (e.g. the commit)")
    ap.add_argument("--show", type=int, default=0, help="print this many rewritings per perturbation")
    args = ap.parse_args()

    rows = dev_rows()
    by_id = {q["id"]: q for q in rows}
    table = json.loads((args.index / "abbreviations.json").read_text(encoding="utf-8"))
    chosen = [p for p in perturbations(table) if not args.only or p.name in args.only]
    args.work.mkdir(parents=True, exist_ok=True)
    retriever = Retriever.load(args.index, ranker=args.ranker)
    analysed = lambda text: retriever.analyse(text).qtype  # noqa: E731

    t = time.perf_counter()
    base = scores(evaluate(retriever, _write(args.work / "original.jsonl", rows), modes=("hybrid",), k=10))
    base_type = {q["id"]: analysed(q["question"]) for q in rows if q["answerable"]}
    f0 = figures(base, set(by_id))
    print(f"original: {len(rows)} rows, hit@5 {f0['hit']:.3f} MRR {f0['mrr']:.3f} answers {f0['ans']:.3f} abstention "
          f"{f0['abst']:.3f}, {time.perf_counter() - t:.0f} s", file=sys.stderr)
    unique = unique_sources(rows)

    runs = []
    for p in chosen:
        t = time.perf_counter()
        new = {q["id"]: p.rewrite(q["question"], q["id"]) for q in rows if q["answerable"] or not p.answerable_only}
        changed = sorted(i for i, text in new.items() if text != by_id[i]["question"])
        for i in changed[:args.show]:
            print(f"  {by_id[i]['question']}\n    → {new[i]}", file=sys.stderr)
        res = dict(base)
        if changed:
            asked = [{**by_id[i], "question": new[i]} for i in changed]
            res.update(scores(evaluate(retriever, _write(args.work / f"{p.name}.jsonl", asked), modes=("hybrid",),
                                       k=10)))
        types = {i: analysed(new[i]) for i in changed if by_id[i]["answerable"]}
        runs.append((p, new, set(changed), res, types))
        f = figures(res, set(changed))
        print(f"{p.name}: {len(changed)} changed, answers {f['ans']:.3f}, {time.perf_counter() - t:.0f} s",
              file=sys.stderr)

    docs_of = {q["id"]: sorted({r["source"] for r in q["relevant"]}) for q in rows}

    def row(name: str, ids: set[str], res: dict[str, dict], types: dict[str, str]) -> str:
        f0, f1 = figures(base, ids), figures(res, ids)
        sub_base = {i: base[i] for i in ids}
        sub_new = {i: res[i] for i in ids}
        lost_a, won_a = flips({i: r for i, r in sub_base.items() if r["answerable"]},
                              {i: r for i, r in sub_new.items() if r["answerable"]}, "ans")
        lost_u, won_u = flips({i: r for i, r in sub_base.items() if not r["answerable"]},
                              {i: r for i, r in sub_new.items() if not r["answerable"]}, "abstained")
        lost_docs = {d for i in lost_a for d in docs_of[i]}
        ans_ids = [i for i in ids if by_id[i]["answerable"]]
        agree0 = sum(base_type[i] == by_id[i]["type"] for i in ans_ids)
        agree1 = sum(types.get(i, base_type[i]) == by_id[i]["type"] for i in ans_ids)
        moved = sum(types.get(i, base_type[i]) != base_type[i] for i in ans_ids)
        fmt = lambda v: "–" if v != v else f"{v:.3f}"  # noqa: E731
        return (f"| {name} | {f1['n_ans']}/{f1['n_una']} | {fmt(f0['hit'])} → {fmt(f1['hit'])} | "
                f"{fmt(f0['mrr'])} → {fmt(f1['mrr'])} | {fmt(f0['ans'])} → {fmt(f1['ans'])} | "
                f"{fmt(f0['abst'])} → {fmt(f1['abst'])} | {fmt(f1['fr'])} | {fmt(f1['fa'])} | "
                f"{len(lost_a)}/{len(won_a)} | {len(lost_u)}/{len(won_u)} | {len(lost_docs)} | "
                f"{agree0 / max(len(ans_ids), 1):.3f} → {agree1 / max(len(ans_ids), 1):.3f} | {moved} |")

    overall = figures(base, set(by_id))
    lines = [
        "# Robustness to other wordings of the questions",
        "",
        f"`benchmarks/perturb_questions.py --index {args.index}`{' ' + args.label if args.label else ''}: "
        f"{len(rows)} dev rows (real_dev*.jsonl; {overall['n_ans']} answerable, {overall['n_una']} unanswerable) "
        "rewritten per perturbation and asked in hybrid mode with the shipped ranker on the full index "
        "(in-sample: the ranker was trained on these sets — compare rows, not CV figures). Figures over the rows "
        "each perturbation changed, original wording → rewritten.",
        "",
        f"Original wording, all rows: hit@5 {overall['hit']:.3f}, MRR@10 {overall['mrr']:.3f}, answers "
        f"{overall['ans']:.3f}, abstention {overall['abst']:.3f}, false refusals {overall['fr']:.3f}, false answers "
        f"{overall['fa']:.3f}.",
        "",
        "| perturbation | changed ans/unans | hit@5 | MRR@10 | answers | abstention | false refusals | false answers "
        "| answers lost/won | abstentions lost/won | docs lost | qtype = gold | qtype moved |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    details = []
    for p, new, changed, res, types in runs:
        lines.append(row(p.name, changed, res, types))
        if isinstance(p, PlaceDropped):
            lines.append(row("  ↳ place_dropped, answer unique to one dev plan", changed & unique, res, types))
        lost, won = flips({i: base[i] for i in changed if base[i]["answerable"]},
                          {i: res[i] for i in changed if res[i]["answerable"]}, "ans")
        fa = sorted(i for i in changed if not by_id[i]["answerable"] and base[i]["abstained"] and not res[i]["abstained"])
        moved = Counter((base_type[i], types[i]) for i in types if types[i] != base_type[i])
        details.append(f"- **{p.name}** ({p.describe}): answers lost {', '.join(lost) or '–'}; won {', '.join(won) or '–'}; "
                       f"newly answered unanswerable {', '.join(fa) or '–'}; analysed type moved "
                       + (", ".join(f"{a}→{b} {n}" for (a, b), n in moved.most_common()) or "–"))
    lines += ["", "answers lost/won: answerable rows right in one wording and wrong in the other; abstentions lost/won: "
              "unanswerable rows; docs lost: distinct documents of the lost answers; qtype = gold: the analysed type "
              "agrees with the gold type (original wording → rewritten); qtype moved: answerable rows whose analysed "
              "type differs from the original wording's.", "", "Flips:", "", *details]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({p.name: {"rewritten": {i: new[i] for i in changed},
                                                  "results": {i: res[i] for i in changed}, "types": types}
                                         for p, new, changed, res, types in runs} | {"original": base},
                                        ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
