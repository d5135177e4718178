"""The check-in desk at the door (/desk/), built for a phone first: find a person by name,
organisation, the last four digits of their phone or the initial consonants of their
name (초성), check them in with one tap (or by scanning the QR code from their mail),
undo a mistake, and see the counts move as the other desk checks people in too.

Every check-in goes through registration_check_in, so it is recorded with the account.
The desk reaches only the forums it offers (desk_forums) and only their own people; any
other forum, registration or guest is a 404 that says nothing. Once a forum has ended its
check-ins are closed here: they are corrected in the admin, by those allowed to.

Personal data leaves an access record: opening the desk, one per desk session of a forum
(the list it shows; the poll that follows carries ids and states only), and each answer
that names a person, one per lookup."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from attendees.door.check_in_words import check_in_message, undo_message
from attendees.models import ALREADY_REGISTERED, CAME_AT_THE_DOOR, AccessKind, Registration, RegistrationStatus
from attendees.questions.answers import desk_filters, desk_marks
from attendees.records import access_record
from attendees.registrations import services
from attendees.registrations.consent import retention_days
from attendees.registrations.forms import WalkInForm
from attendees.seats import over_capacity_words
from events.models import Forum, Guest
from forum_site.core import clock

desk_staff_only = permission_required("attendees.use_desk", login_url="admin:login")
# The desk is the one page that may use the camera, to read QR codes.
DESK_PERMISSIONS_POLICY = "camera=(self), geolocation=(), interest-cohort=(), microphone=(), payment=(), usb=()"
# The 19 initial consonants of Hangul syllables, in Unicode order.
INITIAL_CONSONANTS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
RESULT_COLOURS = {
    services.CheckIn.CHECKED_IN: "green",
    services.CheckIn.ALREADY: "amber",
    services.CheckIn.WAITLISTED: "red",
    services.CheckIn.CANCELLED: "red",
}


def initial_consonants(text: str) -> str:
    """ "김영업" -> "ㄱㅇㅇ"; other characters stay as they are."""
    return "".join(INITIAL_CONSONANTS[(ord(char) - 0xAC00) // 588] if "가" <= char <= "힣" else char for char in text)


def desk_forums():
    """The forums a desk may open: published ones from a week ago on, soonest first."""
    since = clock.now() - datetime.timedelta(days=7)
    return Forum.objects.published().filter(ends_at__gte=since).select_related("series").order_by("starts_at")


def desk_view(*, changes: bool):
    """The desk's views: a desk permission, and a forum the desk offers (else 404), passed
    in place of its id. A view that `changes` check-ins is closed once the forum has ended."""

    def decorate(view):
        @functools.wraps(view)
        @desk_staff_only
        def wrapped(request, forum_id, *args, **kwargs):
            forum = get_object_or_404(desk_forums().select_related("venue"), pk=forum_id)
            if changes and clock.now() >= forum.ends_at:
                return _closed_answer(request, forum)
            return view(request, forum, *args, **kwargs)

        return wrapped

    return decorate


def _closed_answer(request, forum):
    message = _("This forum has ended: its check-ins are corrected in the admin.")
    if request.headers.get("Accept") != "application/json":
        messages.error(request, message)
        return redirect(reverse("desk:page") + f"?forum={forum.pk}")
    return JsonResponse({"result": "closed", "colour": "red", "message": message}, status=409)


def todays_forum(forums) -> Forum | None:
    """Today's forum, or else the next one, or else the latest."""
    today = clock.today()
    forums = list(forums)
    return (
        next((forum for forum in forums if timezone.localdate(forum.starts_at) == today), None)
        or next((forum for forum in forums if timezone.localdate(forum.starts_at) > today), None)
        or (forums[-1] if forums else None)
    )


def desk_people(forum: Forum):
    return (
        Registration.objects.identifiable()
        .filter(forum=forum)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("checked_in_by")
        .order_by("name", "pk")
    )


def person_row(person: Registration, marks: list[str] | None = None) -> dict:
    """A row of the desk's list: the person, their state, their answers marked for the
    desk (🅿 12가3456), and what the search matches (the marks too: 🅿 finds who parks)."""
    marks = marks or []
    words = [person.name.lower(), person.organization.lower(), initial_consonants(person.name), person.phone[-4:]]
    return {
        "person": person,
        "state": person_state(person),
        "marks": marks,
        "search": " ".join(words + [mark.lower() for mark in marks]),
    }


def person_state(registration: Registration) -> dict:
    checked_in = registration.checked_in_at is not None
    when = timezone.localtime(registration.checked_in_at).strftime("%H:%M") if checked_in else ""
    by = registration.checked_in_by.get_username() if registration.checked_in_by else ""
    return {
        "id": registration.pk,
        "status": registration.status,
        "checked_in": checked_in,
        # What an undo of this check-in names (the undo of a later one is refused).
        "check_in": registration.check_in_id if checked_in else "",
        "checked_in_text": _("checked in %(time)s by %(by)s") % {"time": when, "by": by} if checked_in else "",
    }


