"""Arguments of every kind a notebook passes: numpy whole numbers in year and week fields,
a sweep's ``chunk``, a dict where a partnership belongs, non-finite distribution bounds,
``fleksloentilskud``'s year and units, and annotations that resolve at runtime."""

from __future__ import annotations

import inspect
import json
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

ROOT = Path(__file__).resolve().parents[1]
THREE = ROOT / "examples" / "ikea_rebild_3_years.yaml"
SPIN = ROOT / "examples" / "spin_off_packing.yaml"


def _three() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(THREE.read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _spin() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPIN.read_text(encoding="utf-8"))
    data.pop("expect", None)
    return data


def _results(data: dict[str, Any]) -> dict[str, Any]:
    return sp.evaluate(sp.from_data(data)).results()


# -- 1. numpy whole numbers in year and week fields ------------------------------------------------

# (the scenario, a setter of one field, the value the file has there)
_SETTERS: dict[str, tuple[Any, Any, int]] = {
    "public.year": (_three, lambda d, v: d["public"].__setitem__("year", v), 2026),
    "public.weeks_on_support": (_three, lambda d, v: d["public"].__setitem__("weeks_on_support", v), 104),
    "public.weeks_on_support.fleksjob": (
        _three,
        lambda d, v: d["public"].__setitem__("weeks_on_support", {"fleksjob": v, "default": 104}),
        104,
    ),
    "public.self_supported_weeks": (_three, lambda d, v: d["public"].__setitem__("self_supported_weeks", v), 0),
    "horizon.years": (_three, lambda d, v: d["horizon"].__setitem__("years", v), 3),
    "horizon.start_year": (_three, lambda d, v: d["horizon"].__setitem__("start_year", v), 2026),
    "horizon.changes.0.year": (_three, lambda d, v: d["horizon"]["changes"][0].__setitem__("year", v), 2027),
    "years.0.year": (_spin, lambda d, v: d["years"][0].__setitem__("year", v), 2026),
    "split_year": (_spin, lambda d, v: d.__setitem__("split_year", v), 2028),
    "cvr_registered": (_spin, lambda d, v: d.__setitem__("cvr_registered", v), 2028),
}


@pytest.mark.parametrize("field", sorted(_SETTERS))
@pytest.mark.parametrize("kind", [np.int64, np.int32, np.uint16, float, np.float64])
def test_a_numpy_whole_number_is_the_number_it_is(field: str, kind: Any) -> None:
    make, put, value = _SETTERS[field]
    plain = make()
    put(plain, value)
    given = make()
    put(given, kind(value))  # np.int64(2026), np.float64(2026.0) as a DataFrame column holds them
    # the same partnership, so the same results to the øre
    assert sp.from_data(given) == sp.from_data(plain)
    assert _results(given) == _results(plain)


@pytest.mark.parametrize("field", sorted(_SETTERS))
@pytest.mark.parametrize("bad", [True, np.True_, False])
def test_a_boolean_is_no_year_nor_weeks(field: str, bad: Any) -> None:
    make, put, _ = _SETTERS[field]
    data = make()
    put(data, bad)
    with pytest.raises(ValidationError) as err:
        sp.from_data(data)
    (error,) = err.value.errors()
    if field in {"public.weeks_on_support", "public.self_supported_weeks"}:  # a number or weeks by group
        assert error["msg"].startswith("Input should be a number of weeks (0 to 2600), or weeks by group")
    else:
        assert error["msg"].endswith(f"got a boolean ({bad!r})"), error


def test_a_fraction_of_a_year_is_refused_not_cut() -> None:
    data = _three()
    data["public"]["year"] = np.float64(2026.5)
    with pytest.raises(ValidationError) as err:
        sp.from_data(data)
    (error,) = err.value.errors()
    assert error["loc"] == ("public", "year")
    assert error["msg"] == "expected a whole number (a year such as 2026), got np.float64(2026.5)"


