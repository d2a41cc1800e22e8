"""Review 12: explain by the names results() uses, a horizon's jobs, the SØV margin with løntilskud, outputs."""

from __future__ import annotations

import copy
import decimal
import pickle
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.i18n import Translator
from socialpartner.cli import app
from socialpartner.views.explain import explanation_text

from .conftest import ROOT, scenario_matrix

EXAMPLES = ROOT / "examples"
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _shown(text: str) -> Decimal | None:
    """The number an explanation's value shows (``-1,331,200.00 DKK`` → -1331200.00); None for ``—``."""
    match = _NUMBER.search(text)
    return None if match is None or text.startswith("—") else Decimal(match.group(0).replace(",", ""))


def _cases() -> list[tuple[str, dict[str, Any]]]:
    """Every example file as it is, the matrix of variants, and the three-year example with tax counted."""
    out = [(path.stem, _example(path.name)) for path in sorted(EXAMPLES.glob("*.yaml"))]
    out += scenario_matrix()
    taxed = _example("ikea_rebild_3_years.yaml")
    taxed["public"]["tax"] = {}
    out.append(("ikea_rebild_3_years+tax", taxed))
    return out


CASES = _cases()


# -- finding 2 and 7: explain(key) explains results()[key] -----------------------------------------


def test_helper_hours_explains_the_hours_not_their_payment() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "labour_shortage_site.yaml"))
    explained = ev.explain("helper_hours")
    # 4 helpers × 20 paid hours a week × 52 weeks = 4,160 hours (the payment is 320 × 4,160 = 1,331,200.00)
    assert explained.value == "4160.00 hour"
    assert ev.results()["helper_hours"] == Decimal("4160.00")
    assert ev.explain("helper_cost").value == "1,331,200.00 DKK"
    assert ev.topics().count("helper_hours") == 1


@pytest.mark.parametrize(("name", "data"), CASES, ids=[c[0] for c in CASES])
def test_every_result_key_explains_its_value(name: str, data: dict[str, Any]) -> None:
    """For the total and each year: explain(key) accepts every key of results() and shows its value."""
    ev = sp.evaluate(sp.from_data(data))
    records = [("", ev)] + [(f"{part.ledger.period}.", part) for part in ev.breakdown]
    checked = 0
    for prefix, record in records:
        for key, value in record.results().items():
            shown = _shown(ev.explain(prefix + key).value)
            if value is None:
                assert shown is None, (prefix + key, shown)
                continue
            assert shown is not None, prefix + key
            # coverage is shown to 6 places, the rest as results() gives it
            assert value.quantize(shown, rounding=ROUND_HALF_UP) == shown, (prefix + key, value, shown)
            checked += 1
    assert checked >= len(ev.results())


def test_result_names_as_topics() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    topics = ev.topics()
    for key in ("net.company", "jobs", "fte", "break_even.courses.price", "break_even.temp_hours.overhead"):
        assert key in topics
    assert ev.explain("break_even.courses.price") == ev.explain("courses.price")
    # IKEA pays wage cost 165 × 2,340 h = 386,100.00 and overhead 20 × 2,340 = 46,800.00 (3 × 15 h × 52 = 2,340)
    net = ev.explain("net.company")
    assert net.value == "-432,900.00 DKK"
    assert net.formula == "receives − pays = 0.00 DKK − 432,900.00 DKK"
    assert [t.value for t in net.terms] == ["386,100.00 DKK", "46,800.00 DKK"]
    # 3 fleksjob workers of 15 paid hours a week: 45 / 37 = 1.2162 → 1.22 FTE
    assert ev.explain("jobs").value == "3"
    assert ev.explain("fte").value == "1.22 FTE"
    assert ev.explain("fte").terms[0].formula == "45.00 / 37"


