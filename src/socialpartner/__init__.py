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
from socialpartner.models._options import Benefit, Change, Horizon, Progression, PublicBudget
from socialpartner.money import ORE, ROUNDING_RULE, allocate, to_ore
from socialpartner.parameters import ParameterSet, ParameterValue, default_parameters
from socialpartner.parties import Company, Municipality, Party, SocialEnterprise, is_valid_cvr
from socialpartner.public import PublicLine, PublicView, fleksloentilskud
from socialpartner.scenario import MODELS, dumps, example_path, load, loads, save
from socialpartner.solve import Solution, SolveError, result_value, solve

__all__ = [
    "MODELS",
    "ORE",
    "Q_",
    "ROUNDING_RULE",
    "Benefit",
    "BreakEven",
    "Change",
    "Check",
    "Company",
    "CostSplit",
    "Courses",
    "Evaluation",
    "Figure",
    "Horizon",
    "InHouseAlternative",
    "InHousePartnership",
    "Job",
    "LabourShortagePartnership",
    "Ledger",
    "LedgerError",
    "Municipality",
    "ParameterSet",
    "ParameterValue",
    "Partnership",
    "Party",
    "PartyTotals",
    "Progression",
    "PublicBudget",
    "PublicLine",
    "PublicView",
    "QuantityError",
    "RSVFacts",
    "ScenarioError",
    "Service",
    "SharedResponsibilityPartnership",
    "Site",
    "SocialEnterprise",
    "SocialPartnerError",
    "Solution",
    "SolveError",
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
    "default_parameters",
    "dumps",
    "evaluate",
    "example_path",
    "fleksloentilskud",
    "is_valid_cvr",
    "load",
    "loads",
    "result_value",
    "save",
    "solve",
    "split_cost",
    "to_ore",
    "ureg",
]
