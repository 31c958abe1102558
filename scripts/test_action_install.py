"""Tests of scripts/action_install.py: a local directory stands in for the GitHub release.

Run with `python3 -m unittest discover -s scripts -p 'test_*.py'` (CI does).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import platform
import shutil
import stat
import sys
import tarfile
import tempfile
import unittest
import zipfile
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import action_install  # noqa: E402

TARGET = action_install.target_triple(platform.system(), platform.machine())
ARCHIVE = action_install.archive_name(TARGET)


def fake_binary(version: str) -> bytes:
    """A stand-in for coglint: a script that prints `coglint VERSION` for --version."""
    return f"#!/bin/sh\necho 'coglint {version}'\n".encode()


def tar_xz(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:xz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o755
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


class ActionInstall(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.tmp)
        self.releases = self.tmp / "releases"
        self.dest = self.tmp / "dest"
        self.source = self.tmp / "source"
        self.source.mkdir()
        # A `cargo` that records its arguments and installs a stand-in, for the fallback.
        self.bin = self.tmp / "fake-bin"
        self.bin.mkdir()
        self.cargo_log = self.tmp / "cargo.log"
        cargo = self.bin / "cargo"
        cargo.write_text(
            "#!/bin/sh\n"
            f"echo \"$@\" >> '{self.cargo_log}'\n"
            f"mkdir -p '{self.dest}/bin' && printf '#!/bin/sh\\necho built\\n' > '{self.dest}/bin/coglint'\n"
        )
        cargo.chmod(0o755)
        self.env = {
            "COGLINT_RELEASE_BASE_URL": self.releases.as_uri(),
            "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}",
        }

    def publish(self, tag: str, archive: bytes, listed_digest: str | None = None) -> None:
        """Lays out a release as the release workflow does: the archive and sha256.sum."""
        release = self.releases / tag
        release.mkdir(parents=True)
        (release / ARCHIVE).write_bytes(archive)
        digest = listed_digest or hashlib.sha256(archive).hexdigest()
        other = "0" * 64
        (release / "sha256.sum").write_text(
            f"{other}  coglint-installer.sh\n{digest}  {ARCHIVE}\n{other}  source.tar.gz\n"
        )

    def run_install(self, ref: str, path: str | None = None) -> tuple[int, str, str]:
        env = dict(self.env)
        if path is not None:
            env["PATH"] = path
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, env), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err):
            code = action_install.main(
                ["--ref", ref, "--source", str(self.source), "--dest", str(self.dest)]
            )
        return code, out.getvalue(), err.getvalue()

    def installed(self) -> Path:
        return self.dest / "bin" / action_install.binary_name(TARGET)

    def test_release_is_downloaded_checked_and_installed(self) -> None:
        self.publish("v1.2.3", tar_xz({f"coglint-{TARGET}/coglint": fake_binary("1.2.3"),
                                       f"coglint-{TARGET}/README.md": b"readme"}))
        code, out, err = self.run_install("v1.2.3")
        self.assertEqual(code, 0, err)
        self.assertIn("checked against sha256.sum", out)
        self.assertTrue(self.installed().stat().st_mode & stat.S_IXUSR)
        self.assertEqual(action_install.run_version(str(self.installed())), "coglint 1.2.3")
        self.assertFalse(self.cargo_log.exists(), "cargo must not run when a release exists")

    def test_wrong_checksum_is_refused(self) -> None:
        self.publish("v1.2.3", tar_xz({f"coglint-{TARGET}/coglint": fake_binary("1.2.3")}),
                     listed_digest="ab" * 32)
        code, _, err = self.run_install("v1.2.3")
        self.assertEqual(code, 1)
        self.assertIn("does not match the release's sha256.sum", err)
        self.assertIn("ab" * 32, err)
        self.assertFalse(self.installed().exists())
        self.assertFalse(self.cargo_log.exists(), "a mismatch must not fall back to cargo")

    def test_binary_of_another_version_is_refused(self) -> None:
        self.publish("v1.2.3", tar_xz({f"coglint-{TARGET}/coglint": fake_binary("9.9.9")}))
        code, _, err = self.run_install("v1.2.3")
        self.assertEqual(code, 1)
        self.assertIn("prints `coglint 9.9.9`", err)
        self.assertFalse(self.installed().exists())

    def test_tag_without_release_falls_back_to_cargo_install(self) -> None:
        code, out, err = self.run_install("v2.0.0")
        self.assertEqual(code, 0, err)
        self.assertIn("no release binary to download", out)
        self.assertEqual(
            self.cargo_log.read_text().split(),
            ["install", "--locked", "--root", str(self.dest), "--path", str(self.source)],
        )

    def test_branch_or_commit_falls_back_without_downloading(self) -> None:
        for ref in ["main", "", "0123456789abcdef0123456789abcdef01234567"]:
            with self.subTest(ref=ref):
                code, out, err = self.run_install(ref)
                self.assertEqual(code, 0, err)
                self.assertIn("is not a release tag", out)
        self.assertEqual(len(self.cargo_log.read_text().splitlines()), 3)

    def test_release_without_this_runners_archive_falls_back(self) -> None:
        release = self.releases / "v1.2.3"
        release.mkdir(parents=True)
        (release / "sha256.sum").write_text(f"{'0' * 64}  coglint-other-target.tar.xz\n")
        code, out, err = self.run_install("v1.2.3")
        self.assertEqual(code, 0, err)
        self.assertIn(f"lists no {ARCHIVE}", out)
        self.assertTrue(self.cargo_log.exists())

    def test_no_release_and_no_cargo_is_a_clear_error(self) -> None:
        code, _, err = self.run_install("main", path=str(self.tmp / "empty"))
        self.assertEqual(code, 1)
        self.assertIn("no cargo to build coglint", err)

    def test_archive_paths_are_never_written(self) -> None:
        archive = tar_xz({"../../escape": b"x", f"coglint-{TARGET}/coglint": fake_binary("1.2.3")})
        self.publish("v1.2.3", archive)
        code, _, err = self.run_install("v1.2.3")
        self.assertEqual(code, 0, err)
        self.assertFalse((self.tmp / "escape").exists())
        self.assertFalse((self.tmp.parent / "escape").exists())


class Names(unittest.TestCase):
    def test_runner_platforms_map_to_release_targets(self) -> None:
        cases = {
            ("Linux", "x86_64"): "x86_64-unknown-linux-musl",
            ("Linux", "aarch64"): "aarch64-unknown-linux-musl",
            ("Darwin", "x86_64"): "x86_64-apple-darwin",
            ("Darwin", "arm64"): "aarch64-apple-darwin",
            ("Windows", "AMD64"): "x86_64-pc-windows-msvc",
        }
        for (system, machine), target in cases.items():
            self.assertEqual(action_install.target_triple(system, machine), target)
        with self.assertRaises(action_install.NoRelease):
            action_install.target_triple("Linux", "riscv64")
        self.assertEqual(action_install.archive_name("x86_64-pc-windows-msvc"),
                         "coglint-x86_64-pc-windows-msvc.zip")
        self.assertEqual(action_install.archive_name("aarch64-apple-darwin"),
                         "coglint-aarch64-apple-darwin.tar.xz")

    def test_zip_archives_give_their_exe(self) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("coglint.exe", b"MZ")
            archive.writestr("README.md", b"readme")
        self.assertEqual(
            action_install.extract_binary(out.getvalue(), "x.zip", "coglint.exe"), b"MZ"
        )

    def test_checksum_lines_in_both_sha256sum_forms(self) -> None:
        digest = "a" * 64
        self.assertEqual(action_install.expected_checksum(f"{digest}  x.tar.xz\n", "x.tar.xz"),
                         digest)
        self.assertEqual(action_install.expected_checksum(f"{digest} *x.tar.xz\n", "x.tar.xz"),
                         digest)
        with self.assertRaises(action_install.InstallError):
            action_install.expected_checksum("nothex  x.tar.xz\n", "x.tar.xz")


if __name__ == "__main__":
    unittest.main()
