#!/usr/bin/env python3
"""Generates hostile inputs of each class at doubling sizes and prints coglint's time and peak
memory for each size, so that growth can be seen: about 2x from one row to the next is linear,
4x is quadratic. A run that exceeds --timeout is printed as `timeout` (a hang is a bug).

    python3 scripts/stress.py                               # builds --release, every class
    python3 scripts/stress.py --classes cfn-list tf-concat --coglint target/release/coglint

Classes:
  cfn-list        a CloudFormation list property (CallbackURLs) of n items
  cfn-conditions  a chain of n conditions over parameters with 50 AllowedValues each
  cfn-pools       n user pools in one template, each with a client
  tf-list         a Terraform literal list of n items in a local
  tf-concat       n locals, each concat() of the previous one with itself (doubling)
  tf-modules      a module calling itself-like chain: n levels, each called 3 times
  tf-count        a resource with count = n
Figures for docs/robustness.md come from this script.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cfn_list(n):
    urls = "".join(f"        - https://app{i}.example.com/callback\n" for i in range(n))
    return {
        "template.yaml": "Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n"
        "  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n"
        "      UserPoolId: !Ref Pool\n      AllowedOAuthFlows: [code]\n      CallbackURLs:\n" + urls
    }


def cfn_conditions(n):
    values = ", ".join(f"v{i}" for i in range(50))
    params = "".join(
        f"  P{i}:\n    Type: String\n    Default: v0\n    AllowedValues: [{values}]\n" for i in range(n)
    )
    # Each condition uses the one before it twice: evaluated again at each use, the work
    # doubles with each link.
    conds = "  C0: !Equals [!Ref P0, v1]\n" + "".join(
        f"  C{i}: !Or [!And [!Condition C{i - 1}, !Equals [!Ref P{i}, v1]],"
        f" !And [!Not [!Condition C{i - 1}], !Equals [!Ref P{i}, v2]]]\n"
        for i in range(1, n)
    )
    return {
        "template.yaml": f"Parameters:\n{params}Conditions:\n{conds}Resources:\n"
        "  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n"
        f"      MfaConfiguration: !If [C{n - 1}, 'ON', 'OFF']\n"
    }


def cfn_pools(n):
    body = "".join(
        f"  Pool{i}:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: 'OFF'\n"
        f"  Client{i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n"
        f"      UserPoolId: !Ref Pool{i}\n      AllowedOAuthFlows: [implicit]\n"
        for i in range(n)
    )
    return {"template.yaml": "Resources:\n" + body}


def tf_list(n):
    items = ", ".join(f'"https://app{i}.example.com/cb"' for i in range(n))
    return {
        "main.tf": f"locals {{\n  urls = [{items}]\n}}\n"
        'resource "aws_cognito_user_pool" "p" {\n  name = "p"\n}\n'
        'resource "aws_cognito_user_pool_client" "c" {\n  name = "c"\n'
        "  user_pool_id = aws_cognito_user_pool.p.id\n  callback_urls = local.urls\n}\n"
    }


def tf_concat(n):
    lines = ['  l0 = ["a", "b"]\n'] + [f"  l{i} = concat(local.l{i - 1}, local.l{i - 1})\n" for i in range(1, n)]
    return {
        "main.tf": "locals {\n" + "".join(lines) + "}\n"
        'resource "aws_cognito_user_pool" "p" {\n  name = "p"\n}\n'
        'resource "aws_cognito_user_pool_client" "c" {\n  name = "c"\n'
        f"  user_pool_id = aws_cognito_user_pool.p.id\n  callback_urls = local.l{n - 1}\n}}\n"
    }


def tf_modules(n):
    files = {}
    for level in range(n):
        calls = "".join(
            f'module "m{k}" {{\n  source = "../level{level + 1}"\n}}\n' for k in range(3)
        ) if level + 1 < n else 'resource "aws_cognito_user_pool" "p" {\n  name = "p"\n}\n'
        files[f"level{level}/main.tf"] = calls
    files["main.tf"] = 'module "top" {\n  source = "./level0"\n}\n'
    return files


def tf_count(n):
    return {
        "main.tf": f'resource "aws_cognito_user_pool" "p" {{\n  count = {n}\n  name = "p${{count.index}}"\n}}\n'
    }


CLASSES = {
    "cfn-list": (cfn_list, [1000, 2000, 4000, 8000, 16000, 32000]),
    "cfn-conditions": (cfn_conditions, [2, 4, 6, 8, 16, 32]),
    "cfn-pools": (cfn_pools, [500, 1000, 2000, 4000, 8000]),
    "tf-list": (tf_list, [1000, 2000, 4000, 8000, 16000, 32000]),
    "tf-concat": (tf_concat, [8, 12, 16, 20, 24]),
    "tf-modules": (tf_modules, [3, 5, 7, 9, 11, 13, 15]),
    "tf-count": (tf_count, [64, 256, 1024, 4096, 16384]),
}


def run(coglint, directory, timeout):
    """Runs coglint on directory; returns (wall s, peak MB, findings line) or None on timeout."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    try:
        out = subprocess.run(
            [coglint, "check", ".", "--format", "concise", "--select", "all"],
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is the largest child so far: it grows with the sizes, which run in order.
    lines = out.stdout.count("\n")
    return wall, max(peak, before) / 1024, lines, out.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--coglint", help="binary to run (default: build target/release/coglint)")
    parser.add_argument("--classes", nargs="*", default=list(CLASSES), choices=list(CLASSES))
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a run counts as a hang")
    args = parser.parse_args()
    coglint = args.coglint
    if not coglint:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        coglint = os.path.join(ROOT, "target/release/coglint")
    coglint = os.path.abspath(coglint)
    print(f"{'class':<16}{'size':>8}{'input KB':>10}{'wall s':>9}{'peak MB':>9}{'lines':>7}{'exit':>6}")
    for name in args.classes:
        make, sizes = CLASSES[name]
        for n in sizes:
            directory = tempfile.mkdtemp(prefix=f"coglint-stress-{name}-")
            try:
                size = 0
                for path, text in make(n).items():
                    full = os.path.join(directory, path)
                    os.makedirs(os.path.dirname(full), exist_ok=True)
                    with open(full, "w") as f:
                        f.write(text)
                    size += len(text)
                # A fresh process per size, so that the peak is this size's.
                result = subprocess.run(
                    [sys.executable, __file__, "--one", coglint, directory, str(args.timeout)],
                    capture_output=True,
                    text=True,
                )
                print(f"{name:<16}{n:>8}{size / 1024:>10.0f}{result.stdout.rstrip()}", flush=True)
            finally:
                shutil.rmtree(directory, ignore_errors=True)


def one(coglint, directory, timeout):
    result = run(coglint, directory, float(timeout))
    if result is None:
        print(f"{'timeout':>9}{'':>9}{'':>7}{'':>6}")
    else:
        wall, peak, lines, code = result
        print(f"{wall:>9.2f}{peak:>9.0f}{lines:>7}{code:>6}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        one(*sys.argv[2:])
    else:
        main()
