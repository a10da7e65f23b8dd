#!/usr/bin/env python3
"""Deterministic data in the shapes real forecasting data take (issue 15), beside generate.py's own.

  contest.csv      plain CSV, 3,000 forecasters x 50 questions (150,000 rows): a forecasting contest.
  sparse.csv       plain CSV, 1,750 forecasters over 13,000 questions (45,000 rows): a public site.
  plain1m.csv      plain CSV, 1,000,000 rows: 100,000 questions, 10 forecasts each by 3 forecasters.
  single100k.csv   plain CSV, 100,000 single-forecaster questions.
  merge.csv        Credence CSV: 10,000 new claims and 3,000 of large.csv's (same UUIDs, one new
                   forecast each), to import into the 100,000-claim journal.
  predictionbook.csv  PredictionBook-shaped plain CSV (forecaster,question_id,probability,outcome,
                   created,resolved): 2,000 questions, 4 rows with no forecaster, 16 by a user whose
                   name is U+200B, blank `created` cells, exponent notation.

  python3 Benchmarks/shapes.py DIR        (needs DIR/large.csv from generate.py for merge.csv)
"""
import csv, random, sys, uuid
from datetime import datetime, timedelta, timezone

EPOCH = datetime(2023, 1, 1, tzinfo=timezone.utc)


def day(t):
    return t.strftime("%Y-%m-%d")


def plain(path, forecasters, questions, rows, seed, prefix, dates=True):
    rng = random.Random(seed)
    people = [f"{prefix}-{i + 1:04d}" for i in range(forecasters)]
    with open(path, "w") as f:
        f.write("forecaster,question_id,probability,outcome" + (",created,resolved" if dates else "") + "\n")
        per = rows // questions
        extra = rows - per * questions
        for q in range(questions):
            n = per + (1 if q < extra else 0)
            outcome = rng.choice(["1", "0", "1", "0", ""])
            opened = EPOCH + timedelta(days=rng.randrange(300))
            closed = opened + timedelta(days=30 + rng.randrange(60))
            who = rng.sample(people, n) if n <= len(people) else [rng.choice(people) for _ in range(n)]
            for w in who:
                p = round(rng.random(), 4)
                if dates:
                    at = opened + timedelta(days=rng.randrange(30))
                    f.write(f"{w},q{q},{p},{outcome},{day(at)},{day(closed) if outcome else ''}\n")
                else:
                    f.write(f"{w},q{q},{p},{outcome}\n")


def plain1m(path, seed=11):
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("forecaster,question_id,probability,outcome\n")
        for q in range(100_000):
            outcome = "1" if rng.random() < 0.4 else "0"
            for k in range(10):
                f.write(f"{('me', 'ryan', 'sam')[k % 3]},{q},{rng.random():.6f},{outcome}\n")


def single(path, seed=13):
    rng = random.Random(seed)
    with open(path, "w") as f:
        f.write("forecaster,question_id,probability,outcome\n")
        for q in range(100_000):
            f.write(f"me,{q},{round(rng.random(), 3)},{rng.choice('01')}\n")


def merge(path, large, seed=17):
    rng = random.Random(seed)
    with open(large) as src:
        reader = csv.reader(src)
        header = next(reader)
        col = {c: i for i, c in enumerate(header)}
        picked, seen = [], set()
        for r in reader:
            if r[0] != "forecast" or r[col["claim_uuid"]] in seen:
                continue
            seen.add(r[col["claim_uuid"]])
            if len(seen) % 33 == 0:
                picked.append(r)
            if len(picked) == 3_000:
                break
    with open(path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        for r in picked:
            r = list(r)
            r[col["forecaster"]] = "newcomer"
            r[col["probability"]] = r[col["typed"]] = "0.5"
            r[col["form"]] = "decimal"
            r[col["reason"]] = r[col["caveats"]] = ""
            w.writerow(r)
        for i in range(10_000):
            u = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            created = EPOCH + timedelta(days=rng.randrange(400), seconds=rng.randrange(86_400))
            for who in ("me", "ryan"):
                r = [""] * len(header)
                r[col["record"]] = "forecast"
                r[col["claim_uuid"]] = u
                r[col["claim"]] = f"New claim {i}"
                r[col["kind"]] = "binary"
                r[col["claim_created_at"]] = r[col["created_at"]] = created.strftime("%Y-%m-%dT%H:%M:%S.000Z")
                p = round(rng.random(), 2)
                r[col["forecaster"]], r[col["probability"]], r[col["typed"]], r[col["form"]] = who, str(p), str(p), "decimal"
                w.writerow(r)


def predictionbook(path, seed=19):
    rng = random.Random(seed)
    users = [f"pb_user{i}" for i in range(300)] + ["Olivia", "olivia"]
    odd = [""] * 4 + ["\u200b"] * 16
    rows = []
    for q in range(2_000):
        outcome = rng.choice(["1", "0", ""])
        opened = datetime(2010, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randrange(3000))
        closed = opened + timedelta(days=10 + rng.randrange(300))
        for k in range(rng.randrange(1, 9)):
            at = opened + timedelta(days=rng.randrange(10))
            p = rng.choice([round(rng.random(), 2), rng.random() ** 4])
            created = "" if rng.random() < 0.05 else day(at)
            rows.append([rng.choice(users), f"pb{q}", repr(p), outcome, created, day(closed) if outcome else ""])
    for i, name in enumerate(odd):
        rows[i * 97 + 5][0] = name
    with open(path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["forecaster", "question_id", "probability", "outcome", "created", "resolved"])
        w.writerows(rows)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/data"
    plain(f"{out}/contest.csv", 3_000, 50, 150_000, 3, "acx2023")
    plain(f"{out}/sparse.csv", 1_750, 13_000, 45_000, 5, "site")
    plain1m(f"{out}/plain1m.csv")
    single(f"{out}/single100k.csv")
    predictionbook(f"{out}/predictionbook.csv")
    try:
        merge(f"{out}/merge.csv", f"{out}/large.csv")
    except FileNotFoundError:
        print("no large.csv: run generate.py first for merge.csv", file=sys.stderr)
