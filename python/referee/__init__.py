"""Referee from Python and Jupyter.

Every function runs the ``referee`` executable (see :func:`executable` for where it is found) and
returns typed objects; nothing is checked in Python. Bad input raises :class:`BadInput` with
Referee's located message (``file:line:column`` or the option, and the fix).

>>> import referee
>>> report = referee.audit("derivations/sd-coupling.md")
>>> print(report.summary)
14 claims: 11 verified, 3 discrepancy; all as expected
>>> referee.identity("(x+1)^2", "x^2+2*x+1").holds
True
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _executable
from ._executable import executable
from .errors import BadInput, ExecutableNotFound, RefereeError
from .report import Claim, Report, Summary, run_audit
from .results import Evaluation, IdentityResult, IntegralResult
from .sympy_bridge import assumptions_of, to_referee, to_sympy

__version__ = "0.1.0"

__all__ = [
    "audit", "check", "eval", "evaluate", "identity", "integral", "table", "executable",
    "Report", "Claim", "Summary", "Evaluation", "IdentityResult", "IntegralResult",
    "RefereeError", "BadInput", "ExecutableNotFound", "to_sympy", "to_referee",
]

PathLike = Union[str, os.PathLike]


def _paths(paths) -> List[str]:
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        return [str(paths)]
    return [str(p) for p in paths]


def audit(paths: Union[PathLike, Sequence[PathLike]] = "derivations", *, digits: Optional[int] = None,
          seed: Optional[int] = None, jobs: Optional[int] = None) -> Report:
    """``referee audit PATHS``: checks every claim of the derivation files or folders and returns the
    :class:`Report` (claims, verdicts, digits, details, summary). A verdict other than the expected
    one is reported, not raised (see ``Report.ok``); bad input raises :class:`BadInput`."""
    return run_audit(_paths(paths), digits=digits, seed=seed, jobs=jobs, command="audit")


def check(files: Union[PathLike, Sequence[PathLike]], *, digits: Optional[int] = None, seed: Optional[int] = None,
          jobs: Optional[int] = None) -> Report:
    """``referee check FILE…``: the same as :func:`audit` for single derivation files."""
    return run_audit(_paths(files), digits=digits, seed=seed, jobs=jobs, command="check")


def _text(expr: Any) -> str:
    """A formula given as Referee text or as a SymPy expression."""
    if isinstance(expr, str):
        return expr
    if isinstance(expr, (int, Decimal)):
        return str(expr)
    return to_referee(expr)


def evaluate(expression: Any, *, digits: int = 30, **values: Any) -> Evaluation:
    """``referee eval``: the value of an expression (Referee text or SymPy), exactly when it is
    rational, else to ``digits`` correct digits. Keyword arguments give symbols values (exact:
    numbers, strings such as ``"pi/4"``, or SymPy expressions): ``evaluate("x^2", x=3)``."""
    text = _text(expression)
    arguments = ["eval", "--digits", str(digits)]
    for name, value in values.items():
        arguments += ["--set", f"{name}={_text(value) if not isinstance(value, float) else repr(value)}"]
    done = _executable.run([*arguments, text])
    lines = [l for l in done.stdout.splitlines() if l.strip()]
    exact = next((l[len("exact: "):].strip() for l in lines if l.startswith("exact: ")), None)
    reached = _digits_line(done.stderr)
    if reached is None and lines and not lines[-1].startswith("exact: ") and exact is None and not _is_number(lines[-1]):
        return Evaluation(text, None, None, None, None, symbolic=lines[-1])
    return Evaluation(text, lines[-1] if lines else None, exact, reached[0] if reached else None,
                      reached[1] if reached else None)


eval = evaluate  # noqa: A001 - the CLI's name; `referee.eval(...)`


def _is_number(s: str) -> bool:
    try:
        Decimal(s)
        return True
    except Exception:
        return False


def _digits_line(stderr: str) -> Optional[Tuple[int, str]]:
    import re
    m = re.search(r"(\d+) correct digits \(error <= ([^,]+),", stderr)
    return (int(m.group(1)), m.group(2).strip()) if m else None


def identity(lhs: Any, rhs: Any, *, assume: Iterable[str] = (), digits: int = 30, seed: Optional[int] = None) -> IdentityResult:
    """``referee identity LHS RHS``: whether two expressions are equal for all values allowed by the
    assumptions, and how that was decided. The sides may be Referee text or SymPy expressions; the
    assumptions of SymPy symbols (``positive``, ``real``, ``integer``, ``nonzero``) become
    ``--assume`` options, added to ``assume`` (``"x>0"``, ``"x real"``, ``"x!=0"``, ``"x integer"``)."""
    left, right = _text(lhs), _text(rhs)
    options: List[str] = ["--format", "json", "--digits", str(digits)]
    if seed is not None:
        options += ["--seed", str(seed)]
    sympy_assumptions = assumptions_of([lhs, rhs]) if not (isinstance(lhs, str) and isinstance(rhs, str)) else []
    for a in [*sympy_assumptions, *assume]:
        options += ["--assume", a]
    done = _executable.run(["identity", *options, left, right], allowed=(0, 1))
    d = json.loads(done.stdout)
    return IdentityResult(lhs=left, rhs=right, verdict=d["verdict"], method=d["method"], digits=d.get("digits"),
                          error=d.get("error"), detail=d.get("detail", ""), relation=d.get("relation"), seed=int(d["seed"]))


def integral(name: str, *, kF_R: Any = None, temperature: Any = None, digits: int = 30) -> IntegralResult:
    """``referee integral J|Omega|alpha``: the integral of NC(30)–(32) to ``digits`` correct digits
    beside the paper's closed form (``kF_R`` is k_F R, ``temperature`` is k_B T/ε_F)."""
    arguments = ["integral", name, "--digits", str(digits), "--format", "json"]
    if kF_R is not None:
        arguments += ["--kF-R", str(kF_R)]
    if temperature is not None:
        arguments += ["--temperature", str(temperature)]
    done = _executable.run(arguments, allowed=(0, 1))
    d = json.loads(done.stdout, parse_float=Decimal)

    def dec(key: str) -> Optional[Decimal]:
        v = d.get(key)
        return None if v is None else Decimal(str(v))

    return IntegralResult(quantity=d["quantity"], x=dec("x_2kf_r") if "x_2kf_r" in d else dec("x_2kF_R"), t=Decimal(str(d.get("t", "0"))), value=dec("value"),
                          error=dec("error"), digits=int(d["digits"]), conclusive=bool(d.get("conclusive", True)),
                          closed_form=dec("closed_form"), closed_form_text=d.get("closed_form_text"),
                          closed_form_source=d.get("closed_form_source"), ratio=dec("ratio"),
                          ratio_relation=d.get("ratio_relation"), units=d.get("units", ""), conventions=d.get("conventions", ""))


