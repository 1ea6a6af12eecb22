#!/usr/bin/env python3
"""Leave-writers-out figures for the MiniLM plugin, beside the built-in analysis, in one run.

For every writer: train the heads on every other writer (train_heads.py --leave-out), score that
writer's answers with `rehearse eval` running the plugin (so the scoring is rehearse's own), and add
the counts up. With --compare, the built-in model's own leave-writers-out run is scored on the same
answers and printed beside it, with how often at least one of the two is right.

    python3 Examples/analyzers/minilm/evaluate.py --compare \\
        --clause-labels Tests/Fixtures/corpus/clauses/roles.jsonl \\
        Tests/Fixtures/corpus/writers/*.jsonl Tests/Fixtures/answers/dev.jsonl

Answers of writer w00 (the project's own) train every fold and are not scored, as in docs/analysis.md.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
PROJECT_WRITER = "w00"
STAR = ["specific_example", "situation", "task", "action", "result", "declined"]
SMART = ["smart.specific", "smart.measurable", "smart.time_bound"]


def writers_of(paths):
    found = defaultdict(list)
    for path in paths:
        with open(path, encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    found[json.loads(line).get("writer")].append(path)
    return sorted(w for w in found if w and w != PROJECT_WRITER)


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    # A plugin that times out or fails is dropped with a warning, and the answers after it would be
    # scored without it: a figure that says nothing, so stop instead.
    # A note (the built-in without its model files) would compare with something else than the default.
    if done.returncode != 0 or "warning:" in done.stderr or "note:" in done.stderr:
        sys.exit(f"evaluate: {' '.join(command[:3])}… failed ({done.returncode}):\n{done.stderr}")
    return done.stdout


class Totals:
    """Counts summed over writers, from `rehearse eval --json` reports."""

    def __init__(self):
        self.labels = defaultdict(lambda: defaultdict(int))
        self.followup = defaultdict(int)
        self.wrong = defaultdict(set)

    def add(self, report):
        for label, score in report["labels"].items():
            for key in ("tp", "fp", "fn", "tn"):
                self.labels[label][key] += score[key]
        for key in ("correct", "total", "complete_answers"):
            self.followup[key] += report["followup"][key]
        if "goal_followup" in report:
            self.followup["goal_correct"] += report["goal_followup"]["correct"]
            self.followup["goal_total"] += report["goal_followup"]["total"]
        self.followup["needless"] += round(report["followup"]["needless_probe_rate"] * report["followup"]["complete_answers"])
        for label, ids in report.get("wrong", {}).items():
            self.wrong[label].update(ids)

    def accuracy(self, label):
        s = self.labels[label]
        total = s["tp"] + s["fp"] + s["fn"] + s["tn"]
        return (s["tp"] + s["tn"]) / total if total else float("nan")

    def f1(self, label):
        s = self.labels[label]
        return 2 * s["tp"] / (2 * s["tp"] + s["fp"] + s["fn"]) if s["tp"] else 0.0

    def support(self, label):
        s = self.labels[label]
        return s["tp"] + s["fp"] + s["fn"] + s["tn"]


def table(plugin, builtin, title):
    """Prints the figures side by side and returns them."""
    rows = [("follow-up accuracy", lambda t: t.followup["correct"] / t.followup["total"], "followup"),
            ("probe on a complete answer", lambda t: t.followup["needless"] / t.followup["complete_answers"], None)]
    rows += [(f"{label} accuracy", lambda t, l=label: t.accuracy(l), label) for label in STAR[:1]]
    rows += [(f"{label} F1", lambda t, l=label: t.f1(l), label) for label in STAR + SMART]
    rows += [("goal follow-up accuracy", lambda t: t.followup["goal_correct"] / t.followup["goal_total"], "goal_followup")]
    result = {"minilm": {}, "builtin": {}, "either": {}}
    print(f"{title:28}{'MiniLM':>8}" + (f"{'built-in':>10}{'either':>8}" if builtin else ""))
    for name, figure, label in rows:
        line = f"{name:28}{figure(plugin):8.3f}"
        result["minilm"][name] = round(figure(plugin), 4)
        if builtin:
            line += f"{figure(builtin):10.3f}"
            result["builtin"][name] = round(figure(builtin), 4)
            if label and name.endswith("accuracy"):
                support = {"followup": plugin.followup["total"], "goal_followup": plugin.followup["goal_total"]}.get(label) \
                    or plugin.support(label)
                either = 1 - len(plugin.wrong[label] & builtin.wrong[label]) / support
                line += f"{either:8.3f}"
                result["either"][name] = round(either, 4)
        print(line)
    print()
    return result


def main():
    parser = argparse.ArgumentParser(description="Leave-writers-out figures for the MiniLM plugin.")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--rehearse", default=str(ROOT / ".build" / "release" / "rehearse"))
    parser.add_argument("--compare", action="store_true", help="also run the built-in model leave-writers-out")
    parser.add_argument("--clause-labels", action="append", default=[])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--subset", default="", metavar="W1,W2,…",
                        help="also print the figures for these writers alone (for example the ones not read while tuning)")
    parser.add_argument("--encoder", default="transformer", choices=["transformer", "tokens"])
    options = parser.parse_args()
    rehearse = options.rehearse if os.path.exists(options.rehearse) else "rehearse"

    plugin, per_writer = Totals(), {}
    chosen = set(options.subset.split(",")) if options.subset else set()
    subsets = (Totals(), Totals())
    with tempfile.TemporaryDirectory(prefix="rehearse-minilm-") as folder:
        for writer in writers_of(options.files):
            heads = Path(folder) / f"heads-{writer}.json"
            run([sys.executable, str(HERE / "train_heads.py"), *options.files, "--leave-out", writer, "--output", str(heads),
                 "--encoder", options.encoder])
            own = Path(folder) / f"{writer}.jsonl"
            with open(own, "w", encoding="utf-8") as out:
                for path in options.files:
                    with open(path, encoding="utf-8") as file:
                        out.writelines(line for line in file if line.strip() and json.loads(line).get("writer") == writer)
            # With delivery, which recommends no follow-up, so that every follow-up is the plugin's
            # (named alone, a plugin comes after the built-ins).
            report = json.loads(run([rehearse, "eval", "--json", "--labels-from", "minilm",
                                     "--analyzer", f"exec:{sys.executable} {HERE / 'star_minilm.py'} --heads {heads}",
                                     "--analyzer", "delivery", "--analyzer-timeout", "60", str(own)]))
            plugin.add(report)
            if writer in chosen:
                subsets[0].add(report)
            per_writer[writer] = report["followup"]["accuracy"]
            print(f"{writer}: follow-up {report['followup']['accuracy']:.3f}", file=sys.stderr)

    builtin = None
    if options.compare:
        command = [rehearse, "eval", "--json", "--leave-writers-out", *options.files]
        for labels in options.clause_labels:
            command += ["--clause-labels", labels]
        whole = json.loads(run(command))
        builtin = Totals()
        for writer, report in whole["by_writer"].items():
            if writer != PROJECT_WRITER:
                builtin.add(report)
            if writer in chosen:
                subsets[1].add(report)

    result = {"writers": per_writer}
    result["all"] = table(plugin, builtin, "all writers")
    if options.subset:
        result["subset"] = table(subsets[0], subsets[1] if builtin else None, "writers " + options.subset)
    if options.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
