"""The staff admin site: Django's, laid out as the city's tool (the forum series, forums,
speakers and registrations first; the libraries' sections last), with changelists that
answer a crafted query string (?created_at__year=99999) with the admin's "invalid lookup"
page instead of a server error, for every model, the libraries' included."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .login_limit import login_refused

# The order of the admin index: the city's work first, then accounts, then the libraries.
APP_ORDER = ["events", "speakers", "attendees", "auth", "post_office", "axes", "auditlog", "django_tasks_database"]
MODEL_ORDER = {
    "events": ["Series", "Forum", "Talk", "Venue", "ForumPhoto"],
    "attendees": ["Registration", "ActionRecord", "AccessRecord"],
}


# Django's own admin messages whose Korean reads wrong ("보기위한 1변경 기록 를(을) 선택",
# "포럼를 삭제할 수 없습니다", "오브젝트"): the project's translations come first
# (LOCALE_PATHS), so locale/ko gives them anew. Named here so that `make messages` keeps them.
ADMIN_MESSAGES_REWORDED = [
    gettext_noop("Select %s to view"),
    gettext_noop("View %s"),
    gettext_noop("Cannot delete %(name)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop("Delete multiple objects"),
    gettext_noop("Objects"),
    gettext_noop("Yes, I’m sure"),
    gettext_noop("No, take me back"),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related objects, but your "
        "account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the following protected related "
        "objects:"
    ),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the following related '
        "items will be deleted:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would result in deleting related objects, but your account doesn't "
        "have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the selected %(objects_name)s would require deleting the following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following objects and their "
        "related items will be deleted:"
    ),
]


def _position(order: list[str], name: str) -> int:
    return order.index(name) if name in order else len(order)


class StrictChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # Lookup values are turned into SQL parameters only when the query is compiled,
        # after the admin has stopped looking for bad parameters; compile it here.
        try:
            queryset.query.get_compiler(queryset.db).as_sql()
        except (EmptyResultSet, FullResultSet):
            pass  # a valid query that Django answers without asking the database
        except (ValueError, OverflowError, TypeError) as error:
            raise IncorrectLookupParameters(error) from error
        return queryset


class StrictChangeListMixin:
    def get_changelist(self, request, **kwargs):
        return StrictChangeList


class ForumAdminSite(admin.AdminSite):
    # Django's index with a warning on top when mail has waited in the outbox over a day.
    index_template = "admin/forum_site_index.html"

    def get_urls(self):
        invite = path("staff/invite/", self.admin_view(self.staff_invitation), name="staff_invite")
        return [invite, *super().get_urls()]

    def staff_invitation(self, request):
        # Imported here, as in index(): it reaches the outbox's models.
        from .staff_invitation import staff_invitation_view  # noqa: PLC0415

        return staff_invitation_view(request, self)

    def index(self, request, extra_context=None):
        # Imported here: this site is made while the apps load (ForumAdminConfig), before
        # attendees' models may be imported.
        from attendees.outbox.delivery import overdue_mail  # noqa: PLC0415

        from .staff_invitation import may_invite  # noqa: PLC0415

        extra_context = {
            "overdue_mail_count": overdue_mail().count(),
            "may_invite_staff": may_invite(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra_context)

    def login(self, request, extra_context=None):
        # Refused before the form authenticates, so a flood of guesses costs no hashing.
        if request.method == "POST" and login_refused(request):
            context = {
                **self.each_context(request),
                "title": _("Log in"),
                "app_path": request.get_full_path(),
                "form": AdminAuthenticationForm(request),
                "site_header": self.site_header,
            }
            return TemplateResponse(request, "admin/login_refused.html", context, status=429)
        return super().login(request, extra_context)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        for app in apps:
            order = MODEL_ORDER.get(app["app_label"], [])
            app["models"].sort(key=lambda model: (_position(order, model["object_name"]), model["name"]))
        return sorted(apps, key=lambda app: (_position(APP_ORDER, app["app_label"]), app["name"]))

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, StrictChangeListMixin):
            admin_class = type(
                admin_class.__name__, (StrictChangeListMixin, admin_class), {"__module__": admin_class.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)
