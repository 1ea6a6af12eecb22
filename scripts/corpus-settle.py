#!/usr/bin/env python3
"""Applies the labelling guide's settled cases to the answer labels, in place: the corpus's and the
project's own (Tests/Fixtures/answers).

A settled case is a decision the guide made after the writers labelled (briefs/common.md, "Settled
cases"). Each changed line keeps the writer's own value under "writer_labels" and names the case
under "settled", so the change can be seen and undone. Running it again changes nothing.

Case "question-time-frame": a goal given in answer to a question that sets its own time frame
("Where do you see yourself in five years?") is bound by that frame. smart.time_bound becomes true
when the answer names a goal (smart.specific) and the question has a frame.

Usage: scripts/corpus-settle.py [--check]   (--check: exit 1 if any line would change)
"""
import glob, json, os, re, sys

fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")
# The corpus of many writers, and the project's own answers (writer w00).
folders = [os.path.join(fixtures, "corpus", "writers"), os.path.join(fixtures, "answers")]
number = r"(one|two|three|four|five|six|seven|eight|nine|ten|\d+|a|the next|next|few|couple of|several)"
frame = re.compile(rf"\b(in|within|over|after|for)\s+(the\s+)?(next\s+)?{number}\s+(\w+\s+)?(years?|months?)\b"
                   rf"|\b{number}\s+(years?|months?)\s+from now\b|\bnext\s+(few|couple of|several)?\s*(years?|months?)\b", re.I)


def settle(item):
    if item.get("kind") != "goals" or not frame.search(item.get("question", "")):
        return False
    if item.get("smart.specific") is True and item.get("smart.time_bound") is False:
        item.setdefault("writer_labels", {})["smart.time_bound"] = False
        item["smart.time_bound"] = True
        item.setdefault("settled", []).append("question-time-frame")
        return True
    return False


def main():
    check = "--check" in sys.argv[1:]
    changed = 0
    for path in sorted(p for folder in folders for p in glob.glob(os.path.join(folder, "*.jsonl"))):
        lines = open(path, encoding="utf-8").read().splitlines()
        out = []
        for line in lines:
            if not line.strip():
                out.append(line); continue
            item = json.loads(line)
            if settle(item):
                changed += 1
                out.append(json.dumps(item, ensure_ascii=False))
            else:
                out.append(line)
        if not check and out != lines:
            open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
    print(f"question-time-frame: {changed} line(s) {'would change' if check else 'settled'}")
    sys.exit(1 if check and changed else 0)


main()
