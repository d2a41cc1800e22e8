"""Former course participants on the refusion ladder, and the supplier's CSR figures.

Both gave wrong numbers without an error: former participants were refunded at the current
participants' average rate (which counts newcomers in weeks 1-52), and the supplier's CSR
FTE counted course participants' hours as paid work.
"""

from __future__ import annotations

import copy
from decimal import Decimal as D  # noqa: N817 - the hand-worked figures read shorter
from pathlib import Path
from typing import Any

import yaml

import socialpartner as sp

from .conftest import PROGRESSION_DEAL


def _line(view: sp.PublicView, item: str, payer: str = "municipality") -> tuple[D, D]:
    (line,) = [x for x in view.lines if x.item == item and x.payer == payer]
    return line.actual, line.counterfactual


def test_former_participants_are_past_week_52() -> None:
    """2027, the second year: the ladder of each group of people, worked by hand.

    Participants (6-month courses: ends at weeks 26 and 52 of each year; m = 30 % moves on
    at each end and a new citizen takes the place there and then). In 2026 the first
    citizens hold all places to week 26, then 70 %; newcomers A (since week 27) 30 %. At
    31 December 30 % of every group moves on: 2027 starts with first citizens 49 %, A 21 %
    and newcomers B (since 1 January) 30 %; at week 26: 34.3 %, 14.7 %, 21 % and newcomers
    C 30 %. In %·weeks (ladder: 80 % weeks 1-4, 40 % 5-26, 30 % 27-52, 20 % after):
    first citizens (past week 157) 0.49·26·20 + 0.343·26·20 = 433.16; A (ladder weeks
    27-52, then 53-78) 0.21·26·30 + 0.147·26·20 = 240.24; B (weeks 1-26, then 27-52)
    0.3·(4·80 + 22·40) + 0.21·26·30 = 523.8; C 0.3·1,200 = 360. The rate is
    1,557.2 / 52 = 29.9462 %. The stated 13,000 a month is the 2026 rate, indexed for 2027 as
    transfer incomes are (4.5 % less the 0.45 point of lov nr. 630 af 11.6.2024) to 13,526.50:
    on 13,526.50 × 12 × 10 = 1,623,180 the refusion is 1,623,180 × 1,557.2 / 5,200 = 486,079.98
    (each newcomer counted from their course end, not from the next 1 January).

    Former participants in fleksjob: the 4 who moved in 2026, now past week 52: 20 %.
    Their fleksløntilskud: L = 140 × 15 × 52/12 = 9,100 a month; the lønloft allows
    140 × 37 × 52/12 − 9,100 = 13,346.67, less than G − 30 %·L; × 12 × 4 = 640,640.00, on
    which the refusion is 20 % = 128,128.00 (at the participants' 29.95 % it would be 191,847.04).

    Otherwise: the 10 participants and the 6 who moved (4 + 2) on 13,526.50 a month:
    16 × 13,526.50 × 12 = 2,597,088.00; refusion on the 10 at 29.9462 % and on the 6 at 20 %:
    486,079.98 + 973,908 × 0.2 = 486,079.98 + 194,781.60 = 680,861.58.
    """
    ev = sp.evaluate(sp.from_data(PROGRESSION_DEAL))
    view = ev.breakdown[1].public
    assert view is not None
    assert _line(view, "state refusion on the course benefit", "state") == (D("486079.98"), D("0.00"))
    assert _line(view, "fleksløntilskud: former participants in fleksjob") == (D("640640.00"), D("0.00"))
    assert _line(view, "state refusion: former participants in fleksjob", "state") == (D("128128.00"), D("0.00"))
    assert _line(view, "counterfactual benefit: course participant") == (D("0.00"), D("2597088.00"))
    assert _line(view, "counterfactual refusion: course participant", "state") == (D("0.00"), D("680861.58"))
    assert view.refusion_rates["former course participants"] == D("0.2000")
    # net effects, otherwise − with. The municipality: otherwise 2,608,320 + 490,360 (ledighedsydelse
    # of the 2 fleksjob workers, 4,715 × 52 × 2: the 2027 rate 4,530 × 1.0405 after the 0.45-point
    # deduction of lov nr. 630 af 11.6.2024, rounded to 5 kr.) − 680,861.58 − 98,072 (20 %) = 2,308,514.42;
    # with 1,320,000 (courses) + 320,320 − 64,064 (fleksløntilskud) + 1,623,180 − 486,079.98 + 640,640
    # − 128,128 = 3,225,868.02: −917,353.60. The state: 680,861.58 + 98,072 − (64,064 + 486,079.98 +
    # 128,128) = 100,661.60 (the participants' rate refunds both sides alike)
    assert view.net_effect("municipality") == D("-917353.60")
    assert view.net_effect("state") == D("100661.60")


