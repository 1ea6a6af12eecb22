#!/usr/bin/env python3
"""Builds dev.jsonl and test.jsonl from the category files beside this script.

Label codes:
  STAR items: five characters E S T A R, each 1 (yes), 0 (no) or - (not labelled):
      E specific_example, S situation, T task, A action (the speaker's own), R result.
    The follow-up label is derived by the documented priority: example if not E, else action if
    not A, else result if not R, else situation if not S, else none.
  Goal items: three characters S M T: smart.specific, smart.measurable, smart.time_bound.

The split is fixed by id: every third item of each category (by position) goes to the test split,
so both splits cover every category; categories in DEV_ONLY (regressions tuned on) stay in dev.
Tune on dev.jsonl only; report test.jsonl.
"""
import importlib.util
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.dirname(here)

spec = importlib.util.spec_from_file_location("questions", os.path.join(here, "questions.py"))
questions = importlib.util.module_from_spec(spec)
spec.loader.exec_module(questions)

CATEGORIES = ["complete_clinician", "complete_peer", "generic", "hypothetical", "we_only",
              "no_result", "no_context", "one_line", "rambling", "goals", "present_tense",
              "found_in_scenarios"]
# Regressions found later and tuned on: dev only, so the test split stays untouched by tuning.
DEV_ONLY = {"found_in_scenarios"}


def flag(c):
    return None if c == "-" else c == "1"


def record(category, item):
    ident, qkey, code, answer = item
    # One writer, the project's own (w00), beside the corpus writers of Tests/Fixtures/corpus.
    row = {"id": ident, "writer": "w00", "category": category, "question": questions.Q[qkey]}
    if not (category == "goals" or len(code) == 3):
        row["kind"] = "behavioral"
    row["answer"] = answer
    if category == "goals" or len(code) == 3:
        assert len(code) == 3, ident
        row["kind"] = "goals"
        for name, c in zip(["smart.specific", "smart.measurable", "smart.time_bound"], code):
            if flag(c) is not None:
                row[name] = flag(c)
        return row
    assert len(code) == 5, ident
    e, s, t, a, r = (flag(c) for c in code)
    for name, value in zip(["specific_example", "situation", "task", "action", "result"], [e, s, t, a, r]):
        if value is not None:
            row[name] = value
    if None not in (e, s, a, r):
        row["followup"] = ("example" if not e else "action" if not a else "result" if not r
                           else "situation" if not s else "none")
    return row


dev, test, ids = [], [], set()
for category in CATEGORIES:
    spec = importlib.util.spec_from_file_location(category, os.path.join(here, category + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for position, item in enumerate(module.ITEMS):
        assert item[0] not in ids, "duplicate id " + item[0]
        ids.add(item[0])
        (test if position % 3 == 2 and category not in DEV_ONLY else dev).append(record(category, item))

for name, rows in [("dev.jsonl", dev), ("test.jsonl", test)]:
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(f"{len(dev)} dev, {len(test)} test, {len(dev) + len(test)} in all")

# The holdout file is built the same way but kept apart: it was written after tuning and is never tuned on.
spec = importlib.util.spec_from_file_location("holdout", os.path.join(here, "holdout.py"))
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
with open(os.path.join(out, "holdout.jsonl"), "w", encoding="utf-8") as f:
    for item in module.ITEMS:
        category = "goals" if len(item[2]) == 3 else "holdout"
        row = record(category, item)
        row["category"] = "holdout-goals" if category == "goals" else "holdout"
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(f"{len(module.ITEMS)} holdout")
