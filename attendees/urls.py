from django.urls import path

from . import views

app_name = "attendees"

urlpatterns = [
    path("forums/<slug:series>/<int:number>/register/", views.RegisterView.as_view(), name="register"),
    path("registrations/<str:token>/", views.registration_manage, name="manage"),
    path("registrations/<str:token>/done/", views.registration_done, name="done"),
    path("registrations/<str:token>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("registrations/<str:token>/calendar.ics", views.registration_ics, name="ics"),
]
