#!/usr/bin/env python3
"""Deterministic benchmark data for Credence, as Credence CSV (the format `credence import` reads
fastest and loses nothing).

  large.csv  100,000 claims, 1,000,000 forecasts by 3 forecasters (me, ryan, sam) with histories,
             realistic text, tags and dates; 90% resolved.
  vs.csv     300,000 claims forecast by both `me` and `ryan`, all resolved: the head-to-head load.
  team.csv   (`generate.py DIR team`) a team's record: 100,000 claims, 1,000,000 forecasts by 500
             members (`me`, the admin, on every third claim; m001…m499 on the rest), with histories.
"""
import json, random, sys, uuid
from datetime import datetime, timedelta, timezone

SUBJECTS = ["the eval harness", "Ryan's probe result", "the 70B model", "the grant", "the launch", "the migration",
            "the new cluster", "the paper", "the API", "the benchmark", "the survey", "the hiring plan", "the demo",
            "the replication", "the tokenizer fix", "the dataset release", "the interpretability result", "the budget"]
VERBS = ["ships", "replicates", "passes review", "is approved", "beats the baseline", "lands", "finishes",
         "is renewed", "holds up", "goes live", "is published", "slips", "gets cancelled", "doubles"]
WHEN = ["by Friday", "this quarter", "before the offsite", "by June", "this year", "before the deadline", "in Q3", "next month"]
TAGS = ["work", "interp", "ai", "research", "infra", "hiring", "funding", "papers", "launches", "weather", "personal",
        "politics", "markets", "sport", "health", "team", "oss", "evals", "safety", "compute"]
PEOPLE = ["me", "ryan", "sam"]
COLUMNS = ["record", "claim_uuid", "claim_id", "claim", "kind", "notes", "claim_created_at", "resolve_by", "options", "tags",
           "condition_uuid", "condition_requires", "forecaster", "option", "probability", "typed", "form", "reason",
           "caveats", "created_at", "status", "resolved_at", "recorded_at", "note", "resolved_by", "automatic", "yes", "no",
           "yes_stake", "no_stake", "terms", "settled_at", "settlement"]
EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def row(values):
    out = []
    for c in COLUMNS:
        v = values.get(c, "")
        if any(ch in v for ch in ',"\n'):
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out) + "\n"


