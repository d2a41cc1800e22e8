"""Danish all the way: no English word and no English number in Danish output.

Every model, with and without ``public:`` and ``horizon:``, through every view a Danish
reader sees: the terminal tables, the report, the spreadsheet and the charts. What the
user wrote (names, services) and the parameters' sources (citations, kept as published)
are left out of the check; every other word must be Danish.
"""

from __future__ import annotations

import copy
import html
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console

import socialpartner as sp
from socialpartner._internal.i18n import TEXT, Money, Text, Translator
from socialpartner._internal.paths import flatten
from socialpartner.charts import coverage_chart, money_flow_chart
from socialpartner.views.tables import print_table

from .conftest import aalborg_public, scenario_matrix

matplotlib.use("Agg")
MATRIX = scenario_matrix()


def _with_post_per_fte(horizon: bool) -> dict[str, Any]:
    """The three-party example with a half-time arbejdsleder costed per FTE (its ledger line names both)."""
    data = copy.deepcopy(next(d for name, d in MATRIX if name == ("ikea_rebild+horizon" if horizon else "ikea_rebild")))
    data["support_staff"] = [
        *data["support_staff"],
        {"role": "arbejdsleder", "fte": 0.5, "cost_per_fte": "460000 DKK/year"},
    ]
    return data


# every scenario of the matrix, and a post costed per FTE (a purpose with numbers in it)
CASES = [
    *MATRIX,
    ("ikea_rebild+per_fte", _with_post_per_fte(False)),
    ("ikea_rebild+per_fte+horizon", _with_post_per_fte(True)),
]
EXAMPLE_FILE = Path(__file__).resolve().parent.parent / "examples" / "ikea_rebild.yaml"

# Words that are English and not Danish: any of them in Danish output is a leak.
_WORDS = """
the of and with without otherwise people hour hours year years month week weeks effect payer payee
purpose amount coverage surplus shortfall funding support staff cost costs wages wage salary price
break even present value payback revenue share income sales parent department independent stated not
met unknown covered uncovered less jobs job's inclusive participants participant course courses
state municipality benefit counterfactual workers employees suppliers customers helpers helper
craftsmen grants supervision figure checks criterion why party receives pays nets placed headcount
employer workplace before after errors saving company contract spend attributable freed skilled
earnings highest which still own purpose significant commercial activity independence authorities
governance profit handling parameters source sourced derived estimate written unit number checked
used public purse item discounted running horizon within undiscounted yearly first stands its on
from an no yes would receive people's services bought enterprise hours' net period result results
mean variants paired every combination found evaluations gives target now input's low high
given moves most one chart wrote rows agreement condition boundary suggested gains corners lower upper
exact traced empty method proportional brings today terms
"""
ENGLISH = frozenset(_WORDS.split())
ENGLISH_UNITS = re.compile(r"\b(DKK|FTE)\b")
ENGLISH_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(,\d{3})+(\.\d+)?(?![\d])|(?<![\d.,])\d+\.\d{1,2}(?![\d.])")
# a parameter or input path (benefit.ledighedsydelse) or a value of the file format (social_enterprise)
IDENTIFIER = re.compile(r"\b[A-Za-z_]\w*(\.[\w*]+)+\b|\b\w+_\w+\b")


def _user_strings(data: Any) -> set[str]:
    if isinstance(data, dict):
        return {s for value in data.values() for s in _user_strings(value)}
    if isinstance(data, list):
        return {s for value in data for s in _user_strings(value)}
    return {data} if isinstance(data, str) else set()


def _exempt(ev: sp.Evaluation, data: dict[str, Any]) -> list[str]:
    parts = ev.breakdown or (ev,)
    # a source is a citation in its own words; in Danish its numbers are in Danish format
    sources = {v.source for p in (ev, *parts) for v in p.parameters}
    sources |= {v.caveat for p in (ev, *parts) for v in p.parameters if v.caveat}  # a source's caveat, beside it
    sources |= {Translator("da").source(source) for source in sources}
    names = {v.name for p in (ev, *parts) for v in p.parameters}
    # longest first, so a name inside a longer text does not break it up
    # the inputs are listed under their paths in the scenario file (e.g. skilled_hour_value)
    paths = {key for key, _ in flatten(ev.partnership.model_dump(mode="json", exclude_none=True))}
    return sorted(_user_strings(data) | sources | names | paths, key=len, reverse=True)


