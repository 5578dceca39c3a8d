#!/usr/bin/env python3
"""Translate other projects' test suites into Referee corpora (a development tool, not a
dependency of Referee or of its tests).

Sources (bare git directories as `fetch` leaves them, read with `git show HEAD:path`):
  * SymPy: every `assert A == B` in the simplification and elementary-function tests. When A is a
    value-preserving transformation of X (simplify(X), trigsimp(X), X.rewrite(...), expand(X), ...)
    the claim is X == B, else A == B. Both sides are built by SymPy with evaluation switched off
    (so sin(pi/6) stays sin(pi/6)) and printed in Referee's syntax by `referee_text`.
  * mpmath: every `X.ae(Y)` / `X == Y` whose X is a closed expression of the elementary functions
    Referee knows; the reference value is X recomputed by mpmath at 80 digits from the exact
    inputs (Python floats enter as the exact binary rationals they are), confirmed at 100.

Labels are computed independently of Referee: each identity is evaluated by mpmath (lambdify,
30 digits, a difference above 10^-20 relative counts) at 16 points of the domain its Referee assumptions allow (moderate and wide
magnitudes, both sides of the negative real axis, |Im| beyond pi, integers of both parities). An
identity SymPy asserts and no point contradicts is `true`; one a point contradicts (SymPy's
`force=True`, a branch convention) is kept as `false` with the reason. Perturbed non-identities
(a constant +1, a sign flipped, an exponent +1) are added for every true identity and labelled
by the same sampling (a perturbation that happens to be an identity is dropped).

Output: Tests/Corpus/identities.tsv and Tests/Corpus/values.tsv, plus a summary of what was
skipped and why on stderr (also written to Tests/Corpus/SKIPPED.md).

Usage: scripts/corpus/translate.py [--sympy GITDIR] [--mpmath GITDIR] [--out Tests/Corpus]
"""
import argparse
import ast
import collections
import os
import random
import subprocess
import signal
import sys
import zlib

import mpmath
import sympy
from sympy.core.parameters import evaluate

SYMPY_FILES = [
    "sympy/simplify/tests/test_simplify.py",
    "sympy/simplify/tests/test_trigsimp.py",
    "sympy/simplify/tests/test_powsimp.py",
    "sympy/simplify/tests/test_radsimp.py",
    "sympy/simplify/tests/test_fu.py",
    "sympy/core/tests/test_expand.py",
    "sympy/functions/elementary/tests/test_trigonometric.py",
    "sympy/functions/elementary/tests/test_exponential.py",
    "sympy/functions/elementary/tests/test_hyperbolic.py",
    "sympy/functions/elementary/tests/test_complexes.py",
]
MPMATH_FILES = [
    "mpmath/tests/test_functions.py",
    "mpmath/tests/test_trig.py",
    "mpmath/tests/test_power.py",
    "mpmath/tests/test_basic_ops.py",
    "mpmath/tests/test_convert.py",
    "mpmath/tests/test_division.py",
]

# Calls whose first argument has the same value as the call (the transformation preserves value).
TRANSFORMS = {
    "simplify", "trigsimp", "powsimp", "radsimp", "expand", "expand_trig", "expand_log", "expand_mul",
    "expand_power_exp", "expand_power_base", "expand_complex", "expand_multinomial", "exptrigsimp",
    "powdenest", "logcombine", "together", "cancel", "factor", "ratsimp", "signsimp", "collect",
    "collect_const", "fu", "rad_rationalize", "radsimp", "nsimplify_", "separatevars", "combsimp",
    "expand_func", "hyperexpand", "posify_", "TR0", "TR1", "TR2", "TR2i", "TR3", "TR4", "TR5", "TR6",
    "TR7", "TR8", "TR9", "TR10", "TR10i", "TR11", "TR12", "TR12i", "TR13", "TR14", "TR15", "TR16",
    "TR111", "TR22", "TRmorrie", "TRpower", "L", "hyper_as_trig", "sqrtdenest", "denom_", "_mexpand",
    "cse_", "piecewise_fold", "unrad_", "exp_", "trig_split_", "ratsimpmodprime_",
}
METHOD_TRANSFORMS = {"rewrite", "expand", "simplify", "trigsimp", "powsimp", "radsimp", "cancel", "factor",
                     "together", "doit", "expand_func"}


