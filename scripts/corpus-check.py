#!/usr/bin/env python3
"""Checks the multi-writer corpus (Tests/Fixtures/corpus/writers/*.jsonl, the training writers, and
unseen/*.jsonl, the writers kept out of training) and prints its counts.

Usage: scripts/corpus-check.py [FILE ...]   (default: every writer's file)
Exits 1 when a line is malformed, naming it as FILE:LINE and what to fix.
"""
import collections
import glob
import json
import os
import sys

STAR = ["specific_example", "situation", "task", "action", "result"]
SMART = ["smart.specific", "smart.measurable", "smart.time_bound"]
KINDS = {"behavioral", "situational", "goals", "general"}


def check(path, problems, counts, seen):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not JSON ({error.msg} at column {error.colno})")
                continue
            for key in ["id", "writer", "style", "question", "kind", "answer"]:
                if not isinstance(item.get(key), str) or not item[key].strip():
                    problems.append(f"{where}: '{key}' is missing or empty")
            if item.get("id") in seen:
                problems.append(f"{where}: id '{item.get('id')}' is also at {seen[item['id']]}")
            seen[item.get("id")] = where
            kind = item.get("kind")
            if kind not in KINDS:
                problems.append(f"{where}: kind '{kind}' is not one of {sorted(KINDS)}")
                continue
            labels = SMART if kind == "goals" else STAR
            missing = [label for label in labels if not isinstance(item.get(label), bool)]
            if missing:
                problems.append(f"{where}: labels {missing} are missing or not true/false")
                continue
            if kind != "goals" and not item["specific_example"] and any(item[label] for label in STAR[1:]):
                problems.append(f"{where}: no specific example, but STAR parts are labelled true (the guide: no example, no parts)")
            pattern = "".join("1" if item[label] else "0" for label in labels)
            counts["writer"][item["writer"]] += 1
            counts["style"][item["style"]] += 1
            counts["pattern"][f"{kind}:{pattern}"] += 1
            if item.get("declined"):
                counts["pattern"]["declined"] += 1


def main():
    root = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "corpus")
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(root, "writers", "*.jsonl")) + glob.glob(os.path.join(root, "unseen", "*.jsonl")))
    problems, seen = [], {}
    counts = {name: collections.Counter() for name in ["writer", "style", "pattern"]}
    for path in paths:
        check(path, problems, counts, seen)
    for name, counter in counts.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in sorted(counter.items())))
    print(f"{sum(counts['writer'].values())} answers from {len(counts['writer'])} writers in {len(counts['style'])} styles")
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
