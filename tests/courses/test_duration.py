"""A course's time comes from its text, at a stated pace, not from a guess."""

import pytest

from courses import duration
from courses.content_loader import estimated_minutes
from courses.content_schema import ContentError, course_files, load_course_file
from courses.templatetags.course_tags import duration as duration_filter
from tests.factories.courses import course_data, make_course


def test_the_estimate_adds_reading_checks_and_the_test_rounded_to_five():
    # 1,560 words at 130 a minute = 12; 6 checks = 12; 10 questions = 15: 39 -> 40.
    assert duration.course_minutes(words=1560, checks=6, test_questions=10) == 40
    # A time limit replaces the per-question time: 12 + 12 + 30 = 54 -> 55.
    assert (
        duration.course_minutes(words=1560, checks=6, test_questions=10, time_limit=30)
        == 55
    )
    assert duration.course_minutes(words=10, checks=0, test_questions=1) == 5


def test_words_are_counted_without_markup():
    assert duration.word_count("## Tytuł\n\n**Ważne** zdanie – tu.") == 5
    assert duration.word_count("<p>Jedno <strong>dwa</strong></p>") == 2


def test_the_shipped_courses_take_far_less_than_the_old_two_hours():
    for path in course_files():
        data = load_course_file(path)
        minutes = estimated_minutes(data)
        assert 30 <= minutes <= 60, (path.name, minutes)
        assert minutes % 5 == 0


def test_a_file_may_not_state_its_own_estimate(tmp_path):
    source = course_files()[0].read_text()
    broken = tmp_path / "99-x.toml"
    broken.write_text("estimated_minutes = 120\n" + source)
    with pytest.raises(ContentError, match="computed"):
        load_course_file(broken)


@pytest.mark.django_db
def test_the_loader_stores_the_estimate(site_content):
    data = course_data()
    course = make_course()
    assert course.estimated_minutes == estimated_minutes(data)
    assert course.estimated_minutes != data["estimated_minutes"]


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(40, "40 min"), (60, "1 godz."), (95, "1 godz. 35 min"), (None, "")],
)
def test_durations_read_as_the_style_guide_writes_them(minutes, text):
    from django.utils import translation

    with translation.override("pl"):
        assert duration_filter(minutes) == text
