"""The partnership models; each turns its inputs into flows and placements."""

from socialpartner.models._base import Partnership
from socialpartner.models._shared import INCLUSIVE_FORMS, SupportStaff, Workforce
from socialpartner.models.in_house import InHouseAlternative, InHousePartnership, Site
from socialpartner.models.labour_shortage import LabourShortagePartnership
from socialpartner.models.shared_responsibility import Courses, SharedResponsibilityPartnership, TempHours
from socialpartner.models.spin_off import RSVFacts, SpinOffPartnership, SpinOffYear
from socialpartner.models.supplier import Service, SupplierPartnership

__all__ = [
    "INCLUSIVE_FORMS",
    "Courses",
    "InHouseAlternative",
    "InHousePartnership",
    "LabourShortagePartnership",
    "Partnership",
    "RSVFacts",
    "Service",
    "SharedResponsibilityPartnership",
    "Site",
    "SpinOffPartnership",
    "SpinOffYear",
    "SupplierPartnership",
    "SupportStaff",
    "TempHours",
    "Workforce",
]
