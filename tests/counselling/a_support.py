"""Helper A1's shared test support: the notifications recorded instead of sent."""

import pytest

from counselling import notifications


class Recorder(list):
    def events(self, name=None):
        return [call[2] for call in self if name is None or call[0] == name]

    def of(self, obj):
        return [call[2] for call in self if call[1] == obj]


@pytest.fixture(name="notified")
def notified_fixture(monkeypatch):
    """Every counselling notification as (function, object, event, extra)."""
    calls = Recorder()

    def recorder(name):
        def record(obj, event=None, **extra):
            calls.append((name, obj, event, extra))

        return record

    for name in (
        "booking_notify",
        "signup_notify",
        "change_request_notify",
        "complaint_notify",
    ):
        monkeypatch.setattr(notifications, name, recorder(name))
    monkeypatch.setattr(
        notifications,
        "phone_list_notify",
        lambda workshop, signups: calls.append(
            ("phone_list_notify", workshop, "phone_list", {"signups": list(signups)})
        ),
    )
    return calls
