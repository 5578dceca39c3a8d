"""Shared fixtures: the repository root (derivation paths are relative to it) and the executable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))

import referee  # noqa: E402


@pytest.fixture(autouse=True)
def at_repository_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def cli():
    """Runs the same executable directly: what the client must agree with."""
    os.chdir(ROOT)
    exe = referee.executable()

    def run(*arguments, check=True):
        done = subprocess.run([exe, *arguments], capture_output=True, text=True, cwd=ROOT)
        if check and done.returncode not in (0, 1):
            raise AssertionError(done.stderr)
        return done

    return run