def test_first_year_has_no_former_rate() -> None:
    """In 2026 nobody has finished a course before the year: no former participants' rate is shown."""
    ev = sp.evaluate(sp.from_data(PROGRESSION_DEAL))
    view = ev.breakdown[0].public
    assert view is not None
    assert "former course participants" not in view.refusion_rates


def test_sweep_agrees_on_former_participants() -> None:
    """The vectorised engine applies the same rates: a sweep row equals evaluate."""
    import numpy as np

    deal = sp.from_data(PROGRESSION_DEAL)
    prices = sp.Q_(np.array([11000.0, 12000.0]), "DKK/month")
    frame = sp.sweep(deal, {"courses.price": prices})
    for i, price in enumerate((11000, 12000)):
        data = {**PROGRESSION_DEAL, "courses": {"participants": 10, "price": f"{price} DKK/month"}}
        ev = sp.evaluate(sp.from_data(data))
        year = ev.breakdown[1].results()
        for key, value in (
            ("2027.public.municipality", year["public.municipality"]),
            ("2027.public.state", year["public.state"]),
            ("public.municipality", ev.results()["public.municipality"]),
        ):
            assert value is not None
            assert abs(float(frame[f"{key} [DKK]"].iloc[i]) - float(value)) < 0.01, key


SUPPLIER: dict[str, Any] = {
    "model": "supplier",
    "name": "Grøn Drift",
    "period": "1 year",
    "social_enterprise": {"name": "Grøn Drift SØV"},
    "company": {"name": "Aalborg Boligselskab"},
    "services": [{"name": "grønne områder", "price": "265.50 DKK/hour", "hours": "160 hour/week"}],
    "workforce": [
        {"form": "fleksjob", "headcount": 12, "paid_hours": "15 hour/week", "wage_cost": "172 DKK/hour"},
        {"form": "course participant", "headcount": 4, "paid_hours": "20 hour/week"},
        {"form": "ordinary", "headcount": 1, "paid_hours": "37 hour/week", "wage_cost": "245 DKK/hour"},
    ],
    "supervision": [{"role": "arbejdsleder", "fte": 1, "annual_cost": "510000 DKK/year"}],
}


def test_csr_counts_jobs_not_course_participants() -> None:
    """Inclusive jobs, FTE and hours are of the 12 fleksjob workers (course participants are not paid).

    Revenue share 100 % (no other customers). Paid hours 12 × 15 × 52 = 9,360 a year:
    FTE 9,360 / 1,924 = 4.8649 → 4.86; hours 9,360.00. (With the participants' 4 × 20 × 52 =
    4,160 hours it was 7.03 FTE, above all jobs' FTE, 5.86.)
    """
    ev = sp.evaluate(sp.from_data(SUPPLIER))
    figures = {f.key: f.value for f in ev.figures}
    assert figures["csr_inclusive_jobs"] == D("12.00")
    assert figures["csr_inclusive_fte"] == D("4.86")
    assert figures["csr_inclusive_hours"] == D("9360.00")
    assert figures["csr_inclusive_fte"] <= ev.fte  # never more than all jobs: (9,360 + 1,924) / 1,924 = 5.86


