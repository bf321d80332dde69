"""Read and check a course content file (see content/README.md).

Kept free of Django so that the files can be checked on their own:
`python courses/content_schema.py courses/content/*.toml`.
"""

import re
import sys
import tomllib
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = {"single", "multiple", "true_false"}
MULTIPLE_HINT = "(zaznacz wszystkie poprawne odpowiedzi)"


class ContentError(ValueError):
    pass


def _check_question(question, where):
    kind = question.get("kind")
    if kind not in KINDS:
        raise ContentError(f"{where}: kind must be one of {sorted(KINDS)}")
    for key in ("question", "explanation"):
        if not str(question.get(key, "")).strip():
            raise ContentError(f"{where}: '{key}' is missing")
    answers = question.get("answers") or []
    if any(not str(a.get("text", "")).strip() for a in answers):
        raise ContentError(f"{where}: every answer needs a text")
    correct = sum(1 for a in answers if a.get("correct") is True)
    if kind == "single" and not (3 <= len(answers) <= 4 and correct == 1):
        raise ContentError(f"{where}: single choice needs 3-4 answers, one correct")
    if kind == "multiple":
        if not (4 <= len(answers) <= 5 and 2 <= correct < len(answers)):
            raise ContentError(
                f"{where}: multiple choice needs 4-5 answers, 2+ correct, 1+ wrong"
            )
        if MULTIPLE_HINT not in question["question"]:
            raise ContentError(f"{where}: multiple choice must say '{MULTIPLE_HINT}'")
    if kind == "true_false":
        texts = [a.get("text") for a in answers]
        if texts != ["Prawda", "Fałsz"] or correct != 1:
            raise ContentError(
                f"{where}: true/false needs 'Prawda', 'Fałsz', one correct"
            )


def load_course_file(path: Path) -> dict:
    """Parse one file and check it against the schema; return the data."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    name = Path(path).name
    for key in ("title", "slug", "summary", "description", "outcomes"):
        if not data.get(key):
            raise ContentError(f"{name}: '{key}' is missing")
    if not SLUG.match(data["slug"]):
        raise ContentError(f"{name}: slug '{data['slug']}' is not a URL slug")
    if len(data["summary"]) > 250:
        raise ContentError(f"{name}: summary is longer than 250 characters")
    if "estimated_minutes" in data:
        raise ContentError(
            f"{name}: estimated_minutes is computed from the text "
            "(courses/duration.py); remove it"
        )
    test = data.get("test") or {}
    if not isinstance(test.get("questions_per_attempt"), int):
        raise ContentError(f"{name}: [test] questions_per_attempt is missing")
    if not 1 <= test.get("pass_mark_percent", 60) <= 100:
        raise ContentError(f"{name}: pass_mark_percent must be 1-100")
    lessons = data.get("lessons") or []
    if len(lessons) < 3:
        raise ContentError(f"{name}: a course needs at least 3 lessons")
    slugs = set()
    for number, lesson in enumerate(lessons, start=1):
        where = f"{name} lesson {number}"
        for key in ("title", "slug", "summary", "body"):
            if not str(lesson.get(key, "")).strip():
                raise ContentError(f"{where}: '{key}' is missing")
        if not SLUG.match(lesson["slug"]) or lesson["slug"] in slugs:
            raise ContentError(f"{where}: slug must be a unique URL slug")
        slugs.add(lesson["slug"])
        for index, check in enumerate(lesson.get("checks") or [], start=1):
            _check_question(check, f"{where} check {index}")
    questions = data.get("questions") or []
    if len(questions) < 12:
        raise ContentError(f"{name}: the end test needs at least 12 questions")
    if test["questions_per_attempt"] > len(questions):
        raise ContentError(f"{name}: more questions per attempt than in the pool")
    for index, question in enumerate(questions, start=1):
        _check_question(question, f"{name} question {index}")
    return data


def course_files() -> list[Path]:
    return sorted(CONTENT_DIR.glob("[0-9][0-9]-*.toml"))


if __name__ == "__main__":
    paths = [Path(arg) for arg in sys.argv[1:]] or course_files()
    failed = False
    for path in paths:
        try:
            course = load_course_file(path)
        except (ContentError, tomllib.TOMLDecodeError) as error:
            failed = True
            print(f"FAIL {path.name}: {error}")
            continue
        words = [len(lesson["body"].split()) for lesson in course["lessons"]]
        print(
            f"ok   {path.name}: {len(course['lessons'])} lessons "
            f"({', '.join(map(str, words))} words), "
            f"{len(course['questions'])} questions"
        )
    sys.exit(1 if failed else 0)
