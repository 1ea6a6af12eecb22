#!/usr/bin/env python3
"""A Rehearse analyzer plugin: does a crisis answer cover the steps of a safety plan?

Speaks the protocol in docs/analyzer-protocol.md over stdin and stdout, one JSON object per line.
Standard library only. Try it:

    rehearse analyze --analyzer 'exec:Examples/analyzers/safety_plan.py' --question "Tell me about a client at risk of suicide."
"""
import json
import re
import sys

# The parts of a safety plan an interviewer listens for, each with phrases that show it.
ELEMENTS = {
    "warning_signs": ["warning sign", "warning signs", "trigger", "triggers", "what set it off", "early signs"],
    "coping": ["coping", "cope", "grounding", "distract", "breathing", "calm herself", "calm himself", "calm themselves"],
    "contacts": ["friend", "sister", "brother", "mother", "father", "partner", "roommate", "family", "neighbor", "someone they trust", "someone she trusts", "someone he trusts"],
    "professionals": ["crisis line", "hotline", "988", "mobile crisis", "on-call", "emergency room", "psychiatrist", "my supervisor", "crisis team"],
    "means_safety": ["lethal means", "firearm", "firearms", "gun", "guns", "pills", "medication locked", "lock up", "locked up", "remove", "removed", "means"],
    "follow_up": ["follow-up", "follow up", "followed up", "check in", "checked in", "next day", "next morning", "called her the next", "called him the next", "appointment"],
}
CRISIS_WORDS = ["suicide", "suicidal", "self-harm", "harm themselves", "hurt themselves", "kill", "crisis", "risk", "safety", "unsafe"]

FEATURES = [
    {"name": "steps", "type": "number", "description": "how many of six safety-plan parts the answer mentions"},
    {"name": "means_safety", "type": "bool", "description": "the answer mentions making lethal means safe"},
    {"name": "professionals", "type": "bool", "description": "the answer brings in a crisis line or other professionals"},
    {"name": "plan", "type": "choice", "values": ["none", "partial", "complete"], "description": "none (0 parts), partial (1-3) or complete (4 or more)"},
]


def find(text, phrases):
    """The first phrase found as whole words: (start, end) in characters, which are Unicode scalars in Python."""
    lowered = text.lower()
    for phrase in phrases:
        match = re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", lowered)
        if match:
            return match.start(), match.end()
    return None


def analyze(request):
    answer = request.get("answer", "")
    question = request.get("question") or {}
    found = {name: find(answer, phrases) for name, phrases in ELEMENTS.items()}
    steps = sum(1 for span in found.values() if span)
    plan = "none" if steps == 0 else ("complete" if steps >= 4 else "partial")
    response = {
        "type": "analysis",
        "id": request.get("id"),
        "features": {
            "steps": steps,
            "means_safety": bool(found["means_safety"]),
            "professionals": bool(found["professionals"]),
            "plan": plan,
        },
        "evidence": [
            {"feature": "steps", "start": span[0], "end": span[1]} for span in found.values() if span
        ],
    }
    about_crisis = find(question.get("text") or "", CRISIS_WORDS) or any(
        c in ("risk", "crisis", "safety") for c in question.get("assesses", []))
    if about_crisis and steps < 2:
        missing = [name.replace("_", " ") for name, span in found.items() if not span]
        response["followup"] = "safety_plan"
        response["reason"] = "A crisis answer without a safety plan; not mentioned: " + ", ".join(missing) + "."
    return response


def main():
    for line in iter(sys.stdin.readline, ""):
        try:
            message = json.loads(line)
        except ValueError:
            print("not JSON: " + line[:80], file=sys.stderr)
            continue
        if message.get("type") == "hello":
            reply = {
                "type": "hello",
                "protocol": 1,
                "name": "safety",
                "version": "1.0",
                "description": "safety planning in crisis answers",
                "features": FEATURES,
                "followups": ["safety_plan"],
            }
        elif message.get("type") == "analyze":
            reply = analyze(message)
        else:
            print("unknown message type: %r" % message.get("type"), file=sys.stderr)
            continue
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