def test_a_numpy_year_out_of_range_is_refused_by_its_range() -> None:
    data = _three()
    data["horizon"]["years"] = np.int64(71)
    with pytest.raises(ValidationError) as err:
        sp.from_data(data)
    (error,) = err.value.errors()
    assert error["loc"] == ("horizon", "years")
    assert error["msg"] == "Input should be less than or equal to 70"


# -- 2. sweep's chunk -------------------------------------------------------------------------------


@pytest.mark.parametrize("chunk", [-1, 0, 2.5, True, "10", None])
def test_a_chunk_that_is_no_positive_whole_number_is_refused(example: Any, chunk: Any) -> None:
    with pytest.raises(sp.SweepError) as err:
        sp.sweep(example, {"courses.price": ["9000 DKK/month", "10000 DKK/month"]}, chunk=chunk)
    assert str(err.value) == (f"chunk: expected a whole number of variants of at least 1, e.g. 100_000, got {chunk!r}")


@pytest.mark.parametrize("chunk", [1, np.int64(1), 2, 1_000_000])
def test_any_chunk_gives_the_same_frame(example: Any, chunk: Any) -> None:
    prices = ["9000 DKK/month", "10000 DKK/month", "11000 DKK/month"]
    frame = sp.sweep(example, {"courses.price": prices}, chunk=chunk)
    # coverage = funding / cost; at 11000 DKK/month the example's evaluate gives 0.9225
    assert list(frame["coverage"].round(4))[2] == 0.9225
    assert len(frame) == 3
    assert list(frame.columns) == list(sp.sweep(example, {"courses.price": prices}).columns)


# -- 3. a dict or other object where a partnership or an evaluation belongs -------------------------

_TAKE_PARTNERSHIP: dict[str, tuple[Callable[[Any], Any], type[Exception]]] = {
    "evaluate": (lambda x: sp.evaluate(x), sp.SocialPartnerError),
    "solve": (lambda x: sp.solve(x, "courses.price", "coverage", 1), sp.SolveError),
    "sweep": (lambda x: sp.sweep(x, {"courses.price": ["9000 DKK/month"]}), sp.SweepError),
    "monte_carlo": (
        lambda x: sp.monte_carlo(x, {"courses.price": sp.Uniform("9000 DKK/month", "14000 DKK/month")}, n=5),
        sp.SweepError,
    ),
    "tornado": (lambda x: sp.tornado(x, {"courses.price": ("9000 DKK/month", "14000 DKK/month")}), sp.SweepError),
    "agreement": (lambda x: sp.agreement(x, vary=["courses.price"]), sp.AgreementError),
    "dumps": (lambda x: sp.dumps(x), sp.SocialPartnerError),
}


@pytest.mark.parametrize("name", sorted(_TAKE_PARTNERSHIP))
def test_a_dict_given_for_a_partnership_says_to_read_it(example: Any, name: str) -> None:
    call, error = _TAKE_PARTNERSHIP[name]
    with pytest.raises(error) as err:
        call(example.model_dump())
    assert str(err.value) == (
        "partnership: expected a partnership, e.g. from sp.load or sp.from_data; got a dict; "
        "read a dict with sp.from_data(data)"
    )


@pytest.mark.parametrize("name", sorted(_TAKE_PARTNERSHIP))
def test_an_evaluation_given_for_a_partnership_names_its_partnership(example: Any, name: str) -> None:
    call, error = _TAKE_PARTNERSHIP[name]
    with pytest.raises(
        error, match=r"got an Evaluation; give the partnership it evaluates \(evaluation\.partnership\)$"
    ):
        call(sp.evaluate(example))
    with pytest.raises(error, match=r"got a str; read a scenario file with sp\.load\(path\)$"):
        call(str(THREE))


