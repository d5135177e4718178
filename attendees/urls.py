from django.urls import path

from attendees.certificates import views as certificate_views
from attendees.news import views as subscription_views
from attendees.outbox.stop_mail import StopMailView
from attendees.registrations import self_service, views
from attendees.surveys.views import SurveyView

app_name = "attendees"

urlpatterns = [
    path("forums/<slug:series>/<int:number>/register/", views.RegisterView.as_view(), name="register"),
    path("forums/<slug:series>/<int:number>/register/sent/", views.registration_sent, name="sent"),
    path("registrations/deleted/", self_service.registration_erased, name="erased"),
    path("registrations/check-in/<str:code>.png", views.check_in_qr, name="check-in-qr"),
    path("registrations/<str:token>/", views.registration_manage, name="manage"),
    path("registrations/<str:token>/news/", views.NewsConfirmView.as_view(), name="news-confirm"),
    path("registrations/<str:token>/news/withdraw/", self_service.news_withdraw, name="news-withdraw"),
    path("registrations/<str:token>/correct/", self_service.DetailsCorrectView.as_view(), name="correct"),
    path("registrations/<str:token>/delete/", self_service.EraseView.as_view(), name="erase"),
    path("registrations/<str:token>/cancel/", views.CancelView.as_view(), name="cancel"),
    path("registrations/<str:token>/stop-mail/", StopMailView.as_view(), name="stop-mail"),
    path("registrations/<str:token>/calendar.ics", views.registration_ics, name="ics"),
    path("registrations/<str:token>/certificate.pdf", certificate_views.certificate_download, name="certificate"),
    path("certificates/<str:number>/", certificate_views.certificate_verify, name="certificate-verify"),
    path("surveys/<str:token>/", SurveyView.as_view(), name="survey"),
    path("news/<str:token>/unsubscribe/", subscription_views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("news/<str:token>/reconfirm/", subscription_views.ReconfirmView.as_view(), name="reconfirm"),
]
