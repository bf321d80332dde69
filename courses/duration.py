"""How long a course takes, estimated from its text rather than guessed.

The programme's learners include people who read little at work, read on a phone
and read carefully to pass a test, so the pace is well below the 200-250 words a
minute of practised readers of Polish:

- reading: READING_WORDS_PER_MINUTE (130) words of lesson text a minute;
- each check question in a lesson: CHECK_MINUTES (2);
- the end test: its time limit, or TEST_MINUTES_PER_QUESTION (1.5) a question.

The total is rounded to the nearest ROUND_TO (5) minutes, never below it.
"""

import math
import re

READING_WORDS_PER_MINUTE = 130
CHECK_MINUTES = 2
TEST_MINUTES_PER_QUESTION = 1.5
ROUND_TO = 5

_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"[#*_`>|-]+")


def word_count(text: str) -> int:
    """Words of a lesson's Markdown or HTML, without its markup."""
    return len(_MARKUP.sub(" ", _TAG.sub(" ", text)).split())


def course_minutes(
    *, words: int, checks: int, test_questions: int, time_limit: int | None = None
) -> int:
    """The estimate for a whole course: lessons, their checks and the end test."""
    test = time_limit or test_questions * TEST_MINUTES_PER_QUESTION
    total = words / READING_WORDS_PER_MINUTE + checks * CHECK_MINUTES + test
    return max(ROUND_TO, ROUND_TO * math.floor(total / ROUND_TO + 0.5))