def git_show(gitdir, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", "HEAD:" + path], check=True,
                          capture_output=True, text=True).stdout


# ---------------------------------------------------------------------------------------------
# SymPy expression -> Referee text

class Unsupported(Exception):
    pass


def rational_text(q):
    q = sympy.Rational(q)
    if q.q == 1:
        return str(q.p)
    return "%d/%d" % (q.p, q.q)


def referee_text(e):
    """Referee syntax for a SymPy expression, or Unsupported(reason)."""
    S = sympy
    if e is S.S.ImaginaryUnit:
        return "I"
    if e is S.S.Pi:
        return "pi"
    if e is S.S.Exp1:
        return "E"
    if e.is_Integer and e >= 0:
        return str(e)
    if e.is_Integer or e.is_Rational:
        return "(" + rational_text(e) + ")"
    if e.is_Float:
        raise Unsupported("floating-point number")
    if e.is_Symbol:
        name = e.name
        if not name.replace("_", "").isalnum() or not name[0].isalpha():
            raise Unsupported("symbol name")
        return name
    if e in (S.S.Infinity, S.S.NegativeInfinity, S.S.ComplexInfinity, S.S.NaN):
        raise Unsupported("infinity or nan")
    if e.is_Add:
        return "(" + " + ".join(referee_text(a) for a in e.args) + ")"
    if e.is_Mul:
        return "(" + "*".join(referee_text(a) for a in e.args) + ")"
    if e.is_Pow:
        b, x = e.args
        bt, xt = referee_text(b), referee_text(x)
        if not (b.is_Symbol or (b.is_Integer and b >= 0) or bt.startswith("(") and bt.endswith(")") and bt.count("(") == 1):
            bt = "(" + bt + ")"
        return bt + "^" + (xt if (x.is_Integer and x >= 0) or xt.startswith("(") else "(" + xt + ")")
    f = e.func
    unary = {S.sin: "sin", S.cos: "cos", S.tan: "tan", S.exp: "exp", S.sinh: "sinh", S.cosh: "cosh",
             S.tanh: "tanh", S.atan: "atan", S.Abs: "abs", S.re: "re", S.im: "im", S.conjugate: "conj"}
    if f in unary:
        if len(e.args) != 1:
            raise Unsupported("arity")
        return unary[f] + "(" + referee_text(e.args[0]) + ")"
    if f is S.log:
        if len(e.args) == 1:
            return "log(" + referee_text(e.args[0]) + ")"
        return "(log(" + referee_text(e.args[0]) + ")/log(" + referee_text(e.args[1]) + "))"
    recip = {S.cot: ("cos", "sin"), S.coth: ("cosh", "sinh")}
    if f in recip:
        a = referee_text(e.args[0])
        return "(%s(%s)/%s(%s))" % (recip[f][0], a, recip[f][1], a)
    inv = {S.sec: "cos", S.csc: "sin", S.sech: "cosh", S.csch: "sinh"}
    if f in inv:
        return "(1/%s(%s))" % (inv[f], referee_text(e.args[0]))
    raise Unsupported("function " + str(f.__name__ if hasattr(f, "__name__") else f))


def referee_assumptions(sym):
    """Referee words for a SymPy symbol, or Unsupported when its domain cannot be expressed."""
    a = sym.assumptions0
    if a.get("commutative") is False:
        raise Unsupported("non-commutative symbol")
    for bad in ("negative", "nonpositive", "even", "odd", "prime", "composite", "zero", "imaginary"):
        if a.get(bad):
            raise Unsupported("assumption " + bad)
    words = []
    if a.get("positive") or a.get("nonnegative"):
        words.append("positive")
    elif a.get("real") or a.get("rational") or a.get("extended_real"):
        words.append("real")
        if a.get("nonzero"):
            words.append("nonzero")
    elif a.get("nonzero"):
        words.append("nonzero")
    if a.get("integer"):
        words.append("integer")
    return words


