"""The site's icons: what browsers ask for at the root, what every page links, and the web
app manifest with icons of the sizes it says."""

import io
import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "size"), [("/favicon.ico", (48, 48)), ("/apple-touch-icon.png", (180, 180))])
def test_browsers_find_the_icons_at_the_root(client, path, size):
    response = client.get(path)
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == size


def test_every_page_links_its_icons_and_manifest(client, demo):
    page = client.get("/").text
    for link in (
        '<link rel="icon" href="/static/icons/favicon.ico" sizes="48x48">',
        '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">',
        '<link rel="manifest" href="/static/site.webmanifest">',
    ):
        assert link in page


def test_the_manifests_icons_are_the_sizes_it_says():
    manifest = json.loads(open(finders.find("site.webmanifest"), encoding="utf-8").read())
    assert manifest["short_name"] == "AI 조찬포럼" and manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        width, height = (int(side) for side in icon["sizes"].split("x"))
        assert Image.open(finders.find(icon["src"])).size == (width, height)
    assert {icon.get("purpose", "any") for icon in manifest["icons"]} == {"any", "maskable"}
