#!/usr/bin/env python3
"""Prints what coglint reports on directories, to judge noise: findings per user pool, per rule
and per group, spots reported more than once, and problems.

    python3 scripts/report.py DIR [DIR ...]              # each DIR scanned as a repository
    python3 scripts/report.py --each PARENT              # every subdirectory of PARENT
    python3 scripts/report.py --coglint target/release/coglint DIR

Each directory is scanned twice, with the default (recommended) rules and with `--select all`,
from inside the directory, as a user would run it. A user pool's findings are those whose
resource is the pool itself (`AWS::Cognito::UserPool`, `aws_cognito_user_pool`), by file and
name; the median is over every pool of every directory.
"""

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys

POOL_TYPES = {"AWS::Cognito::UserPool", "aws_cognito_user_pool"}


def scan(coglint, directory, select_all):
    args = [coglint, "check", ".", "--format", "json"]
    if select_all:
        args += ["--select", "all"]
    out = subprocess.run(args, cwd=directory, capture_output=True, text=True, check=False)
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit(f"{directory}: coglint printed no JSON (exit {out.returncode}): {out.stderr[:300]}")


def pools(document):
    """Findings per user pool, a pool being a name in a file (two templates may both name a
    pool `UserPool`). A pool with no finding is not counted."""
    per_pool = collections.Counter()
    for finding in document["findings"]:
        resource = finding["resource"]
        if resource["type"] in POOL_TYPES:
            per_pool[(finding["location"]["path"], resource["name"])] += 1
    return per_pool


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*")
    parser.add_argument("--each", help="scan every subdirectory of this directory")
    parser.add_argument("--coglint", default="target/release/coglint")
    args = parser.parse_args()
    coglint = os.path.abspath(args.coglint)
    dirs = list(args.dirs)
    if args.each:
        dirs += sorted(
            os.path.join(args.each, d)
            for d in os.listdir(args.each)
            if os.path.isdir(os.path.join(args.each, d))
        )
    if not dirs:
        parser.error("name a directory, or --each PARENT")

    rules = {r["code"]: r for r in json.loads(subprocess.run(
        [coglint, "rules", "--json"], capture_output=True, text=True, check=True).stdout)}
    totals = {"recommended": [], "all": []}
    per_rule = {"recommended": collections.Counter(), "all": collections.Counter()}
    problems = collections.Counter()
    repeated = []
    silent = 0
    for directory in dirs:
        for name, select_all in (("recommended", False), ("all", True)):
            document = scan(coglint, directory, select_all)
            totals[name] += list(pools(document).values())
            per_rule[name].update(f["code"] for f in document["findings"])
            if select_all:
                continue
            if not document["findings"]:
                silent += 1
            problems.update(p["kind"] for p in document["problems"])
            spots = collections.Counter(
                (f["code"], f["location"]["path"], f["location"]["start"]["line"])
                for f in document["findings"]
            )
            repeated += [(directory, spot, n) for spot, n in spots.items() if n > 1]

    print(f"directories: {len(dirs)}, with no finding (recommended): {silent}")
    for name in ("recommended", "all"):
        counts = totals[name]
        if counts:
            print(
                f"{name:>11}: {len(counts)} user pools with findings, findings per pool: "
                f"median {statistics.median(counts):g}, mean {statistics.mean(counts):.1f}, "
                f"max {max(counts)}; {sum(per_rule[name].values())} findings in all"
            )
    by_group = collections.Counter()
    for code, n in per_rule["all"].items():
        by_group[rules.get(code, {}).get("group", "?")] += n
    print("findings per group (all rules on): " + ", ".join(f"{g} {n}" for g, n in by_group.most_common()))
    print("\nfindings per rule (recommended / all):")
    for code, n in sorted(per_rule["all"].items()):
        rule = rules.get(code, {})
        print(f"  {code} {rule.get('name', '?'):<42} {rule.get('group', '?'):<11} {per_rule['recommended'][code]:>5} / {n:>5}")
    print(f"\nspots reported more than once (same rule, file and line): {len(repeated)}")
    for directory, (code, path, line), n in repeated[:20]:
        print(f"  {n}x {code} {os.path.join(directory, path)}:{line}")
    print("\nproblems: " + (", ".join(f"{k} {n}" for k, n in problems.most_common()) or "none"))


if __name__ == "__main__":
    main()