def counts(forum: Forum) -> dict:
    registrations = Registration.objects.filter(forum=forum)
    guests = Guest.objects.filter(forum=forum)
    return {
        # In seats, and beyond the capacity: "100 / 100 + 정원 외 1", as the forum list says.
        "confirmed": registrations.seated().count(),
        "over_capacity": over_capacity_words(registrations.over_capacity().count()),
        "walk_ins": registrations.filter(CAME_AT_THE_DOOR).count(),
        "checked_in": registrations.came().count(),
        "guests": guests.count(),
        "guests_arrived": guests.filter(arrived_at__isnull=False).count(),
    }


def guest_state(guest: Guest) -> dict:
    arrived = guest.arrived_at is not None
    return {
        "id": guest.pk,
        "arrived": arrived,
        "arrived_text": _("arrived %(time)s") % {"time": timezone.localtime(guest.arrived_at).strftime("%H:%M")}
        if arrived
        else "",
    }


@never_cache
@desk_staff_only
@require_GET
def desk_page(request):
    forums = list(desk_forums())
    chosen = request.GET.get("forum", "")
    forum = next((f for f in forums if str(f.pk) == chosen), None) or todays_forum(forums)
    people = list(desk_people(forum)) if forum else []
    if forum:
        access_record(request, kind=AccessKind.DESK, registration_ids=[p.pk for p in people], forum=forum.pk)
    marks = desk_marks(forum) if forum else {}
    rows = [person_row(person, marks.get(person.pk)) for person in people]
    guests = list(forum.guests.all()) if forum else []
    context = {
        "forums": forums,
        "forum": forum,
        "rows": rows,
        "latest": max((person.pk for person in people), default=0),
        "guests": [{"guest": guest, "state": guest_state(guest)} for guest in guests],
        "counts": counts(forum) if forum else None,
        "filters": desk_filters(forum) if forum else [],
    }
    response = render(request, "attendees/door/desk.html", context)
    # django-permissions-policy's per-response override, an attribute HttpResponse does not declare.
    response._permissions_policy_override = DESK_PERMISSIONS_POLICY  # type: ignore[attr-defined]
    return response


@never_cache
@require_GET
@desk_view(changes=False)
def desk_state(request, forum):
    """What the other desk has done meanwhile: polled every few seconds by the page. Ids
    and states, no names: the page's access record covers them. People registered since
    the page's newest (`after`, an id), at the other desk or online, come as rows to add:
    those name people, and are on the record."""
    people = list(desk_people(forum))
    after = request.GET.get("after", "")
    new = [person for person in people if after.isdigit() and person.pk > int(after)]
    marks = desk_marks(forum) if new else {}
    if new:
        access_record(request, kind=AccessKind.DESK, registration_ids=[p.pk for p in new], forum=forum.pk, lookup="new")
    return JsonResponse(
        {
            "counts": counts(forum),
            "people": [person_state(p) for p in people],
            "guests": [guest_state(g) for g in forum.guests.all()],
            "new_rows": [
                render_to_string(
                    "attendees/door/_person_row.html",
                    {"row": person_row(p, marks.get(p.pk)), "forum": forum},
                    request=request,
                )
                for p in sorted(new, key=lambda p: p.pk)
            ],
            "latest": max((person.pk for person in people), default=0),
        }
    )


def _answer(request, forum, registration, *, result: str, colour: str, message: str):
    """JSON for the page's script; a redirect with a message for a plain form (no script).
    Either names the person: one access record per answer."""
    if registration is not None:
        access_record(request, kind=AccessKind.DESK, registration_ids=[registration.pk], forum=forum.pk, lookup=result)
    if request.headers.get("Accept") != "application/json":
        messages.info(request, message)
        return redirect(reverse("desk:page") + f"?forum={forum.pk}")
    body = {"result": result, "colour": colour, "message": message, "counts": counts(forum)}
    if registration is not None:
        registration.refresh_from_db()
        body.update(person=person_state(registration), name=registration.name, organization=registration.organization)
    return JsonResponse(body)


def _checked_in_answer(request, forum, registration):
    tap = request.POST.get("check_in", "")  # the desk's name for this tap, which an undo can give back
    outcome = services.registration_check_in(registration=registration, by=request.user, check_in_id=tap)
    registration.refresh_from_db()
    return _answer(
        request,
        forum,
        registration,
        result=outcome.value,
        colour=RESULT_COLOURS[outcome],
        message=check_in_message(registration, outcome),
    )


