"""Numbers a reader of the docs typed, each once read wrongly or answered with a confusing message.

The example is the three-party deal (bundled ikea_rebild.yaml): 3 fleksjob workers ×
15 hour/week × 52 weeks = 2,340 hours at 165 DKK/hour (wage cost 386,100), overhead
20 DKK/hour (46,800), 3 course places × 11,000 DKK/month × 12 = 396,000, one
socialpædagog at 480,000 DKK/year: funding 442,800, coverage 442,800 / 480,000 = 0.9225.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

import socialpartner as sp
from socialpartner._internal.units import number_format, read_number
from socialpartner.cli import app
from socialpartner.quantities import Markup, Share

# the bundled example without its expect: block (a Danish file would refuse its plain numbers)
EXAMPLE = re.sub(r"(?ms)^expect:.*?(?=^\S|\Z)", "", sp.example_path().read_text(encoding="utf-8"))


def example(old: str = "", new: str = "", *, danish: bool = False) -> str:
    """The example's text with one piece replaced, optionally declared ``number_format: da``."""
    assert old in EXAMPLE
    text = EXAMPLE.replace(old, new) if old else EXAMPLE
    return ("number_format: da\n" + text) if danish else text


# -- a space between digits: pint multiplied the parts ------------------------------------------


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # before: 510 × 000 = 0 DKK
        ("510 000 kr.", "write 510000 or 510_000, or 510.000 with number_format: da"),
        # before: 11 × 000 = 0.0 DKK/month
        ("11 000 kr./md.", "write 11000 or 11_000, or 11.000 with number_format: da"),
        # before: 1 × 500 = 500 DKK
        ("1 500 kr.", "write 1500 or 1_500, or 1.500 with number_format: da"),
        # no-break space (U+00A0) and narrow no-break space (U+202F), as reports print thousands
        ("510\u00a0000 kr.", "write 510000 or 510_000, or 510.000 with number_format: da"),
        ("510\u202f000 DKK", "write 510000 or 510_000, or 510.000 with number_format: da"),
        # a minus sign keeps its place in the fix; decimals after a point or a Danish comma
        ("\u22121 250 000.50 kr.", "write -1250000.50 or -1_250_000.50, or -1.250.000,50 with number_format: da"),
        ("1 500,50 kr.", "write 1500.50 or 1_500.50, or 1.500,50 with number_format: da"),
        # before: 2 × 3 = 6 DKK/hour; no grouping of three, so no guess at what was meant
        ("2 3 kr./time", "2 3 has a space between digits, which is not read: write the number without spaces"),
    ],
)
def test_a_space_between_digits_is_refused_by_q(text: str, fix: str) -> None:
    with pytest.raises(sp.QuantityError, match=re.escape(fix)) as caught:
        sp.Q_(text)
    assert caught.value.code == "number_format"
    assert isinstance(caught.value, ValueError)
    with pytest.raises(sp.QuantityError, match=re.escape(fix)):  # the registry's own parser too
        sp.ureg(text)


def test_a_space_between_digits_is_refused_in_a_text_magnitude() -> None:
    # before: "not a number", with no fix
    with pytest.raises(sp.QuantityError, match=re.escape("write 510000 or 510_000, or 510.000 with number_format")):
        sp.Q_("510 000", "DKK")


def test_the_fix_for_a_space_follows_the_declared_format() -> None:
    fix = "write 510.000 or 510000 (number_format is 'da')"
    with number_format("da"), pytest.raises(sp.QuantityError, match=re.escape(fix)):
        sp.Q_("510 000 kr.")
    with number_format("da"), pytest.raises(sp.QuantityError, match=re.escape("write 1.500,50 or 1500,50")):
        read_number("1 500,50", what="a number")


def test_a_danish_grouping_starts_with_a_non_zero_digit() -> None:
    # before: 0.500 in a number_format: da file was 0500 = 500
    with number_format("da"), pytest.raises(sp.QuantityError, match=re.escape("write 0,500 with a decimal comma")):
        read_number("0.500", what="a number")
    with number_format("da"):
        assert read_number("1.500", what="a number") == 1500
        assert read_number("0,500", what="a number") == Decimal("0.5")


def test_unit_expressions_and_a_space_before_the_unit_still_read() -> None:
    assert sp.Q_("12 DKK/hour") == sp.Q_(12, "DKK/hour")
    assert sp.Q_("1 year").to("month").magnitude == 12  # the Danish calendar: 12 months
    assert sp.Q_("37 t/uge").to("hour/year").magnitude == 37 * 52  # 1,924 hours
    assert sp.Q_("2 * 3 kr.") == sp.Q_(6, "DKK")  # an explicit product is pint's, as before
    # a no-break space between number and unit (as babel prints "1.234,50 kr.") is no grouping
    assert sp.Q_("510\u00a0kr.") == sp.Q_(510, "DKK")
    with number_format("da"):
        assert sp.Q_("1.234,50\u00a0kr.") == sp.Q_(Decimal("1234.50"), "DKK")


