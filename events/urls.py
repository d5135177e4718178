from django.urls import path

from forum_site.core.page_cache import public_page

from . import outlook_choice, share_views, views
from .feeds import ForumReportsFeed

app_name = "events"

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("forums/", public_page(views.ForumListView.as_view()), name="forum-list"),
    path("forums/<int:year>/", public_page(views.ForumListView.as_view()), name="forum-year"),
    path("forums.ics", public_page(views.calendar_feed), name="calendar"),
    path("forums/feed/", public_page(ForumReportsFeed()), name="feed"),
    path("forums/<slug:series>/<int:number>/", public_page(views.ForumDetailView.as_view()), name="forum-detail"),
    path("share.png", share_views.site_share_image, name="share-image"),
    path("forums/<slug:series>/<int:number>/share.png", share_views.forum_share_image, name="forum-share-image"),
    path("forums/<slug:series>/<int:number>/calendar.ics", public_page(views.forum_ics), name="forum-ics"),
    path("forums/<slug:series>/<int:number>/outlook/", public_page(outlook_choice.outlook_choice), name="outlook"),
    path(
        "forums/<slug:series>/<int:number>/outlook/remove/",
        public_page(outlook_choice.outlook_choice),
        {"removal": True},
        name="outlook-removal",
    ),
    path(
        "forums/<slug:series>/<int:number>/talks/<str:slug>/",
        public_page(views.TalkDetailView.as_view()),
        name="talk-detail",
    ),
    path("forums/<slug:series>/<int:number>/talks/<str:slug>/slides/", views.talk_slides, name="talk-slides"),
    path("speakers/", public_page(views.SpeakerListView.as_view()), name="speaker-list"),
    path("speakers/<str:slug>/", public_page(views.SpeakerDetailView.as_view()), name="speaker-detail"),
    path("search/", public_page(views.SearchView.as_view()), name="search"),
]
