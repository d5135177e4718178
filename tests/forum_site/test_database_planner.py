"""The PostgreSQL connection tells the planner its pages are cheap to reach (settings.py),
so that a search word with a short part is answered from the trigram index."""

from django.db import connection


def test_postgresql_connections_cost_a_random_page_as_on_an_ssd(postgres_only):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