def test_piece_rate_grows_with_wages() -> None:
    """akkord_rate is the craftsmen's pay: it grows with wage_growth (3 %), not price_growth (0 %).

    Labour-shortage example: 4 helpers × 20 h/week × 52 = 4,160 hours; 0.8 skilled hours freed
    per helper hour = 3,328 hours at 120 DKK/hour = 399,360.00 in year 1; year 2 at
    120 × 1.03 = 123.60: 3,328 × 123.60 = 411,340.80.
    """

    path = Path(__file__).resolve().parents[1] / "examples" / "labour_shortage_site.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect")
    data["horizon"] = {"years": 2, "wage_growth": "3 %", "price_growth": "0 %"}
    ev = sp.evaluate(sp.from_data(data))
    akkord = [next(t.amount for t in part.ledger if t.purpose == "extra piece-rate (akkord)") for part in ev.breakdown]
    assert akkord == [D("399360.00"), D("411340.80")]


def test_plain_numbers_show_without_pint_word() -> None:
    """A ratio's value on a tornado chart reads ``0,5`` in Danish, not ``0,5 dimensionless``."""
    from socialpartner._internal.i18n import TEXT, Translator

    assert Translator("da").parameter_value("0.5 dimensionless") == "0,5"
    assert Translator("en").parameter_value("0.5 dimensionless") == "0.5"
    assert TEXT["input.skilled_hours_freed"][1] == "frigjorte faglærte timer pr. medhjælpertime"


def test_in_house_says_when_the_alternative_is_other_work() -> None:
    """The company's alternative of 14,000 own hours against the SØV's 11,128 effective hours.

    SØV: 10 × 14 × 52 = 7,280 effective fleksjob hours + 2 × 37 × 52 = 3,848 ordinary hours =
    11,128, 20 % less than the alternative: part of the company's saving is less work.
    The bundled example (20,800 against 25 × 16 × 52 = 20,800) says nothing.
    """
    path = Path(__file__).resolve().parents[1] / "examples" / "in_house_packing.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect")
    assert not [s for s in sp.evaluate(sp.from_data(data)).statements if "alternative" in s]
    data["workforce"] = [
        {
            "form": "fleksjob",
            "headcount": 10,
            "paid_hours": "20 hour/week",
            "effective_hours": "14 hour/week",
            "wage_cost": "175 DKK/hour",
            "workplace": "company",
        },
        {
            "form": "ordinary",
            "headcount": 2,
            "paid_hours": "37 hour/week",
            "wage_cost": "240 DKK/hour",
            "workplace": "company",
        },
    ]
    data["alternative"]["hours"] = "14000 hour/year"
    ev = sp.evaluate(sp.from_data(data))
    (said,) = [s for s in ev.statements if "alternative" in s]
    assert "14,000.00 hours of its own staff" in said
    assert "11,128.00 effective hours" in said
    from socialpartner._internal.i18n import Translator

    assert "SØV'en leverer 11.128,00 effektive timer" in Translator("da")(said)