# ---------------------------------------------------------------------------------------------
# Independent labels: mpmath at sample points of the Referee domain

def sample_point(words, k, rng):
    """A point of the domain (mirrors the regions, but drawn independently of Referee's seed)."""
    F = mpmath.mpf
    region = k % 6
    if "integer" in words:
        n = rng.randint(1, 20 if region >= 3 else 3) * 2 - (k % 2)
        if "positive" not in words and rng.random() < 0.5:
            n = -n
        return mpmath.mpf(n)
    def mag():
        if region == 0:
            return F(rng.randint(200, 3000)) / 1009
        if region in (1, 2):
            return F(rng.randint(1024, 2047)) / 1024 * F(2) ** rng.randint(-6, 5)
        if region == 3:
            return F(rng.randint(4036, 40360)) / 1009
        return F(rng.randint(3229, 12108)) / 1009
    def sign():
        return 1 if rng.random() < 0.5 else -1
    if "positive" in words:
        return mag()
    if "real" in words:
        return sign() * mag()
    if region == 3:
        re = F(rng.randint(200, 3000)) / 1009
        return mpmath.mpc(-re, sign() * re / 1009)
    if region == 4:
        return mpmath.mpc(sign() * F(rng.randint(200, 3000)) / 1009, sign() * mag())
    return mpmath.mpc(sign() * mag(), sign() * mag())


def evaluated(e):
    """SymPy's own evaluated form of an expression built with evaluation off (exp(-5*I*pi) -> -1):
    exact rewrites that keep values on branch cuts exact before any numerics."""
    try:
        return sympy.sympify(str(e))
    except Exception:  # noqa: BLE001
        return e


def label(lhs, rhs, symbols, words, seed):
    """('true'|'false'|None, reason): None when too few points could be evaluated.

    A point counts only when its values are stable: computed at 30 and at 60 digits they agree to
    10^-15 relative (mpmath rounds exact inputs and loses argument-reduction digits silently, so
    an unstable point proves nothing). A difference above 10^-20 relative at a stable point is a
    counterexample."""
    rng = random.Random(seed)
    syms = sorted(symbols, key=lambda s: s.name)
    lhs, rhs = evaluated(lhs), evaluated(rhs)
    if not syms and sympy.simplify(lhs - rhs) == 0:
        return "true", ""
    try:
        g = sympy.lambdify(syms, lhs, modules="mpmath")
        h = sympy.lambdify(syms, rhs, modules="mpmath")
    except Exception as exc:  # noqa: BLE001 — anything lambdify cannot handle is skipped
        return None, "lambdify: %s" % type(exc).__name__
    good = 0
    for k in range(16 if syms else 1):
        point = [sample_point(words[s.name], k, rng) for s in syms]
        try:
            with mpmath.workdps(30):
                a1, b1 = g(*point), h(*point)
            with mpmath.workdps(60):
                a2, b2 = g(*point), h(*point)
                if not all(mpmath.isfinite(v) for v in (a1, b1, a2, b2)):
                    continue
                scale = max(1, abs(a2), abs(b2))
                if abs(a1 - a2) > mpmath.mpf(10) ** -15 * scale or abs(b1 - b2) > mpmath.mpf(10) ** -15 * scale:
                    continue
                d = a2 - b2
        except Exception:  # noqa: BLE001 — a pole or a domain error at this point
            continue
        good += 1
        if abs(d) > mpmath.mpf(10) ** -20 * scale:
            return "false", "differs at %s" % ", ".join("%s=%s" % (s.name, mpmath.nstr(p, 8)) for s, p in zip(syms, point))
    if good < (8 if syms else 1):
        return None, "too few evaluable points"
    return "true", ""


def from_referee_text(text, assume):
    """A Referee text back to SymPy (for relabelling merged rows)."""
    syms = {}
    for part in filter(None, assume.split(";")):
        name, words = part.split(":")
        kw = {}
        for w in words.split(","):
            kw[{"positive": "positive", "real": "real", "nonzero": "nonzero", "integer": "integer"}[w]] = True
        syms[name] = sympy.Symbol(name, **kw)
    loc = dict(syms)
    loc.update({"E": sympy.E, "I": sympy.I, "pi": sympy.pi, "abs": sympy.Abs, "conj": sympy.conjugate,
                "re": sympy.re, "im": sympy.im, "log": sympy.log, "exp": sympy.exp, "sqrt": sympy.sqrt})
    return sympy.sympify(text.replace("^", "**"), locals=loc)


