import re

import pytest
from django.urls import reverse

from courses import services
from courses.models import Attempt, Enrollment, LearnerAccommodation
from tests.admin_helpers import login_with_second_factor
from tests.courses.test_test_rules import correct_responses
from tests.factories.accounts import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def route(course, name, *args):
    return course.route_url(name, *args)


def test_catalogue_lists_courses_and_is_in_the_main_menu(client, course):
    html = client.get("/kursy/").content.decode()
    assert course.title in html
    assert '<a href="/kursy/"' in client.get("/").content.decode()


def test_a_verified_learner_enrols_with_one_click(client, learner, course):
    client.force_login(learner)

    response = client.post(route(course, "enroll"))

    assert Enrollment.objects.filter(user=learner, course=course).exists()
    assert response.url == course.lessons().first().url


def test_enrolling_needs_a_verified_address(client, course):
    unverified = UserFactory(verified=False)
    client.force_login(unverified)
    assert client.post(route(course, "enroll")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, course):
    response = client.post(route(course, "enroll"))
    assert response.status_code == 302 and "/konto/login/" in response.url


def test_marking_lessons_done_shows_progress_and_opens_the_test(client, enrolled):
    client.force_login(enrolled.user)
    course = enrolled.course
    lessons = list(course.lessons())

    client.post(lessons[0].url + "ukonczona/")
    page = client.get(course.url).content.decode()
    assert "1 z 3" in page or 'value="33"' in page

    for lesson in lessons[1:]:
        response = client.post(lesson.url + "ukonczona/")
    assert response.url == route(course, "test")
    enrolled.refresh_from_db()
    assert enrolled.lessons_completed_at is not None


def test_a_check_question_gives_feedback_from_the_server(client, enrolled):
    client.force_login(enrolled.user)
    lesson = enrolled.course.lessons().first()
    block = next(b for b in lesson.body if b.block_type == "check")
    right = next(
        i.id for i in block.value["answers"].bound_blocks if i.value["correct"]
    )

    page = client.get(lesson.url).content.decode()
    response = client.post(
        lesson.url + f"sprawdz/{block.id}/", {f"check-{block.id}-answer": right}
    )

    assert block.value["explanation"] not in page
    assert (
        "Dobrze!" in response.content.decode()
        or "Poprawnie" in response.content.decode()
    )
    assert block.value["explanation"] in response.content.decode()


def test_the_test_page_never_shows_which_answer_is_correct(client, ready_for_test):
    client.force_login(ready_for_test.user)
    client.post(route(ready_for_test.course, "test"))
    attempt = Attempt.objects.get()

    html = client.get(route(ready_for_test.course, "test_take", 1)).content.decode()

    for question in attempt.questions:
        assert question["text"] in html
        assert question["explanation"] not in html
        inputs = re.findall(rf'<input[^>]*name="q-{question["id"]}"[^>]*>', html)
        assert len(inputs) == len(question["answers"])
        # The answers differ only in their value and id: nothing marks the right one.
        shapes = {re.sub(r'(value|id)="[^"]*"', "", tag) for tag in inputs}
        assert len(shapes) == 1


def test_a_second_tab_and_back_button_reach_the_same_attempt(client, ready_for_test):
    client.force_login(ready_for_test.user)
    client.post(route(ready_for_test.course, "test"))
    client.post(route(ready_for_test.course, "test"))
    assert Attempt.objects.count() == 1


def test_submitting_shows_score_and_feedback_and_a_replay_changes_nothing(
    client, ready_for_test
):
    client.force_login(ready_for_test.user)
    course = ready_for_test.course
    client.post(route(course, "test"))
    attempt = Attempt.objects.get()
    data = {f"q-{qid}": ids for qid, ids in correct_responses(attempt).items()}

    client.post(route(course, "test_take", 1), {**data, "finish": "1"})
    response = client.post(route(course, "test_finish", 1), follow=True)
    replay = client.post(route(course, "test_finish", 1), follow=True)

    html = response.content.decode()
    assert "100%" in html
    assert attempt.questions[0]["explanation"] in html
    attempt.refresh_from_db()
    assert attempt.score_percent == 100
    assert replay.redirect_chain[-1][0] == route(course, "test_result", 1)


def test_another_learner_cannot_open_someone_elses_attempt(client, ready_for_test):
    client.force_login(ready_for_test.user)
    client.post(route(ready_for_test.course, "test"))
    other = UserFactory()
    services.enrollment_create(user=other, course=ready_for_test.course)
    client.force_login(other)

    assert client.get(route(ready_for_test.course, "test_take", 1)).status_code == 404
    assert client.get(route(ready_for_test.course, "test_result", 1)).status_code == 404


def test_dashboard_shows_courses_in_progress(client, enrolled):
    client.force_login(enrolled.user)
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert enrolled.course.title in html


def test_an_administrator_turns_the_time_limit_off_and_the_learner_is_told(
    client, ready_for_test, learner
):
    course = ready_for_test.course
    course.time_limit_minutes = 20
    course.save()
    admin = StaffFactory(is_superuser=True)
    login_with_second_factor(client, admin)

    response = client.post(
        reverse("accommodations:add"),
        {"user": learner.email, "no_time_limit": "on", "reason": "Wniosek 12/2026"},
    )

    assert response.status_code == 302, response.content
    assert LearnerAccommodation.objects.get(user=learner).no_time_limit
    client.force_login(learner)
    page = client.get(route(course, "test")).content.decode()
    assert "Limit czasu: brak" in page
    client.post(route(course, "test"))
    assert Attempt.objects.get().deadline is None


def test_the_overview_states_the_learners_own_extended_limit(
    client, ready_for_test, learner
):
    course = ready_for_test.course
    course.time_limit_minutes = 20
    course.save()
    LearnerAccommodation.objects.create(user=learner, extra_time_percent=50)
    client.force_login(learner)

    page = client.get(route(course, "test")).content.decode()

    assert "Limit czasu: 30 min." in page
    assert "dodatkowy czas" in page


def test_the_accommodation_form_finds_the_learner_by_e_mail_and_needs_a_measure(
    client, learner
):
    login_with_second_factor(client, StaffFactory(is_superuser=True))

    response = client.post(
        reverse("accommodations:add"), {"user": "nikt@example.com", "reason": "x"}
    )

    form = response.context["form"]
    assert "Nie ma osoby uczącej się z tym adresem e-mail." in str(form.errors["user"])
    assert "extra_time_percent" in form.errors
    assert not LearnerAccommodation.objects.exists()


def test_an_empty_dashboard_points_to_the_catalogue(client, learner, course):
    client.force_login(learner)

    page = client.get(reverse("courses:dashboard")).content.decode()

    assert f'href="{course.get_parent().url}">Przeglądaj kursy</a>' in page
