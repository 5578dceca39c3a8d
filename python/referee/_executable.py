"""Finding and running the ``referee`` executable.

The client never reimplements a check: every result comes from the Swift executable, run as a
subprocess. It is looked up, in this order, as

1. the environment variable ``REFEREE_EXECUTABLE`` (a path),
2. ``referee`` on ``PATH``,
3. the newest of ``.build/release/referee`` and ``.build/debug/referee`` in the current folder or
   one of its parents, then beside this package (a checkout of the repository).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Optional, Sequence

from .errors import ExecutableNotFound, RefereeError

__all__ = ["executable", "run", "Completed"]

_BUILDS = (".build/release/referee", ".build/debug/referee")


def _repository_builds(start: Path) -> list[Path]:
    found = []
    for folder in [start, *start.parents]:
        if (folder / "Package.swift").is_file():
            found += [folder / b for b in _BUILDS if (folder / b).is_file() and os.access(folder / b, os.X_OK)]
    return found


def executable() -> str:
    """The path of the ``referee`` executable (see the module documentation for the search order)."""
    configured = os.environ.get("REFEREE_EXECUTABLE")
    if configured:
        path = Path(configured).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
        raise ExecutableNotFound(
            f"REFEREE_EXECUTABLE={configured} is not an executable file",
            fix="point REFEREE_EXECUTABLE at the built referee (e.g. .build/release/referee) or unset it",
        )
    on_path = shutil.which("referee")
    if on_path:
        return on_path
    candidates = _repository_builds(Path.cwd().resolve()) or _repository_builds(Path(__file__).resolve().parent)
    if candidates:
        return str(max(candidates, key=lambda p: p.stat().st_mtime))
    raise ExecutableNotFound(
        "the referee executable was not found (REFEREE_EXECUTABLE is unset, `referee` is not on PATH, "
        "and no .build/release/referee or .build/debug/referee in this folder or its parents)",
        fix="build it in the repository with `swift build -c release` (or `scripts/audit`), then run Python "
        "from the repository or set REFEREE_EXECUTABLE=/path/to/.build/release/referee",
    )


class Completed:
    """The outcome of one ``referee`` run: exit status, standard output and standard error."""

    def __init__(self, arguments: Sequence[str], status: int, stdout: str, stderr: str):
        self.arguments = list(arguments)
        self.status = status
        self.stdout = stdout
        self.stderr = stderr


def run(arguments: Sequence[str], *, allowed: Sequence[int] = (0,), cwd: Optional[str] = None,
        timeout: Optional[float] = None) -> Completed:
    """Runs ``referee ARGUMENTS``; an exit status outside ``allowed`` raises :class:`RefereeError`
    carrying Referee's own message (for bad input, exit 2: the place, file:line:column or option,
    and the fix)."""
    command = [executable(), *map(str, arguments)]
    try:
        process = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=timeout,
                                 stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        raise RefereeError(f"referee did not finish within {timeout} s", arguments=command, status=None,
                           fix="raise the timeout, or lower --digits / the grid size") from e
    except OSError as e:
        raise ExecutableNotFound(f"cannot run {command[0]}: {e}", fix="check REFEREE_EXECUTABLE or rebuild") from e
    if process.returncode not in allowed:
        raise RefereeError.from_output(command, process.returncode, process.stdout, process.stderr)
    return Completed(command, process.returncode, process.stdout, process.stderr)
