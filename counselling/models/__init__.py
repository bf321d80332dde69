"""The counselling centre (Centrum Poradnictwa Zawodowego): places, people, services.

- `places`: locations, counsellors, the centre's settings;
- `pages`: the catalogue in Wagtail (index and one page per service);
- `clients`: the people served (with or without a portal account), their counsellor,
  meeting links, change-of-counsellor requests, counsellors' notes;
- `sessions`: individual availability (slots) and bookings;
- `workshops`: workshop dates and sign-ups with the reserve list;
- `complaints`: "zastrzeżenia" under § 7 of the rules;
- `events`: the log of every step (a complaint may question the order).
"""

from .clients import ChangeRequest, Client, MeetingLink, Note
from .complaints import Complaint
from .events import Event
from .pages import CounsellingIndexPage, ServicePage
from .places import CounsellingSettings, Counsellor, Location
from .sessions import Booking, Slot
from .shared import Attendance, Channel, Interpreter, ServiceKind
from .workshops import Signup, Workshop

__all__ = [
    "Attendance",
    "Booking",
    "ChangeRequest",
    "Channel",
    "Client",
    "Complaint",
    "CounsellingIndexPage",
    "CounsellingSettings",
    "Counsellor",
    "Event",
    "Interpreter",
    "Location",
    "MeetingLink",
    "Note",
    "ServiceKind",
    "ServicePage",
    "Signup",
    "Slot",
    "Workshop",
]
