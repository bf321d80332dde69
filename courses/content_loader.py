"""Courses from the readable files in courses/content/ (checked by content_schema):
the catalogue page, each course and its lessons, created once and never overwritten."""

import uuid

import markdown
from django.db import transaction
from wagtail.models import Site

from portal.pages.models import HomePage, NavigationSettings

from .content_schema import course_files, load_course_file
from .duration import course_minutes, word_count
from .models import CourseIndexPage, CoursePage, LessonPage


def _markdown_html(text: str) -> str:
    return markdown.markdown(text.strip(), output_format="html")


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _question_value(data) -> dict:
    return {
        "kind": data["kind"],
        "question": data["question"].strip(),
        "explanation": data["explanation"].strip(),
        "answers": [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": {"text": answer["text"].strip(), "correct": answer["correct"]},
            }
            for answer in data["answers"]
        ],
    }


def lesson_body_blocks(markdown_text: str, checks: list) -> list:
    """Turn a lesson's Markdown into blocks: a heading per `## ` section, then text.

    The check questions go after the first half of the sections and at the end, so
    that they come while the material is fresh.
    """
    sections, current = [], {"heading": None, "lines": []}
    for line in markdown_text.strip().splitlines():
        if line.startswith("## "):
            if current["heading"] or any(item.strip() for item in current["lines"]):
                sections.append(current)
            current = {"heading": line[3:].strip(), "lines": []}
        else:
            current["lines"].append(line)
    sections.append(current)
    blocks = []
    middle = max(1, len(sections) // 2)
    for number, section in enumerate(sections, start=1):
        if section["heading"]:
            blocks.append(
                _block("heading", {"text": section["heading"], "level": "h2"})
            )
        text = "\n".join(section["lines"]).strip()
        if text:
            blocks.append(_block("paragraph", _markdown_html(text)))
        if number == middle and len(checks) > 1:
            blocks.append(_block("check", _question_value(checks[0])))
    remaining = checks[1:] if len(checks) > 1 else checks
    blocks.extend(_block("check", _question_value(check)) for check in remaining)
    return blocks


def _publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def course_index_ensure():
    """The catalogue page "Kursy" under the home page, added to the main menu once."""
    index = CourseIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.get()
    index = CourseIndexPage(
        title="Kursy",
        slug="kursy",
        intro=(
            "Piętnaście bezpłatnych kursów online. Każdy kończy się testem i "
            "certyfikatem. Ucz się w swoim tempie, w dowolnej kolejności."
        ),
        search_description="Katalog bezpłatnych kursów portalu Kompetencje dla pracy.",
    )
    home.add_child(instance=index)
    _publish(index)
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    link = {"label": "Kursy", "page": index.pk, "url": ""}
    navigation.main_menu = [{"type": "link", "value": link}] + list(
        navigation.main_menu.raw_data
    )
    navigation.save()
    return index


def estimated_minutes(data: dict) -> int:
    """The course's time from its own text (courses.duration), not a guess."""
    lessons = data["lessons"]
    return course_minutes(
        words=sum(word_count(lesson["body"]) for lesson in lessons),
        checks=sum(len(lesson.get("checks") or []) for lesson in lessons),
        test_questions=data["test"]["questions_per_attempt"],
    )


@transaction.atomic
def course_load(*, data: dict, index) -> tuple:
    """Create a course with its lessons from checked content data, if it is missing."""
    existing = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific, False
    test = data["test"]
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"].strip(),
        search_description=data["summary"].strip(),
        description=_markdown_html(data["description"]),
        outcomes=[_block("outcome", outcome) for outcome in data["outcomes"]],
        estimated_minutes=estimated_minutes(data),
        pass_mark_percent=test.get("pass_mark_percent", 60),
        questions_per_attempt=test["questions_per_attempt"],
        questions=[_block("question", _question_value(q)) for q in data["questions"]],
    )
    index.add_child(instance=course)
    _publish(course)
    for lesson in data["lessons"]:
        page = LessonPage(
            title=lesson["title"],
            slug=lesson["slug"],
            summary=lesson["summary"].strip(),
            search_description=lesson["summary"].strip(),
            body=lesson_body_blocks(lesson["body"], lesson.get("checks") or []),
        )
        course.add_child(instance=page)
        _publish(page)
    return course, True


def courses_load() -> list:
    """Load every course file that is not yet a course (idempotent)."""
    index = course_index_ensure()
    return [
        course_load(data=load_course_file(path), index=index) for path in course_files()
    ]
