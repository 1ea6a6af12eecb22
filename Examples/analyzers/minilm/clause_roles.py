#!/usr/bin/env python3
"""How well MiniLM alone reads clause roles, leave-writers-out: a measurement, not an analyzer.

Each labelled clause of Tests/Fixtures/corpus/clauses/roles.jsonl becomes (a) the mean and the
maximum of its input-layer token vectors (what the built-in analysis reads in-process) and (b) the
six-layer sentence embedding; a softmax regression over the nine roles, fitted by AdaGrad on
standardised inputs, is trained on every other writer's clauses and scores that writer's. Prints
the pooled accuracy for (a), (b) and both, to compare with the clause-role accuracy of `rehearse
eval --leave-writers-out` (docs/analysis.md).

    python3 Examples/analyzers/minilm/clause_roles.py

The sentence embeddings take a few minutes on two cores.
"""
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE))
from minilm_encoder import MiniLM, TokenEmbeddings  # noqa: E402


def clauses():
    texts, roles, writers = [], [], []
    with open(ROOT / "Tests/Fixtures/corpus/clauses/roles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            for clause in item["clauses"]:
                texts.append(clause["text"])
                roles.append(clause["role"])
                writers.append(item["id"].split("-")[0])
    return texts, roles, np.array(writers)


def pooled_tokens(table, text):
    vectors = np.asarray(table.vectors(text))
    if len(vectors) == 0:
        return np.zeros(768)
    return np.concatenate([vectors.mean(0), vectors.max(0)])


def fit(x, y, classes, l2=1e-3, epochs=60, rate=0.5):
    """Softmax regression by full-batch AdaGrad: deterministic, no library beyond numpy."""
    n, d = x.shape
    weights, bias = np.zeros((d, classes)), np.zeros(classes)
    target = np.eye(classes)[y]
    squared, squared_bias = np.full_like(weights, 1e-8), np.full_like(bias, 1e-8)
    for _ in range(epochs):
        z = x @ weights + bias
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        gradient = x.T @ (p - target) / n + l2 * weights
        gradient_bias = (p - target).mean(0)
        squared += gradient**2
        squared_bias += gradient_bias**2
        weights -= rate * gradient / np.sqrt(squared)
        bias -= rate * gradient_bias / np.sqrt(squared_bias)
    return weights, bias


def leave_writers_out(x, y, writers, classes):
    x = (x - x.mean(0)) / (x.std(0) + 1e-6)
    right = 0
    for writer in sorted(set(writers)):
        held = writers == writer
        weights, bias = fit(x[~held], y[~held], classes)
        right += int(((x[held] @ weights + bias).argmax(1) == y[held]).sum())
    return right / len(y)


def main():
    texts, roles, writers = clauses()
    names = sorted(set(roles))
    y = np.array([names.index(role) for role in roles])
    table = TokenEmbeddings()
    tokens = np.stack([pooled_tokens(table, text) for text in texts])
    sentences = np.asarray(MiniLM().embed(texts))
    print(f"{len(texts)} clauses from {len(set(writers))} writers")
    for label, x in [("token vectors, mean and max", tokens), ("sentence embedding", sentences), ("both", np.hstack([tokens, sentences]))]:
        print(f"{label:30} {leave_writers_out(x, y, writers, len(names)):.3f}")


if __name__ == "__main__":
    main()
