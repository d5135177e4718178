"""The throw-away database every benchmark runs on (never the site's own): bench_<name>
of DATABASE_URL, or var/bench.sqlite3 (a file, so that other processes share it)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings")
os.environ.setdefault("DEBUG", "true")


def bench_database_setup():
    """Create the bench database and point this process at it; returns a teardown."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment(debug=False)  # as production: no query log kept
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(ROOT / "var" / "bench.sqlite3")
    else:
        connection.settings_dict["TEST"]["NAME"] = "bench_" + old_name  # not the test suite's
    connection.creation.create_test_db(verbosity=0, autoclobber=True)

    def teardown():
        connection.creation.destroy_test_db(old_name, verbosity=0)

    return teardown


def bench_database_url() -> str:
    """DATABASE_URL of the bench database, for the processes a benchmark starts."""
    from django.db import connection

    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    return f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"
