#!/usr/bin/env python3
"""Turns the shared journal_1000.csv (3 forecasters, 411 resolved questions) into a Credence JSON
journal with what the insight commands read: dates spread over 2024-2026 with horizons from days
to over a year, tags, caveats, and some forecasts typed as words. Deterministic (seeded).
  python3 scripts/make-insights-journal.py Tests/CredenceCoreTests/Fixtures/journal_1000.csv > insights.json
  credence import insights.json"""
import csv, json, random, sys, uuid
from datetime import datetime, timedelta, timezone

random.seed(9)
rows = list(csv.DictReader(open(sys.argv[1])))
names = {"overconfident": "me", "calibrated": "ryan", "underconfident": "sam"}
words = {0.93: ["almost certain", "very likely"], 0.75: ["likely", "probably"], 0.5: ["toss-up"],
         0.3: ["unlikely"], 0.07: ["very unlikely"]}
caveats = ["unless the eval changes", "assuming no new data", "if the team stays the same", "unless funding is cut",
           "assuming the deadline holds", "if nothing big happens in the news"]
tags = ["work", "ai", "politics", "personal", None]
horizons = [3, 6, 20, 25, 90, 200, 300, 450]
start = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc)

def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S.000Z")

questions = {}
for r in rows:
    questions.setdefault(r["question_id"], []).append(r)
claims = []
for i, (q, forecasts) in enumerate(sorted(questions.items(), key=lambda kv: int(kv[0][1:]))):
    created = start + timedelta(days=i * 1.6, hours=random.randint(0, 10))
    resolved = min(created + timedelta(days=random.choice(horizons)), datetime(2026, 11, 1, tzinfo=timezone.utc))
    tag = random.choice(tags)
    claim = {"uuid": str(uuid.UUID(int=random.getrandbits(128), version=4)), "id": i + 1,
             "text": f"Question {q}", "kind": "binary", "notes": None, "created_at": iso(created),
             "resolve_by": None, "options": [], "tags": [tag] if tag else [], "condition": None,
             "forecasts": [], "resolutions": []}
    for r in forecasts:
        p = float(r["probability"])
        typed, form = f"{round(p * 100)}%", "percent"
        for value, choices in words.items():
            if abs(p - value) <= 0.04 and random.random() < 0.6:
                p, typed, form = value, random.choice(choices), "verbal"
        k = random.choices([0, 1, 2], weights=[55, 30, 15])[0]
        claim["forecasts"].append({"forecaster": names[r["forecaster"]], "option": None, "probability": p, "typed": typed,
                                   "form": form, "reason": None, "created_at": iso(created + timedelta(minutes=5)),
                                   "caveats": random.sample(caveats, k)})
    outcome = forecasts[0]["outcome"]
    claim["resolutions"].append({"status": "yes" if outcome == "1" else "no", "option": None, "resolved_at": iso(resolved),
                                 "recorded_at": iso(resolved), "note": None, "resolved_by": "me", "automatic": False})
    claims.append(claim)

out = sys.stdout
out.write('{"format":"credence-journal","version":1,"exported_at":"2026-11-22T12:00:00.000Z","claims":[\n')
out.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in claims))
out.write('\n],"bets":[]}\n')
