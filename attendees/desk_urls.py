from django.urls import path

from . import desk_views

app_name = "desk"

urlpatterns = [
    path("", desk_views.desk_page, name="page"),
    path("<int:forum_id>/state.json", desk_views.desk_state, name="state"),
    path("<int:forum_id>/check-in/", desk_views.desk_check_in, name="check-in"),
    path("<int:forum_id>/undo/", desk_views.desk_undo, name="undo"),
    path("<int:forum_id>/scan/", desk_views.desk_scan, name="scan-code"),
    path("c/<str:code>/", desk_views.desk_scan_link, name="scan"),
]