def claim_cells(rng, i, claim_uuid, created, resolve_by):
    text = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(WHEN)} (#{i})"
    tags = rng.sample(TAGS, rng.choice([0, 1, 1, 2, 3]))
    return {"claim_uuid": claim_uuid, "claim_id": str(i), "claim": text, "kind": "binary", "claim_created_at": iso(created),
            "resolve_by": iso(resolve_by), "tags": json.dumps(tags) if tags else ""}


def large(path, claims=100_000, forecasts=1_000_000, seed=7):
    rng = random.Random(seed)
    written = 0
    with open(path, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for i in range(1, claims + 1):
            claim_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            created = EPOCH + timedelta(seconds=rng.randrange(0, 2 * 365 * 86400))
            horizon = timedelta(days=rng.choice([3, 7, 14, 30, 60, 90, 180, 365]))
            cells = claim_cells(rng, i, claim_uuid, created, created + horizon)
            truth = rng.random()
            outcome = rng.random() < truth
            # Spread the 1M forecasts evenly: 10 per claim on average, 3.3 per person.
            n = forecasts // claims + (1 if rng.random() < (forecasts % claims) / claims else 0)
            style = {"me": 1.3, "ryan": 0.9, "sam": 0.6}
            for k in range(n):
                who = PEOPLE[k % 3]
                belief = min(0.99, max(0.01, 0.5 + (truth - 0.5) * style[who] + rng.gauss(0, 0.12)))
                p = round(belief * 100) / 100 if rng.random() < 0.9 else round(belief, 4)
                at = created + horizon * (k / n) * rng.random()
                typed = f"{round(p * 100)}%" if p == round(p, 2) else str(p)
                form = "percent" if typed.endswith("%") else "decimal"
                c = dict(cells, record="forecast", forecaster=who, probability=repr(p), typed=typed, form=form, created_at=iso(at))
                f.write(row(c))
                written += 1
            if rng.random() < 0.9:
                at = created + horizon
                f.write(row({"record": "resolution", "claim_uuid": claim_uuid, "status": "yes" if outcome else "no",
                             "resolved_at": iso(at), "recorded_at": iso(at), "automatic": "0"}))
    return written


def versus(path, claims=300_000, seed=11):
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for i in range(1, claims + 1):
            claim_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            created = EPOCH + timedelta(seconds=rng.randrange(0, 2 * 365 * 86400))
            cells = claim_cells(rng, i, claim_uuid, created, created + timedelta(days=30))
            truth = rng.random()
            for who, sharp in (("me", 1.2), ("ryan", 0.9)):
                p = round(min(0.99, max(0.01, 0.5 + (truth - 0.5) * sharp + rng.gauss(0, 0.1))) * 100) / 100
                f.write(row(dict(cells, record="forecast", forecaster=who, probability=repr(p), typed=f"{round(p * 100)}%",
                                 form="percent", created_at=iso(created + timedelta(hours=1)))))
            at = created + timedelta(days=30)
            f.write(row({"record": "resolution", "claim_uuid": claim_uuid, "status": "yes" if rng.random() < truth else "no",
                         "resolved_at": iso(at), "recorded_at": iso(at), "automatic": "0"}))


def team(path, claims=100_000, forecasts=1_000_000, members=500, seed=13):
    rng = random.Random(seed)
    others = [f"m{k:03d}" for k in range(1, members)]
    skill = {who: rng.uniform(0.4, 1.4) for who in others}
    skill["me"] = 1.2
    written = 0
    with open(path, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        for i in range(1, claims + 1):
            claim_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            created = EPOCH + timedelta(seconds=rng.randrange(0, 2 * 365 * 86400))
            horizon = timedelta(days=rng.choice([3, 7, 14, 30, 60, 90, 180, 365]))
            cells = claim_cells(rng, i, claim_uuid, created, created + horizon)
            truth = rng.random()
            outcome = rng.random() < truth
            n = forecasts // claims + (1 if rng.random() < (forecasts % claims) / claims else 0)
            people = (["me"] if i % 3 == 0 else []) + rng.sample(others, n)
            people = people[:n]
            # One forecast in ten is a later update by someone who already forecast the claim.
            for k in range(1, n):
                if rng.random() < 0.1:
                    people[k] = people[rng.randrange(k)]
            for k, who in enumerate(people):
                belief = min(0.99, max(0.01, 0.5 + (truth - 0.5) * skill[who] + rng.gauss(0, 0.12)))
                p = round(belief * 100) / 100 if rng.random() < 0.9 else round(belief, 4)
                at = created + horizon * (k / n) * rng.random() * 0.5 + horizon * (k / n) * 0.5
                typed = f"{round(p * 100)}%" if p == round(p, 2) else str(p)
                form = "percent" if typed.endswith("%") else "decimal"
                c = dict(cells, record="forecast", forecaster=who, probability=repr(p), typed=typed, form=form, created_at=iso(at))
                f.write(row(c))
                written += 1
            if rng.random() < 0.9:
                at = created + horizon
                f.write(row({"record": "resolution", "claim_uuid": claim_uuid, "status": "yes" if outcome else "no",
                             "resolved_at": iso(at), "recorded_at": iso(at), "automatic": "0"}))
    return written


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    if len(sys.argv) > 2 and sys.argv[2] == "team":
        n = team(f"{out}/team.csv")
        print(f"team.csv: 100,000 claims, {n:,} forecasts by 500 members")
        sys.exit(0)
    n = large(f"{out}/large.csv")
    versus(f"{out}/vs.csv")
    print(f"large.csv: 100,000 claims, {n:,} forecasts; vs.csv: 300,000 shared claims")
