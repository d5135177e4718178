"""The sitemaps' pages by ranges of keys: every row on exactly one page, never more than a
page holds, however the keys are spread."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger

from events.key_range_pages import KeyRangePaginator
from speakers.models import Speaker
from tests.factories import SpeakerFactory

pytestmark = pytest.mark.django_db


def test_pages_cover_every_row_once_across_gaps_in_the_keys():
    speakers = SpeakerFactory.create_batch(10)
    for deleted in (speakers[2], speakers[3], speakers[7]):
        deleted.delete()
    kept = sorted(speaker.pk for speaker in speakers if speaker.pk is not None)
    paginator = KeyRangePaginator(Speaker.objects.all(), 4)

    pages = [[speaker.pk for speaker in paginator.page(number).object_list] for number in (1, 2, 3)]

    assert paginator.num_pages == 3  # ten keys from the first to the last, four a page
    assert [len(page) for page in pages] == [2, 3, 2]
    assert [pk for page in pages for pk in page] == kept


def test_only_the_rows_of_the_queryset_are_paged():
    speakers = SpeakerFactory.create_batch(6)
    chosen = [speaker.pk for speaker in speakers[1:5]]
    paginator = KeyRangePaginator(Speaker.objects.filter(pk__in=chosen), 3)

    assert paginator.num_pages == 2
    assert [speaker.pk for speaker in paginator.page(1).object_list] == chosen[:3]
    assert [speaker.pk for speaker in paginator.page(2).object_list] == chosen[3:]


def test_pages_out_of_range_or_not_numbers_are_refused():
    SpeakerFactory.create_batch(2)
    paginator = KeyRangePaginator(Speaker.objects.all(), 50)

    assert paginator.num_pages == 1
    with pytest.raises(EmptyPage):
        paginator.page(2)
    with pytest.raises(EmptyPage):
        paginator.page(0)
    with pytest.raises(PageNotAnInteger):
        paginator.page("two")


def test_nothing_to_page_is_one_empty_page():
    paginator = KeyRangePaginator(Speaker.objects.all(), 50)

    assert paginator.num_pages == 1
    assert list(paginator.page(1).object_list) == []