def test_before_tax_is_a_topic() -> None:
    data = _example("ikea_rebild_3_years.yaml")
    data["public"]["tax"] = {}
    ev = sp.evaluate(sp.from_data(data))
    # each year's net effect before tax: −215,040.00 − 133,483.18 − 127,357.31 = −475,880.49
    # (2027 and 2028 worked line by line in test_explain_public_inputs and test_parameter_sources_review14)
    explained = ev.explain("public.municipality.before_tax")
    assert explained.value == "-475,880.49 DKK"
    assert [t.value for t in explained.terms] == ["-215,040.00 DKK", "-133,483.18 DKK", "-127,357.31 DKK"]
    assert ev.results()["public.municipality.before_tax"] == Decimal("-475880.49")
    assert "public.municipality.before_tax" in ev.topics()
    assert ev.explain("2026.public.municipality.before_tax").value == "-215,040.00 DKK"
    untaxed = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml"))
    assert "public.municipality.before_tax" not in untaxed.topics()


def test_unknown_topic_raises_a_library_key_error_with_close_matches() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml"))
    with pytest.raises(sp.ExplainError) as caught:
        ev.explain("coverge")
    error = caught.value
    assert isinstance(error, KeyError)
    assert isinstance(error, sp.SocialPartnerError)
    assert isinstance(error, ValueError)
    assert error.topic == "coverge"
    assert error.close[0] == "coverage"
    assert str(error).startswith("nothing to explain as 'coverge'; did you mean 'coverage'")
    # a year's unknown topic names the whole name and lists the total's topics
    with pytest.raises(sp.ExplainError, match=r"nothing to explain as '2027:surplu'.*topics: coverage"):
        ev.explain("2027.surplu")
    # the total's topics and how a year's are named, not every year's (170 topics for 3 years)
    with pytest.raises(sp.ExplainError) as caught:
        ev.explain("2027:public.refusion.fleksjob")
    said = str(caught.value)
    assert "did you mean '2027:public.counterfactual_refusion.fleksjob'" in said
    assert f"each year's as YEAR:TOPIC (e.g. 2028:break_even.courses.price): {len(ev.topics()):,} in all" in said
    assert "2026:coverage" not in said
    assert len(said) < 1500
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (again.topic, again.close, str(again)) == (error.topic, error.close, str(error))


@pytest.mark.parametrize("topic", [None, 3, b"coverage", ["coverage"]])
def test_a_topic_that_is_no_string_is_a_type_error(topic: Any) -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    with pytest.raises(sp.ArgumentTypeError, match=r"^topic: expected a topic's name as a str") as caught:
        ev.explain(topic)
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, sp.SocialPartnerError)


def test_new_topics_in_danish() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml"))
    text = explanation_text(ev.explain("jobs"), "da")
    assert text.startswith("job i 2028 = 4\n  = sidste års (2028); ikke en sum over årene")
    assert "2026: job = 3" in text
    net = explanation_text(ev.explain("net.company"), "da")
    # 386,100 + 46,800 + 525,096 + 63,648 + 535,597.92 + 64,920.96 = 1,622,162.88 over the three years
    assert net.startswith(
        "netto: IKEA = -1.622.162,88\xa0kr.\n  = modtaget − betalt = 0,00\xa0kr. − 1.622.162,88\xa0kr."
    )


# -- finding 3: a horizon's jobs and FTE are the last year's, and say so --------------------------


def _changing_jobs() -> sp.Partnership:
    data = _example("ikea_rebild.yaml")
    data["horizon"] = {
        "years": 3,
        "start_year": 2026,
        "wage_growth": "2 %",
        "price_growth": "3 %",
        "changes": [
            {"year": 2027, "set": {"temp_hours.workers": 6}},
            {"year": 2028, "set": {"temp_hours.workers": 2}},
        ],
    }
    return sp.from_data(data)


def test_the_total_jobs_are_the_last_years_and_a_statement_says_so() -> None:
    ev = sp.evaluate(_changing_jobs())
    # 15 paid hours a week each: 3 × 15 / 37 = 1.22, 6 × 15 / 37 = 2.43, 2 × 15 / 37 = 0.81 FTE
    assert [(p.results()["jobs"], p.fte) for p in ev.breakdown] == [
        (Decimal(3), Decimal("1.22")),
        (Decimal(6), Decimal("2.43")),
        (Decimal(2), Decimal("0.81")),
    ]
    results = ev.results()
    assert (results["jobs"], results["fte"], ev.fte) == (Decimal(2), Decimal("0.81"), Decimal("0.81"))
    # the money is summed: 480,000 + 489,600 + 499,392 = 1,468,992.00 (the salary grows 2 % a year)
    assert results["cost"] == Decimal("1468992.00")
    said = [s for s in ev.statements if s.startswith("jobs and FTE of the total")]
    assert said == [
        "jobs and FTE of the total (results' jobs and fte) are those of 2028, the last year, not a sum or an "
        "average of the years (2026: 3 jobs, 1.22 FTE; 2027: 6 jobs, 2.43 FTE; 2028: 2 jobs, 0.81 FTE); "
        "the money figures are summed over the years"
    ]
    assert ev.explain("jobs").topic == "jobs in 2028"
    assert ev.explain("fte").value == "0.81 FTE"
    one_year = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    assert not [s for s in one_year.statements if "jobs and FTE" in s]