def test_save_refuses_a_dict(example: Any, tmp_path: Path) -> None:
    with pytest.raises(sp.SocialPartnerError, match=r"^partnership: expected a partnership"):
        sp.save(example.model_dump(), tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


_TAKE_EVALUATION: dict[str, Callable[[Any, Path], Any]] = {
    "report_html": lambda x, tmp: sp.report_html(x, charts=False),
    "write_report": lambda x, tmp: sp.write_report(x, tmp / "r.html", charts=False),
    "to_xlsx": lambda x, tmp: sp.to_xlsx(x, tmp / "r.xlsx"),
}


@pytest.mark.parametrize("name", sorted(_TAKE_EVALUATION))
def test_a_partnership_given_for_an_evaluation_says_to_evaluate_it(example: Any, name: str, tmp_path: Path) -> None:
    with pytest.raises(sp.SocialPartnerError) as err:
        _TAKE_EVALUATION[name](example, tmp_path)
    assert str(err.value) == (
        "evaluation: expected an evaluation, from sp.evaluate(partnership); got a SharedResponsibilityPartnership; "
        "evaluate the partnership first"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda x: sp.check_expectations(x),
        lambda x: sp.pinned_results(x),
        lambda x: sp.result_value(x, "coverage"),
    ],
    ids=["check_expectations", "pinned_results", "result_value"],
)
def test_a_dict_given_for_an_evaluation(example: Any, call: Any) -> None:
    with pytest.raises(sp.SocialPartnerError) as err:
        call(example.model_dump())
    assert str(err.value) == (
        "ev: expected an evaluation, from sp.evaluate(partnership); got a dict; "
        "read a dict with sp.from_data(data), then evaluate it"
    )


# -- 4. non-finite distribution bounds -------------------------------------------------------------


@pytest.mark.parametrize(
    ("dist", "message"),
    [
        (
            sp.Uniform("9000 DKK/month", sp.Q_(np.inf, "DKK/month")),
            "uniform: high must be a finite number, got inf DKK / month",
        ),
        (
            sp.Uniform(sp.Q_(np.nan, "DKK/month"), "9000 DKK/month"),
            "uniform: low must be a finite number, got nan DKK / month",
        ),
        (
            sp.Triangular("9000 DKK/month", sp.Q_(np.nan, "DKK/month"), "14000 DKK/month"),
            "triangular: mode must be a finite number, got nan DKK / month",
        ),
        (
            sp.Normal(sp.Q_(np.inf, "DKK/month"), "1000 DKK/month"),
            "normal: mean must be a finite number, got inf DKK / month",
        ),
        (
            sp.Normal("11000 DKK/month", "1000 DKK/month", low=sp.Q_(np.nan, "DKK/month")),
            "normal: low must be a finite number, got nan DKK / month",
        ),
    ],
)
def test_a_non_finite_bound_is_refused_by_name(example: Any, dist: Any, message: str) -> None:
    with pytest.raises(sp.SweepError) as err:
        sp.monte_carlo(example, {"courses.price": dist}, n=10)
    assert str(err.value) == f"courses.price: {message}"


# -- 5. fleksloentilskud's year and units -----------------------------------------------------------


def test_fleksloentilskud_takes_a_numpy_year() -> None:
    # 2024: 180 DKK/hour × 15 hour/week; the docstring's worked figure is 16,442.00 DKK/month
    assert sp.fleksloentilskud("180 DKK/hour", "15 hour/week", np.int64(2024)) == sp.Q_(16442, "DKK/month")
    assert str(sp.fleksloentilskud("180 DKK/hour", "15 hour/week", 2024).magnitude) == "16442.00"


@pytest.mark.parametrize("year", ["2026", None, 2023.9, True, np.float64(2024.0)])
def test_fleksloentilskud_refuses_a_year_that_is_no_whole_number(year: Any) -> None:
    with pytest.raises(sp.SocialPartnerError) as err:
        sp.fleksloentilskud("180 DKK/hour", "15 hour/week", year)
    assert str(err.value) == f"year: expected a whole year such as 2026, got {year!r}"


