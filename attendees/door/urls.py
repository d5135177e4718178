from django.urls import path

from attendees.door import views as desk_views

app_name = "desk"

urlpatterns = [
    path("", desk_views.desk_page, name="page"),
    path("<int:forum_id>/state.json", desk_views.desk_state, name="state"),
    path("<int:forum_id>/check-in/", desk_views.desk_check_in, name="check-in"),
    path("<int:forum_id>/undo/", desk_views.desk_undo, name="undo"),
    path("<int:forum_id>/scan/", desk_views.desk_scan, name="scan-code"),
    path("<int:forum_id>/walk-in/", desk_views.desk_walk_in, name="walk-in"),
    path("<int:forum_id>/guest/", desk_views.desk_guest, name="guest"),
    path("<int:forum_id>/guests/", desk_views.guest_introduction, name="guest-introduction"),
    path("c/<str:code>/", desk_views.desk_scan_link, name="scan"),
]