def _leaks(text: str, exempt: list[str]) -> list[str]:
    for s in exempt:
        if len(s) > 2:  # a value the user wrote, not the end of a longer number (1 % in 100,0001 %)
            text = re.sub(rf"(?<![\d.,]){re.escape(s)}(?!\d)", " ", text)
    text = IDENTIFIER.sub(" ", text)
    found = [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH]
    found += ENGLISH_UNITS.findall(text)
    found += [m.group(0) for m in ENGLISH_NUMBER.finditer(text)]
    return found


def _texts_of_chart(figure: Any) -> str:
    figure.draw_without_rendering()  # the tick labels are formatted when drawn
    out = []
    for ax in figure.axes:
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        out += [t.get_text() for t in ax.texts]
        if ax.axison:
            out += [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()]
        if ax.get_legend() is not None:
            out += [t.get_text() for t in ax.get_legend().get_texts()]
    for legend in figure.legends:
        out += [t.get_text() for t in legend.get_texts()]
    return "\n".join(out)


@pytest.mark.parametrize(("name", "data"), CASES, ids=[m[0] for m in CASES])
def test_no_english_in_danish_output(tmp_path: Path, name: str, data: dict[str, Any]) -> None:
    ev = sp.evaluate(sp.from_data(data))
    exempt = _exempt(ev, data)

    # wide enough that no source (with its caveat) wraps: the exempt texts are matched whole
    console = Console(file=io.StringIO(), width=1200, color_system=None)
    print_table(ev, console, Translator("da"))
    table = console.file.getvalue()  # type: ignore[attr-defined]
    leaks = _leaks(table, exempt)
    assert leaks == [], ("terminal tables", leaks)

    page = sp.report_html(ev, lang="da", charts=False)
    body = re.sub(r"<style>.*?</style>|<[^>]+>", "\n", page, flags=re.DOTALL)
    leaks = _leaks(html.unescape(body), exempt)
    assert leaks == [], ("report", leaks)

    jupyter = re.sub(r"<[^>]+>", "\n", ev.to_html(lang="da"))
    leaks = _leaks(html.unescape(jupyter), exempt)
    assert leaks == [], ("Jupyter view", leaks)

    wb = load_workbook(sp.to_xlsx(ev, tmp_path / "aftale.xlsx", lang="da"))
    cells = [
        str(c.value)
        for ws in wb
        if ws.title != "Input"  # the inputs as the user wrote them, under their paths
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and not c.value.startswith("=")
    ]
    leaks = _leaks("\n".join([*wb.sheetnames, *cells]), exempt)
    assert leaks == [], ("spreadsheet", leaks)

    charts = _texts_of_chart(money_flow_chart(ev, lang="da")) + _texts_of_chart(coverage_chart(ev, lang="da"))
    leaks = _leaks(charts, exempt)
    assert leaks == [], ("charts", leaks)


def test_the_check_finds_english() -> None:
    """The check above can fail: it finds English words and numbers that leak."""
    assert _leaks("Dækningsprocent: coverage 92.25 %", []) == ["coverage", "92.25"]
    assert _leaks("1,234.00 DKK", []) == ["DKK", "1,234.00"]
    assert _leaks("92,25 % · 1.234,00 kr. · benefit.ledighedsydelse", []) == []


def test_every_key_has_both_languages() -> None:
    for key, (english, danish) in TEXT.items():
        assert english.strip() or key == "unit.ratio", key
        assert danish.strip() or key == "unit.ratio", key
        # the same placeholders in both
        assert set(re.findall(r"{(\w+)(?::\w+)?}", english)) == set(re.findall(r"{(\w+)(?::\w+)?}", danish)), key


@pytest.mark.parametrize(
    ("text", "danish"),
    [
        (Text("msg.deficit", amount=Money(Decimal("90800.00"))), "et underskud på 90.800,00\xa0kr."),
        ("fleksjob workers", "fleksjobansatte"),
        ("salary: socialpædagog", "løn: socialpædagog"),
        ("2027: development courses", "2027: udviklingsforløb"),
        # a post costed per FTE: the FTE and the salary in Danish words and numbers
        ("salary: arbejdsleder (0.5 FTE × 460000 DKK/year)", "løn: arbejdsleder (0,5 årsværk × 460.000 kr./år)"),
        ("2027: salary: mentor (1 FTE × 473800.5 DKK/year)", "2027: løn: mentor (1 årsværk × 473.800,50 kr./år)"),
        ("Nordic Logistics A/S", "Nordic Logistics A/S"),  # a name the user gave stays as it is
        # the Danish genitive: an apostrophe after s, x and z
        (Text("term.customers_of", company="Himmerland Byg A/S"), "Himmerland Byg A/S' kunder"),
        (Text("term.customers_of", company="Nordisk Huus"), "Nordisk Huus' kunder"),
        (Text("term.customers_of", company="IKEA"), "IKEAs kunder"),
    ],
)
def test_translator(text: str, danish: str) -> None:
    assert Translator("da")(text) == danish


