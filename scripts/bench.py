#!/usr/bin/env python3
"""Benchmarks coglint on the synthetic corpora of scripts/corpus.py and prints figures.

For each preset, with 1 and 2 threads and the human and SARIF reports, it prints the wall
time, the CPU time (user + system), files/s, MB/s and peak memory (the child's maximum
resident set) of the best of --runs runs, and the time coglint spent rendering the report
(from COGLINT_TIMINGS). It also prints each preset's read floor: the time to read every file
of it once (warm page cache). Then it checks the targets of docs/performance.md, and if
checkov is installed, runs it on the small corpus and prints how many times slower it is.

    python3 scripts/bench.py                      # builds --release, presets small large double
    python3 scripts/bench.py --presets small --runs 1 --coglint target/release/coglint
    python3 scripts/bench.py --presets real real-double terraform terraform-double --runs 1

A target missed is printed as MISS; the exit code stays 0 (figures, not a test).

Times move with the machine's load (a shared machine's CPU time moves by a third from one run
to the next), so a ratio of two times says little on its own. With --instructions, each
preset is also run once under valgrind's callgrind, on one thread with the SARIF report, and
the number of instructions it executes is printed, with the double/large ratio: that count
is the same from run to run, and is what "time grows linearly" means. It takes a minute or
two per preset, and needs valgrind.

    python3 scripts/bench.py --presets real real-double --instructions

Corpora are written once to --dir (default /tmp/coglint-corpus) and reused until
scripts/corpus.py changes.
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMINGS = re.compile(r"report ([0-9.]+) s \((\d+) findings")

# The targets of issue "Fast and unbreakable", on a 2-core machine.
MAX_LARGE_WALL_S = 2.0
MAX_LARGE_PEAK_MB = 300.0
MAX_DOUBLE_RATIO = 2.1
MAX_RENDER_10K_S = 0.5

# The targets of issue "Memory" on the repository-shaped presets, on a 2-core machine: each
# large preset and its double.
REPOSITORY_PRESETS = {"real": "real-double", "terraform": "terraform-double"}
MAX_REPO_WALL_S = 1.0
MAX_REPO_PEAK_MB = 150.0
MAX_REPO_TIME_RATIO = 2.1
MAX_REPO_MEMORY_RATIO = 1.3


def generator_digest():
    with open(os.path.join(ROOT, "scripts/corpus.py"), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def corpus(preset, base):
    path = os.path.join(base, preset)
    stamp = os.path.join(base, f".{preset}.done")
    digest = generator_digest()
    try:
        with open(stamp) as f:
            current = f.read().strip() == digest
    except OSError:
        current = False
    if not current:
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/corpus.py"), preset, path], check=True)
        with open(stamp, "w") as f:
            f.write(digest)
    files = 0
    size = 0
    for d, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(d, name))
    return path, files, size / 1e6


def run(cmd, env):
    """Runs cmd; returns (wall s, cpu s, peak MB, stderr, exit code), the CPU time and peak
    memory (maximum resident set) being the child's own, from wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, err.decode(errors="replace"), proc.returncode


def measure(cmd, env, runs):
    best = None
    peak = 0.0
    for _ in range(runs):
        wall, cpu, rss, err, code = run(cmd, env)
        if code not in (0, 1):
            sys.exit(f"{' '.join(cmd)} failed with exit code {code}:\n{err}")
        peak = max(peak, rss)
        match = TIMINGS.search(err)
        render = float(match.group(1)) if match else float("nan")
        findings = int(match.group(2)) if match else -1
        figures = {"wall": wall, "cpu": cpu, "render": render, "findings": findings}
        if best is None or wall < best["wall"]:
            best = figures
    best["peak"] = peak
    return best


def read_floor(path, runs):
    """The time to read every file of the corpus once, in one thread (best of `runs`, after a
    first pass that warms the page cache): what no scan of all of it can beat by much."""
    files = [os.path.join(d, name) for d, _, names in os.walk(path) for name in names]
    best = float("inf")
    for _ in range(runs + 1):
        start = time.perf_counter()
        for name in files:
            with open(name, "rb") as f:
                f.read()
        best = min(best, time.perf_counter() - start)
    return best