# ---------------------------------------------------------------------------------------------
# SymPy tests

class TimeLimit(Exception):
    pass


def _alarm(signum, frame):
    raise TimeLimit()


signal.signal(signal.SIGALRM, _alarm)

def sympy_namespace():
    ns = {}
    exec("from sympy import *\nfrom sympy.abc import *\nfrom sympy.simplify.fu import *\n"
         "from sympy.core.function import expand_mul, expand_log, expand_complex, expand_trig, expand_power_exp, expand_power_base, expand_multinomial\n"
         "from sympy.simplify.radsimp import collect_const\n", ns)
    return ns


def loop_bound_asserts(tree):
    """Line numbers of asserts that use a name bound by an enclosing `for` loop or comprehension
    (`for n in range(-23, 24): assert log(exp(n*I*pi/24)) == ...`): there n is a Python integer,
    not the complex symbol n of sympy.abc, so the assert is not an identity in n."""
    lines = set()
    for loop in ast.walk(tree):
        if isinstance(loop, (ast.For, ast.comprehension)):
            names = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
            body = loop.body if isinstance(loop, ast.For) else []
            for stmt in body:
                for a in ast.walk(stmt):
                    if isinstance(a, ast.Assert) and any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(a)):
                        lines.add(a.lineno)
    return lines


def excluded_asserts(tree):
    """{line: reason} for asserts that are not identities of the expressible domain: a `force=True`
    transformation (SymPy: "the user must verify"), or symbols declared `polar=True` (values on
    the Riemann surface of log, which Referee's complex symbols are not)."""
    out = {}
    polar_names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and any(
                k.arg == "polar" for k in node.value.keywords):
            for t in node.targets:
                polar_names |= {n.id for n in ast.walk(t) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert):
            if any(isinstance(k, ast.keyword) and k.arg == "force" for k in ast.walk(node)):
                out[node.lineno] = "force=True (not value-preserving)"
            elif any(isinstance(n, ast.Name) and n.id in polar_names for n in ast.walk(node)):
                out[node.lineno] = "polar symbols"
    return out


def claim_side(node):
    """The expression whose value the assert's left side has (X for simplify(X), X.rewrite(...))."""
    if isinstance(node, ast.Call):
        f = node.func
        if isinstance(f, ast.Name) and f.id in TRANSFORMS and node.args:
            return node.args[0], f.id
        if isinstance(f, ast.Attribute) and f.attr in METHOD_TRANSFORMS:
            return f.value, "." + f.attr
    return node, None


def perturbations(rhs):
    """Changed constant, flipped sign, changed exponent (first occurrence each)."""
    out = []
    for sub in sympy.preorder_traversal(rhs):
        if sub.is_Rational and sub not in (sympy.S.Zero,):
            out.append(("constant %s -> %s" % (sub, sub + 1), rhs.xreplace({sub: sub + 1})))
            break
    out.append(("sign flipped", -rhs if rhs != 0 else sympy.S.One))
    for sub in sympy.preorder_traversal(rhs):
        if sub.is_Pow and sub.exp.is_Integer:
            out.append(("exponent %s -> %s" % (sub.exp, sub.exp + 1), rhs.xreplace({sub: sympy.Pow(sub.base, sub.exp + 1)})))
            break
    return out