def test_fleksloentilskud_names_the_argument_in_a_unit_error() -> None:
    with pytest.raises(sp.QuantityError) as err:
        sp.fleksloentilskud("9100 DKK/month", "15 hour/week", 2024)
    assert str(err.value) == (
        "hourly_wage: wrong kind of unit (money per week, month or year) "
        "(expected money per hour, e.g. 165 DKK/hour, got '9100 DKK/month')"
    )
    with pytest.raises(sp.QuantityError) as err:
        sp.fleksloentilskud("180 DKK/hour", "15 DKK/week", 2024)
    assert str(err.value).startswith(
        "hours: wrong kind of unit (money per week, month or year) (expected hours per week, month or year, per person"
    )


# -- 6. annotations resolve at runtime -------------------------------------------------------------

# pint's own objects: their annotations name pint's internals (UnitRegistry, TypeAlias), not ours
_PINT = {"Q_", "ureg"}


def _public_callables() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name in sorted(set(sp.__all__) - _PINT):
        obj = getattr(sp, name)
        if inspect.isclass(obj):
            out.append((name, obj))
            for attr, member in vars(obj).items():
                if attr.startswith("_") and attr != "__init__":
                    continue
                member = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if callable(member):
                    out.append((f"{name}.{attr}", member))
        elif callable(obj):
            out.append((name, obj))
    return out


def test_every_public_annotation_resolves_at_runtime() -> None:
    failed = {}
    for name, obj in _public_callables():
        try:
            typing.get_type_hints(obj)
        except Exception as exc:  # collected and shown together
            failed[name] = f"{type(exc).__name__}: {exc}"
    assert failed == {}
    assert len(_public_callables()) > 150  # the walk reached the public API, not an empty list


def test_frame_annotations_name_pandas_in_a_fresh_process() -> None:
    import subprocess

    code = (
        "import sys, typing, socialpartner as sp\n"
        "assert 'pandas' not in sys.modules, 'pandas at import'\n"
        "hints = typing.get_type_hints(sp.sweep)\n"
        "print(hints['return'].__module__, hints['return'].__name__)\n"
        "print(typing.get_type_hints(sp.check_expectations)['ev'].__name__)\n"
        "print(typing.get_type_hints(sp.Evaluation.to_frame)['return'].__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["pandas", "DataFrame", "Evaluation", "DataFrame"]


def test_json_of_a_model_dump_is_no_partnership(example: Any) -> None:
    with pytest.raises(sp.SocialPartnerError, match="got a str; read a scenario file"):
        sp.evaluate(json.dumps(example.model_dump(mode="json")))  # type: ignore[arg-type]


def test_lang_and_number_format_arguments_are_library_errors() -> None:
    # review 40: lang=None was a plain SocialPartnerError, "DA" refused; number_format("en") a bare ValueError
    import numpy as np

    ev = sp.evaluate(sp.load(sp.example_path()))
    for bad in (None, 1):
        with pytest.raises(sp.ArgumentTypeError, match=r"^lang: expected 'en' or 'da'"):
            ev.to_frame(lang=bad)  # type: ignore[arg-type]
    assert ev.summary_frame(lang="DA").equals(ev.summary_frame(lang="da"))  # type: ignore[arg-type]
    with pytest.raises(sp.SocialPartnerError, match=r"^number_format: expected 'da'"), sp.number_format("en"):
        pass
    with pytest.raises(sp.ArgumentTypeError, match=r"^number_format"), sp.number_format(3):  # type: ignore[arg-type]
        pass
    data = sp.load(sp.example_path()).model_dump(mode="json")
    for value in (float("nan"), np.float64("inf")):
        data["temp_hours"]["workers"] = value
        with pytest.raises(ValidationError, match="not a finite number: expected a whole number of people") as info:
            sp.from_data(data)
        assert "errors.pydantic.dev" not in str(info.value)
