"""An audit's report: its claims with their verdicts, and the summary — read from Referee's JSON report."""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, List, Optional

from . import _executable
from .errors import RefereeError

__all__ = ["Claim", "Summary", "Report"]

VERDICTS = ("verified", "discrepancy", "inconclusive", "unsupported", "error")


@dataclass(frozen=True)
class Claim:
    """One claim of a derivation file and how Referee judged it (the keys of the JSON report).

    ``verdict`` is verified, discrepancy, inconclusive, unsupported or error; ``method`` exact,
    numeric or none; ``digits`` the digits reached by a numeric method; ``error`` the error estimate
    (or the bound on a false accept of an exact randomized test); ``computed`` and ``relation`` say,
    for a claim that does not hold, what the engine computed and how it relates to the printed form.
    """

    id: str
    file: str
    line: int
    equations: Dict[str, List[str]]
    statement: str
    check: str
    printed: str
    computed: Optional[str]
    method: str
    verdict: str
    expected: str
    digits: Optional[int]
    error: Optional[str]
    relation: Optional[str]
    detail: str
    seed: Optional[int]
    seconds: Optional[float] = None

    @property
    def as_expected(self) -> bool:
        """True when the verdict is the one the derivation file expects."""
        return self.verdict == self.expected

    @property
    def holds(self) -> bool:
        """True when the printed formula was verified."""
        return self.verdict == "verified"

    def printed_sympy(self, symbols=None):
        """The printed formula as a SymPy expression (see :func:`referee.to_sympy`)."""
        from .sympy_bridge import to_sympy
        return to_sympy(self.printed, symbols)

    def computed_sympy(self, symbols=None):
        """The formula the engine computed (claims that do not hold), as a SymPy expression; None if none."""
        from .sympy_bridge import to_sympy
        return None if self.computed is None else to_sympy(self.computed, symbols)

    @staticmethod
    def _from_json(d: dict) -> "Claim":
        seconds = d.get("seconds")
        return Claim(
            id=d["id"], file=d["file"], line=int(d["line"]),
            equations={k: list(v) for k, v in d.get("equations", {}).items()},
            statement=d.get("statement", ""), check=d.get("check", ""), printed=d.get("printed", ""),
            computed=d.get("computed"), method=d["method"], verdict=d["verdict"], expected=d["expected"],
            digits=d.get("digits"), error=d.get("error"), relation=d.get("relation"), detail=d.get("detail", ""),
            seed=None if d.get("seed") is None else int(d["seed"]),
            seconds=None if seconds is None else float(seconds),
        )


@dataclass(frozen=True)
class Summary:
    """Counts per verdict, the claims not as expected, and Referee's one-line summary (``str(summary)``)."""

    counts: Dict[str, int]
    total: int
    unexpected: List[str]
    line: str

    @property
    def all_as_expected(self) -> bool:
        return not self.unexpected

    def __str__(self) -> str:
        return self.line


