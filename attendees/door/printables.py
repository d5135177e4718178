"""What staff print for the forum morning, as A4 PDFs made from Django templates by
WeasyPrint, with the Korean font embedded (so the text can be searched and copied):

- the sign-in sheet (참석자 서명부): confirmed attendees by organisation, then name, with a
  signature column, page numbers, and blank rows for walk-ins;
- name badges (명찰) on an A4 sheet of 8 labels, 2 x 4, 99.1 x 67.7 mm (the Avery L7165
  layout, sold in Korea as 폼텍 LS-3108): name, organisation, position and the QR code of
  the check-in code; invited guests' badges are marked and carry no code.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from attendees.check_in_qr import check_in_qr_pngs, png_data_uri
from attendees.models import Registration
from attendees.print_styles import pdf_from_html
from events.models import Forum

WALK_IN_ROWS = 12
BADGES_PER_SHEET = 8  # the A4 label sheet: 2 across, 4 down


def _pdf(template: str, stylesheet: str, context: dict) -> bytes:
    with translation.override("ko"):
        html = render_to_string(template, context)
    return pdf_from_html(html, stylesheet, base_url=str(settings.BASE_DIR))


def confirmed_attendees(forum: Forum):
    return Registration.objects.identifiable().filter(forum=forum).confirmed().order_by("organization", "name", "pk")


def sign_in_sheet_pdf(forum: Forum) -> bytes:
    people = list(confirmed_attendees(forum))
    context = {"forum": forum, "people": people, "blank_rows": range(len(people) + 1, len(people) + 1 + WALK_IN_ROWS)}
    return _pdf("attendees/door/sign_in_sheet.html", "sign_in_sheet.css", context)


def name_size(name: str) -> str:
    """A class that keeps a long name on its badge: Korean names are short, others may not be."""
    return "long" if len(name) > 14 else "medium" if len(name) > 7 else "short"


def badges_pdf(forum: Forum) -> bytes:
    badges = [
        {"name": guest.name, "organization": guest.organization, "position": guest.title, "guest": True, "qr": ""}
        for guest in forum.guests.all()
    ]
    people = list(confirmed_attendees(forum))
    codes = check_in_qr_pngs(people)
    badges += [
        {
            "name": person.name,
            "organization": person.organization,
            "position": person.position,
            "guest": False,
            "qr": png_data_uri(codes[person.pk]),
        }
        for person in people
    ]
    for badge in badges:
        badge["size"] = name_size(badge["name"])
    sheets = [badges[start : start + BADGES_PER_SHEET] for start in range(0, len(badges), BADGES_PER_SHEET)]
    return _pdf("attendees/door/badges.html", "badges.css", {"forum": forum, "sheets": sheets})