def test_a_space_between_digits_does_not_reach_a_draw_a_range_or_a_model() -> None:
    deal = sp.load(sp.example_path())
    fix = "a space is not read as a thousands separator in 10 000: write 10000 or 10_000, or 10.000 with"
    # before: every draw 0.0 DKK/month
    with pytest.raises(sp.SweepError, match=re.escape(f"courses.price: uniform: low: {fix}")):
        sp.monte_carlo(deal, {"courses.price": sp.Uniform("10 000 kr./md.", "12 000 kr./md.")}, n=3, seed=1)
    with pytest.raises(sp.SweepError, match="write 9000 or 9_000"):
        sp.monte_carlo(
            deal, {"courses.price": sp.Triangular("9 000 kr./md.", "10000 kr./md.", "14000 kr./md.")}, n=3, seed=1
        )
    # before: a tornado bar from 0 to 0
    with pytest.raises(sp.SweepError, match="write 9000 or 9_000"):
        sp.tornado(deal, {"courses.price": ("9 000 DKK/month", "14 000 DKK/month")})
    # before: a socialpædagog costing 0
    with pytest.raises(sp.QuantityError, match="write 480000 or 480_000"):
        sp.SupportStaff(role="x", fte=1, annual_cost=sp.Q_("480 000 kr./år"))
    with pytest.raises(ValidationError, match="write 480000 or 480_000"):
        sp.SupportStaff(role="x", fte=1, annual_cost="480 000 kr./år")


def test_a_space_between_digits_in_a_file_says_what_to_write() -> None:
    # before: only "not a unit expression" (the unit part was taken to be "000 kr./md.")
    with pytest.raises(ValidationError) as caught:
        sp.loads(example("price: 11000 DKK/month", "price: 11 000 kr./md."))
    message = str(caught.value)
    assert "courses.price" in message
    assert "write 11000 or 11_000, or 11.000 with number_format: da" in message
    assert "not a unit expression" not in message
    with pytest.raises(ValidationError) as caught:
        sp.loads(example("price: 11000 DKK/month", "price: 11 000 kr./md.", danish=True))
    assert "write 11.000 or 11000 (number_format is 'da')" in str(caught.value)
    # written as the fix says, the file reads: 3 × 11,000 × 12 = 396,000, coverage 0.9225
    fixed = sp.loads(example("price: 11000 DKK/month", "price: 11.000 kr./md.", danish=True))
    assert sp.evaluate(fixed).cost_split.coverage == Decimal("0.9225")


def test_a_horizon_change_with_a_space_between_digits_is_refused() -> None:
    horizon = "horizon: {years: 2, changes: [{year: 2, set: {courses.price: 12 000 kr./md.}}]}\n"
    with pytest.raises(ValidationError, match=re.escape("courses.price: a space is not read as a thousands separator")):
        sp.loads(example() + horizon)


# -- number_format: da inside the lists a horizon change sets -------------------------------------

STAFF_CHANGE = """horizon:
  years: 2
  changes:
    - {year: 2, set: {support_staff: [{role: socialpædagog, fte: 1, annual_cost: %s},
                                       {role: jobkonsulent, fte: %s, cost_per_fte: %s}]}}
"""


def test_a_danish_file_reads_its_numbers_inside_a_changed_list() -> None:
    danish = sp.loads(
        example(danish=True) + STAFF_CHANGE % ("510.000 kr./år", '"0,5"', "500.000 kr./år"),
    )
    plain = sp.loads(example() + STAFF_CHANGE % ("510000 DKK/year", "0.5", "500000 DKK/year"))
    # before: "510.000 is ambiguous … (or declare number_format: da)" in a file that declares it
    # year 2: 510,000 + 0.5 FTE × 500,000 = 760,000 of support staff; year 1 the example's 480,000
    costs = [part.cost_split.cost for part in sp.evaluate(danish).breakdown]
    assert costs == [Decimal("480000.00"), Decimal("760000.00")]
    assert sp.evaluate(danish).results() == sp.evaluate(plain).results()
    # saved in the plain convention, it reads back the same
    assert sp.evaluate(sp.loads(sp.dumps(danish))).results() == sp.evaluate(plain).results()


def test_a_danish_file_refuses_a_plain_decimal_inside_a_changed_list() -> None:
    with pytest.raises(ValidationError) as caught:
        sp.loads(example(danish=True) + STAFF_CHANGE % ("510.000 kr./år", "0.5", "500.000 kr./år"))
    message = str(caught.value)
    assert "support_staff.1.fte: number_format is 'da' (510.000,50): write 0,5 with a decimal comma" in message
    assert "declare number_format" not in message


