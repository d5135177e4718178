"""The staff's statistics page (admin/events/forum/statistics/) and its XLSX download:
numbers only, no person named, for everyone with the view_statistics permission."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from attendees.reporting.statistics import SeriesStatistics, series_statistics
from attendees.reporting.statistics_charts import attendance_chart, sector_chart
from attendees.reporting.statistics_export import attendance_columns, statistics_xlsx
from events.models import Series

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _series_asked(request) -> tuple[Series | None, SeriesStatistics]:
    """The series of ?series= (the first one by default) and its statistics."""
    chosen = request.GET.get("series", "")
    series = get_object_or_404(Series, pk=chosen) if chosen.isdigit() else Series.objects.order_by("pk").first()
    return series, series_statistics(series) if series else SeriesStatistics([])


def _allowed(request) -> None:
    if not request.user.has_perm("attendees.view_statistics"):
        raise PermissionDenied


def statistics_view(request, admin_site):
    _allowed(request)
    series, statistics = _series_asked(request)
    columns = attendance_columns(seats_as_numbers=False)
    context = {
        **admin_site.each_context(request),
        "title": _("Attendance statistics"),
        "series": series,
        "all_series": Series.objects.order_by("name"),
        "statistics": statistics,
        "columns": columns,
        "rows": [(row, [getattr(row, name) for _heading, name in columns]) for row in statistics.forums],
        "totals": [statistics.seats if name == "seats" else statistics.total(name) for _heading, name in columns],
        "total_registered": statistics.total("registered"),
        "total_checked_in": statistics.total("checked_in"),
        "attendance_chart": attendance_chart(statistics),
        "sector_chart": sector_chart(statistics),
        "sector_table": [
            (sector, count, share, round(100 * share, 1)) for sector, count, share in statistics.sector_rows
        ],
    }
    return TemplateResponse(request, "attendees/reporting/statistics.html", context)


def statistics_download(request):
    _allowed(request)
    series, statistics = _series_asked(request)
    response = HttpResponse(statistics_xlsx(statistics), content_type=XLSX)
    name = f"statistics-{series.slug}.xlsx" if series else "statistics.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
