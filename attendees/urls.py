from django.urls import path

from . import views

app_name = "attendees"

urlpatterns = [
    path("forums/<slug:series>/<int:number>/register/", views.RegisterView.as_view(), name="register"),
    path("registrations/<str:token>/", views.registration_manage, name="manage"),
    path("forums/<slug:series>/<int:number>/register/sent/", views.registration_sent, name="sent"),
    path("registrations/<str:token>/news/", views.NewsConfirmView.as_view(), name="news-confirm"),
    path("registrations/<str:token>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("registrations/<str:token>/calendar.ics", views.registration_ics, name="ics"),
]