def _axis(name: str, spec: Any) -> str:
    if isinstance(spec, str):
        return f"{name}={spec}"
    if isinstance(spec, (tuple, list)) and len(spec) == 3:
        return f"{name}=" + ":".join(str(v) for v in spec)
    raise ValueError(f"over[{name!r}] must be 'start:stop:step' or (start, stop, step), got {spec!r}")


def table(name: str, over: Mapping[str, Any], *, set: Optional[Mapping[str, Any]] = None, digits: int = 15,
          as_frame: Optional[bool] = None):
    """``referee table NAME --over …``: J, Omega, alpha, m_dis, h_dis, g or gamma over a grid.

    ``over`` maps parameters to ``"start:stop:step"`` or ``(start, stop, step)``; ``set`` fixes others.
    Returns a list of rows (dicts whose numbers are :class:`~decimal.Decimal` with every digit Referee
    printed), or — when pandas is installed and ``as_frame`` is not False — a pandas DataFrame with
    float columns (the exact rows stay in ``frame.attrs["rows"]``)."""
    arguments = ["table", name, "--digits", str(digits), "--format", "json"]
    for k, v in over.items():
        arguments += ["--over", _axis(k, v)]
    for k, v in (set or {}).items():
        arguments += ["--set", f"{k}={v}"]
    done = _executable.run(arguments, allowed=(0, 1))
    d = json.loads(done.stdout, parse_float=Decimal)
    # JSON keys are snake_case (kF-R → kf_r); rows are keyed by the parameter names as given in `over`/`set`.
    names = {k.lower().replace("-", "_"): k for k in list(over) + list(set or {})}

    def number(k: str, v: Any) -> Any:
        if k == "digits" or isinstance(v, bool):
            return v
        if isinstance(v, int) or (isinstance(v, str) and k not in ("name",)):
            try:
                return Decimal(v) if isinstance(v, str) else Decimal(v)
            except Exception:
                return v
        return v
    rows = [{names.get(k, k): number(k, v) for k, v in r.items()} for r in d["rows"]]
    if as_frame is False:
        return rows
    try:
        import pandas
    except ImportError:
        if as_frame:
            raise ImportError("as_frame=True needs pandas: pip install pandas")
        return rows
    frame = pandas.DataFrame([{k: (float(v) if isinstance(v, Decimal) else v) for k, v in r.items()} for r in rows])
    frame.attrs["rows"] = rows
    frame.attrs["units"] = d.get("units", "")
    return frame
