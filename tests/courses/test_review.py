"""What the result page shows after an attempt: the course's review options."""

import pytest

from courses import rules, services
from tests.factories.courses import correct_responses, wrong_responses

pytestmark = pytest.mark.django_db


def failed_attempt(enrollment):
    attempt = services.attempt_start(enrollment=enrollment)
    return services.attempt_submit(attempt=attempt, responses=wrong_responses(attempt))


def result_html(client, attempt):
    course = attempt.enrollment.course
    return client.get(course.route_url("test_result", attempt.number)).content.decode()


def test_while_attempts_remain_the_score_and_verdicts_show_but_no_correct_answers(
    client, ready_for_test
):
    client.force_login(ready_for_test.user)
    attempt = failed_attempt(ready_for_test)

    html = result_html(client, attempt)

    assert "0% (0 z 5 poprawnych)" in html or "0%" in html
    assert html.count("Odpowiedź błędna") == len(attempt.questions)
    assert "Twoja odpowiedź" in html
    assert "poprawna odpowiedź" not in html
    for question in attempt.questions:
        assert question["explanation"] not in html
    assert "Poprawne odpowiedzi zobaczysz po zaliczeniu testu" in html


def test_after_the_last_attempt_the_correct_answers_and_explanations_show(
    client, ready_for_test
):
    course = ready_for_test.course
    course.max_attempts = 1
    course.save()
    client.force_login(ready_for_test.user)
    attempt = failed_attempt(ready_for_test)

    html = result_html(client, attempt)

    assert "poprawna odpowiedź" in html
    for question in attempt.questions:
        assert question["explanation"] in html


def test_after_passing_the_whole_review_shows(client, ready_for_test):
    client.force_login(ready_for_test.user)
    attempt = services.attempt_start(enrollment=ready_for_test)
    attempt = services.attempt_submit(
        attempt=attempt, responses=correct_responses(attempt)
    )

    html = result_html(client, attempt)

    assert html.count("Odpowiedź poprawna") == len(attempt.questions)
    assert attempt.questions[0]["explanation"] in html


def test_an_editor_may_show_correct_answers_early_and_hide_the_verdicts(
    client, ready_for_test
):
    course = ready_for_test.course
    course.review_open_correctness = False
    course.review_open_responses = False
    course.review_open_correct_answers = True
    course.save()
    client.force_login(ready_for_test.user)
    attempt = failed_attempt(ready_for_test)

    html = result_html(client, attempt)

    assert "poprawna odpowiedź" in html
    assert "Odpowiedź błędna" not in html and "Twoja odpowiedź" not in html


def test_a_course_may_show_nothing_but_the_score(client, ready_for_test):
    course = ready_for_test.course
    for part in rules.REVIEW_PARTS:
        setattr(course, f"review_open_{part}", False)
    course.save()
    client.force_login(ready_for_test.user)
    attempt = failed_attempt(ready_for_test)

    html = result_html(client, attempt)

    assert "Przegląd podejścia" not in html
    assert attempt.questions[0]["text"] not in html
    assert "Tym razem" in html


def test_the_review_data_leaves_out_what_is_hidden(ready_for_test):
    attempt = failed_attempt(ready_for_test)

    items = rules.attempt_review(attempt, rules.ReviewOptions(correctness=True))

    assert all(item["is_correct"] is False for item in items)
    assert all(item["explanation"] == "" for item in items)
    assert not any(a["correct"] or a["chosen"] for i in items for a in i["answers"])


def test_review_is_closed_after_a_pass_or_the_last_attempt(ready_for_test):
    course = ready_for_test.course
    failed_attempt(ready_for_test)
    status = services.test_status(enrollment=ready_for_test)
    assert not rules.review_closed(status)
    assert rules.review_options(course, closed=False) == rules.ReviewOptions(
        correctness=True, responses=True
    )
    assert rules.review_options(course, closed=True) == rules.ReviewOptions(
        correctness=True, responses=True, correct_answers=True, feedback=True
    )

    course.max_attempts = 1
    assert rules.review_closed(services.test_status(enrollment=ready_for_test))
