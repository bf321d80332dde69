"""Staff forms in the admin: free times, attendance, notes, the manager's actions."""

from .onbehalf import OnBehalfForm
from .sessions import (
    AssignForm,
    AttendanceForm,
    BookingCancelForm,
    ChangeDecisionForm,
    MeetingLinkForm,
    NoteForm,
    SessionFilterForm,
    SessionMoveForm,
    SlotSeriesForm,
)
from .workshops import (
    CounsellorForm,
    OrganiserReasonForm,
    WorkshopForm,
    WorkshopMoveForm,
)

__all__ = [
    "AssignForm",
    "AttendanceForm",
    "BookingCancelForm",
    "ChangeDecisionForm",
    "CounsellorForm",
    "MeetingLinkForm",
    "NoteForm",
    "OnBehalfForm",
    "OrganiserReasonForm",
    "SessionFilterForm",
    "SessionMoveForm",
    "SlotSeriesForm",
    "WorkshopForm",
    "WorkshopMoveForm",
]
