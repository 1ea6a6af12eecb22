"""STAR and SMART decisions from MiniLM embeddings: the features, the logistic heads, the follow-up.

An answer becomes one vector of 768 floats, the mean and the element-wise maximum of 384-float
vectors put side by side, so that one story sentence among general ones still shows. Two encoders
give those vectors:
- `transformer`: the whole six-layer model, one unit vector per sentence;
- `tokens`: the model's input embeddings alone, one vector per WordPiece token, no attention.
Each label has its own L2-regularised logistic head over the answer's vector, trained by Newton's
method (deterministic, no learning-rate schedule to tune): the STAR labels on answers to story
questions, the SMART labels on goal answers.
"""
import json
import re

import numpy as np

STAR_LABELS = ["specific_example", "situation", "task", "action", "result", "declined"]
SMART_LABELS = ["smart.specific", "smart.measurable", "smart.time_bound"]
LABELS = STAR_LABELS + SMART_LABELS
ENCODERS = ["transformer", "tokens"]

# Set once, before any held-out figure was seen; not tuned on the evaluation.
L2 = 1e-2
NEWTON_STEPS = 25

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")


def sentences(text):
    """The answer's sentences (split after . ! ? … and at line breaks); the whole text when it has no break."""
    parts = [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
    return parts or [text.strip() or "."]


def sentence_spans(text):
    """(start, end) of each sentence in `text`, in characters (Unicode scalars), end exclusive."""
    spans, position = [], 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        if start < 0:
            continue
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def pool(vectors):
    """The answer's vector from its sentence vectors: mean then maximum."""
    return np.concatenate([vectors.mean(axis=0), vectors.max(axis=0)]).astype(np.float64)


class Encoder:
    """One of ENCODERS, loaded once: `answer` gives an answer's vector, `piece` a sentence's."""

    def __init__(self, name):
        from minilm_encoder import MiniLM, TokenEmbeddings
        if name not in ENCODERS:
            raise ValueError(f"unknown encoder '{name}'; use one of {', '.join(ENCODERS)}")
        self.name = name
        self.model = MiniLM() if name == "transformer" else TokenEmbeddings()

    def answer(self, text):
        if self.name == "transformer":
            return pool(self.model.embed(sentences(text)))
        return pool(self.model.vectors(text))

    def pieces(self, texts):
        if self.name == "transformer":
            return [pool(vector[None, :]) for vector in self.model.embed(texts)]
        return [pool(self.model.vectors(text)) for text in texts]


def _fit(x, y):
    """Weights and bias of an L2-regularised logistic regression (bias not penalised)."""
    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, L2 * n)
    penalty[-1] = 0
    for _ in range(NEWTON_STEPS):
        p = 1 / (1 + np.exp(-(design @ w)))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], w[-1]


def train(vectors, items, encoder):
    """Heads for every label with both values among `items` (the corpus's dicts): the STAR labels
    from answers to story questions, the SMART labels from goal answers."""
    x = np.asarray(vectors, dtype=np.float64)
    center = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - center) / scale
    heads = {}
    for label in LABELS:
        goal = label in SMART_LABELS
        rows = [i for i, item in enumerate(items)
                if isinstance(item.get(label), bool) and (item.get("kind") == "goals") == goal]
        y = np.array([1.0 if items[i][label] else 0.0 for i in rows])
        if len(rows) < 10 or y.min() == y.max():
            continue
        weights, bias = _fit(z[rows], y)
        heads[label] = {"weights": [round(float(v), 6) for v in weights], "bias": round(float(bias), 6),
                        "trained_on": len(rows)}
    return {"format": 2, "encoder": encoder, "l2": L2,
            "center": [round(float(v), 6) for v in center], "scale": [round(float(v), 6) for v in scale],
            "heads": heads}


class Heads:
    """Trained heads, loaded from the JSON `train` produced."""

    def __init__(self, data):
        self.encoder = data.get("encoder", "transformer")
        self.center = np.array(data["center"])
        self.scale = np.array(data["scale"])
        self.heads = {label: (np.array(head["weights"]), head["bias"]) for label, head in data["heads"].items()}

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as file:
            return cls(json.load(file))

    def probabilities(self, vector):
        z = (vector - self.center) / self.scale
        return {label: float(1 / (1 + np.exp(-(z @ w + b)))) for label, (w, b) in self.heads.items()}


def followup(decided, goal=False):
    """The follow-up the labelling guide's priority rule gives: no example, own action, result,
    situation; for a goal, the SMART analyzer's order: specific, measurable, time-bound."""
    if goal:
        for label in SMART_LABELS:
            if not decided.get(label, True):
                return label.split(".", 1)[1]
        return None
    if not decided.get("specific_example", True):
        return "example"
    if not decided.get("action", True):
        return "action"
    if not decided.get("result", True):
        return "result"
    if not decided.get("situation", True):
        return "situation"
    return None
