"""The partnership models; each turns its inputs into flows and placements."""

from socialpartner.models._base import Partnership
from socialpartner.models.shared_responsibility import (
    Courses,
    SharedResponsibilityPartnership,
    SupportStaff,
    TempHours,
)

__all__ = ["Courses", "Partnership", "SharedResponsibilityPartnership", "SupportStaff", "TempHours"]