def translate_sympy(gitdir, skipped):
    rows = []
    base_ns = sympy_namespace()
    for path in SYMPY_FILES:
        try:
            src = git_show(gitdir, path)
        except subprocess.CalledProcessError:
            skipped["file missing: " + path] += 1
            continue
        tree = ast.parse(src)
        in_loops = loop_bound_asserts(tree)
        excluded = excluded_asserts(tree)
        module_ns = dict(base_ns)
        # Module-level symbol definitions (x, y = symbols(...); n = Symbol('n', integer=True)).
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign):
                try:
                    exec(compile(ast.Module([stmt], []), path, "exec"), module_ns)
                except Exception:  # noqa: BLE001
                    pass
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test_"):
                continue
            if any(isinstance(d, ast.Name) and d.id == "XFAIL" for d in fn.decorator_list):
                skipped["XFAIL test"] += 1
                continue
            ns = dict(module_ns)
            for stmt in ast.walk(fn):
                if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                    try:
                        exec(compile(ast.Module([stmt], []), path, "exec"), ns)
                    except Exception:  # noqa: BLE001
                        pass
            for stmt in ast.walk(fn):
                if not (isinstance(stmt, ast.Assert) and isinstance(stmt.test, ast.Compare)
                        and len(stmt.test.ops) == 1 and isinstance(stmt.test.ops[0], ast.Eq)):
                    continue
                if stmt.lineno in in_loops:
                    skipped["sympy: uses a loop variable"] += 1
                    continue
                if stmt.lineno in excluded:
                    skipped["sympy: " + excluded[stmt.lineno]] += 1
                    continue
                left, how = claim_side(stmt.test.left)
                right = stmt.test.comparators[0]
                where = "%s:%d" % (path, stmt.lineno)
                signal.alarm(10)
                try:
                    rows.extend(sympy_entry(left, right, how, where, path, ns, skipped))
                except TimeLimit:
                    skipped["sympy: translation or labelling over 10 s"] += 1
                finally:
                    signal.alarm(0)
        sys.stderr.write("%s: %d rows so far\n" % (path, len(rows)))
    return rows


def sympy_entry(left, right, how, where, path, ns, skipped):
    """Rows for one assert: the identity with its label, and its perturbations when it is true."""
    rows = []
    if True:
        if True:
                try:
                    with evaluate(False):
                        lhs = eval(compile(ast.Expression(left), path, "eval"), ns)
                        rhs = eval(compile(ast.Expression(right), path, "eval"), ns)
                    lhs, rhs = sympy.sympify(lhs), sympy.sympify(rhs)
                    if not (isinstance(lhs, sympy.Expr) and isinstance(rhs, sympy.Expr)):
                        raise Unsupported("not an expression")
                    if any(a.is_Float for a in sympy.preorder_traversal(lhs)) or any(a.is_Float for a in sympy.preorder_traversal(rhs)):
                        raise Unsupported("floating-point number")
                    symbols = lhs.free_symbols | rhs.free_symbols
                    words = {s.name: referee_assumptions(s) for s in symbols}
                    lt, rt = referee_text(lhs), referee_text(rhs)
                except Unsupported as u:
                    skipped["sympy: " + str(u).split(" ")[0] + (" " + str(u).split(" ")[1] if str(u).startswith("function") else "")] += 1
                    return rows
                except TimeLimit:
                    raise
                except Exception as exc:  # noqa: BLE001
                    skipped["sympy: does not build (%s)" % type(exc).__name__] += 1
                    return rows
                if lt == rt:
                    skipped["sympy: both sides print the same"] += 1
                    return rows
                truth, why = label(lhs, rhs, symbols, words, zlib.crc32(where.encode()))
                if truth is None:
                    skipped["sympy: label undecided (" + why.split(":")[0] + ")"] += 1
                    return rows
                assume = ";".join("%s:%s" % (s, ",".join(w)) for s, w in sorted(words.items()) if w)
                note = (how or "assert") + ("" if truth == "true" else "; sampled: " + why)
                rows.append(("sympy", where, assume, lt, rt, truth, note))
                if truth != "true":
                    return rows
                made = set()
                for what, changed in perturbations(rhs):
                    try:
                        ct = referee_text(changed)
                    except Unsupported:
                        continue
                    if ct in made:
                        continue
                    made.add(ct)
                    t2, why2 = label(lhs, changed, symbols, words, zlib.crc32(where.encode()) + 7)
                    if t2 != "false":
                        skipped["perturbation: still an identity or undecided"] += 1
                        continue
                    rows.append(("sympy-perturbed", where, assume, lt, ct, "false", what + "; sampled: " + why2))
    return rows


