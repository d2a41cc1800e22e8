"""Review 55 (a new user holding the docs to their word): what it found in the library itself, fixed."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml
from pydantic import ValidationError

import socialpartner as sp

from .conftest import ROOT


def test_a_whole_number_refused_shows_the_number_not_its_python_type() -> None:
    """F15: a Danish file's 2,5 weeks was refused as "got Decimal('2.5')"."""
    data = yaml.safe_load((ROOT / "examples" / "ikea_rebild_3_years.yaml").read_text(encoding="utf-8"))
    data.pop("expect")
    data["public"]["weeks_on_support"] = {"fleksjob": Decimal("2.5"), "default": 2}
    with pytest.raises(ValidationError) as caught:
        sp.from_data(data)
    message = str(caught.value)
    assert "public.weeks_on_support.fleksjob" in message
    assert "expected a whole number (weeks such as 104), got 2.5 " in message
    assert "got Decimal(" not in message


def test_q_says_what_to_write_for_tkr_and_vat_as_a_field_does() -> None:
    """F17: units.md promises what to write for "ekskl. moms" and "tkr."; sp.Q_ said only that pint could
    not read the word."""
    with pytest.raises(sp.QuantityError, match=r"the library neither adds nor removes VAT \(moms\)"):
        sp.Q_("320 kr./time ekskl. moms")
    with pytest.raises(sp.QuantityError, match=r"write the amount in kroner \(510 tkr\. as 510000 kr\.\)"):
        sp.Q_("510 tkr.")
