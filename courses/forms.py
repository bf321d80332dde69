import random
import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .blocks import QuestionKind

# The hint the course files put into the text of a multiple-choice question
# (content_schema.MULTIPLE_HINT); the label adds it back once, for every such question.
_WRITTEN_HINT = re.compile(r"\s*\(\s*zaznacz wszystkie poprawne odpowiedzi\s*\)", re.I)


def question_label(text: str, kind: str, number: int | None = None) -> str:
    """The legend of a question: its number, its text and, for a multiple-choice
    question, the hint to tick every correct answer, said once."""
    text = text.strip()
    if kind == QuestionKind.MULTIPLE:
        text = _WRITTEN_HINT.sub("", text)
        text = f"{text} ({gettext('tick every correct answer')})"
    return f"{number}. {text}" if number is not None else text


class AttemptForm(forms.Form):
    """The questions of one attempt, in the order and with the answers shown."""

    def __init__(self, *args, attempt, **kwargs):
        super().__init__(*args, **kwargs)
        self.attempt = attempt
        for index, question in enumerate(attempt.questions, start=1):
            choices = [(a["id"], a["text"]) for a in question["answers"]]
            label = question_label(question["text"], question["kind"], index)
            initial = attempt.responses.get(question["id"], [])
            if question["kind"] == QuestionKind.MULTIPLE:
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    initial=initial,
                )
            else:
                field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=initial[0] if initial else None,
                )
            self.fields[f"q-{question['id']}"] = field

    def responses(self):
        data = {}
        for question in self.attempt.questions:
            value = self.cleaned_data.get(f"q-{question['id']}")
            if value:
                data[question["id"]] = value if isinstance(value, list) else [value]
        return data


class CheckQuestionForm(forms.Form):
    """An in-lesson check question, graded on the server."""

    def __init__(self, *args, block_id, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        choices = [
            (item.id, item.value["text"]) for item in question["answers"].bound_blocks
        ]
        if question["kind"] != QuestionKind.TRUE_FALSE:
            random.SystemRandom().shuffle(choices)
        field_class = (
            forms.MultipleChoiceField
            if question["kind"] == QuestionKind.MULTIPLE
            else forms.ChoiceField
        )
        widget = (
            forms.CheckboxSelectMultiple
            if question["kind"] == QuestionKind.MULTIPLE
            else forms.RadioSelect
        )
        self.fields["answer"] = field_class(
            label=question_label(question["question"], question["kind"]),
            choices=choices,
            widget=widget,
            error_messages={"required": _("Choose an answer first.")},
        )
        self.fields["answer"].widget.attrs["data-block"] = block_id

    def chosen(self) -> set:
        value = self.cleaned_data["answer"]
        return set(value if isinstance(value, list) else [value])


class StatisticsFilterForm(forms.Form):
    DEFAULTS = {"dimension": "course", "date_from": None, "date_to": None}

    dimension = forms.ChoiceField(
        label=_("Group by"),
        choices=[
            ("course", _("Course")),
            ("office", _("Labour office")),
            ("status", _("Status")),
            ("month", _("Month of enrolment")),
        ],
        required=False,
    )
    date_from = forms.DateField(
        label=_("Enrolled from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("Enrolled until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