# ---------------------------------------------------------------------------------------------
# mpmath tests

MP_FUNCS = {"sqrt": "sqrt", "exp": "exp", "ln": "log", "log": "log", "sin": "sin", "cos": "cos", "tan": "tan",
            "atan": "atan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh"}
MP_DERIVED = {"cot": "(cos({0})/sin({0}))", "sec": "(1/cos({0}))", "csc": "(1/sin({0}))",
              "expm1": "(exp({0}) - 1)", "log1p": "log(1 + {0})", "cospi": "cos(pi*{0})", "sinpi": "sin(pi*{0})",
              "coth": "(cosh({0})/sinh({0}))", "sech": "(1/cosh({0}))", "csch": "(1/sinh({0}))", "log10": "(log({0})/log(10))"}
MP_CONSTS = {"pi": "pi", "e": "E", "ln2": "log(2)", "ln10": "log(10)", "j": "I"}


def exact_text(v):
    """An int/float/complex Python value as an exact Referee rational (a float is a binary rational)."""
    if isinstance(v, bool):
        raise Unsupported("bool")
    if isinstance(v, int):
        return "(%d)" % v
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise Unsupported("infinity or nan")
        n, d = v.as_integer_ratio()
        return "(%d/%d)" % (n, d) if d != 1 else "(%d)" % n
    if isinstance(v, complex):
        return "(%s + %s*I)" % (exact_text(v.real), exact_text(v.imag))
    raise Unsupported("literal")


def mp_text(node, env):
    """Referee text of an mpmath test expression; pure-Python parts are evaluated to exact values."""
    has_call = any(isinstance(n, (ast.Call, ast.Name)) and not (isinstance(n, ast.Name) and n.id in ("math", "cmath"))
                   for n in ast.walk(node) if not isinstance(n, ast.Attribute))
    if isinstance(node, ast.Constant):
        return exact_text(node.value)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("math", "cmath"):
        return exact_text(eval(compile(ast.Expression(node), "<mp>", "eval"), env))
    if isinstance(node, ast.Name):
        if node.id in MP_CONSTS:
            return MP_CONSTS[node.id]
        raise Unsupported("variable")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = mp_text(node.operand, env)
        return "(-" + inner + ")" if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.BinOp):
        if not has_call:
            return exact_text(eval(compile(ast.Expression(node), "<mp>", "eval"), env))
        ops = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^"}
        if type(node.op) not in ops:
            raise Unsupported("operator")
        return "(" + mp_text(node.left, env) + " " + ops[type(node.op)] + " " + mp_text(node.right, env) + ")"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        name = node.func.id
        if node.keywords:
            raise Unsupported("keyword arguments")
        if name in ("mpf", "mpc"):
            vals = []
            for a in node.args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    vals.append("(" + rational_text(sympy.Rational(a.value)) + ")")
                else:
                    vals.append(mp_text(a, env))
            if name == "mpf" and len(vals) == 1:
                return vals[0]
            if name == "mpc" and len(vals) == 2:
                return "(%s + %s*I)" % tuple(vals)
            raise Unsupported("mpf/mpc form")
        if len(node.args) != 1:
            if name == "power" and len(node.args) == 2:
                return "((" + mp_text(node.args[0], env) + ")^(" + mp_text(node.args[1], env) + "))"
            raise Unsupported("arity")
        arg = mp_text(node.args[0], env)
        if name in MP_FUNCS:
            return MP_FUNCS[name] + "(" + arg + ")"
        if name in MP_DERIVED:
            return MP_DERIVED[name].format(arg)
        raise Unsupported("function " + name)
    raise Unsupported("syntax")


def mpmath_reference(text, dps):
    """The value of a Referee text, computed by mpmath at `dps` digits from exact inputs."""
    expr = sympy.sympify(text.replace("^", "**"), locals={"E": sympy.E, "I": sympy.I, "pi": sympy.pi})
    with mpmath.workdps(dps + 10):
        v = sympy.lambdify([], expr, modules="mpmath")()
        return mpmath.mpmathify(v)


