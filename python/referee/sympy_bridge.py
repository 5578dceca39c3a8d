"""SymPy in and out (optional: needs ``pip install sympy``).

:func:`to_sympy` reads Referee's text syntax (derivations/README.md: ``^`` or ``**``, ``I``, ``pi``,
``E``, ``oo``, ``abs``, ``conj``, ``re``, ``im``, ``fermi``, ``ln``, engine functions such as
``integrate``) into a SymPy expression; :func:`to_referee` writes a SymPy expression in Referee's
syntax. Referee's parser accepts SymPy's printed spellings (``Abs``, ``conjugate``, ``**``), so
``to_referee`` is SymPy's own ``str`` after checking that every function and name is one Referee
knows — a function it does not know is an error here, never a silently different formula.

Conventions: ``fermi(x)`` is 1/(e^x + 1). A SymPy ``Float`` is written as its 15-digit decimal, which
Referee reads as that exact rational; write ``Rational(1, 3)``, not ``1/3.``, for exact values.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Mapping, Optional

__all__ = ["to_sympy", "to_referee", "assumptions_of"]

# A name, not the exponent letter of a number such as 1.5e-3.
_IDENTIFIER = re.compile(r"(?<![\w.])[^\W\d]\w*")
_UNICODE_OPERATORS = {"−": "-", "×": "*", "·": "*", "÷": "/", "π": " pi ", "∞": " oo "}


def _sympy():
    try:
        import sympy
    except ImportError as e:  # pragma: no cover - exercised only without SymPy
        raise ImportError("this needs SymPy: pip install sympy (or pip install './python[sympy]')") from e
    return sympy


def _functions(sympy) -> Dict[str, Any]:
    x = sympy.Symbol("x")
    return {
        "exp": sympy.exp, "log": sympy.log, "ln": sympy.log, "sqrt": sympy.sqrt,
        "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "atan": sympy.atan,
        "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
        "abs": sympy.Abs, "Abs": sympy.Abs, "conj": sympy.conjugate, "conjugate": sympy.conjugate,
        "re": sympy.re, "im": sympy.im,
        "fermi": sympy.Lambda(x, 1 / (sympy.exp(x) + 1)),
    }


def to_sympy(text: str, symbols: Optional[Mapping[str, Any]] = None):
    """The SymPy expression of a formula in Referee's text syntax.

    ``symbols`` maps names to SymPy symbols (to carry assumptions such as ``real=True``); other names
    become plain complex symbols, and calls of functions a derivation file defines or Referee provides (``F(x)``,
    ``im_part``, …) become undefined SymPy functions of the same name.
    """
    sympy = _sympy()
    from sympy.parsing.sympy_parser import parse_expr, standard_transformations

    source = text
    for u, a in _UNICODE_OPERATORS.items():
        source = source.replace(u, a)
    source = source.replace("^", "**")
    known = _functions(sympy)
    constants = {"I": sympy.I, "pi": sympy.pi, "E": sympy.E, "oo": sympy.oo}
    given = dict(symbols or {})
    local: Dict[str, Any] = {}
    names: Dict[str, str] = {}

    def rename(match: "re.Match[str]") -> str:
        name = match.group(0)
        after = source[match.end():].lstrip()
        is_call = after.startswith("(")
        if name in names:
            return names[name]
        placeholder = f"_referee_{len(names)}"
        names[name] = placeholder
        if is_call:
            local[placeholder] = known.get(name) or sympy.Function(name)
        elif name in constants:
            local[placeholder] = constants[name]
        else:
            local[placeholder] = given.get(name, sympy.Symbol(name))
        return placeholder

    rewritten = _IDENTIFIER.sub(rename, source)
    try:
        return parse_expr(rewritten, local_dict=local, global_dict={"Integer": sympy.Integer, "Rational": sympy.Rational,
                                                                     "Float": sympy.Float, "Symbol": sympy.Symbol},
                          transformations=standard_transformations, evaluate=True)
    except Exception as e:
        raise ValueError(f"cannot read `{text}` as a formula: {e}") from e


_REFEREE_FUNCTIONS = {"exp", "log", "sin", "cos", "tan", "atan", "sinh", "cosh", "tanh", "Abs", "conjugate", "re", "im"}


def _check_referee_expressible(sympy, expr) -> None:
    from sympy.core.function import AppliedUndef

    for node in sympy.preorder_traversal(expr):
        if isinstance(node, sympy.Symbol):
            if not re.fullmatch(r"[^\W\d]\w*", node.name):
                raise ValueError(f"the symbol name `{node.name}` is not a Referee name (letters, digits, _; not starting with a digit)")
        elif isinstance(node, AppliedUndef):
            continue  # a function called by name (a file's definition, …); Referee checks it exists
        elif isinstance(node, sympy.Function):
            name = type(node).__name__
            if name not in _REFEREE_FUNCTIONS:
                raise ValueError(f"Referee has no function `{name}`; it knows {', '.join(sorted(_REFEREE_FUNCTIONS))} and sqrt")
        elif node in (sympy.zoo, sympy.nan) or isinstance(node, (sympy.Derivative, sympy.Integral, sympy.Sum, sympy.Limit,
                                                                  sympy.Piecewise, sympy.Order)):
            raise ValueError(f"`{node}` ({type(node).__name__}) has no Referee spelling; evaluate or expand it first")
        elif isinstance(node, sympy.logic.boolalg.Boolean) or isinstance(node, sympy.core.relational.Relational):
            raise ValueError(f"`{node}` is a relation, not an expression: pass the two sides separately")


def to_referee(expr) -> str:
    """A SymPy expression (or anything ``sympify`` accepts) in Referee's text syntax."""
    sympy = _sympy()
    e = sympy.sympify(expr)
    _check_referee_expressible(sympy, e)
    return sympy.sstr(e)


def assumptions_of(exprs: Iterable[Any]) -> List[str]:
    """``--assume`` options carrying the SymPy assumptions of the free symbols: ``x integer``,
    ``x>0`` (positive), ``x real``, ``x!=0`` (nonzero); symbols without assumptions are complex."""
    sympy = _sympy()
    out: List[str] = []
    seen = set()
    for expr in exprs:
        if not isinstance(expr, sympy.Basic):
            continue
        for s in sorted(expr.free_symbols, key=lambda s: s.name):
            if s.name in seen:
                continue
            seen.add(s.name)
            if s.is_integer:
                out.append(f"{s.name} integer")
            elif s.is_positive:
                out.append(f"{s.name}>0")
            elif s.is_real:
                out.append(f"{s.name} real")
            elif s.is_nonzero:
                out.append(f"{s.name}!=0")
    return out
