"""audit/check: the report is the CLI's report, field by field; HTML is Referee's own page."""

import json
from decimal import Decimal

import pytest

import referee


def test_audit_matches_the_command_line(cli):
    report = referee.audit("derivations/sd-coupling.md")
    expected = json.loads(cli("audit", "derivations/sd-coupling.md", "--format", "json", "--no-timings").stdout,
                          parse_float=Decimal)
    assert [c.id for c in report.claims] == [c["id"] for c in expected["claims"]]
    for claim, want in zip(report.claims, expected["claims"]):
        for key in ("file", "line", "statement", "check", "printed", "computed", "method", "verdict", "expected",
                    "digits", "error", "relation", "detail"):
            assert getattr(claim, key) == want[key], (claim.id, key)
        assert claim.equations == want["equations"]
    assert report.summary.total == expected["summary"]["total"] == len(report)
    assert report.summary.counts["verified"] == expected["summary"]["verified"]
    assert report.summary.counts["discrepancy"] == expected["summary"]["discrepancy"]
    assert report.seed == int(expected["seed"]) and report.digits == expected["digits"]
    # The summary line is Referee's own.
    text = cli("audit", "derivations/sd-coupling.md").stdout.strip().splitlines()[-1]
    assert str(report.summary) == text
    assert report.ok and report.summary.unexpected == []


def test_quick_start_line(cli):
    # The quick start prints Referee's summary line, e.g. "12 claims: 9 verified, 3 discrepancy; all as expected".
    line = cli("audit", "derivations/sd-coupling.md").stdout.strip().splitlines()[-1]
    assert str(referee.audit("derivations/sd-coupling.md").summary) == line
    assert line.endswith("all as expected")


def test_html_is_referees_page(cli):
    report = referee.audit(["derivations/sd-coupling.md"])
    page = cli("audit", "derivations/sd-coupling.md", "--format", "html").stdout
    # The pages agree except for the provenance line (date and command line of each run).
    import re
    strip = lambda html: re.sub(r'<div class="provenance">.*?</div>', "", html, flags=re.S)
    assert strip(report.html()) == strip(page)
    shown = report._repr_html_()
    assert shown.startswith("<iframe") and "srcdoc=" in shown and "imaginary part of" in shown


def test_a_claim_not_as_expected_is_reported_not_raised(tmp_path):
    f = tmp_path / "claims.md"
    f.write_text(CLAIM.replace("+ 2*x", "- 2*x"))
    report = referee.check(str(f))
    assert not report.ok
    assert report.summary.unexpected == ["t.square"]
    claim = report["t.square"]
    assert claim.verdict == "discrepancy" and claim.expected == "verified" and not claim.as_expected
    assert "NOT as expected" in str(report.summary)


def test_bad_input_carries_the_located_message(tmp_path):
    f = tmp_path / "claims.md"
    f.write_text(CLAIM.replace("computed: (x + 1)^2", "computed: (x + 1^2"))
    with pytest.raises(referee.BadInput) as caught:
        referee.check(str(f))
    error = caught.value
    assert error.status == 2
    assert error.location is not None and error.location.startswith(f"{f}:12:")
    assert error.fix
    with pytest.raises(referee.BadInput) as missing:
        referee.audit("derivations/sd-coupling-typo.md")
    assert "derivations/sd-coupling.md" in missing.value.fix


def test_check_and_digits_options():
    report = referee.check("derivations/estimates.md", digits=20, seed=7, jobs=1)
    assert report.digits == 20 and report.seed == 7 and report.ok
    with pytest.raises(referee.BadInput):
        referee.audit("derivations/estimates.md", digits=0)


CLAIM = """# T

```symbols
x: real
```

```claim
id: t.square
equations: NC(1), AX(1)
statement: a square
printed: x^2 + 2*x + 1
computed: (x + 1)^2
check: identity
expect: verified
```
"""


def test_report_as_dataframe():
    pandas = pytest.importorskip("pandas")
    report = referee.audit("derivations/estimates.md")
    frame = report.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["id"]) == [c.id for c in report] and list(frame["verdict"]) == [c.verdict for c in report]
