#!/usr/bin/env python3
"""Agreement between the writers' labels and the second labeller's (Cohen's kappa per label).

Usage: scripts/corpus-agreement.py [LABELS]   (default: Tests/Fixtures/corpus/relabel/labels.jsonl)
Prints, per label, how many answers both labelled, the share agreed, and Cohen's kappa; then the
ids where they differ, to settle in the labelling guide.
"""
import glob
import json
import os
import sys

LABELS = ["specific_example", "situation", "task", "action", "result", "declined", "smart.specific", "smart.measurable", "smart.time_bound"]


def kappa(pairs):
    """Cohen's kappa for two raters' yes/no labels: (observed - chance) / (1 - chance)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    yes_a = sum(a for a, _ in pairs) / n
    yes_b = sum(b for _, b in pairs) / n
    chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def main():
    root = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "corpus")
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "relabel", "labels.jsonl")
    writers = {}
    # The held-out writers in unseen/ are relabelled too (relabel/labels-4.jsonl).
    for file in glob.glob(os.path.join(root, "writers", "*.jsonl")) + glob.glob(os.path.join(root, "unseen", "*.jsonl")):
        for line in open(file, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                # Both labellers worked before the guide's settled cases: compare their own labels.
                item.update(item.get("writer_labels", {}))
                writers[item["id"]] = item
    second = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    print(f"{len(second)} answers relabelled")
    print(f"{'label':18} {'both':>5} {'agree':>7} {'kappa':>7}")
    for label in LABELS:
        pairs, differ = [], []
        for item in second:
            first = writers.get(item["id"], {})
            if isinstance(item.get(label), bool) and isinstance(first.get(label), bool):
                pairs.append((first[label], item[label]))
                if first[label] != item[label]:
                    differ.append(item["id"])
        value = kappa(pairs)
        if value is None:
            continue
        agree = sum(a == b for a, b in pairs) / len(pairs)
        print(f"{label:18} {len(pairs):>5} {agree:>7.3f} {value:>7.3f}   differ: {' '.join(differ)}")


if __name__ == "__main__":
    main()
