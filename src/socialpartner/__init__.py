"""socialpartner: model Danish social-economy partnerships with exact, balanced money.

>>> import socialpartner as sp
>>> ev = sp.evaluate(sp.load(sp.example_path()))
>>> ev.cost_split.coverage
Decimal('0.9225')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from socialpartner._internal.units import Q_, number_format, ureg
from socialpartner._version import __version__
from socialpartner.errors import (
    AgreementError,
    ArgumentTypeError,
    ExpectationError,
    ExplainError,
    LedgerError,
    NoValueError,
    OutputError,
    ParameterError,
    PartyError,
    QuantityError,
    ResultError,
    ScenarioError,
    ScenarioWarning,
    SocialPartnerError,
    SolveError,
    SweepError,
)

if TYPE_CHECKING:
    from socialpartner.agreement_zone import (
        AgreementTerms,
        AgreementZone,
        Boundary,
        PartyCondition,
        Shortfall,
        Suggestion,
        agreement,
    )
    from socialpartner.comparison import InputDifference, ResultDifference, ScenarioComparison, compare
    from socialpartner.core import CostSplit, break_even_rate, coverage_ratio, split_cost
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
    from socialpartner.models._options import (
        Benefit,
        Change,
        Comparison,
        Horizon,
        Progression,
        PublicBudget,
        TaxEffects,
    )
    from socialpartner.money import ORE, ROUNDING_RULE, allocate, to_ore
    from socialpartner.parameters import Legacy, ParameterSet, ParameterValue, default_parameters
    from socialpartner.parties import Company, Municipality, Party, SocialEnterprise, is_valid_cvr
    from socialpartner.public import PublicLine, PublicView, fleksloentilskud
    from socialpartner.scenario import MODELS, dumps, example_path, from_data, load, loads, save, scenario_schema
    from socialpartner.solver import Solution, result_value, solve
    from socialpartner.sweeps import (
        Distribution,
        Normal,
        Triangular,
        Uniform,
        Workspace,
        monte_carlo,
        summarize,
        sweep,
        tornado,
    )
    from socialpartner.testing import (
        ExpectationResult,
        Expectations,
        Pinned,
        check_expectations,
        pin_expectations,
        pinned_results,
    )

# The unit registry loads with the package; models, evaluation and I/O load on first use
# (PEP 562), so `import socialpartner` costs little more than pint itself.
_LAZY: dict[str, str] = {
    "AgreementTerms": "socialpartner.agreement_zone",
    "AgreementZone": "socialpartner.agreement_zone",
    "Boundary": "socialpartner.agreement_zone",
    "PartyCondition": "socialpartner.agreement_zone",
    "Shortfall": "socialpartner.agreement_zone",
    "Suggestion": "socialpartner.agreement_zone",
    "agreement": "socialpartner.agreement_zone",
    "ExpectationResult": "socialpartner.testing",
    "Expectations": "socialpartner.testing",
    "Pinned": "socialpartner.testing",
    "check_expectations": "socialpartner.testing",
    "pin_expectations": "socialpartner.testing",
    "pinned_results": "socialpartner.testing",
    "from_data": "socialpartner.scenario",
    "scenario_schema": "socialpartner.scenario",
    "Distribution": "socialpartner.sweeps",
    "Normal": "socialpartner.sweeps",
    "Triangular": "socialpartner.sweeps",
    "Uniform": "socialpartner.sweeps",
    "Workspace": "socialpartner.sweeps",
    "monte_carlo": "socialpartner.sweeps",
    "summarize": "socialpartner.sweeps",
    "sweep": "socialpartner.sweeps",
    "tornado": "socialpartner.sweeps",
    "Benefit": "socialpartner.models._options",
    "Comparison": "socialpartner.models._options",
    "BreakEven": "socialpartner.evaluation",
    "Change": "socialpartner.models._options",
    "Check": "socialpartner.evaluation",
    "Company": "socialpartner.parties",
    "CostSplit": "socialpartner.core",
    "InputDifference": "socialpartner.comparison",
    "ResultDifference": "socialpartner.comparison",
    "ScenarioComparison": "socialpartner.comparison",
    "compare": "socialpartner.comparison",
    "Courses": "socialpartner.models",
    "Evaluation": "socialpartner.evaluation",
    "Figure": "socialpartner.evaluation",
    "Horizon": "socialpartner.models._options",
    "InHouseAlternative": "socialpartner.models",
    "InHousePartnership": "socialpartner.models",
    "Job": "socialpartner.evaluation",
    "LabourShortagePartnership": "socialpartner.models",
    "Ledger": "socialpartner.ledger",
    "Legacy": "socialpartner.parameters",
    "MODELS": "socialpartner.scenario",
    "Municipality": "socialpartner.parties",
    "ORE": "socialpartner.money",
    "ParameterSet": "socialpartner.parameters",
    "ParameterValue": "socialpartner.parameters",
    "Partnership": "socialpartner.models",
    "Party": "socialpartner.parties",
    "PartyTotals": "socialpartner.ledger",
    "Progression": "socialpartner.models._options",
    "PublicBudget": "socialpartner.models._options",
    "TaxEffects": "socialpartner.models._options",
    "PublicLine": "socialpartner.public",
    "PublicView": "socialpartner.public",
    "ROUNDING_RULE": "socialpartner.money",
    "RSVFacts": "socialpartner.models",
    "Service": "socialpartner.models",
    "SharedResponsibilityPartnership": "socialpartner.models",
    "Site": "socialpartner.models",
    "SocialEnterprise": "socialpartner.parties",
    "Solution": "socialpartner.solver",
    "SpinOffPartnership": "socialpartner.models",
    "SpinOffYear": "socialpartner.models",
    "SupplierPartnership": "socialpartner.models",
    "SupportStaff": "socialpartner.models",
    "TempHours": "socialpartner.models",
    "Transfer": "socialpartner.ledger",
    "Workforce": "socialpartner.models",
    "allocate": "socialpartner.money",
    "break_even_rate": "socialpartner.core",
    "coverage_ratio": "socialpartner.core",
    "default_parameters": "socialpartner.parameters",
    "dumps": "socialpartner.scenario",
    "evaluate": "socialpartner.evaluation",
    "example_path": "socialpartner.scenario",
    "fleksloentilskud": "socialpartner.public",
    "is_valid_cvr": "socialpartner.parties",
    "load": "socialpartner.scenario",
    "loads": "socialpartner.scenario",
    "report_html": "socialpartner.report",
    "result_value": "socialpartner.solver",
    "save": "socialpartner.scenario",
    "solve": "socialpartner.solver",
    "split_cost": "socialpartner.core",
    "to_ore": "socialpartner.money",
    "to_xlsx": "socialpartner.export",
    "write_report": "socialpartner.report",
}


# The public submodules, reachable as attributes (``sp.sweeps.MAX_VARIANTS``) whatever was imported before.
_SUBMODULES = frozenset(
    {
        "agreement_zone",
        "charts",
        "cli",
        "comparison",
        "core",
        "errors",
        "evaluation",
        "export",
        "ledger",
        "models",
        "money",
        "parameters",
        "parties",
        "public",
        "quantities",
        "report",
        "scenario",
        "solver",
        "sweeps",
        "testing",
        "views",
    }
)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        if name in _SUBMODULES:
            return importlib.import_module(f"socialpartner.{name}")
        raise AttributeError(f"module 'socialpartner' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    if module == "socialpartner.testing":
        # its annotations name Evaluation, which it cannot import (the models import it):
        # socialpartner.evaluation gives it, so that typing.get_type_hints resolves them
        importlib.import_module("socialpartner.evaluation")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "MODELS",
    "ORE",
    "Q_",
    "ROUNDING_RULE",
    "AgreementError",
    "AgreementTerms",
    "AgreementZone",
    "ArgumentTypeError",
    "Benefit",
    "Boundary",
    "BreakEven",
    "Change",
    "Check",
    "Company",
    "Comparison",
    "CostSplit",
    "Courses",
    "Distribution",
    "Evaluation",
    "ExpectationError",
    "ExpectationResult",
    "Expectations",
    "ExplainError",
    "Figure",
    "Horizon",
    "InHouseAlternative",
    "InHousePartnership",
    "InputDifference",
    "Job",
    "LabourShortagePartnership",
    "Ledger",
    "LedgerError",
    "Legacy",
    "Municipality",
    "NoValueError",
    "Normal",
    "OutputError",
    "ParameterError",
    "ParameterSet",
    "ParameterValue",
    "Partnership",
    "Party",
    "PartyCondition",
    "PartyError",
    "PartyTotals",
    "Pinned",
    "Progression",
    "PublicBudget",
    "PublicLine",
    "PublicView",
    "QuantityError",
    "RSVFacts",
    "ResultDifference",
    "ResultError",
    "ScenarioComparison",
    "ScenarioError",
    "ScenarioWarning",
    "Service",
    "SharedResponsibilityPartnership",
    "Shortfall",
    "Site",
    "SocialEnterprise",
    "SocialPartnerError",
    "Solution",
    "SolveError",
    "SpinOffPartnership",
    "SpinOffYear",
    "Suggestion",
    "SupplierPartnership",
    "SupportStaff",
    "SweepError",
    "TaxEffects",
    "TempHours",
    "Transfer",
    "Triangular",
    "Uniform",
    "Workforce",
    "Workspace",
    "__version__",
    "agreement",
    "allocate",
    "break_even_rate",
    "check_expectations",
    "compare",
    "coverage_ratio",
    "default_parameters",
    "dumps",
    "evaluate",
    "example_path",
    "fleksloentilskud",
    "from_data",
    "is_valid_cvr",
    "load",
    "loads",
    "monte_carlo",
    "number_format",
    "pin_expectations",
    "pinned_results",
    "report_html",
    "result_value",
    "save",
    "scenario_schema",
    "solve",
    "split_cost",
    "summarize",
    "sweep",
    "to_ore",
    "to_xlsx",
    "tornado",
    "ureg",
    "write_report",
]
