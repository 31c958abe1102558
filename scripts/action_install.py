#!/usr/bin/env python3
"""Installs coglint for the GitHub Action (action.yml).

For a release tag (`v1.2.3`), downloads the release archive that the release workflow
(cargo-dist) built for this runner, checks it against the release's `sha256.sum`, and puts the
binary in DEST/bin. A checksum that does not match, or a binary that prints another version, is
an error: nothing is installed. A ref without a release (a branch, a commit, or a tag whose
release has no archive for this runner) falls back to `cargo install --locked --path SOURCE`.

COGLINT_RELEASE_BASE_URL replaces `https://github.com/REPO/releases/download` (the tests point
it at a local directory through a file:// URL). Standard library only: it runs on every runner.
scripts/test_action_install.py holds its tests.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
import zipfile

# `v` and a version, as the release workflow's tags are (release.yml: `**[0-9]+.[0-9]+.[0-9]+*`).
RELEASE_TAG = re.compile(r"^v(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)$")
CHECKSUM_FILE = "sha256.sum"
# Archives larger than this are refused before they are hashed (coglint's are a few MB).
MAX_DOWNLOAD = 200 * 1024 * 1024


class InstallError(Exception):
    """A problem that stops the installation: the message says what to do."""


class NoRelease(Exception):
    """The ref has no release archive for this runner: build from source instead."""


def target_triple(system: str, machine: str) -> str:
    """The Rust target whose release archive runs here (Linux builds are static, musl)."""
    machine = machine.lower()
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "x64": "x86_64",
            "aarch64": "aarch64", "arm64": "aarch64"}.get(machine)
    if arch is None:
        raise NoRelease(f"no release archive for the {machine} architecture")
    if system == "Linux":
        return f"{arch}-unknown-linux-musl"
    if system == "Darwin":
        return f"{arch}-apple-darwin"
    if system == "Windows" and arch == "x86_64":
        return "x86_64-pc-windows-msvc"
    raise NoRelease(f"no release archive for {system} on {machine}")


def archive_name(target: str) -> str:
    """cargo-dist's name for the archive of one target."""
    extension = ".zip" if "windows" in target else ".tar.xz"
    return f"coglint-{target}{extension}"


def binary_name(target: str) -> str:
    return "coglint.exe" if "windows" in target else "coglint"


def fetch(url: str) -> bytes:
    """The bytes at `url`; NoRelease when there is nothing there (HTTP 404, missing file)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (https or file)
            data = response.read(MAX_DOWNLOAD + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise NoRelease(f"{url}: not found") from None
        raise InstallError(f"{url}: HTTP {error.code}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, FileNotFoundError):
            raise NoRelease(f"{url}: not found") from None
        raise InstallError(f"{url}: {error.reason}") from None
    if len(data) > MAX_DOWNLOAD:
        raise InstallError(f"{url}: larger than {MAX_DOWNLOAD} bytes")
    return data


def expected_checksum(sums: str, name: str) -> str:
    """The SHA-256 that a `sha256sum`-style file gives for `name`."""
    for line in sums.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lstrip("*") == name:
            digest = parts[0].lower()
            if re.fullmatch(r"[0-9a-f]{64}", digest):
                return digest
            raise InstallError(f"{CHECKSUM_FILE}: `{parts[0]}` is not a SHA-256 for {name}")
    raise NoRelease(f"{CHECKSUM_FILE} lists no {name}")


def extract_binary(archive: bytes, name: str, binary: str) -> bytes:
    """The bytes of the one regular file called `binary` in the archive, wherever it sits.

    Only that file is read and nothing is written from the archive's paths, so a hostile path
    in an archive cannot escape DEST.
    """
    found = []
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
            for info in zipped.infolist():
                if not info.is_dir() and info.filename.rsplit("/", 1)[-1] == binary:
                    found.append(zipped.read(info))
    else:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r:*") as tarred:
            for member in tarred.getmembers():
                if member.isfile() and member.name.rsplit("/", 1)[-1] == binary:
                    extracted = tarred.extractfile(member)
                    if extracted is not None:
                        found.append(extracted.read())
    if len(found) != 1:
        raise InstallError(f"{name} holds {len(found)} files named {binary}, not one")
    return found[0]


def install_release(base_url: str, tag: str, target: str, dest: str) -> str:
    """Downloads, checks and installs the release binary; returns its path."""
    name = archive_name(target)
    release = f"{base_url.rstrip('/')}/{tag}"
    sums = fetch(f"{release}/{CHECKSUM_FILE}").decode("utf-8", "replace")
    expected = expected_checksum(sums, name)
    archive = fetch(f"{release}/{name}")
    actual = hashlib.sha256(archive).hexdigest()
    if actual != expected:
        raise InstallError(
            f"{name} of {tag} does not match the release's {CHECKSUM_FILE}: its SHA-256 is "
            f"{actual}, the release lists {expected}. Nothing was installed."
        )
    binary = extract_binary(archive, name, binary_name(target))
    bin_dir = os.path.join(dest, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    path = os.path.join(bin_dir, binary_name(target))
    partial = path + ".partial"
    with open(partial, "wb") as out:
        out.write(binary)
    os.chmod(partial, 0o755)
    version = RELEASE_TAG.match(tag)
    printed = run_version(partial)
    if version is not None and printed != f"coglint {version.group(1)}":
        os.remove(partial)
        raise InstallError(f"the binary of {tag} prints `{printed}` for --version")
    os.replace(partial, path)
    return path


def run_version(path: str) -> str:
    try:
        result = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except OSError as error:
        raise InstallError(f"cannot run {path}: {error}") from None
    return result.stdout.strip()


def install_from_source(source: str, dest: str) -> str:
    """`cargo install` of the action's own checkout."""
    cargo = shutil.which("cargo")
    if cargo is None:
        raise InstallError(
            "no release to download, and no cargo to build coglint: use the action at a "
            "release tag (coglint/coglint@vX.Y.Z) or install a Rust toolchain first"
        )
    command = [cargo, "install", "--locked", "--root", dest, "--path", source]
    print("building from source:", " ".join(command), flush=True)
    if subprocess.run(command).returncode != 0:
        raise InstallError("cargo install failed")
    return os.path.join(dest, "bin", "coglint.exe" if os.name == "nt" else "coglint")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="", help="the action's ref (github.action_ref)")
    parser.add_argument("--repo", default="coglint/coglint", help="owner/name of the releases")
    parser.add_argument("--source", required=True, help="the action's checkout, for cargo")
    parser.add_argument("--dest", required=True, help="installs into DEST/bin")
    args = parser.parse_args(argv)

    base_url = os.environ.get("COGLINT_RELEASE_BASE_URL") or (
        f"https://github.com/{args.repo}/releases/download"
    )
    try:
        try:
            if not RELEASE_TAG.match(args.ref):
                raise NoRelease(f"`{args.ref or '(none)'}` is not a release tag")
            target = target_triple(platform.system(), platform.machine())
            path = install_release(base_url, args.ref, target, args.dest)
            print(f"installed the {args.ref} release for {target}, checked against "
                  f"{CHECKSUM_FILE}: {path}", flush=True)
        except NoRelease as why:
            print(f"no release binary to download ({why})", flush=True)
            path = install_from_source(args.source, args.dest)
    except InstallError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