def test_a_plain_file_refuses_a_grouping_inside_a_changed_list() -> None:
    with pytest.raises(ValidationError, match=re.escape("support_staff.0.annual_cost: 510.000 is ambiguous")):
        sp.loads(example() + STAFF_CHANGE % ("510.000 DKK/year", "0.5", "500000 DKK/year"))


def test_a_name_inside_a_changed_list_is_left_as_written() -> None:
    # "2. socialpædagog" starts like a number, but "socialpædagog" is no unit: a name, kept
    text = example(danish=True) + STAFF_CHANGE.replace("role: socialpædagog", 'role: "2. socialpædagog"') % (
        "510.000 kr./år",
        '"0,5"',
        "500.000 kr./år",
    )
    year2 = sp.evaluate(sp.loads(text)).breakdown[1]
    assert "salary: 2. socialpædagog" in [t.purpose for t in year2.ledger.transfers]
    assert year2.cost_split.cost == Decimal("760000.00")


# -- a bare 1 where money per hour or a percentage is taken ---------------------------------------


@pytest.mark.parametrize("written", ["1", "1.0", '"1"'])
def test_a_bare_one_overhead_is_refused_as_ambiguous(written: str) -> None:
    # before: 100 % of the wage cost, overhead 386,100 and coverage 782,100 / 480,000 = 162.94 %
    with pytest.raises(ValidationError) as caught:
        sp.loads(example("overhead: 20 DKK/hour", f"overhead: {written}"))
    message = str(caught.value)
    assert "temp_hours.overhead" in message
    assert "a bare 1 is ambiguous here: write 100 % if all of the base is meant, or 1 DKK/hour" in message
    assert caught.value.errors()[0]["type"] == "bare_share"


def test_a_bare_one_overhead_is_refused_in_python() -> None:
    temp = sp.TempHours(workers=3, effective_hours="15 hour/week", wage_cost="165 DKK/hour", overhead="20 DKK/hour")
    with pytest.raises(ValidationError, match=re.escape("write 100 % if all of the base is meant, or 1 DKK/hour")):
        sp.TempHours.model_validate({**temp.model_dump(), "overhead": 1})


@pytest.mark.parametrize(
    ("written", "coverage"),
    [
        # 10 % of 386,100 = 38,610; (38,610 + 396,000) / 480,000
        ("0.1", Decimal("0.9054375")),
        # 100 % of 386,100; (386,100 + 396,000) / 480,000
        ("100 %", Decimal("1.629375")),
        # 2,340 h × 1 DKK = 2,340; (2,340 + 396,000) / 480,000
        ("1 DKK/hour", Decimal("0.829875")),
    ],
)
def test_an_overhead_written_unambiguously_is_read(written: str, coverage: Decimal) -> None:
    deal = sp.loads(example("overhead: 20 DKK/hour", f"overhead: {written}"))
    assert sp.evaluate(deal).cost_split.coverage == coverage


class Fields(BaseModel):
    share: Share = sp.Q_(0, "")
    markup: Markup = sp.Q_(0, "")


def test_a_bare_one_is_still_a_whole_share_where_only_a_share_is_taken() -> None:
    # a share takes no money per hour, so a bare 1 can only mean 100 %
    assert Fields(share=1).share == sp.Q_(1, "")
    assert Fields(markup=Decimal("0.5")).markup == sp.Q_(0.5, "")  # a fraction below 1: 50 %
    with pytest.raises(ValidationError, match=re.escape("markup\n  a bare 1 is ambiguous")):
        Fields(markup=np.int64(1))
    with pytest.raises(ValidationError, match=re.escape("write -100 % if all of the base is meant, or -1 DKK/hour")):
        Fields(markup=-1)


# -- messages show numbers as written --------------------------------------------------------------


