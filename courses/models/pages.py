from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.pages.blocks import RICH_TEXT_FEATURES

from ..blocks import LessonStreamBlock, OutcomesBlock, QuestionPoolBlock


def _views():
    """courses.views, where the routes below hand their page over."""
    from .. import views  # deferred: courses.views imports these models (a cycle)

    return views


class CourseIndexPage(Page):
    """The catalogue: every published course."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalogue_for  # deferred: selectors import these models

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue_for(index_page=self, user=request.user)
        return context


class CoursePage(RoutablePageMixin, Page):
    summary = models.CharField(_("summary"), max_length=250)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    outcomes = StreamField(OutcomesBlock(), verbose_name=_("learning outcomes"))
    estimated_minutes = models.PositiveIntegerField(
        _("estimated time (minutes)"),
        default=90,
        help_text=_(
            "For the whole course, test included. Courses loaded from files get it "
            "from their text: 130 words a minute, 2 minutes a check question, 1.5 "
            "minutes a test question, rounded to 5 minutes."
        ),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"), default=10, validators=[MinValueValidator(1)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempt limit"),
        default=3,
        help_text=_(
            "How many times a learner may take the end test; 0 means no limit."
        ),
    )
    cooldown_minutes = models.PositiveIntegerField(
        _("cool-down between attempts (minutes)"), default=60
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no time limit."),
    )
    # What the result page shows besides the score (Moodle's review options): while
    # the learner may still try again, and once no attempt is left or the test is
    # passed. courses.rules.review_options reads them.
    review_open_correctness = models.BooleanField(
        _("whether each question was right"), default=True
    )
    review_open_responses = models.BooleanField(
        _("the learner's answers"), default=True
    )
    review_open_correct_answers = models.BooleanField(
        _("the correct answers"), default=False
    )
    review_open_feedback = models.BooleanField(
        _("feedback (explanations)"), default=False
    )
    review_closed_correctness = models.BooleanField(
        _("whether each question was right"), default=True
    )
    review_closed_responses = models.BooleanField(
        _("the learner's answers"), default=True
    )
    review_closed_correct_answers = models.BooleanField(
        _("the correct answers"), default=True
    )
    review_closed_feedback = models.BooleanField(
        _("feedback (explanations)"), default=True
    )
    questions = StreamField(
        QuestionPoolBlock(),
        verbose_name=_("end-test question pool"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("outcomes"),
        FieldPanel("estimated_minutes"),
    ]
    test_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pass_mark_percent"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("max_attempts"),
                FieldPanel("cooldown_minutes"),
                FieldPanel("time_limit_minutes"),
            ],
            heading=_("Rules of the end test"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_open_correctness"),
                FieldPanel("review_open_responses"),
                FieldPanel("review_open_correct_answers"),
                FieldPanel("review_open_feedback"),
            ],
            heading=_("Review after a failed attempt, while attempts remain"),
            help_text=_(
                "The score is always shown. Showing the correct answers or the "
                "explanations now lets the next attempt be passed from memory."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_closed_correctness"),
                FieldPanel("review_closed_responses"),
                FieldPanel("review_closed_correct_answers"),
                FieldPanel("review_closed_feedback"),
            ],
            heading=_("Review after passing or after the last attempt"),
        ),
        FieldPanel("questions"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(test_panels, heading=_("End test")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        pool = sum(1 for block in self.questions if block.block_type == "question")
        if pool and self.questions_per_attempt > pool:
            raise ValidationError(
                {
                    "questions_per_attempt": _(
                        "There are only %(pool)d questions in the pool."
                    )
                    % {"pool": pool}
                }
            )

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def route_url(self, name, *args):
        """The address of one of this course's own views (enrolment, test...)."""
        return self.url + self.reverse_subpage(name, args=args)

    # Presentation lives in courses.views; these routes only hand the page over.
    @path("")
    def course_view(self, request):
        return _views().course_detail(request, self)

    @path("zapisz/", name="enroll")
    def enroll_view(self, request):
        return _views().course_enroll(request, self)

    @path("test/", name="test")
    def test_view(self, request):
        return _views().test_overview(request, self)

    @path("test/<int:number>/", name="test_take")
    def test_take_view(self, request, number):
        return _views().test_take(request, self, number)

    @path("test/<int:number>/zakoncz/", name="test_finish")
    def test_finish_view(self, request, number):
        return _views().test_finish(request, self, number)

    @path("test/<int:number>/wynik/", name="test_result")
    def test_result_view(self, request, number):
        return _views().test_result(request, self, number)


class LessonPage(RoutablePageMixin, Page):
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    @path("")
    def lesson_view(self, request):
        return _views().lesson_detail(request, self)

    @path("ukonczona/", name="done")
    def done_view(self, request):
        return _views().lesson_mark_done(request, self)

    @path("sprawdz/<str:block_id>/", name="check")
    def check_view(self, request, block_id):
        return _views().lesson_check(request, self, block_id)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
