"""The staff admin site: Django's, with changelists that answer a crafted query string
(?created_at__year=99999) with the admin's "invalid lookup" page instead of a server error,
for every model, the libraries' (mail log, login lock-outs) included."""
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet, FullResultSet


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
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, StrictChangeListMixin):
            admin_class = type(
                admin_class.__name__, (StrictChangeListMixin, admin_class), {"__module__": admin_class.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)