def translate_mpmath(gitdir, skipped):
    import cmath
    import math
    env = {"math": math, "cmath": cmath}
    rows = []
    seen = set()
    for path in MPMATH_FILES:
        try:
            src = git_show(gitdir, path)
        except subprocess.CalledProcessError:
            skipped["file missing: " + path] += 1
            continue
        tree = ast.parse(src)
        for node in ast.walk(tree):
            target = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "ae":
                target = node.func.value
            elif isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq) and isinstance(node.left, ast.Call):
                target = node.left
            if target is None:
                continue
            where = "%s:%d" % (path, node.lineno)
            signal.alarm(5)
            try:
                text = mp_text(target, env)
            except TimeLimit:
                skipped["mpmath: translation over 5 s"] += 1
                continue
            except Unsupported as u:
                skipped["mpmath: " + (str(u) if not str(u).startswith("function") else "function not in Referee")] += 1
                continue
            except Exception as exc:  # noqa: BLE001
                skipped["mpmath: does not evaluate (%s)" % type(exc).__name__] += 1
                continue
            finally:
                signal.alarm(0)
            if "(" not in text.replace("(-", "").strip("()") and not any(f in text for f in ("sin", "cos", "tan", "exp", "log", "sqrt", "atan", "pi", "E")):
                skipped["mpmath: no function (a bare number)"] += 1
                continue
            if text in seen:
                skipped["mpmath: duplicate"] += 1
                continue
            signal.alarm(10)
            try:
                v80, v100 = mpmath_reference(text, 80), mpmath_reference(text, 100)
            except Exception:  # noqa: BLE001 — includes TimeLimit
                skipped["mpmath: reference does not evaluate"] += 1
                continue
            finally:
                signal.alarm(0)
            if not (mpmath.isfinite(v80)) or abs(v80 - v100) > mpmath.mpf(10) ** -75 * max(abs(v100), mpmath.mpf(10) ** -300):
                skipped["mpmath: reference unstable or zero"] += 1
                continue
            if v100 == 0:
                skipped["mpmath: reference unstable or zero"] += 1
                continue
            seen.add(text)
            with mpmath.workdps(80):
                ref = mpmath.nstr(mpmath.mpc(v100), 70) if isinstance(v100, mpmath.mpc) and v100.imag != 0 else mpmath.nstr(mpmath.re(v100), 70)
                if isinstance(v100, mpmath.mpc) and v100.imag != 0:
                    ref = "%s|%s" % (mpmath.nstr(v100.real, 70), mpmath.nstr(v100.imag, 70))
            rows.append(("mpmath", where, text, ref))
        sys.stderr.write("%s: %d values so far\n" % (path, len(rows)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sympy", default="/work/.mirror/sympy+sympy/repo")
    ap.add_argument("--mpmath", default="/work/.mirror/mpmath+mpmath/repo")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Corpus"))
    ap.add_argument("--files", default="", help="comma-separated subset of the source files (for parallel runs)")
    ap.add_argument("--part", default="", help="write Tests/Corpus/parts/PART.json instead of the corpus")
    ap.add_argument("--merge", action="store_true", help="merge Tests/Corpus/parts/*.json into the corpus files")
    ap.add_argument("--refilter", action="store_true", help="drop rows of identities.tsv that the current exclusions skip")
    args = ap.parse_args()
    if args.refilter:
        dropped = collections.Counter()
        excl = {}
        for path in SYMPY_FILES:
            tree = ast.parse(git_show(args.sympy, path))
            excl[path] = excluded_asserts(tree)
            for line in loop_bound_asserts(tree):
                excl[path][line] = "uses a loop variable"
        kept = []
        with open(os.path.join(args.out, "identities.tsv")) as f:
            for row in f:
                if not row.startswith("#"):
                    path, line = row.split("\t")[1].rsplit(":", 1)
                    why = excl.get(path, {}).get(int(line))
                    if why:
                        dropped["sympy: " + why] += 1
                        continue
                kept.append(row)
        with open(os.path.join(args.out, "identities.tsv"), "w") as f:
            f.writelines(kept)
        with open(os.path.join(args.out, "SKIPPED.md"), "a") as f:
            f.write("\n| dropped after the merge (rows, counting perturbations) | count |\n|---|---|\n")
            for why, n in dropped.most_common():
                f.write("| %s | %d |\n" % (why, n))
        sys.stderr.write(str(dropped) + "\n")
        return
    os.makedirs(args.out, exist_ok=True)
    skipped = collections.Counter()
    parts_dir = os.path.join(args.out, "parts")
    if args.merge:
        import json
        identities, values = [], []
        loop_lines = {}
        for path in SYMPY_FILES:
            try:
                loop_lines[path] = loop_bound_asserts(ast.parse(git_show(args.sympy, path)))
            except Exception:  # noqa: BLE001
                loop_lines[path] = set()
        for name in sorted(os.listdir(parts_dir)):
            with open(os.path.join(parts_dir, name)) as f:
                part = json.load(f)
            for r in part["identities"]:
                path, line = r[1].rsplit(":", 1)
                if int(line) in loop_lines.get(path, set()):
                    skipped["sympy: uses a loop variable"] += 1
                    continue
                if r[5] != "false":
                    identities.append(tuple(r))
                    continue
                # Relabel with the stable-point labeller (older parts used a plain one).
                signal.alarm(20)
                try:
                    l, rr = from_referee_text(r[3], r[2]), from_referee_text(r[4], r[2])
                    words = {sym.name: referee_assumptions(sym) for sym in l.free_symbols | rr.free_symbols}
                    truth, why = label(l, rr, l.free_symbols | rr.free_symbols, words, zlib.crc32(r[1].encode()) + 13)
                except Exception:  # noqa: BLE001 — includes TimeLimit
                    truth, why = None, "relabel failed"
                finally:
                    signal.alarm(0)
                if truth == "false":
                    identities.append(tuple(r[:6]) + (r[6].split("; sampled:")[0] + "; sampled: " + why,))
                elif truth == "true" and r[0] == "sympy":
                    identities.append(tuple(r[:5]) + ("true", r[6].split("; sampled:")[0]))
                else:
                    skipped["relabelled: " + ("perturbation is an identity" if truth == "true" else "label undecided")] += 1
            values += [tuple(r) for r in part["values"]]
            skipped.update(part["skipped"])
    else:
        if args.files:
            chosen = args.files.split(",")
            SYMPY_FILES[:] = [f for f in SYMPY_FILES if f in chosen]
            MPMATH_FILES[:] = [f for f in MPMATH_FILES if f in chosen]
        identities = translate_sympy(args.sympy, skipped)
        values = translate_mpmath(args.mpmath, skipped)
        if args.part:
            import json
            os.makedirs(parts_dir, exist_ok=True)
            with open(os.path.join(parts_dir, args.part + ".json"), "w") as f:
                json.dump({"identities": identities, "values": values, "skipped": dict(skipped)}, f)
            return
    with open(os.path.join(args.out, "identities.tsv"), "w") as f:
        f.write("# source\tplace\tassumptions\tlhs\trhs\texpected\tnote  (generated by scripts/corpus/translate.py; do not edit)\n")
        for r in identities:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(args.out, "values.tsv"), "w") as f:
        f.write("# source\tplace\texpression\treference (mpmath, 70 digits; re|im when complex)  (generated by scripts/corpus/translate.py; do not edit)\n")
        for r in values:
            f.write("\t".join(r) + "\n")
    counts = collections.Counter((r[0], r[5]) for r in identities)
    lines = ["# Corpus translation: what was kept and what was skipped", "",
             "Generated by `scripts/corpus/translate.py` (SymPy %s, mpmath %s)." % (sympy.__version__, mpmath.__version__), "",
             "| kept | count |", "|---|---|"]
    for (src, truth), n in sorted(counts.items()):
        lines.append("| %s, expected %s | %d |" % (src, truth, n))
    lines.append("| mpmath values | %d |" % len(values))
    lines += ["", "| skipped (reason) | count |", "|---|---|"]
    for why, n in skipped.most_common():
        lines.append("| %s | %d |" % (why, n))
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "SKIPPED.md"), "w") as f:
        f.write(text)
    sys.stderr.write(text)


if __name__ == "__main__":
    main()