class Report:
    """The result of :func:`referee.audit`: ``claims`` in audit order, ``summary``, ``seed``, ``digits``,
    the JSON as Referee wrote it (``json``), and the typeset HTML report in a notebook."""

    def __init__(self, document: dict, *, summary_line: str, shard: Optional[str] = None,
                 cwd: Optional[str] = None, json_text: str = ""):
        self.json = json_text
        self.claims: List[Claim] = [Claim._from_json(c) for c in document["claims"]]
        s = document["summary"]
        counts = {k: int(s.get(k, 0)) for k in VERDICTS}
        self.summary = Summary(counts=counts, total=int(s["total"]), line=summary_line,
                               unexpected=[c.id for c in self.claims if not c.as_expected])
        self.seed = int(document["seed"])
        self.digits = int(document["digits"])
        self._shard = shard
        self._cwd = cwd
        self._html: Optional[str] = None

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self):
        return iter(self.claims)

    def __getitem__(self, key):
        """A claim by position or by id."""
        if isinstance(key, str):
            for c in self.claims:
                if c.id == key:
                    return c
            raise KeyError(key)
        return self.claims[key]

    @property
    def ok(self) -> bool:
        """True when every verdict is the one its file expects (``referee audit`` exits 0)."""
        return self.summary.all_as_expected

    def discrepancies(self) -> List[Claim]:
        return [c for c in self.claims if c.verdict == "discrepancy"]

    def rows(self) -> List[dict]:
        """One dict per claim (for a table or a DataFrame)."""
        return [dict(c.__dict__) for c in self.claims]

    def to_dataframe(self):
        """The claims as a pandas DataFrame (needs pandas)."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError("to_dataframe needs pandas: pip install pandas") from e
        return pandas.DataFrame(self.rows())

    def __repr__(self) -> str:
        return f"<referee.Report {self.summary.line}>"

    def html(self) -> str:
        """The self-contained HTML page of ``referee audit --format html`` for this very audit
        (rendered by Referee from the stored verdicts; the derivation files must be unchanged)."""
        if self._html is None:
            if self._shard is None:
                raise RefereeError("this report has no stored verdicts to render", fix="run referee.audit again")
            with tempfile.TemporaryDirectory(prefix="referee-report-") as folder:
                with open(os.path.join(folder, "audit.shard-1-of-1.json"), "w", encoding="utf-8") as f:
                    f.write(self._shard)
                _executable.run(["merge", folder, "--format", "html"], allowed=(0, 1), cwd=self._cwd)
                with open(os.path.join(folder, "audit.html"), encoding="utf-8") as f:
                    self._html = f.read()
        return self._html

    def _repr_html_(self) -> str:
        try:
            page = self.html()
        except RefereeError as e:
            return self._fallback_html(str(e))
        # An iframe keeps the page's style and filter buttons to itself.
        return ('<iframe style="width: 100%; height: 32em; border: 1px solid #ccc" '
                f'srcdoc="{html.escape(page, quote=True)}"></iframe>')

    def _fallback_html(self, why: str) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(c.id)}</code></td><td>{html.escape(', '.join(c.equations.get('NC', [])))}</td>"
            f"<td>{html.escape(c.verdict)}</td><td>{html.escape(c.expected)}</td><td>{html.escape(c.method)}</td></tr>"
            for c in self.claims)
        return (f"<p>{html.escape(self.summary.line)}</p><p><small>(Referee's typeset report is unavailable: "
                f"{html.escape(why)})</small></p><table><tr><th>claim</th><th>NC</th><th>verdict</th><th>expected</th>"
                f"<th>method</th></tr>{rows}</table>")


def _summary_line(stderr: str) -> str:
    for line in reversed(stderr.splitlines()):
        if re.match(r"^\d+ claims?: ", line):
            return line.strip()
    return ""


def run_audit(paths: List[str], *, digits: Optional[int], seed: Optional[int], jobs: Optional[int],
              command: str = "audit") -> Report:
    """Runs the audit once, keeping the verdicts (a 1-of-1 shard) so the report can be rendered as
    JSON now and as Referee's HTML page later without checking anything twice."""
    cwd = os.getcwd()
    options: List[str] = []
    if digits is not None:
        options += ["--digits", str(digits)]
    if seed is not None:
        options += ["--seed", str(seed)]
    if jobs is not None:
        options += ["--jobs", str(jobs)]
    with tempfile.TemporaryDirectory(prefix="referee-audit-") as folder:
        _executable.run([command, *paths, *options, "--format", "json", "--shard", "1/1", "--output", folder], cwd=cwd)
        with open(os.path.join(folder, "audit.shard-1-of-1.json"), encoding="utf-8") as f:
            shard = f.read()
        done = _executable.run(["merge", folder], allowed=(0, 1), cwd=cwd)
        with open(os.path.join(folder, "audit.json"), encoding="utf-8") as f:
            text = f.read()
    document = json.loads(text, parse_float=Decimal)
    return Report(document, summary_line=_summary_line(done.stderr), shard=shard, cwd=cwd, json_text=text)