def test_danish_numbers() -> None:
    t = Translator("da")
    assert t.quantity(Decimal("1.22"), "FTE") == "1,22 årsværk"
    assert t.quantity(Decimal("3328.00"), "hour") == "3.328,00 timer"
    assert t.quantity(Decimal("344.00"), "DKK/hour") == "344,00 kr./time"
    assert t.money(Decimal("-37200.00")) == "-37.200,00\xa0kr."
    assert t.percent(Decimal("0.9225")) == "92,25 %"
    assert t.period("1 year") == "1 år"
    assert t.period("2026–2028") == "2026–2028"


def test_danish_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from socialpartner.cli import app

    from .conftest import EXAMPLE

    runner = CliRunner()
    three = str(EXAMPLE.parent / "ikea_rebild_3_years.yaml")
    shortage = str(EXAMPLE.parent / "labour_shortage_site.yaml")
    data = [yaml.safe_load(Path(f).read_text(encoding="utf-8")) for f in (EXAMPLE, three)]
    # a file's path is its own, and a key of the file format (public:) is written as in the file
    exempt = sorted([*_user_strings(data), str(tmp_path), "public:"], key=len, reverse=True)
    # the names and values written in the labour-shortage file (its own run only: a short value
    # such as a form's name would break up the other runs' input paths)
    shortage_data = yaml.safe_load(Path(shortage).read_text(encoding="utf-8"))
    exempt_shortage = sorted([*_user_strings(shortage_data), "price"], key=len, reverse=True)  # its input path
    zone_png, csv = str(tmp_path / "zone.png"), str(tmp_path / "v.csv")
    runs = {
        "compare": ["compare", str(EXAMPLE), three, "--lang", "da"],
        "solve": ["solve", str(EXAMPLE), "--vary", "courses.price", "--target", "coverage=1", "--lang", "da"],
        "solve shortfall": [
            *("solve", str(EXAMPLE), "--vary", "temp_hours.overhead", "--target", "shortfall=0", "--lang", "da"),
        ],
        "sweep": ["sweep", str(EXAMPLE), "--vary", "courses.price=9000..14000:11", "--lang", "da", "--csv", csv],
        "agree": ["agree", str(EXAMPLE), "--vary", "courses.price", "--lang", "da", "--chart", zone_png],
        "agree two": [
            *("agree", three, "--vary", "courses.price", "--vary", "temp_hours.overhead", "--lang", "da"),
            *("--municipal-limit", "600000 DKK/year", "--basis", "per_year"),
        ],
        "agree margin": ["agree", shortage, "--vary", "price", "--soev-margin", "2.5 %", "--lang", "da"],
    }
    outputs = {}
    for name, args in runs.items():
        result = runner.invoke(app, args, env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        outputs[name] = result.output
        own = exempt_shortage if shortage in args else exempt
        assert _leaks(result.output, own) == [], (name, _leaks(result.output, own))
    # coverage 92.25 % → 94.44 % over three years: a difference of 2.19 percentage points
    assert "2,19 procentpoint" in outputs["compare"]
    # break-even overhead (480,000 − 396,000) / 2,340 = 35.897… → 35.90 on the øre grid: money to two decimals
    assert outputs["solve shortfall"].splitlines()[0] == "temp_hours.overhead = 35,90 kr./time"
    assert "Skrev 11 rækker til" in outputs["sweep"]
    # the SØV needs (480,000 − 46,800) / 36 = 12,033.333… a month, shown inward (up) as
    # 12.033,34, where it is covered; the search runs to 20,000
    assert "fra 12.033,34 (Huset Venture Nordjylland: dækker sit støttepersonale) til 20.000,00" in outputs["agree"]
    assert outputs["agree"].startswith("Aftalezone for courses.price (kr./md.)")
    assert outputs["agree"].rstrip().endswith(f"Skrev {zone_png}")
    # labour shortage: 5 % … here 2.5 % of the support cost on top of the break-even price
    assert "overskud ≥ 2,5 % af udgiften til støttepersonale" in outputs["agree margin"]
    help_text = runner.invoke(app, ["agree", "--help"], env={"COLUMNS": "200"}).output
    assert "Language of the output and the chart" in help_text


def test_agreement_chart_in_danish() -> None:
    from socialpartner.charts import agreement_chart

    data = yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))
    data["temp_hours"]["alternative_price"] = "200 DKK/hour"
    data["agreement"] = {"municipal_limit": "432000 DKK/year"}
    p = sp.from_data(data)
    exempt = sorted(_user_strings(data), key=len, reverse=True)
    for vary in (["temp_hours.overhead", "courses.price"], ["courses.price"], ["temp_hours.overhead"]):
        texts = _texts_of_chart(agreement_chart(sp.agreement(p, vary), lang="da"))
        assert _leaks(texts, exempt) == [], (vary, _leaks(texts, exempt))
        assert "(kr./time)" in texts or "(kr./md.)" in texts
    two = _texts_of_chart(agreement_chart(sp.agreement(p, ["temp_hours.overhead", "courses.price"]), lang="da"))
    assert "courses.price (kr./md.)" in two.splitlines()
    assert "12.000" in two.splitlines()  # a tick of the course price, grouped the Danish way
    assert "dagens vilkår" in two.splitlines()


