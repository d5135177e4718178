from django.urls import path

from . import views
from .feeds import ForumReportsFeed

app_name = "events"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("forums/", views.ForumListView.as_view(), name="forum-list"),
    path("forums.ics", views.calendar_feed, name="calendar"),
    path("forums/feed/", ForumReportsFeed(), name="feed"),
    path("forums/<slug:series>/<int:number>/", views.ForumDetailView.as_view(), name="forum-detail"),
    path("forums/<slug:series>/<int:number>/calendar.ics", views.forum_ics, name="forum-ics"),
    path("forums/<slug:series>/<int:number>/talks/<str:slug>/", views.TalkDetailView.as_view(), name="talk-detail"),
    path("forums/<slug:series>/<int:number>/talks/<str:slug>/slides/", views.talk_slides, name="talk-slides"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker-list"),
    path("speakers/<str:slug>/", views.SpeakerDetailView.as_view(), name="speaker-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
]
