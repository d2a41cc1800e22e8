"""socialpartner: model Danish social-economy partnerships with exact, balanced money.

>>> import socialpartner as sp
>>> ev = sp.evaluate(sp.load(sp.example_path()))
>>> ev.cost_split.coverage
Decimal('0.9225')
"""

from __future__ import annotations

from socialpartner._internal.units import Q_, ureg
from socialpartner._version import __version__
from socialpartner.core import CostSplit, break_even_rate, coverage_ratio, split_cost
from socialpartner.errors import LedgerError, QuantityError, ScenarioError, SocialPartnerError
from socialpartner.evaluation import BreakEven, Check, Evaluation, Figure, Job, evaluate
from socialpartner.ledger import Ledger, PartyTotals, Transfer
from socialpartner.models import (
    Courses,
    InHouseAlternative,
    InHousePartnership,
    LabourShortagePartnership,
    Partnership,
    RSVFacts,
    Service,
    SharedResponsibilityPartnership,
    Site,
    SpinOffPartnership,
    SpinOffYear,
    SupplierPartnership,
    SupportStaff,
    TempHours,
    Workforce,
)
from socialpartner.money import ORE, ROUNDING_RULE, allocate, to_ore
from socialpartner.parties import Company, Municipality, Party, SocialEnterprise, is_valid_cvr
from socialpartner.scenario import MODELS, dumps, example_path, load, loads, save

__all__ = [
    "MODELS",
    "ORE",
    "Q_",
    "ROUNDING_RULE",
    "BreakEven",
    "Check",
    "Company",
    "CostSplit",
    "Courses",
    "Evaluation",
    "Figure",
    "InHouseAlternative",
    "InHousePartnership",
    "Job",
    "LabourShortagePartnership",
    "Ledger",
    "LedgerError",
    "Municipality",
    "Partnership",
    "Party",
    "PartyTotals",
    "QuantityError",
    "RSVFacts",
    "ScenarioError",
    "Service",
    "SharedResponsibilityPartnership",
    "Site",
    "SocialEnterprise",
    "SocialPartnerError",
    "SpinOffPartnership",
    "SpinOffYear",
    "SupplierPartnership",
    "SupportStaff",
    "TempHours",
    "Transfer",
    "Workforce",
    "__version__",
    "allocate",
    "break_even_rate",
    "coverage_ratio",
    "dumps",
    "evaluate",
    "example_path",
    "is_valid_cvr",
    "load",
    "loads",
    "save",
    "split_cost",
    "to_ore",
    "ureg",
]