def desk_person(forum: Forum, value) -> Registration:
    """A person of this forum by id, or 404 (another forum's person is nobody here)."""
    return get_object_or_404(Registration.objects.identifiable(), forum=forum, pk=_number(value))


@require_POST
@desk_view(changes=True)
def desk_check_in(request, forum):
    registration = desk_person(forum, request.POST.get("registration"))
    return _checked_in_answer(request, forum, registration)


@require_POST
@desk_view(changes=True)
def desk_undo(request, forum):
    registration = desk_person(forum, request.POST.get("registration"))
    outcome = services.registration_check_in_undo(
        registration=registration, by=request.user, check_in_id=request.POST.get("check_in", "")
    )
    return _answer(
        request, forum, registration, result=outcome.value, colour="amber", message=undo_message(registration, outcome)
    )


@require_POST
@desk_view(changes=True)
def desk_scan(request, forum):
    """A code read from a QR code (the whole address, or the code alone): checks in the
    person it belongs to, if they belong to this forum. Another forum's code names no one."""
    code = request.POST.get("code", "").strip().rstrip("/").rsplit("/", 1)[-1]
    registration = Registration.objects.with_check_in_code(code).first() if code else None
    if registration is None or registration.forum_id != forum.pk:
        message = _("Unknown code.") if registration is None else _("This code is for another forum.")
        return _answer(request, forum, None, result="unknown", colour="red", message=message)
    return _checked_in_answer(request, forum, registration)


def _number(value) -> int:
    return int(value) if str(value or "").isdigit() else 0


@never_cache
@desk_staff_only
def desk_scan_link(request, code):
    """The QR code's address, opened by a staff phone's own camera app: to the desk of the
    person's forum, with the person shown, where one tap checks them in."""
    registration = get_object_or_404(Registration.objects.with_check_in_code(code), forum__in=desk_forums())
    return redirect(reverse("desk:page") + f"?forum={registration.forum_id}#person-{registration.pk}")


@require_POST
@desk_view(changes=True)
def desk_guest(request, forum):
    """An invited guest arrived (arrived=1) or did not after all (arrived=0)."""
    guest = get_object_or_404(Guest, forum=forum, pk=_number(request.POST.get("guest")))
    arrived = request.POST.get("arrived") != "0"
    services.guest_arrival(guest=guest, by=request.user, arrived=arrived)
    message = (_("%(guest)s has arrived.") if arrived else _("The arrival of %(guest)s is undone.")) % {"guest": guest}
    if request.headers.get("Accept") != "application/json":
        messages.info(request, message)
        return redirect(reverse("desk:page") + f"?forum={forum.pk}")
    guest.refresh_from_db()
    return JsonResponse(
        {"result": "guest", "colour": "green", "message": message, "guest": guest_state(guest), "counts": counts(forum)}
    )


@never_cache
@require_GET
@desk_view(changes=False)
def guest_introduction(request, forum):
    """For the MC: the invited guests who have arrived, in protocol order, in large type.
    Late arrivals appear by themselves (guest_introduction.js fetches the page again; the
    MC can pause it). The guests are the invited officials the MC names aloud, not
    registrations: no access record."""
    guests = forum.guests.filter(arrived_at__isnull=False).order_by("protocol_order", "pk")
    return render(request, "attendees/door/guest_introduction.html", {"forum": forum, "guests": guests})


# At a full forum, the desk chooses before handing the screen over: the person standing at
# the door is admitted over capacity (recorded as such), unless staff put them on the
# waiting list instead.
WHEN_FULL_ADMIT, WHEN_FULL_WAIT = "admit", "wait"


@never_cache
@desk_view(changes=True)
def desk_walk_in(request, forum):
    """Register a person at the door through registration_create, like every registration."""
    admit_when_full = request.GET.get("when_full") != WHEN_FULL_WAIT
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                forum=forum,
                **form.person(),
                consent_privacy=data["consent_privacy"],
                by=request.user,
                walk_in=True,
                admit_over_capacity=admit_when_full,
                language=get_language(),
            )
        except services.AlreadyRegistered:
            form.add_error("email", ALREADY_REGISTERED)
        except services.RegistrationError as refusal:
            form.add_error(None, refusal.message)
        else:
            if registration.status == RegistrationStatus.WAITLISTED:
                messages.warning(
                    request, _("The forum is full: %(name)s is on the waiting list.") % {"name": registration.name}
                )
            else:
                services.registration_check_in(registration=registration, by=request.user)
                done = (
                    _("%(name)s is admitted over capacity and checked in.")
                    if registration.over_capacity
                    else _("%(name)s is registered and checked in.")
                )
                messages.success(request, done % {"name": registration.name})
            return redirect(reverse("desk:page") + f"?forum={forum.pk}")
    context = {"forum": forum, "form": form, "retention_days": retention_days()}
    return render(request, "attendees/door/walk_in.html", context)
