#!/usr/bin/env python3
"""Times a shell command as a user runs it (a cold process per run): one warm-up run, then RUNS
runs; prints `median min max` in seconds. A run that exits non-zero stops the benchmark with its
stderr, so a failing command is never timed as a fast one. PREPARE (optional) runs before each
run, untimed. WARMUP=0 skips the warm-up (for an import, which is timed from a fresh start).
  median.py RUNS 'command' ['prepare']
"""
import os, statistics, subprocess, sys, time

runs, command = int(sys.argv[1]), sys.argv[2]
prepare = sys.argv[3] if len(sys.argv) > 3 else None
times = []
warmup = int(os.environ.get("WARMUP", "1"))
for i in range(runs + warmup):
    if prepare:
        subprocess.run(prepare, shell=True, check=True, stdout=subprocess.DEVNULL)
    t0 = time.perf_counter()
    done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t1 = time.perf_counter()
    if done.returncode != 0:
        sys.exit(f"`{command}` exited {done.returncode}: {done.stderr.decode(errors='replace')[:400]}")
    if i >= warmup:
        times.append(t1 - t0)
print(f"{statistics.median(times):.6f} {min(times):.6f} {max(times):.6f}")
