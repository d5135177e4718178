"""The libraries' apps as the city's staff see them in the admin: named in Korean (through
our translations), their models too. Listed in INSTALLED_APPS in place of the libraries' own."""

from auditlog.apps import AuditlogConfig
from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig
from post_office.apps import PostOfficeConfig


def _relabel(app_config, labels: dict) -> None:
    for model_name, (singular, plural) in labels.items():
        options = app_config.get_model(model_name)._meta
        options.verbose_name, options.verbose_name_plural = singular, plural


class MailLogConfig(PostOfficeConfig):
    default = False
    verbose_name = _("Mail log")

    def ready(self):
        super().ready()
        _relabel(
            self,
            {
                "email": (_("mail"), _("mails")),
                "log": (_("delivery log"), _("delivery logs")),
                "emailtemplate": (_("mail template"), _("mail templates")),
                "attachment": (_("attachment"), _("attachments")),
            },
        )


class LoginLockoutConfig(AxesAppConfig):
    default = False
    verbose_name = _("Login lock-outs")

    def ready(self):
        super().ready()
        _relabel(
            self,
            {
                "accessattempt": (_("failed login"), _("failed logins")),
                "accesslog": (_("login"), _("logins")),
                "accessfailurelog": (_("failed login log"), _("failed login logs")),
            },
        )


class ContentHistoryConfig(AuditlogConfig):
    default = False
    verbose_name = _("Content edit history")

    def ready(self):
        super().ready()
        _relabel(self, {"logentry": (_("content edit"), _("content edits"))})


class BackgroundTasksConfig(TasksAppConfig):
    default = False
    verbose_name = _("Background tasks")  # type: ignore[assignment]  # django-tasks types it str; Django takes a lazy one

    def ready(self):
        super().ready()
        _relabel(self, {"dbtaskresult": (_("background task"), _("background tasks"))})
