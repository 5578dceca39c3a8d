"""eval, identity, integral, table: typed results equal to the command line's, wrong inputs rejected."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest

import referee


def test_eval_exact_and_digits():
    g = referee.eval("-abs(v)^2*(1/(ed+U-eF) + 1/(eF-ed))", v="0.1", ed=-1, U=3, eF=0, digits=10)
    assert g.exact == "-3/200" and g.fraction == Fraction(-3, 200)
    assert g.value == "-0.01500000000" and g.digits == 10
    r = referee.eval("exp(pi*sqrt(163))", digits=40)
    assert r.exact is None and r.digits == 40
    assert r.value.startswith("262537412640768743.99999999999925007259")
    assert float(r) == pytest.approx(262537412640768744.0)
    assert Decimal(r.error) < Decimal("1e-20")
    # An expression that starts with a minus sign, a float value, a symbolic result.
    assert referee.eval("-x^2", x=3).exact == "-9"
    assert referee.eval("x/4", x=0.5).exact == "1/8"
    c = referee.eval("exp(I*pi/3)", digits=10)
    assert c.is_complex and c.decimal is None and c.value == "0.5000000000 + 0.8660254038*I"
    assert complex(c) == pytest.approx(complex(0.5, 3 ** 0.5 / 2))
    with pytest.raises(TypeError):
        float(c)
    assert referee.eval("I/2 + 1/3").exact == "1/3 + I/2"
    left = referee.eval("x^2 + y")
    assert left.value is None and left.symbolic == "y + x^2"
    with pytest.raises(TypeError):
        float(left)


def test_eval_bad_input():
    with pytest.raises(referee.BadInput) as caught:
        referee.eval("1/(x")
    assert "column" in caught.value.message and caught.value.fix
    with pytest.raises(referee.BadInput):
        referee.eval("x", digits=0)


def test_identity_text(cli):
    ok = referee.identity("(x+1)^2", "x^2+2*x+1")
    assert ok and ok.verdict == "verified" and ok.method == "exact"
    expected = json.loads(cli("identity", "(x+1)^2", "x^2+2*x+1", "--format", "json").stdout)
    assert (ok.verdict, ok.method, ok.detail, ok.seed) == (expected["verdict"], expected["method"], expected["detail"], int(expected["seed"]))
    # Deliberately wrong: a sign, a factor, a dropped term.
    for wrong in ["x^2-2*x+1", "2*(x^2+2*x+1)", "x^2+1"]:
        r = referee.identity("(x+1)^2", wrong)
        assert not r and r.verdict == "discrepancy", wrong
    assert referee.identity("2*(x+1)^2", "(x+1)^2").relation == "rhs = 1/2 × lhs"
    # Assumptions.
    assert not referee.identity("sqrt(x^2)", "x")
    assert referee.identity("sqrt(x^2)", "x", assume=["x>0"])
    assert referee.identity("sin(x)^2", "1-cos(x)^2").holds


def test_identity_sympy_sides_and_assumptions():
    sp = pytest.importorskip("sympy")
    z = sp.Symbol("z")
    x = sp.Symbol("x", positive=True)
    r = sp.Symbol("r", real=True)
    assert referee.identity(sp.Abs(z) ** 2, z * sp.conjugate(z))
    assert not referee.identity(sp.Abs(z) ** 2, z ** 2)
    assert referee.identity("sqrt(x^2)", x)  # x > 0 comes from the SymPy symbol
    assert referee.identity("conj(r)", r)  # r real
    assert not referee.identity("conj(q)", sp.Symbol("q"))
    assert referee.identity(sp.exp(sp.I * sp.pi * z), sp.E ** (sp.I * sp.pi * z))
    assert not referee.identity(sp.sin(z) ** 2, 1 + sp.cos(z) ** 2)


def test_integral(cli):
    J = referee.integral("J", kF_R=3, digits=20)
    expected = json.loads(cli("integral", "J", "--kF-R", "3", "--digits", "20", "--format", "json").stdout, parse_float=Decimal)
    assert J.value == Decimal(expected["value"]) and J.digits == 20 and J.conclusive
    assert J.x == Decimal(6) and J.ratio == Decimal("-0.25000000000000000000")
    assert J.ratio_relation == "computed = -1/4 × printed"
    assert "x^4" in J.closed_form_text
    with pytest.raises(referee.BadInput):
        referee.integral("K")


def test_table_rows(cli):
    rows = referee.table("J", over={"kF-R": (1, 3, 1)}, digits=10, as_frame=False)
    assert [r["kF-R"] for r in rows] == [Decimal(1), Decimal(2), Decimal(3)]
    expected = json.loads(cli("table", "J", "--over", "kF-R=1:3:1", "--digits", "10", "--format", "json").stdout,
                          parse_float=Decimal)["rows"]
    assert [r["value"] for r in rows] == [Decimal(r["value"]) for r in expected]
    assert all(r["digits"] == 10 for r in rows)
    g = referee.table("g", over={"kappa": "0:0.5:0.25"}, set={"v": "0.3", "ed": -1, "U": 3, "eF": 0}, digits=12, as_frame=False)
    assert len(g) == 3
    with pytest.raises(referee.BadInput):
        referee.table("J", over={"nope": (1, 2, 1)})


def test_table_frame():
    pandas = pytest.importorskip("pandas")
    frame = referee.table("J", over={"kF-R": (1, 2, 1)}, digits=10)
    assert isinstance(frame, pandas.DataFrame) and list(frame["kF-R"]) == [1.0, 2.0]
    assert frame.attrs["rows"][0]["value"] == Decimal("0.7694113788")


def test_executable_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REFEREE_EXECUTABLE", str(tmp_path / "no-such-referee"))
    with pytest.raises(referee.ExecutableNotFound) as caught:
        referee.eval("1")
    assert "REFEREE_EXECUTABLE" in str(caught.value)
    monkeypatch.delenv("REFEREE_EXECUTABLE")
    assert referee.executable().endswith("referee")
