import pytest

from courses.content_loader import courses_load
from courses.content_schema import ContentError, course_files, load_course_file
from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db


def test_there_are_fifteen_valid_course_files():
    files = course_files()
    assert len(files) == 15
    for path in files:
        course = load_course_file(path)
        assert len(course["lessons"]) >= 3
        assert len(course["questions"]) >= 12
        for lesson in course["lessons"]:
            assert len(lesson["body"].split()) >= 400, (path.name, lesson["slug"])


def test_a_file_breaking_the_rules_is_refused(tmp_path):
    bad = tmp_path / "99-zly.toml"
    source = course_files()[0].read_text(encoding="utf-8")
    bad.write_text(
        source.replace("correct = true", "correct = false"), encoding="utf-8"
    )
    with pytest.raises(ContentError):
        load_course_file(bad)


def test_loading_creates_published_courses_once(site_content):
    courses_load()
    counts = CoursePage.objects.live().count(), LessonPage.objects.live().count()

    courses_load()

    assert counts == (15, 45)
    assert (CoursePage.objects.count(), LessonPage.objects.count()) == counts
    course = CoursePage.objects.get(slug="skuteczna-komunikacja-w-pracy")
    assert len(course.questions) >= 12
    lesson = course.lessons().first()
    assert any(block.block_type == "check" for block in lesson.body)
    assert any(block.block_type == "heading" for block in lesson.body)