def test_every_missing_parameter_is_named_at_once() -> None:
    """public.year 2020 is before the rates start (2021; the forhøjet sats 2025): one error names them all."""
    import pytest

    path = Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild_3_years.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect")
    data.pop("horizon")
    data["public"]["year"] = 2020
    with pytest.raises(sp.ParameterError) as caught:
        sp.evaluate(sp.from_data(data))
    message = str(caught.value)
    # the input that asked for 2020 first, and the first year every one of them has a value (2025)
    assert message.startswith(
        "public.year: 2020 is before the first published values of the parameters below; give public.year "
        "2025 or later (the first year all of them have), or your own values under parameters:. "
        "8 parameters have no value for the year asked"  # norm.full_time too, read by the lønloft (review 50 F1)
    )
    # grouped by the first year there is (review 62 L5: a description each made 2,000 characters)
    group = message.split("no value for 2020, the first for 2021: ", 1)[1].split(";", 1)[0]
    for name in ("fleksloentilskud.max_supplement", "benefit.ledighedsydelse", "norm.full_time"):
        assert name in group.split(", ")
    # alone in its group, a parameter keeps its description, which says what to use before 2025
    assert (
        "benefit.kontanthjaelp.forhoejet_sats: no value for 2020, the first is for 2025 (kontanthjælp from 1 July"
        in message
    )
    assert "before 1 July 2025 the rate is benefit.kontanthjaelp_ikke_forsoerger" in message
    # one parameter missing: its own message, as before
    data["public"]["year"] = 2023
    with pytest.raises(sp.ParameterError, match=r"^benefit.kontanthjaelp.forhoejet_sats: no value for 2023"):
        sp.evaluate(sp.from_data(data))


def test_spin_off_says_how_its_years_are_discounted() -> None:
    """A spin-off's stated years are discounted at the real rate, so taken in constant prices: it says so."""
    path = Path(__file__).resolve().parents[1] / "examples" / "spin_off_packing.yaml"
    ev = sp.evaluate(sp.load(path))
    said = "present values: the years' amounts are taken as stated, in constant prices"
    assert any(s.startswith(said) for s in ev.statements)


def test_an_abolished_rate_is_not_called_unpublished() -> None:
    """The old kontanthjælp (abolished from 1 July 2025) has no rate after 2024: said so, not "not published yet".

    2025 is the year of its abolition (a later year is refused: nobody receives it then).
    """
    path = Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild_3_years.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["year"] = 2024
    data["horizon"].update(start_year=2024, years=2, changes=[{"year": 2025, "set": {"temp_hours.workers": 4}}])
    old = {"parameter": "benefit.kontanthjaelp_ikke_forsoerger"}
    data["public"]["during_course"] = old
    data["public"]["counterfactual"]["course participant"] = old
    ev = sp.evaluate(sp.from_data(data))
    (said,) = [s for s in ev.statements if s.startswith("benefit.kontanthjaelp_ikke_forsoerger was abolished")]
    assert "its 2024 rate is used for 2025," in said
    assert not [s for s in ev.statements if "not published yet" in s and "kontanthjaelp" in s]


def _three_years() -> dict[str, Any]:
    path = Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild_3_years.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect")
    return data


def test_more_course_places_are_taken_by_new_citizens() -> None:
    """Course places go from 3 to 6 in 2027: the 3 new places hold new citizens at week 1.

    62 % of the 2026 places are freed (13 + 3 + 46 %, one 12-month course a year), so
    3 × 38 % = 1.14 first citizens stay (past week 156: 20 %) and 6 − 1.14 = 4.86 are new
    (weeks 1-52: 99/260 = 38.0769 %): (1.14 × 0.2 + 4.86 × 99/260) / 6 = 0.346423.
    The course benefit 13,885 × 12 × 6 = 999,720.00 (the 2027 forhøjet sats, 13,345 × 1.0405);
    refusion 166,620 × (1.14 × 0.2 + 4.86 × 99/260) = 166,620 × 2.078538 = 346,326.08.
    (The rate that assumed the same places every year was 31.21 %: 311,989.54.)
    """
    data = _three_years()
    data["horizon"]["changes"].append({"year": 2027, "set": {"courses.participants": 6}})
    ev = sp.evaluate(sp.from_data(data))
    year = ev.breakdown[1]
    refusion = next(t.amount for t in year.ledger if t.purpose == "state refusion on the course benefit")
    assert refusion == D("346326.08")
    assert year.public is not None
    assert year.public.refusion_rates["course participant"] == D("0.3464")