def test_the_report_headline_names_the_year() -> None:
    ev = sp.evaluate(_changing_jobs())
    # every job inclusive: said so, as a board paper cites the inclusive jobs (review 46 F3)
    assert re.search(
        r"Jobs in 2028 \(last year\)<b>2 · 0\.81 FTE \(all inclusive\)</b>", sp.report_html(ev, charts=False)
    )
    danish_page = sp.report_html(ev, lang="da", charts=False)
    assert re.search(r"Job i 2028 \(sidste år\)<b>2 · 0,81 årsværk \(alle inkluderende\)</b>", danish_page)
    danish = sp.report_html(ev, lang="da", charts=False)
    assert "job og årsværk i alt er tallene for 2028, det sidste år" in danish
    one_year = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    assert re.search(r">Jobs<b>3 · 1\.22 FTE \(all inclusive\)</b>", sp.report_html(one_year, charts=False))


def test_compare_labels_the_jobs_with_the_year() -> None:
    three = str(EXAMPLES / "ikea_rebild_3_years.yaml")
    result = CliRunner().invoke(app, ["compare", three, three], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    # 4 fleksjob workers from 2027 on: 4 × 15 / 37 = 1.62 FTE in 2028
    assert re.search(r"jobs in 2028 \(headcount\)\s*│\s*4 people", result.output)
    assert re.search(r"jobs in 2028 \(FTE\)\s*│\s*1\.62 FTE", result.output)
    danish = CliRunner().invoke(app, ["compare", three, three, "--lang", "da"], env={"COLUMNS": "250"})
    assert re.search(r"job i 2028 \(antal\)\s*│\s*4 personer", danish.output)


# -- finding 4: the SØV's margin counts the løntilskud paid to it ---------------------------------

_LT = {"form": "løntilskud", "headcount": 2, "paid_hours": "30 hour/week", "wage_cost": "150 DKK/hour"}
_PUBLIC = {
    "year": 2026,
    "weeks_on_support": 104,
    "municipality": {"name": "Aalborg Kommune", "code": 851},
    "fleksjob_wage": "140 DKK/hour",
    "counterfactual": {
        "fleksjob": {"parameter": "benefit.ledighedsydelse"},
        "løntilskud": {"parameter": "benefit.kontanthjaelp.forhoejet_sats"},
    },
}


def _with_loentilskud(name: str, line: dict[str, Any], public: bool = True) -> dict[str, Any]:
    data = _example(name)
    data["workforce"].append(line)
    if public:
        data["public"] = copy.deepcopy(_PUBLIC)
    return data


def test_in_house_margin_counts_the_loentilskud() -> None:
    ev = sp.evaluate(sp.from_data(_with_loentilskud("in_house_packing.yaml", {**_LT, "workplace": "company"})))
    r = ev.results()
    # løntilskud 96.27 DKK/h (2026) × 30 h × 52 × 2 = 300,362.40 to the SØV as employer
    # revenue 220 × (25 × 16 × 52 + 2 × 30 × 52 = 23,920 h) = 5,262,400; wages 170 × 20,800 + 150 × 3,120
    # = 4,004,000; support 1,000,000: margin 5,262,400 + 300,362.40 − 4,004,000 − 1,000,000 = 558,762.40
    assert r["soev_margin"] == r["surplus"] == r["net.social_enterprise"] == Decimal("558762.40")
    assert ev.figure("soev_margin").note == (
        "service revenue + løntilskud paid to the SØV as employer (300,362.40 DKK) − wages − support staff"
    )
    danish = Translator("da").note("soev_margin", ev.figure("soev_margin").note)
    assert (
        danish == "omsætning fra ydelsen + løntilskud udbetalt til SØV'en som arbejdsgiver (300.362,40\xa0kr.) "
        "− løn − støttepersonale"
    )
    # without a public block nothing changes: 220 × 20,800 − 3,536,000 − 1,000,000 = 40,000
    plain = sp.evaluate(sp.load(EXAMPLES / "in_house_packing.yaml")).results()
    assert plain["soev_margin"] == plain["surplus"] == Decimal("40000.00")


def test_supplier_margin_counts_the_loentilskud() -> None:
    ev = sp.evaluate(sp.from_data(_with_loentilskud("supplier_facility.yaml", _LT)))
    r = ev.results()
    # margin after wages 951,080 + 300,362.40 = 1,251,442.40; after supervision 1,040,000: 211,442.40
    assert r["margin_after_wages"] == Decimal("1251442.40")
    assert r["margin"] == r["surplus"] == r["net.social_enterprise"] == Decimal("211442.40")
    check = next(c for c in ev.checks if c.criterion == "supervision covered")
    assert check.status == "met"
    assert "1,251,442.40 DKK against supervision 1,040,000.00 DKK" in check.reason
    plain = sp.evaluate(sp.load(EXAMPLES / "supplier_facility.yaml")).results()
    assert plain["margin"] == plain["surplus"] == Decimal("379080.00")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headcount=st.integers(0, 6), hours=st.integers(1, 37), supplier=st.booleans())
