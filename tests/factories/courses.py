"""Courses built through the real content loader, from data made here."""

from courses.content_loader import course_index_ensure, course_load


def question(number, kind="single"):
    if kind == "true_false":
        answers = [
            {"text": "Prawda", "correct": True},
            {"text": "Fałsz", "correct": False},
        ]
    elif kind == "multiple":
        answers = [
            {"text": f"Dobra A{number}", "correct": True},
            {"text": f"Dobra B{number}", "correct": True},
            {"text": f"Zła C{number}", "correct": False},
            {"text": f"Zła D{number}", "correct": False},
        ]
    else:
        answers = [
            {"text": f"Poprawna {number}", "correct": True},
            {"text": f"Błędna {number}a", "correct": False},
            {"text": f"Błędna {number}b", "correct": False},
        ]
    return {
        "kind": kind,
        "question": f"Pytanie numer {number}?",
        "explanation": f"Wyjaśnienie {number}.",
        "answers": answers,
    }


def course_data(slug="kurs-testowy", lessons=3, questions=12, per_attempt=5):
    kinds = ["single", "multiple", "true_false"]
    return {
        "title": f"Kurs {slug}",
        "slug": slug,
        "summary": "Krótki opis kursu.",
        "description": "Opis kursu z **wyróżnieniem**.",
        "outcomes": ["Potrafisz coś.", "Wiesz coś."],
        "estimated_minutes": 60,
        "test": {"questions_per_attempt": per_attempt, "pass_mark_percent": 60},
        "lessons": [
            {
                "title": f"Lekcja {n}",
                "slug": f"lekcja-{n}",
                "summary": f"O lekcji {n}.",
                "body": f"## Część {n}\n\nTreść {n}.\n\n## Dalej\n\nCiąg dalszy.",
                "checks": [question(100 + n)],
            }
            for n in range(1, lessons + 1)
        ],
        "questions": [question(n, kinds[n % 3]) for n in range(1, questions + 1)],
    }


def make_course(slug="kurs-testowy", **rules):
    index = course_index_ensure()
    course, _created = course_load(data=course_data(slug=slug), index=index)
    if rules:
        for name, value in rules.items():
            setattr(course, name, value)
        course.save_revision().publish()
        course.refresh_from_db()
    return course


def correct_responses(attempt):
    return {
        q["id"]: [a["id"] for a in q["answers"] if a["correct"]]
        for q in attempt.questions
    }


def wrong_responses(attempt):
    return {
        q["id"]: [next(a["id"] for a in q["answers"] if not a["correct"])]
        for q in attempt.questions
    }


def finish_lessons(user, course):
    """Enrol the user and mark every lesson done; the test is then open."""
    from courses import services

    enrollment = services.enrollment_create(user=user, course=course)
    for lesson in course.lessons():
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    return enrollment


def pass_course(user, course):
    """Enrol, finish every lesson and pass the end test; returns the enrolment."""
    from courses import services

    enrollment = finish_lessons(user, course)
    attempt = services.attempt_start(enrollment=enrollment)
    services.attempt_submit(attempt=attempt, responses=correct_responses(attempt))
    enrollment.refresh_from_db()
    return enrollment