def test_frames_in_danish() -> None:
    ev = sp.evaluate(sp.load(EXAMPLE_FILE))
    frame = ev.to_frame(lang="da")
    assert list(frame.columns) == ["period", "payer", "payee", "payer_name", "payee_name", "purpose", "amount"]
    assert frame.loc[2, "payee_name"] == "fleksjobansatte"
    assert frame.loc[4, "purpose"] == "løn: socialpædagog"
    assert frame.loc[0, "period"] == "1 år"
    assert ev.summary_frame(lang="da").loc["support_staff", "name"] == "støttepersonale"
    assert ev.to_frame().loc[2, "payee_name"] == "fleksjob workers"  # English stays the default


def test_explanations_in_danish() -> None:
    from socialpartner.views.explain import explanation_text

    ev = sp.evaluate(sp.load(EXAMPLE_FILE))
    text = explanation_text(ev.explain("coverage"), "da")
    assert text.splitlines()[0] == "dækningsprocent = 0,922500 (92,25 %)"  # 442,800 / 480,000
    assert "  løn: socialpædagog = 480.000,00\xa0kr." in text
    assert "overhead på vikartimer: vikartimer: overhead = 46.800,00\xa0kr." in text
    assert "courses.price = 11.000 kr./md." in text  # the input under its path in the file
    price = explanation_text(ev.explain("courses.price"), "da")
    # (480,000 − 46,800) / 36 participant-months = 12,033.33
    assert price.splitlines()[0] == "nulpunktspris: forløbspris pr. deltager = 12.033,33 kr./md."
    assert explanation_text(ev.explain("coverage"), "en") == str(ev.explain("coverage"))


