"""Exceptions: Referee's own messages, as Python exceptions."""

from __future__ import annotations

import re
from typing import Optional, Sequence

__all__ = ["RefereeError", "BadInput", "ExecutableNotFound"]


class RefereeError(Exception):
    """``referee`` failed. ``message`` is Referee's message (the place and what is wrong), ``fix``
    its suggested fix, ``status`` the exit code (2 for bad input), ``arguments`` the command line."""

    def __init__(self, message: str, *, fix: Optional[str] = None, status: Optional[int] = None,
                 arguments: Optional[Sequence[str]] = None, stderr: str = ""):
        self.message = message
        self.fix = fix
        self.status = status
        self.arguments = list(arguments or [])
        self.stderr = stderr
        super().__init__(message + (f"\n  fix: {fix}" if fix else ""))

    @staticmethod
    def from_output(arguments: Sequence[str], status: int, stdout: str, stderr: str) -> "RefereeError":
        text = stderr.strip() or stdout.strip() or f"referee exited with status {status}"
        lines = text.splitlines()
        fix = None
        message_lines = []
        for line in lines:
            stripped = line.strip()
            if stripped.startswith("fix:") and fix is None:
                fix = stripped[len("fix:"):].strip()
            else:
                message_lines.append(line)
        message = "\n".join(message_lines).strip()
        message = re.sub(r"^referee: (error: )?", "", message)
        kind = BadInput if status == 2 else RefereeError
        return kind(message, fix=fix, status=status, arguments=arguments, stderr=stderr)


class BadInput(RefereeError, ValueError):
    """Bad input (exit code 2): Referee names the place — ``file:line:column``, the option, or the
    column of an expression — and the fix."""

    @property
    def location(self) -> Optional[str]:
        """``file:line:column`` (or ``file:line``) when the message starts with one."""
        m = re.match(r"^(\S+?:\d+(?::\d+)?):", self.message)
        return m.group(1) if m else None


class ExecutableNotFound(RefereeError, FileNotFoundError):
    """The ``referee`` executable could not be found or run."""
