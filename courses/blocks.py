from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.pages.blocks import (
    RICH_TEXT_FEATURES,
    CalloutBlock,
    FigureBlock,
    HeadingBlock,
    ParagraphBlock,
)
from privacy.models import CookieCategory


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    CHOICES = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice")),
        (TRUE_FALSE, _("True or false")),
    ]


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=400)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    """A question with its answers; used in the end-test pool and inside lessons."""

    kind = blocks.ChoiceBlock(
        label=_("Type"), choices=QuestionKind.CHOICES, default=QuestionKind.SINGLE
    )
    question = blocks.TextBlock(label=_("Question"), rows=2)
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2)
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        rows=2,
        help_text=_("Shown after answering: why the right answer is right."),
    )

    class Meta:
        icon = "help"
        label = _("Question")
        template = "components/blocks/check_question.html"

    def clean(self, value):
        value = super().clean(value)
        answers = value["answers"]
        correct = sum(1 for answer in answers if answer["correct"])
        kind = value["kind"]
        message = None
        if kind == QuestionKind.SINGLE and correct != 1:
            message = _("A single-choice question needs exactly one correct answer.")
        elif kind == QuestionKind.MULTIPLE and not 1 <= correct < len(answers):
            message = _(
                "A multiple-choice question needs at least one correct and one wrong "
                "answer."
            )
        elif kind == QuestionKind.TRUE_FALSE and (len(answers) != 2 or correct != 1):
            message = _("A true/false question needs two answers, one of them correct.")
        if message:
            raise blocks.StructBlockValidationError(
                block_errors={"answers": ValidationError(message)}
            )
        return value


class VideoValue(blocks.StructValue):
    def embed_url(self):
        """The privacy-friendly player address for YouTube or Vimeo films, if any."""
        url = urlparse(self.get("url") or "")
        host = url.netloc.lower().removeprefix("www.").removeprefix("m.")
        if host == "youtu.be":
            video = url.path.strip("/")
        elif host in {"youtube.com", "youtube-nocookie.com"}:
            video = parse_qs(url.query).get("v", [""])[0] or url.path.rsplit("/", 1)[-1]
        elif host == "vimeo.com" and url.path.strip("/").isdigit():
            return f"https://player.vimeo.com/video/{url.path.strip('/')}?dnt=1"
        else:
            return None
        if video and all(ch.isalnum() or ch in "-_" for ch in video):
            return f"https://www.youtube-nocookie.com/embed/{video}"
        return None


def embed_allowed(consent) -> bool:
    """Whether the visitor's cookie consent lets a film from elsewhere be embedded."""
    return consent is not None and consent.allows(CookieCategory.MULTIMEDIA)


class VideoBlock(blocks.StructBlock):
    """A film hosted elsewhere: a link (and a transcript) until multimedia consent."""

    url = blocks.URLBlock(label=_("Address of the film"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("Transcript or description"),
        features=RICH_TEXT_FEATURES,
        required=False,
    )

    class Meta:
        icon = "media"
        label = _("Film")
        template = "components/blocks/video.html"
        value_class = VideoValue

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = value.embed_url()
        context["show_player"] = bool(context["embed_url"]) and embed_allowed(
            context.get("cookie_consent")
        )
        return context


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("File to download")
        template = "components/blocks/download.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    figure = FigureBlock()
    video = VideoBlock()
    download = DownloadBlock()
    check = QuestionBlock(label=_("Check question"))


class QuestionPoolBlock(blocks.StreamBlock):
    question = QuestionBlock()


class OutcomesBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(label=_("Learning outcome"), max_length=300, icon="tick")