def test_fewer_course_places_keep_those_staying_in_proportion() -> None:
    """Places go from 3 to 1 in 2027: 1.14 would stay, so the one place holds them in proportion.

    No place is free for a new citizen: the rate is the first citizens' 20 %.
    """
    data = _three_years()
    data["horizon"]["changes"].append({"year": 2027, "set": {"courses.participants": 1}})
    year = sp.evaluate(sp.from_data(data)).breakdown[1]
    assert year.public is not None
    assert year.public.refusion_rates["course participant"] == D("0.2000")


def test_a_course_longer_than_a_year_has_no_finishers_before_it_ends() -> None:
    """A 24-month course started in 2026 ends on the last day of 2027.

    2026: nobody finishes; 2027: the 3 participants finish, 13 % = 0.39 into fleksjob and 46 % =
    1.38 leave; 2028: they count in fleksjob, and the freed 62 % of the places hold new citizens
    (rate 0.38 × 20 % + 0.62 × 38.0769 % = 31.21 %); 2029: the second courses end, and the
    newcomers of 2028 are past week 52 (20 %).
    """
    data = _three_years()
    data["horizon"]["progression"]["after"] = "24 month"
    data["horizon"]["years"] = 4
    ev = sp.evaluate(sp.from_data(data))
    rows = []
    for part in ev.breakdown:
        figures = {f.key: f.value for f in part.figures}
        assert part.public is not None
        rows.append(
            (
                figures["progression.into_fleksjob"],
                figures["progression.in_fleksjob"],
                part.public.refusion_rates["course participant"],
            )
        )
    assert rows == [
        (D("0.00"), D("0.00"), D("0.2000")),
        (D("0.39"), D("0.00"), D("0.2000")),
        (D("0.00"), D("0.39"), D("0.3121")),
        (D("0.39"), D("0.39"), D("0.2000")),
    ]


def test_sweeps_agree_on_course_length_and_places() -> None:
    """The float64 engine follows the same places and course ends: sweep rows equal evaluate."""
    import numpy as np

    data = _three_years()
    data["horizon"]["years"] = 4
    deal = sp.from_data(data)
    lengths = [4, 9, 12, 24]  # months: 3 a year, 1-1-2, 1 a year, 0-1-0-1
    frame = sp.sweep(deal, {"horizon.progression.after": sp.Q_(np.array(lengths, dtype=float), "month")})
    for i, months in enumerate(lengths):
        one = copy.deepcopy(data)
        one["horizon"]["progression"]["after"] = f"{months} month"
        ev = sp.evaluate(sp.from_data(one))
        compared = 0
        for part in ev.breakdown:
            for key, value in part.results().items():
                column = f"{part.ledger.period}.{key}"
                if value is None or not key.startswith(("public.", "net.")) or f"{column} [DKK]" not in frame:
                    continue
                assert abs(float(frame[f"{column} [DKK]"].iloc[i]) - float(value)) < 0.01, (months, column)
                compared += 1
        assert compared >= 4 * 3  # every year's public net effects and a net per party at least


def test_progression_without_course_participants_says_so() -> None:
    """A supplier deal has no course participants: a progression moves nobody, and the evaluation says why."""
    path = Path(__file__).resolve().parents[1] / "examples" / "supplier_facility.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["horizon"] = {
        "years": 2,
        "progression": {"after": "12 month", "to_fleksjob": "10 %", "to_ordinary": "5 %", "leave": "0 %"},
    }
    ev = sp.evaluate(sp.from_data(data))
    assert "horizon.progression moves course participants on, and this deal has none in any year" in "".join(
        ev.statements
    )
    with_participants = sp.evaluate(sp.load(path.parent / "ikea_rebild_3_years.yaml"))
    assert not [s for s in with_participants.statements if "none in any year" in s]