def test_the_margin_equals_the_surplus_with_loentilskud(headcount: int, hours: int, supplier: bool) -> None:
    line = {
        "form": "løntilskud",
        "headcount": headcount,
        "paid_hours": f"{hours} hour/week",
        "wage_cost": "150 DKK/hour",
    }
    name = "supplier_facility.yaml" if supplier else "in_house_packing.yaml"
    if not supplier:
        line["workplace"] = "company"
    ev = sp.evaluate(sp.from_data(_with_loentilskud(name, line)))
    r = ev.results()
    paid = sum((t.amount for t in ev.ledger.transfers if t.purpose == "løntilskud"), Decimal(0))
    # 96.27 DKK a paid hour in 2026, × hours × 52 × headcount, rounded once
    assert paid == (Decimal("96.27") * hours * 52 * headcount).quantize(Decimal("0.01"))
    assert r["margin" if supplier else "soev_margin"] == r["surplus"] == r["net.social_enterprise"]


# -- finding 5: what the total of several years holds ----------------------------------------------


def test_the_total_of_several_years_has_its_public_totals_in_results() -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild_3_years.yaml"))
    assert ev.public is None
    assert ev.to_dict()["public"] is None
    assert ev.jobs == ()
    assert ev.placements == ()
    assert ev.break_even == ()
    years = [part.public.net_effect("municipality") for part in ev.breakdown if part.public is not None]
    # −215,040.00 − 133,483.18 − 127,357.31 = −475,880.49
    assert years == [Decimal("-215040.00"), Decimal("-133483.18"), Decimal("-127357.31")]
    assert ev.results()["public.municipality"] == Decimal("-475880.49")
    assert ev.to_dict()["breakdown"][0]["public"] is not None
    doc = sp.Evaluation.__doc__ or ""
    assert "breakdown[i].public" in doc
    assert "the last year's" in doc


# -- finding 6: write_report refuses paths as to_xlsx does -----------------------------------------


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        (".", "is a directory; an HTML report needs a file name ending in .html or .htm"),
        ("missing/deal.html", "no such directory: "),
        ("deal.txt", "an HTML report needs a file name ending in .html or .htm"),
        ("deal.xlsx", "an HTML report needs a file name ending in .html or .htm"),
    ],
)
def test_write_report_raises_output_error_naming_the_path(tmp_path: Path, where: str, reason: str) -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    target = tmp_path / where
    with pytest.raises(sp.OutputError) as caught:
        sp.write_report(ev, target, charts=False)
    assert caught.value.path == target
    assert caught.value.reason.startswith(reason)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written


