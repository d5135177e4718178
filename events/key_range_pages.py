"""Pages of a queryset by ranges of its primary key, for the sitemaps.

Django's Paginator counts every row to know how many pages there are, and reads a page
with OFFSET, which walks past every row before it: the sitemap index (a COUNT per section)
and the last pages of a section grow with the archive (the speakers' COUNT alone took
22 ms at 12,000). Here page n holds the rows whose key falls in the n-th run of
`per_page` keys from the smallest: the number of pages is two index lookups (the first
key and the last), and a page is one index range scan, at any size. A page may hold
fewer rows than `per_page` where rows were deleted or are not public, never more, and
each row is on exactly one page.
"""

import math

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.utils.functional import cached_property


class KeyRangePage:
    def __init__(self, object_list):
        self.object_list = object_list


class KeyRangePaginator:
    def __init__(self, queryset, per_page: int):
        self.queryset = queryset.order_by()
        self.per_page = per_page

    @cached_property
    def _first_and_last_key(self) -> tuple[int | None, int | None]:
        # Two ORDER BY ... LIMIT 1, not one MIN/MAX: PostgreSQL answers those from the
        # key's index even where the rows are filtered by a join (public speakers).
        keys = self.queryset.values_list("pk", flat=True)
        return keys.order_by("pk").first(), keys.order_by("-pk").first()

    @cached_property
    def num_pages(self) -> int:
        first, last = self._first_and_last_key
        if first is None or last is None:
            return 1
        return math.ceil((last - first + 1) / self.per_page)

    def page(self, number) -> KeyRangePage:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        first, _last = self._first_and_last_key
        if first is None:
            return KeyRangePage(self.queryset.none())
        start = first + (number - 1) * self.per_page
        return KeyRangePage(self.queryset.filter(pk__gte=start, pk__lt=start + self.per_page).order_by("pk"))