def test_plain_number_inputs_are_named_without_pint_word() -> None:
    """A growth rate swept or in a tornado reads -0.02, its column horizon.wage_growth (no '[dimensionless]')."""
    deal = sp.load(Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild_3_years.yaml")
    frame = sp.sweep(deal, {"horizon.wage_growth": [-0.02, 0.03]})
    assert "horizon.wage_growth" in frame.columns
    assert not [c for c in frame.columns if "dimensionless" in c]
    table = sp.tornado(deal, {"horizon.wage_growth": (-0.02, 0.03)})
    assert (table["low"].iloc[0], table["high"].iloc[0]) == ("-0.02", "0.03")


def test_summary_holds_what_a_municipal_economist_reads() -> None:
    """A Monte Carlo summary of a deal with the public purse shows the nets and public net effects."""
    deal = sp.load(Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild_3_years.yaml")
    runs = sp.monte_carlo(deal, {"courses.price": sp.Uniform("10000 DKK/month", "13000 DKK/month")}, n=50, seed=1)
    rows = set(sp.summarize(runs).index)
    wanted = {"coverage", "cost [DKK]", "net.company [DKK]", "public.municipality [DKK]", "npv.public.state [DKK]"}
    assert wanted <= rows
    assert not [r for r in rows if r.startswith("2026.")]  # one year's results are left to the frame


def test_agreement_boundaries_read_plainly() -> None:
    """Labour shortage, price and skilled hours freed varied: no exponent form, one minus sign, no empty unit.

    The SØV covers its staff where 4,160·price ≥ 4,160 × 165 + 500,000 = 1,186,400; the
    company gains where 4,160 × (550 − 120)·freed = 1,788,800·freed ≥ 4,160·price.
    """
    deal = sp.load(Path(__file__).resolve().parents[1] / "examples" / "labour_shortage_site.yaml")
    zone = sp.agreement(deal, vary=["price", "skilled_hours_freed"])
    text = str(zone)
    assert "−1,186,400.00 + 4,160·price = 0" in text
    assert "0.00 − 4,160·price + 1,788,800·skilled_hours_freed = 0" in text
    assert "e+06" not in text
    assert "skilled_hours_freed ()" not in text


def test_a_suggestion_on_the_range_limit_says_so() -> None:
    """Price searched up to 500 DKK/hour: both suggested points sit at 500.00, set by the range."""
    deal = sp.load(Path(__file__).resolve().parents[1] / "examples" / "labour_shortage_site.yaml")
    zone = sp.agreement(deal, vary=["price", "skilled_hours_freed"])
    assert all(s.point[0] == D("500.00") for s in zone.suggestions)
    edge = [n for n in zone.notes if "lies on the upper limit of price searched" in n]
    assert len(edge) == len(zone.suggestions) == 2


def test_a_danish_csv_reads_in_a_danish_spreadsheet(tmp_path: Path) -> None:
    """`sweep --csv --lang da`: ';' between fields, ',' as decimal mark, Danish units; English stays comma-separated.

    At a course price of 9,000 coverage is (46,800 + 36 × 9,000) / 480,000 = 0.7725.
    """
    from typer.testing import CliRunner

    from socialpartner.cli import app

    example = Path(__file__).resolve().parents[1] / "examples" / "ikea_rebild.yaml"
    runner = CliRunner()
    for lang, sep, coverage, unit in (("da", ";", "0,7725", "kr./md."), ("en", ",", "0.7725", "DKK/month")):
        out = tmp_path / f"{lang}.csv"
        args = ["sweep", str(example), "--vary", "courses.price=9000..9500:2", "--csv", str(out), "--lang", lang]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        raw = out.read_bytes()
        # Danish: a UTF-8 BOM first, so Excel on Danish Windows reads "kr./år" (not "kr./Ã¥r")
        assert raw.startswith(b"\xef\xbb\xbf") == (lang == "da")
        header, first = raw.decode("utf-8-sig").splitlines()[:2]
        assert header.split(sep)[:2] == [f"courses.price [{unit}]", "coverage"]
        assert first.split(sep)[1] == coverage