def test_write_report_takes_htm_and_upper_case(tmp_path: Path) -> None:
    ev = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml"))
    for name in ("deal.htm", "DEAL.HTML"):
        written = sp.write_report(ev, tmp_path / name, charts=False)
        assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# -- finding 16: parsing text does not depend on the caller's decimal context ---------------------


@pytest.mark.parametrize(
    "args",
    [
        ("13963.99 DKK/month",),
        ("13963.99", "DKK/month"),
        ("1234567.891 DKK",),
        ("0.000012345 DKK/hour",),
        ("-13963.99 DKK",),
    ],
)
def test_quantities_parse_under_a_low_precision_context_with_inexact_trapped(args: tuple[str, ...]) -> None:
    expected: Any = sp.Q_(*args)
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        got: Any = sp.Q_(*args)
    assert got == expected
    assert Decimal(str(got.magnitude)) == Decimal(args[0].split()[0])


def test_loading_a_scenario_under_a_low_precision_context() -> None:
    expected = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml")).results()
    with decimal.localcontext() as ctx:
        ctx.prec = 5
        ctx.traps[decimal.Inexact] = True
        got = sp.evaluate(sp.load(EXAMPLES / "ikea_rebild.yaml")).results()
    assert got == expected


def test_the_company_gain_is_explained_by_the_figures_it_is_computed_from() -> None:
    # in-house: before 4,784,000 + 294,000 + 240,000 + 300,000 = 5,618,000; after
    # 4,576,000 + 80,000 + 100,000 = 4,756,000; saving 5,618,000 − 4,756,000 = 862,000
    ev = sp.evaluate(sp.load(EXAMPLES / "in_house_packing.yaml"))
    saving = ev.explain("company_saving")
    assert saving.value == "862,000.00 DKK"
    assert [(t.label, t.value) for t in saving.terms] == [
        ("company's total cost, doing it itself", "5,618,000.00 DKK"),
        ("company's total cost, with the SØV", "4,756,000.00 DKK"),
    ]
    assert dict(saving.terms[0].inputs)["alternative.turnover"] == "60 percent"
    # the SØV's margin: service 4,576,000 − fleksjob wages 3,536,000 − two posts of 500,000 = 40,000
    margin = ev.explain("soev_margin")
    assert [t.value for t in margin.terms] == [
        "4,576,000.00 DKK",
        "3,536,000.00 DKK",
        "500,000.00 DKK",
        "500,000.00 DKK",
    ]
    # labour shortage: 1,830,400 − 399,360 − 1,331,200 = 99,840; each input listed once
    ev = sp.evaluate(sp.load(EXAMPLES / "labour_shortage_site.yaml"))
    gain = ev.explain("company_net_gain")
    assert gain.value == "99,840.00 DKK"
    assert [t.value for t in gain.terms] == ["1,830,400.00 DKK", "399,360.00 DKK", "1,331,200.00 DKK"]
    for term in gain.terms:
        paths = [path for path, _ in term.inputs]
        assert len(paths) == len(set(paths)), term.label
    # supplier: margin after wages 1,419,080 − two supervisors of 520,000 = 379,080
    ev = sp.evaluate(sp.load(EXAMPLES / "supplier_facility.yaml"))
    assert [t.value for t in ev.explain("margin").terms] == [
        "1,419,080.00 DKK",
        "520,000.00 DKK",
        "520,000.00 DKK",
    ]


def test_the_shared_responsibility_saving_is_explained_by_the_alternative_and_the_temp_hours() -> None:
    # 3 workers × 15 h × 52 = 2,340 h: at 230 DKK/h the alternative costs 538,200; the temp
    # hours cost 165 × 2,340 = 386,100 wages + 20 × 2,340 = 46,800 overhead: saving 105,300
    data = yaml.safe_load((EXAMPLES / "ikea_rebild.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["temp_hours"]["alternative_price"] = "230 DKK/hour"
    explained = sp.evaluate(sp.from_data(data)).explain("company_saving")
    assert explained.value == "105,300.00 DKK"
    assert [t.value for t in explained.terms] == ["538,200.00 DKK", "386,100.00 DKK", "46,800.00 DKK"]