def test_csr_sentence_does_not_count_course_participants_as_jobs() -> None:
    data = yaml.safe_load((EXAMPLE_FILE.parent / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data["workforce"].append({"form": "course participant", "headcount": 5, "paid_hours": "10 hour/week"})
    ev = sp.evaluate(sp.from_data(data))
    # the contract is 80 % of the SØV's revenue: 0.8 × (20 fleksjob + 3 apprentices) = 18.40 jobs,
    # and 0.8 × 5 = 4.00 course participants, who are placed but not in a job
    assert ev.figure("csr_inclusive_jobs").value == Decimal("18.40")
    statement = ev.statements[0]
    assert "18.40 inclusive jobs (16.00 fleksjob, 2.40 apprentice)" in statement
    assert "and 4.00 course participants (not jobs)" in statement
    danish = Translator("da")(statement)
    assert "18,40 inkluderende job (16,00 fleksjob, 2,40 elev)" in danish
    assert "og 4,00 forløbsdeltagere (ikke job)" in danish


def test_explanation_formulas_in_danish() -> None:
    from socialpartner.views.explain import explanation_text

    # the formula's words are Danish; the input paths stay as written in the file
    ev = sp.evaluate(sp.load(EXAMPLE_FILE))
    text = explanation_text(ev.explain("coverage"), "da")
    assert "= samlet finansiering / udgift til støttepersonale = 442.800,00\xa0kr. / 480.000,00\xa0kr." in text
    overhead = explanation_text(ev.explain("overhead"), "da")
    assert "overhead pr. time × timer (medarbejdere × effektive timer × periode), afrundet til øre" in overhead
    assert "temp_hours.overhead = 20 kr./time" in overhead


@pytest.mark.parametrize(("name", "data"), CASES, ids=[m[0] for m in CASES])
def test_no_english_in_danish_explanations(name: str, data: dict[str, Any]) -> None:
    """Every topic `explain` knows, in Danish: labels, formulas and numbers (input paths kept)."""
    from socialpartner.views.explain import explanation_text

    ev = sp.evaluate(sp.from_data(data))
    exempt = _exempt(ev, data)
    for topic in ev.topics():
        explained = ev.explain(topic)
        text = explanation_text(explained, "da")
        # a parameter's source is cited as published (e.g. the discount rate's, behind a present value)
        cited = sorted({source for _, _, source in explained.parameters}, key=len, reverse=True)
        leaks = _leaks(text, [*cited, *exempt])
        assert leaks == [], (topic, leaks)


def test_an_indexed_rates_source_sentence_is_danish_in_danish_output(tmp_path: Path) -> None:
    # 2028 has no published rates: the 2027 ones × 1.02 (the satsreguleringsprocent the law derives
    # from the 2 % wage growth). The source column said so in English in the Danish table, report
    # and workbook ("the 2027 value × 1.020000, indexed by …"); the citation after it stays as cited
    ev = sp.evaluate(sp.load(EXAMPLE_FILE.parent / "ikea_rebild_3_years.yaml"))
    indexed = next(v for v in ev.breakdown[-1].parameters if v.index is not None)
    assert str(indexed.source).startswith("the 2027 value × 1.020000, indexed by the satsreguleringsprocent to 2028")
    danish = (
        "2027-værdien × 1,020000, reguleret med satsreguleringsprocenten til 2028 (se bemærkningerne); 2027-værdien:"
    )
    assert Translator("da").source(indexed.source).startswith(danish)
    assert Translator("da").source("lov om en satsreguleringsprocent") == "lov om en satsreguleringsprocent"
    page = sp.report_html(ev, lang="da", charts=False)
    assert html.escape(danish, quote=False) in page
    assert "indexed by the satsreguleringsprocent" not in page
    console = Console(file=io.StringIO(), width=400)
    print_table(ev, console, Translator("da"))
    assert danish in console.file.getvalue()  # type: ignore[attr-defined]
    book = sp.to_xlsx(ev, tmp_path / "deal.xlsx", lang="da")
    sheet = load_workbook(book)["Parametre"]
    sources = [str(c.value) for c in sheet["G"] if c.value]
    assert any(s.startswith(danish) for s in sources)
    assert not any("indexed by" in s for s in sources)


def test_danish_advice_names_the_input_key_not_the_groups_danish_name() -> None:
    # "angiv public.counterfactual.elev": no such key (the groups are apprentice, ordinary, …);
    # following the advice gave "no group 'elev'". The group is named in Danish, the key as written
    data = yaml.safe_load((EXAMPLE_FILE.parent / "supplier_facility.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    data["public"] = aalborg_public(30)
    ev = sp.evaluate(sp.from_data(data))
    assert ev.public is not None
    said = [Translator("da")(s) for s in ev.public.assumptions]
    assert any(
        "intet alternativ angivet for elev" in s and "angiv public.counterfactual.apprentice," in s for s in said
    )
    assert not any("public.counterfactual.elev" in s or "public.counterfactual.ordinært" in s for s in said)
    # the advice followed: the key is read
    data["public"]["counterfactual"]["apprentice"] = {"parameter": "benefit.kontanthjaelp.forhoejet_sats"}
    assert sp.evaluate(sp.from_data(data)).public is not None


def test_a_horizon_without_start_year_says_aar_in_danish(tmp_path: Path) -> None:
    # "år 1–year 3", "Job i year 3 (sidste år)", "tallene for year 3": the labels of a horizon without a
    # start year are period labels (år 3 in Danish), not raw text
    data = yaml.safe_load((EXAMPLE_FILE.parent / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect", None)
    del data["horizon"]["start_year"]
    data["horizon"]["changes"][0]["year"] = 2
    ev = sp.evaluate(sp.from_data(data))
    assert [p.ledger.period for p in ev.breakdown] == ["year 1", "year 2", "year 3"]
    danish = [Translator("da")(s) for s in ev.statements]
    assert any(s.startswith("job og årsværk i alt er tallene for år 3") for s in danish), danish
    assert not any(re.search(r"\byear \d", s) for s in danish)
    page = sp.report_html(ev, lang="da", charts=False)
    assert "Job i år 3 (sidste år)" in page
    assert not re.search(r"\byear \d", page)
    english = [str(s) for s in ev.statements]
    assert any("year 3" in s for s in english)  # English keeps its labels


@pytest.mark.parametrize(("lang", "one", "three"), [("en", "1 person", "3 people"), ("da", "1 person", "3 personer")])
def test_one_person_is_singular(lang: str, one: str, three: str) -> None:
    # compare printed "1 personer" (B − A of 3 and 4 jobs)
    t = Translator(lang)  # type: ignore[arg-type]
    assert t.quantity(Decimal(1), "people") == one
    assert t.quantity(Decimal(-1), "people") == f"-{one}"
    assert t.quantity(Decimal(3), "people") == three
