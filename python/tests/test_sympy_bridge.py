"""SymPy in and out: Referee's text ↔ SymPy with the same meaning, unknown functions refused."""

import pytest

import referee

sp = pytest.importorskip("sympy")


def test_to_sympy_reads_referee_syntax():
    x, y = sp.symbols("x y")
    assert referee.to_sympy("x^2 + 2*x") == x ** 2 + 2 * x
    assert referee.to_sympy("abs(x)^2*conj(y)") == sp.Abs(x) ** 2 * sp.conjugate(y)
    assert referee.to_sympy("I*pi + E + ln(x)") == sp.I * sp.pi + sp.E + sp.log(x)
    assert referee.to_sympy("fermi(x)") == 1 / (sp.exp(x) + 1)
    assert referee.to_sympy("1.5e-3*x") == sp.Float("1.5e-3") * x
    assert referee.to_sympy("x − y·2") == x - 2 * y
    kappa = sp.Symbol("κ₁")
    assert referee.to_sympy("κ₁/2") == kappa / 2
    f = referee.to_sympy("Jfile(x, 0)")
    assert isinstance(f, sp.core.function.AppliedUndef) and f.func.__name__ == "Jfile"
    r = sp.Symbol("r", real=True)
    assert referee.to_sympy("conj(r)", {"r": r}) == r
    with pytest.raises(ValueError):
        referee.to_sympy("1/(x")


def test_to_referee_writes_what_referee_reads(cli):
    z, w = sp.symbols("z w")
    cases = [sp.Abs(z) ** 2, sp.conjugate(z) * sp.exp(sp.I * sp.pi / 3), sp.sqrt(2) * sp.I / 2, sp.re(z) ** 2 + sp.im(w),
             sp.E ** z, z ** -2, sp.atan(z) + sp.tanh(w), sp.Rational(-3, 7) * z]
    for e in cases:
        text = referee.to_referee(e)
        # Referee reads it as the same function: the identity with SymPy's own form holds,
        # and the round trip through to_sympy gives the expression back.
        assert referee.identity(text, e), text
        assert sp.simplify(referee.to_sympy(text) - e) == 0, text


def test_to_referee_refuses_what_referee_lacks():
    z = sp.Symbol("z")
    for e in [sp.asin(z), sp.gamma(z), sp.Derivative(sp.sin(z), z), sp.Integral(z, z), sp.Heaviside(z), sp.zoo,
              sp.Eq(z, 1)]:
        with pytest.raises(ValueError):
            referee.to_referee(e)
    with pytest.raises(ValueError):
        referee.to_referee(sp.Symbol("x{1}"))


def test_claim_forms_convert():
    report = referee.audit("derivations/sd-coupling.md")
    for claim in report.discrepancies():
        printed = claim.printed_sympy()
        assert isinstance(printed, sp.Expr)
        if claim.computed is not None and claim.relation == "computed = -1 × printed":
            assert sp.simplify(claim.computed_sympy() + printed) == 0
