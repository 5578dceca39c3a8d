"""Typed results of ``referee eval``, ``identity`` and ``integral``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Optional

__all__ = ["Evaluation", "IdentityResult", "IntegralResult"]


@dataclass(frozen=True)
class Evaluation:
    """``referee eval``: ``value`` is the decimal Referee printed (all its digits, as text and as
    :class:`~decimal.Decimal` via ``decimal``); ``exact`` the exact rational when there is one (text,
    e.g. ``"-3/200"``); ``digits`` the correct digits and ``error`` the error bound; ``symbolic`` the
    canonical form when symbols were left unbound (then ``value`` is None)."""

    expression: str
    value: Optional[str]
    exact: Optional[str]
    digits: Optional[int]
    error: Optional[str]
    symbolic: Optional[str] = None

    @property
    def is_complex(self) -> bool:
        """True when the value has an imaginary part (printed as ``a + b*I``)."""
        return self.value is not None and "I" in self.value

    @property
    def decimal(self) -> Optional[Decimal]:
        """The real value with all its digits; None for a complex or symbolic result."""
        return None if self.value is None or self.is_complex else Decimal(self.value)

    def __complex__(self) -> complex:
        if self.value is None:
            raise TypeError(f"{self.expression} has no value: unbound symbols remain ({self.symbolic})")
        return complex(self.value.replace(" ", "").replace("*I", "j").replace("I", "1j"))

    @property
    def fraction(self) -> Optional[Fraction]:
        """The exact value as a Fraction (only when Referee found it exactly)."""
        if self.exact is None or "I" in self.exact:
            return None
        return Fraction(self.exact.replace(" ", ""))

    def __float__(self) -> float:
        if self.value is None:
            raise TypeError(f"{self.expression} has no value: unbound symbols remain ({self.symbolic})")
        if self.is_complex:
            raise TypeError(f"{self.expression} = {self.value} is complex: use complex()")
        return float(self.value)

    def to_sympy(self, symbols=None):
        from .sympy_bridge import to_sympy
        return to_sympy(self.exact or self.symbolic or self.value, symbols)

    def __str__(self) -> str:
        return self.value if self.value is not None else (self.symbolic or "")


@dataclass(frozen=True)
class IdentityResult:
    """``referee identity``: the verdict (verified, discrepancy, inconclusive, …), how it was
    reached (``method`` exact or numeric; ``digits`` and ``error`` for numeric), the ``detail``, and
    for a discrepancy the ``relation`` between the sides (a factor, a sign, a term). ``bool()`` is
    True only for a verified identity."""

    lhs: str
    rhs: str
    verdict: str
    method: str
    digits: Optional[int]
    error: Optional[str]
    detail: str
    relation: Optional[str]
    seed: int

    @property
    def holds(self) -> bool:
        return self.verdict == "verified"

    def __bool__(self) -> bool:
        return self.holds

    def __str__(self) -> str:
        if self.holds:
            how = f"exactly" if self.method == "exact" else f"to {self.digits} digits"
            return f"{self.lhs} == {self.rhs}: verified {how}" + (f" ({self.error})" if self.error else "")
        return f"{self.lhs} vs {self.rhs}: {self.verdict}" + (f"; {self.relation}" if self.relation else "")


@dataclass(frozen=True)
class IntegralResult:
    """``referee integral``: the integral's ``value`` (Decimal with every digit Referee printed),
    ``error`` bound and correct ``digits``, whether the recomputation confirmed it (``conclusive``),
    the paper's printed ``closed_form`` evaluated at the same point with its formula, the ``ratio``
    computed/printed and its ``relation``, and ``units`` and ``conventions``."""

    quantity: str
    x: Optional[Decimal]
    t: Decimal
    value: Decimal
    error: Decimal
    digits: int
    conclusive: bool
    closed_form: Optional[Decimal]
    closed_form_text: Optional[str]
    closed_form_source: Optional[str]
    ratio: Optional[Decimal]
    ratio_relation: Optional[str]
    units: str
    conventions: str

    def __float__(self) -> float:
        return float(self.value)