def instructions(binary, path):
    """The instructions one run of coglint executes (callgrind's count), or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    env = dict(os.environ, RAYON_NUM_THREADS="1", NO_COLOR="1")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           binary, "check", "--format", "sarif", "--color", "never", path]
    run = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if not found:
        sys.exit(f"valgrind gave no count for {path}:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presets", nargs="+", default=["small", "large", "double"])
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration; the best is shown")
    parser.add_argument("--coglint", help="the binary to measure (default: build target/release/coglint)")
    parser.add_argument("--dir", default="/tmp/coglint-corpus", help="where corpora are written")
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2], help="RAYON_NUM_THREADS values")
    parser.add_argument("--formats", nargs="+", default=["human", "sarif"], help="report formats")
    parser.add_argument("--no-checkov", action="store_true", help="skip checkov even if installed")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each preset's instructions under valgrind (one thread, SARIF)")
    args = parser.parse_args()

    binary = args.coglint
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target/release/coglint")

    width = max(7, *(len(p) for p in args.presets))
    print(f"{'preset':<{width}} {'files':>6} {'MB':>6} {'thr':>3} {'format':<6} {'wall s':>7} {'cpu s':>6} "
          f"{'files/s':>8} {'MB/s':>6} {'peak MB':>7} {'findings':>8} {'render s':>8}")
    results = {}
    floors = {}
    for preset in args.presets:
        path, files, mb = corpus(preset, args.dir)
        floors[preset] = (files, mb, read_floor(path, args.runs))
        for threads in args.threads:
            for fmt in args.formats:
                env = dict(os.environ, RAYON_NUM_THREADS=str(threads), COGLINT_TIMINGS="1", NO_COLOR="1")
                cmd = [binary, "check", "--format", fmt, "--color", "never", path]
                figures = measure(cmd, env, args.runs)
                results[(preset, threads, fmt)] = figures
                print(f"{preset:<{width}} {files:>6} {mb:>6.1f} {threads:>3} {fmt:<6} {figures['wall']:>7.3f} "
                      f"{figures['cpu']:>6.2f} {files / figures['wall']:>8.0f} {mb / figures['wall']:>6.1f} "
                      f"{figures['peak']:>7.1f} {figures['findings']:>8} {figures['render']:>8.3f}", flush=True)

    print()
    for preset, (files, mb, floor) in floors.items():
        fastest = min(v["wall"] for (p, _, _), v in results.items() if p == preset)
        print(f"read floor {preset}: {files} files, {mb:.1f} MB read in {floor:.3f} s ({mb / floor:.0f} MB/s); "
              f"coglint's fastest run takes {fastest / floor:.1f}x that")

    print()
    checks = []
    large = [v for (p, _, _), v in results.items() if p == "large"]
    if large:
        wall = max(v["wall"] for v in large)
        peak = max(v["peak"] for v in large)
        checks.append((f"large preset: slowest configuration {wall:.2f} s (target < {MAX_LARGE_WALL_S} s)",
                       wall < MAX_LARGE_WALL_S))
        checks.append((f"large preset: peak memory {peak:.0f} MB (target < {MAX_LARGE_PEAK_MB:.0f} MB)",
                       peak < MAX_LARGE_PEAK_MB))
    if "large" in args.presets and "double" in args.presets and "human" in args.formats:
        for threads in args.threads:
            a = results[("large", threads, "human")]
            b = results[("double", threads, "human")]
            # CPU time: less disturbed than wall time by the page cache and other processes.
            ratio = b["cpu"] / a["cpu"]
            checks.append((f"double / large CPU time, {threads} thread(s): {ratio:.2f}x "
                           f"(target <= {MAX_DOUBLE_RATIO}x)", ratio <= MAX_DOUBLE_RATIO))
    for large, double in REPOSITORY_PRESETS.items():
        runs = [(t, v) for (p, t, _), v in results.items() if p == large]
        if runs:
            # The issue measured its 1.46 s on two cores, with coglint's default of every core:
            # the target is that run's; one thread is printed beside it.
            most = max(t for t, _ in runs)
            wall = max(v["wall"] for t, v in runs if t == most)
            fewer = [v["wall"] for t, v in runs if t < most]
            aside = f"; {max(fewer):.2f} s on fewer threads, no target" if fewer else ""
            checks.append((f"{large} preset: slowest report on {most} thread(s) {wall:.2f} s "
                           f"(target <= {MAX_REPO_WALL_S} s{aside})", wall <= MAX_REPO_WALL_S))
            peak = max(v["peak"] for _, v in runs)
            checks.append((f"{large} preset: peak memory {peak:.0f} MB (target <= {MAX_REPO_PEAK_MB:.0f} MB)",
                           peak <= MAX_REPO_PEAK_MB))
        for (preset, threads, fmt), a in sorted(results.items()):
            b = results.get((double, threads, fmt))
            if preset != large or b is None:
                continue
            # CPU time: less disturbed than wall time by the page cache and other processes.
            time_ratio = b["cpu"] / a["cpu"]
            memory_ratio = b["peak"] / a["peak"]
            checks.append((f"{double} / {large}, {threads} thread(s), {fmt}: CPU time {time_ratio:.2f}x "
                           f"(wall {b['wall'] / a['wall']:.2f}x; target <= {MAX_REPO_TIME_RATIO}x)",
                           time_ratio <= MAX_REPO_TIME_RATIO))
            checks.append((f"{double} / {large}, {threads} thread(s), {fmt}: peak memory {memory_ratio:.2f}x "
                           f"(target <= {MAX_REPO_MEMORY_RATIO}x)", memory_ratio <= MAX_REPO_MEMORY_RATIO))
    many = [(k, v) for k, v in results.items() if v["findings"] >= 10_000]
    for (preset, threads, fmt), v in many:
        per_10k = v["render"] * 10_000 / v["findings"]
        checks.append((f"{preset}, {threads} thread(s): {v['findings']} findings rendered as {fmt} in "
                       f"{v['render']:.3f} s, {per_10k:.3f} s per 10,000 (target < {MAX_RENDER_10K_S} s)",
                       per_10k < MAX_RENDER_10K_S))
    if args.instructions:
        print()
        counts = {}
        for preset in args.presets:
            path, _, _ = corpus(preset, args.dir)
            counts[preset] = instructions(binary, path)
            if counts[preset] is None:
                print("valgrind not found: no instruction counts")
                break
            print(f"instructions {preset}: {counts[preset]:,} (one thread, SARIF)", flush=True)
        pairs = dict(REPOSITORY_PRESETS, large="double")
        for large, double in pairs.items():
            if counts.get(large) and counts.get(double):
                ratio = counts[double] / counts[large]
                checks.append((f"{double} / {large}: instructions {ratio:.3f}x (target <= {MAX_REPO_TIME_RATIO}x)",
                               ratio <= MAX_REPO_TIME_RATIO))
    for text, ok in checks:
        print(f"{'ok  ' if ok else 'MISS'} {text}")

    if not args.no_checkov and shutil.which("checkov") and "small" in args.presets:
        path, _, _ = corpus("small", args.dir)
        cmd = ["checkov", "--quiet", "--compact", "-d", path, "--framework", "cloudformation", "terraform"]
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        checkov = time.perf_counter() - start
        ours = min(v["wall"] for (p, _, _), v in results.items() if p == "small")
        print(f"checkov on small: {checkov:.1f} s, {checkov / ours:.0f}x coglint's {ours:.3f} s")
    elif not args.no_checkov:
        print("checkov not installed (pip install checkov): no comparison")


if __name__ == "__main__":
    main()
