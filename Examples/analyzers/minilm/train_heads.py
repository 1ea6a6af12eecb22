#!/usr/bin/env python3
"""Trains the MiniLM plugin's logistic heads from labelled answers (the corpus's JSON Lines).

    python3 Examples/analyzers/minilm/train_heads.py Tests/Fixtures/corpus/writers/*.jsonl \\
        Tests/Fixtures/answers/dev.jsonl --output Examples/analyzers/minilm/heads.json

--encoder transformer (the default) or tokens (star_heads.py says what each is). --leave-out WRITER
(repeatable) trains without that writer's answers, for leave-writers-out figures (evaluate.py does
this for every writer). Embeddings are cached by encoder and answer text in --cache (default
~/.cache/rehearse/minilm-embeddings.npz), so retraining reads the encoder only for new answers.
The output is the same for the same input.
"""
import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import star_heads  # noqa: E402
from minilm_encoder import ModelMissing  # noqa: E402

# Part of every cache key: raise it whenever the tokenizer, the encoder or the pooling changes, so
# that no vector made the old way is read again.
CACHE_VERSION = 1
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rehearse" / "minilm-embeddings.npz"


def read_items(paths):
    items = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError as error:
                    sys.exit(f"{path}:{number}:{error.colno}: error: not JSON: {error.msg}")
                if not isinstance(item.get("answer"), str):
                    continue
                items.append(item)
    return items


class EmbeddingCache:
    """Answer vectors by the SHA-256 of the answer text, read from and written back to one .npz file."""

    def __init__(self, path, encoder):
        self.path = Path(path)
        self.encoder_name = encoder
        self.vectors, self.dirty = {}, False
        if self.path.is_file():
            with np.load(self.path) as stored:
                self.vectors = {key: stored[key] for key in stored.files}
        self.model = None

    def vector(self, text):
        key = f"{self.encoder_name}-v{CACHE_VERSION}-" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        if key not in self.vectors:
            if self.model is None:
                self.model = star_heads.Encoder(self.encoder_name)
            self.vectors[key] = self.model.answer(text).astype(np.float32)
            self.dirty = True
        return self.vectors[key].astype(np.float64)

    def save(self):
        if self.dirty:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(self.path.name + ".tmp.npz")
            np.savez(temporary, **self.vectors)
            os.replace(temporary, self.path)


def main():
    parser = argparse.ArgumentParser(description="Train the MiniLM plugin's STAR heads.")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--leave-out", action="append", default=[], metavar="WRITER")
    parser.add_argument("--cache", default=str(DEFAULT_CACHE))
    parser.add_argument("--encoder", default="transformer", choices=star_heads.ENCODERS)
    options = parser.parse_args()
    items = [item for item in read_items(options.files) if item.get("writer") not in set(options.leave_out)]
    if not items:
        sys.exit("train_heads: no answers to train on")
    cache = EmbeddingCache(options.cache, options.encoder)
    try:
        vectors = [cache.vector(item["answer"]) for item in items]
    except ModelMissing as error:
        sys.exit(f"train_heads: {error}")
    finally:
        cache.save()
    heads = star_heads.train(vectors, items, options.encoder)
    heads["left_out"] = sorted(options.leave_out)
    Path(options.output).write_text(json.dumps(heads, separators=(",", ":")) + "\n", encoding="utf-8")
    trained = ", ".join(f"{label} ({head['trained_on']})" for label, head in heads["heads"].items())
    print(f"{len(items)} answers, heads: {trained}", file=sys.stderr)


if __name__ == "__main__":
    main()
