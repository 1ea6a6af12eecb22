#!/usr/bin/env python3
"""Merges the clause labellers' files into Tests/Fixtures/corpus/clauses/roles.jsonl.

Each labeller saw todo-N.jsonl (answers cut into clauses, with offsets) and wrote labels-N.jsonl
(one role per clause). This joins the two by id and clause order, checks that every clause has one
of the nine roles, applies the settled cases (Tests/Fixtures/corpus/settled.md) and writes one
line per answer: {"id", "labeller", "clauses": [{"start", "end", "text", "role"}]}.
"""
import json, re, sys, pathlib

ROLES = {"situation", "task", "own_action", "group_action", "result", "habit", "hypothetical", "feeling", "other"}
here = pathlib.Path(__file__).resolve().parent.parent / "Tests/Fixtures/corpus/clauses"
# Settled case 1 (settled.md): an outcome the speaker says they do not know is no result.
unknown = re.compile(r"\b(don'?t|do not|didn'?t|never|wasn'?t|weren'?t|haven'?t|hasn'?t|not) (yet )?(know|knew|find out|found out|learn|learned|hear|heard|told|get an update|got an update|follow|followed|see|saw)\b"
                     r"|\bno idea\b|\bnot sure (how|what|if|whether)\b|\blost track\b|\bnever (got|saw|heard)\b|\bwhat came of it\b", re.I)
# Settled case 3: the speaker leaving the story (a leave, a transfer, the end of a placement or of
# their part) is no outcome for the people in it.
left = re.compile(r"\b(I|my placement|my internship|my rotation|my part|my piece|my role)\b.{0,20}\b(left|went on (a )?(planned )?leave|was (rotated|transferred|moved)|transferred|ended|rotated off|handed (it|the case|her case|his case) off)\b", re.I)
# Settled case 2: a colleague acting alone is the scene; group_action needs the speaker's group.
group = re.compile(r"\b(we|we'?re|we'?ve|we'?d|us|our|ourselves|team|staff|everyone|everybody|together)\b", re.I)

out, problems, settled = [], 0, {"unknown-outcome": 0, "speaker-left": 0, "colleague-alone": 0}
for todo in sorted(here.glob("todo-*.jsonl")):
    labels_file = here / todo.name.replace("todo-", "labels-")
    if not labels_file.exists():
        print(f"{labels_file}: missing", file=sys.stderr); problems += 1; continue
    answers = {json.loads(l)["id"]: json.loads(l) for l in todo.open() if l.strip()}
    for number, line in enumerate(labels_file.open(), 1):
        if not line.strip(): continue
        row = json.loads(line)
        answer = answers.get(row["id"])
        if answer is None or len(row["roles"]) != len(answer["clauses"]) or not set(row["roles"]) <= ROLES:
            print(f"{labels_file}:{number}: id, clause count or role does not match its input", file=sys.stderr); problems += 1; continue
        clauses = []
        for clause, role in zip(answer["clauses"], row["roles"]):
            if role == "result" and unknown.search(clause["text"]):
                role = "other"; settled["unknown-outcome"] += 1
            elif role == "result" and left.search(clause["text"]):
                role = "other"; settled["speaker-left"] += 1
            if role == "group_action" and not group.search(clause["text"]):
                role = "situation"; settled["colleague-alone"] += 1
            clauses.append({"start": clause["start"], "end": clause["end"], "text": clause["text"], "role": role})
        out.append({"id": row["id"], "labeller": row.get("labeller", ""), "clauses": clauses})
out.sort(key=lambda r: r["id"])
with (here / "roles.jsonl").open("w") as f:
    for row in out: f.write(json.dumps(row, ensure_ascii=False) + "\n")
counts = {}
for row in out:
    for c in row["clauses"]: counts[c["role"]] = counts.get(c["role"], 0) + 1
print(f"{len(out)} answers, {sum(counts.values())} clauses: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
print("settled: " + ", ".join(f"{k} {v}" for k, v in settled.items()))
sys.exit(1 if problems else 0)
