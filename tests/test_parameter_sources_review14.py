"""Parameter data checked against public sources: values, tags and legal basis.

Each figure below is worked by hand from the public source named in the comment.
"""

from __future__ import annotations

from fractions import Fraction

import socialpartner as sp
from socialpartner.parameters import ParameterUse


def _percent(name: str, year: int) -> Fraction:
    return sp.default_parameters().get(name, year).exact * 100


def test_satsreguleringsprocent_2022_is_the_published_one() -> None:
    # Bekendtgørelse nr. 1713 af 20.8.2021: the satsreguleringsprocent for finansåret 2022 is 1.2
    # (Økonomistyrelsen, pris- og lønforudsætninger for finanslovforslaget 2022). The 0.9 the file
    # had was 1.7 + the tilpasningsprocent, the percentage the lønindtægtsgrænse T moved by.
    value = sp.default_parameters().get("satsreguleringsprocent", 2022)
    assert _percent("satsreguleringsprocent", 2022) == Fraction(12, 10)
    assert value.tag == "sourced"
    assert "1713" in value.source
    assert "0.9 %" in value.note  # T: 1.7 + the tilpasningsprocent
    assert "0.15 %" in value.note  # the benefits: that less 0.75 point


def test_a_stated_2021_amount_is_indexed_into_2022_by_1_2_percent() -> None:
    # a rate stated for 2021 (the first year) and used in 2022: 10,000 × (1 + 1.2 %) = 10,120
    use = ParameterUse(sp.default_parameters(), 2022, wage_growth=Fraction(3, 100), first=2021)
    assert use.rate("public.during_course", Fraction(10_000)) == 10_120
    assert use.stated["public.during_course"] == (2021, Fraction(1012, 1000))


def test_bundskat_2024_is_the_published_12_06_percent() -> None:
    # skatteinform.dk, skattesatser.dk, elley-revision.dk and saedding-revision.dk: bundskat 12.06 % in 2024
    # (12.01 % in 2026: the file no longer carries 2026 back to 2024)
    value = sp.default_parameters().get("tax.bundskat", 2024)
    assert _percent("tax.bundskat", 2024) == Fraction(1206, 100)
    assert value.tag == "sourced"
    assert value.year == 2024
    # on a wage of 300,000 DKK after AM-bidrag: 300,000 × 12.06 % = 36,180 (12.01 % gave 36,030)
    assert Fraction(300_000) * value.exact == 36_180
