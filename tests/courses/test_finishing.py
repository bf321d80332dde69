"""An end test is graded only when the learner means it (WCAG 3.3.4)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from courses import services
from courses.models import Attempt
from tests.factories.courses import correct_responses

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(client, ready_for_test):
    client.force_login(ready_for_test.user)
    return services.attempt_start(enrollment=ready_for_test)


def take_url(attempt):
    return attempt.enrollment.course.route_url("test_take", attempt.number)


def finish_url(attempt):
    return attempt.enrollment.course.route_url("test_finish", attempt.number)


def first_answer(attempt):
    question = attempt.questions[0]
    return {f"q-{question['id']}": question["answers"][0]["id"]}


def test_the_first_button_of_the_test_form_only_saves(client, attempt):
    html = client.get(take_url(attempt)).content.decode()

    form = re.search(r'<form[^>]*class="form test-form".*?</form>', html, re.S)
    buttons = re.findall(r"<button[^>]*>", form.group(0))
    assert 'name="save"' in buttons[0]
    assert 'name="finish"' in buttons[1]
    assert 'name="submit"' not in form.group(0)


@pytest.mark.parametrize(
    "button", [{"save": "1"}, {}, {"submit": "1"}], ids=["enter", "none", "old-form"]
)
def test_enter_in_an_answer_saves_it_and_grades_nothing(client, attempt, button):
    response = client.post(take_url(attempt), {**first_answer(attempt), **button})

    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score_percent is None
    assert attempt.responses == {
        attempt.questions[0]["id"]: [attempt.questions[0]["answers"][0]["id"]]
    }
    assert response.url == take_url(attempt)
    assert "zapisane" in client.get(take_url(attempt)).content.decode()


def test_finish_saves_and_asks_to_confirm_listing_the_unanswered(client, attempt):
    response = client.post(take_url(attempt), {**first_answer(attempt), "finish": "1"})

    assert response.url == finish_url(attempt)
    attempt.refresh_from_db()
    assert attempt.is_open and len(attempt.responses) == 1
    html = client.get(finish_url(attempt)).content.decode()
    total = len(attempt.questions)
    assert f"Pytania z odpowiedzią: 1 z {total}." in html
    for number in range(2, total + 1):
        assert f'href="{take_url(attempt)}#question-{number}">Pytanie {number}</a>' in (
            html
        )
    assert '#question-1"' not in html
    assert "Zakończ i prześlij test" in html


def test_going_back_from_the_confirmation_keeps_every_answer(client, attempt):
    data = {f"q-{qid}": ids for qid, ids in correct_responses(attempt).items()}
    client.post(take_url(attempt), {**data, "finish": "1"})

    html = client.get(take_url(attempt)).content.decode()

    for ids in correct_responses(attempt).values():
        for answer_id in ids:
            tag = re.search(rf'<input[^>]*value="{answer_id}"[^>]*>', html).group(0)
            assert "checked" in tag
    assert (
        "Każde pytanie ma odpowiedź."
        in client.get(finish_url(attempt)).content.decode()
    )


def test_only_the_confirmation_button_grades_with_the_saved_answers(client, attempt):
    data = {f"q-{qid}": ids for qid, ids in correct_responses(attempt).items()}
    client.post(take_url(attempt), {**data, "finish": "1"})

    response = client.post(finish_url(attempt))

    attempt.refresh_from_db()
    assert not attempt.is_open and attempt.score_percent == 100
    assert response.url == attempt.enrollment.course.route_url("test_result", 1)
    assert client.get(finish_url(attempt)).url.endswith("/wynik/")


def test_the_timer_post_grades_only_once_the_time_is_up(client, attempt):
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() + timedelta(minutes=10)
    )
    client.post(take_url(attempt), {**first_answer(attempt), "timeup": "1"})
    attempt.refresh_from_db()
    assert attempt.is_open

    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=1)
    )
    data = {f"q-{qid}": ids for qid, ids in correct_responses(attempt).items()}
    response = client.post(take_url(attempt), {**data, "timeup": "1"})

    attempt.refresh_from_db()
    assert not attempt.is_open and attempt.score_percent == 100
    assert response.url.endswith("/wynik/")


def test_an_attempt_past_its_deadline_is_graded_with_the_saved_answers(client, attempt):
    client.post(take_url(attempt), first_answer(attempt))
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=5)
    )

    client.get(attempt.enrollment.course.route_url("test"))

    attempt.refresh_from_db()
    assert not attempt.is_open and len(attempt.responses) == 1


def test_someone_else_cannot_open_or_submit_the_confirmation(client, attempt):
    from tests.factories.accounts import UserFactory

    client.force_login(UserFactory())

    assert client.get(finish_url(attempt)).status_code == 404
    assert client.post(finish_url(attempt)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open
