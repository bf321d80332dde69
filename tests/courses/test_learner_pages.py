"""Lesson checks, question layout and "Moje kursy" as the learner meets them."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.forms import AttemptForm, question_label
from courses.models import Attempt
from tests.factories.courses import pass_course, wrong_responses

pytestmark = pytest.mark.django_db
HINT = "zaznacz wszystkie poprawne odpowiedzi"


def test_a_multiple_choice_question_says_its_hint_once_in_the_legend(ready_for_test):
    attempt = services.attempt_start(enrollment=ready_for_test)
    question = next(q for q in attempt.questions if q["kind"] == "multiple")
    question["text"] = f"Co wybierasz? ({HINT})"

    html = str(AttemptForm(attempt=attempt)[f"q-{question['id']}"].as_field_group())

    assert html.count(HINT) == 1
    legend = re.search(r"<legend>(.*?)</legend>", html, re.S).group(1)
    assert HINT in legend and "aria-describedby" not in html
    assert 'class="helptext"' not in html


def test_the_hint_is_added_when_the_text_lacks_it():
    assert (
        question_label("Co wybierasz?", "multiple", 3) == f"3. Co wybierasz? ({HINT})"
    )
    assert question_label("Prawda czy nie?", "true_false", 1) == "1. Prawda czy nie?"


def test_single_and_multiple_choice_answers_share_one_layout(ready_for_test):
    attempt = services.attempt_start(enrollment=ready_for_test)
    html = str(AttemptForm(attempt=attempt).render())
    labels = re.findall(r'<label for="id_q-[^"]+">\s*<input type="(\w+)"', html)
    assert {"radio", "checkbox"} <= set(labels)
    css = open("static/css/portal.css").read()
    assert ".field--checkboxselectmultiple label, .field--radioselect label" in css


def test_each_check_question_is_a_region_of_its_own_with_a_waiting_live_region(
    client, enrolled
):
    lesson = enrolled.course.lessons().first()
    body = list(lesson.body.raw_data)
    check = next(block for block in body if block["type"] == "check")
    lesson.body = body + [{**check, "id": "second-check"}]
    lesson.save_revision().publish()
    client.force_login(enrolled.user)

    html = client.get(lesson.url).content.decode()

    titles = re.findall(r'class="check-question__title"[^>]*>([^<]+)<', html)
    assert titles == ["Sprawdź się: pytanie 1", "Sprawdź się: pytanie 2"]
    live = re.findall(r'<div class="check-question__live"[^>]*role="status"', html)
    assert len(live) == 2
    assert "js/check-question.js" in html


def test_check_feedback_comes_back_inside_the_live_region(client, enrolled):
    lesson = enrolled.course.lessons().first()
    block = next(b for b in lesson.body if b.block_type == "check")
    wrong = next(
        i.id for i in block.value["answers"].bound_blocks if not i.value["correct"]
    )
    client.force_login(enrolled.user)

    html = client.post(
        lesson.url + f"sprawdz/{block.id}/", {f"check-{block.id}-answer": wrong}
    ).content.decode()

    live = re.search(
        rf'id="check-{block.id}-feedback" role="status"[^>]*>(.*?)</section>',
        html,
        re.S,
    ).group(1)
    assert "Nie do końca." in live and block.value["explanation"] in live
    assert f'action="{lesson.url}sprawdz/{block.id}/#check-{block.id}-feedback"' in (
        html
    )


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("courses:dashboard")).content.decode()


def test_the_dashboard_opens_the_test_once_the_lessons_are_done(client, ready_for_test):
    html = dashboard(client, ready_for_test.user)

    assert "Lekcje są ukończone: test końcowy jest dostępny." in html
    assert "Zostały 3 podejścia." in html
    test_url = ready_for_test.course.route_url("test")
    assert f'<a class="button" href="{test_url}">Przejdź do testu końcowego' in html


def test_the_dashboard_says_when_the_next_attempt_opens(client, ready_for_test):
    attempt = services.attempt_start(enrollment=ready_for_test)
    services.attempt_submit(attempt=attempt, responses=wrong_responses(attempt))
    submitted = timezone.now() - timedelta(minutes=5)
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=submitted)

    html = dashboard(client, ready_for_test.user)

    opens = timezone.localtime(submitted + timedelta(minutes=60))
    assert "Kolejne podejście możliwe od:" in html
    assert f"{opens:%H:%M}</time>" in html and f"{opens.year} r., " in html
    assert "Zostały 2 podejścia." in html
    assert "Przejdź do testu końcowego" not in html


def test_the_dashboard_says_when_no_attempt_is_left(client, ready_for_test):
    course = ready_for_test.course
    course.max_attempts = 1
    course.save()
    attempt = services.attempt_start(enrollment=ready_for_test)
    services.attempt_submit(attempt=attempt, responses=wrong_responses(attempt))

    html = dashboard(client, ready_for_test.user)

    assert "nie zostało żadne podejście" in html


def test_the_dashboard_continues_a_test_in_progress(client, ready_for_test):
    services.attempt_start(enrollment=ready_for_test)

    html = dashboard(client, ready_for_test.user)

    assert ready_for_test.course.route_url("test_take", 1) in html


def test_a_passed_course_links_its_certificate_in_a_list_not_a_table(
    client, learner, course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = pass_course(learner, course)

    html = dashboard(client, learner)

    number = enrollment.certificate.number
    assert "<table" not in html
    assert 'class="certificate-list"' in html and number in html
    pdf = reverse("courses:certificate_pdf", args=[number])
    assert html.count(f'href="{pdf}"') == 2
    assert "Przejdź do testu końcowego" not in html
