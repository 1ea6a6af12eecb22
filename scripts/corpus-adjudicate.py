#!/usr/bin/env python3
"""The third labelling round: two more labellers, blind, on 710 answers; where both of them read a
label the same way and the writer read it otherwise, two of three decide, in place.

Which answers: every answer whose follow-up the analysis got wrong in a leave-writers-out run, and
as many drawn at random from the rest (the controls), shuffled together, so that the labellers
could not tell which were which (relabel/selection-3.json says which is which; the labellers never
saw it). The controls say how often the writers' labels change where the analysis agreed with them:
the figures on the settled labels flatter the analysis by about that rate times the answers not
relabelled, and docs/analysis.md reports both.

Each changed line keeps the writer's value under "writer_labels" and names the case
"two-of-three" under "settled". Running it again changes nothing.

Usage: scripts/corpus-adjudicate.py [--check]   (--check: exit 1 if any line would change)
Prints Cohen's kappa between each pair of labellers and against the writers, and the changes, by
label, among the selected answers and among the controls.
"""
import glob, json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "corpus")
RELABEL = os.path.join(ROOT, "relabel")
LABELS = ["specific_example", "situation", "task", "action", "result", "declined", "smart.specific", "smart.measurable", "smart.time_bound"]
PAIRS = [("3a", "labels-3a1.jsonl", "labels-3a2.jsonl"), ("3b", "labels-3b1.jsonl", "labels-3b2.jsonl")]


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    yes_a = sum(a for a, _ in pairs) / n
    yes_b = sum(b for _, b in pairs) / n
    chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def read(name):
    return {item["id"]: item for item in (json.loads(line) for line in open(os.path.join(RELABEL, name), encoding="utf-8") if line.strip())}


def writer_value(item, label):
    """The writer's own value: what the line says, or what it said before a settled case."""
    own = item.get("writer_labels", {})
    return own.get(label, item.get(label, False if label == "declined" else None))


def main():
    check = "--check" in sys.argv[1:]
    selection = json.load(open(os.path.join(RELABEL, "selection-3.json")))
    selected = set(selection["selected_by_model_error"])
    decided = {}  # id -> {label: value}
    agreement = {label: {"labellers": [], "first": [], "second": []} for label in LABELS}
    paths = sorted(glob.glob(os.path.join(ROOT, "writers", "w*.jsonl")))
    writers = {}
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                writers[item["id"]] = item
    for _, first_name, second_name in PAIRS:
        first, second = read(first_name), read(second_name)
        assert first.keys() == second.keys(), f"{first_name} and {second_name} label different answers"
        for answer_id in first:
            item = writers[answer_id]
            for label in LABELS:
                a, b, w = first[answer_id].get(label), second[answer_id].get(label), writer_value(item, label)
                if label == "declined" and item.get("kind") != "goals":
                    a, b = bool(a), bool(b)
                if a is None or b is None or w is None:
                    continue
                agreement[label]["labellers"].append((a, b))
                agreement[label]["first"].append((a, w))
                agreement[label]["second"].append((b, w))
                if a == b != w:
                    decided.setdefault(answer_id, {})[label] = a
    print(f"{sum(len(read(p[1])) for p in PAIRS)} answers labelled twice more ({len(selected)} selected by a wrong follow-up, {len(selection['controls'])} controls)")
    print(f"{'label':18} {'n':>4}  {'kappa 1-2':>9} {'1-writer':>9} {'2-writer':>9}  {'changed: selected':>17} {'controls':>8}")
    for label in LABELS:
        pairs = agreement[label]
        changed_selected = sum(1 for i, labels in decided.items() if label in labels and i in selected)
        changed_controls = sum(1 for i, labels in decided.items() if label in labels and i not in selected)
        print(f"{label:18} {len(pairs['labellers']):>4}  {kappa(pairs['labellers']):9.3f} {kappa(pairs['first']):9.3f} {kappa(pairs['second']):9.3f}  {changed_selected:>17} {changed_controls:>8}")
    changed = 0
    for path in paths:
        lines = open(path, encoding="utf-8").read().splitlines()
        out = []
        for line in lines:
            item = json.loads(line) if line.strip() else None
            if item is None or item["id"] not in decided:
                out.append(line)
                continue
            before = json.dumps(item, ensure_ascii=False)
            for label, value in decided[item["id"]].items():
                if item.get(label, False if label == "declined" else None) == value:
                    continue
                item.setdefault("writer_labels", {}).setdefault(label, writer_value(item, label))
                item[label] = value
                if "two-of-three" not in item.setdefault("settled", []):
                    item["settled"].append("two-of-three")
            # No example, no parts: a change that breaks the guide's rule is reported, not mended
            # (only both new labellers together may change a label).
            if item.get("specific_example") is False and any(item.get(part) for part in ["situation", "task", "action", "result"]):
                print(f"{item['id']}: no specific example, but a STAR part is still true; settle it in settled.md", file=sys.stderr)
            after = json.dumps(item, ensure_ascii=False)
            if after != before:
                changed += 1
                out.append(after)
            else:
                out.append(line)
        if not check and out != lines:
            open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
    print(f"two-of-three: {changed} line(s) {'would change' if check else 'settled'}")
    sys.exit(1 if check and changed else 0)


main()