def test_a_plain_decimal_in_a_danish_file_is_shown_as_written(tmp_path: Path) -> None:
    text = example("    fte: 1\n", "    fte: 0.5\n", danish=True).replace("480000 DKK/year", "480.000 kr./år")
    text = text.replace("165 DKK/hour", "165 kr./time").replace("11000 DKK/month", "11.000 kr./md.")
    with pytest.raises(ValidationError) as caught:
        sp.loads(text)
    (error,) = caught.value.errors()
    # before: "… got Decimal('0.5')"
    assert error["loc"] == ("support_staff", 0, "fte")
    assert error["msg"].endswith("got 0.5")
    assert "Decimal(" not in error["msg"]
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(app, ["evaluate", str(path)]).output  # what the command line shows
    assert "support_staff.0.fte: number_format is 'da' (510.000,50): write 0,5 with a decimal comma" in out
    assert out.rstrip().endswith("got 0.5"), out
    assert "Decimal(" not in out


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("-1"), "got -1"),
        (Fraction(-1, 2), "got -1/2"),
        (np.float32(-0.1), "got -0.1"),
        (np.int64(-2), "got -2"),
        (sp.Q_(-1, "FTE"), "got -1 FTE"),
    ],
)
def test_a_refused_number_from_python_is_shown_without_its_type(value: object, shown: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sp.SupportStaff(role="x", fte=value, annual_cost="480000 DKK/year")
    (error,) = caught.value.errors()
    assert error["msg"].startswith("must not be negative")
    assert error["msg"].endswith(shown)
    assert not re.search(r"Decimal\(|Fraction\(|np\.\w+\(|<Quantity", error["msg"])


# -- command-line numbers beside a file that declares number_format: da -----------------------


@pytest.fixture
def danish_file(tmp_path: Path) -> Path:
    path = tmp_path / "deal.yaml"
    text = example("11000 DKK/month", "11.000 kr./md.", danish=True).replace("480000 DKK/year", "480.000 kr./år")
    path.write_text(text, encoding="utf-8")
    return path


def solve(file: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["solve", str(file), "--vary", "courses.price", *args])
    return result.exit_code, result.output


def test_a_target_is_read_by_the_files_declared_format(danish_file: Path) -> None:
    # coverage 1.05: funding 504,000 = 46,800 overhead + 36 course months × price: 12,700 DKK/month
    code, out = solve(danish_file, "--target", "coverage=1,05")
    # before: "decimal comma: write 1.05 with a decimal point, or declare number_format: da"
    assert code == 0, out
    assert "courses.price = 12700.00 DKK / month" in out
    assert "declare number_format" not in out
    assert solve(danish_file, "--target", "coverage=1.05") == (code, out)  # a plain 1.05 is the same number


def test_a_bound_and_a_sweep_are_read_by_the_files_declared_format(danish_file: Path) -> None:
    # --max 12.000 is 12,000 in a Danish file, below the 12,700 needed: at 12,000 the funding
    # is 46,800 + 36 × 12,000 = 478,800, coverage 0.9975; at 0 it is 46,800 / 480,000 = 0.0975
    code, out = solve(danish_file, "--target", "coverage=1,05", "--max", "12.000")
    assert code == 2
    assert "no value between 0 and 12,000 DKK / month reaches the target" in out
    assert "0.0975 at the low end and 0.9975 at the high end" in out
    code, out = solve(danish_file, "--target", "coverage=1,05", "--max", "13.000,5", "--min", "1.000")
    assert code == 0, out
    assert "courses.price = 12700.00 DKK / month" in out
    result = CliRunner().invoke(app, ["sweep", str(danish_file), "--vary", "courses.price=9.000..14.000:3"])
    plain = CliRunner().invoke(app, ["sweep", str(danish_file), "--vary", "courses.price=9000..14000:3"])
    assert result.exit_code == 0, result.output
    assert result.output == plain.output


def test_a_signed_grouping_keeps_its_sign_in_the_fix() -> None:
    # before: "write -1000000 or -1_000_000 for 1,000,000"
    code, out = solve(sp.example_path(), "--target", "net.municipality=-1.000.000")
    assert code == 2
    assert "write -1000000 or -1_000_000 for -1,000,000" in out
    with pytest.raises(sp.QuantityError, match=re.escape("for -1,000,000")):
        read_number("-1.000.000", what="a number")


def test_a_signed_grouping_beside_a_danish_file_is_read(danish_file: Path) -> None:
    # the municipality pays 36 course months: -1,000,000 at 1,000,000 / 36 = 27,777.777…; on the
    # solver's øre grid 27,777.77 (-999,999.72), as 27,777.78 would pay more (-1,000,000.08)
    code, out = solve(danish_file, "--target", "net.municipality=-1.000.000")
    assert code == 0, out
    assert "courses.price = 27777.77 DKK / month" in out
    assert "gives net.municipality = -999,999.72" in out


@pytest.mark.parametrize("text", ["½ kr", "1 kr + 2", "foo", "kr + "])
def test_text_pint_cannot_read_is_a_quantity_error_naming_it(text: str) -> None:
    # before: pint's DefinitionSyntaxError, DimensionalityError, UndefinedUnitError or AssertionError
    with pytest.raises(sp.QuantityError) as caught:
        sp.Q_(text)
    assert str(caught.value).endswith(f"(expected a number and a unit such as '37 t/uge', got {text!r})")
    assert isinstance(caught.value, ValueError)
