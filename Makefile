# Two commands on a fresh machine: `make run` (the demo site) and `make test` (the suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# Development mode unless the environment says otherwise (production sets DEBUG=false).
export DEBUG ?= true
# The day the demo lives on: the morning after the second forum. `make run DEMO_DAY=` for the real clock.
DEMO_DAY ?= 2020-08-06
# Where `make run` and `make serve` listen (`make run PORT=8001` when 8000 is taken); the
# links in mails follow it.
PORT ?= 8000
run serve: export SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run serve test test-pg lint audit bench messages requirements clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# requirements*.txt pin every package with its hashes (compiled from the .in files by
# `make requirements`): pip installs exactly those files, or nothing.
$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# After editing requirements.in or requirements-dev.in: every pin and hash compiled again.
PIP_COMPILE = $(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host
requirements: $(VENV)/.dev-installed
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

run: $(VENV)/.runtime-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_attendance
	$(PY) manage.py setup_roles
	$(PY) manage.py demo_staff
	@echo "Mail is sent by the background worker started beside the server (console mail by default)."
	FORUM_SITE_TODAY=$(DEMO_DAY) $(PY) manage.py run_worker --no-reload & worker=$$!; \
	FORUM_SITE_TODAY=$(DEMO_DAY) $(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	FORUM_SITE_TODAY=$(DEMO_DAY) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-like, on the same embedded SQLite: DEBUG off, collected static files, gunicorn,
# the worker and the scheduler; a file cache shared by the web processes (production: Redis).
# Plain HTTP on 127.0.0.1, so no HTTPS redirect or HSTS; everything else as in production.
SERVE_CACHE_URL ?= filecache://$(CURDIR)/var/cache
SERVE_ENV = DEBUG=false SECRET_KEY="$$(cat var/secret-key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
	SERVE_MEDIA=true CACHE_URL=$(SERVE_CACHE_URL) FORUM_SITE_TODAY=$(DEMO_DAY)

var/secret-key:
	mkdir -p var
	$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: $(VENV)/.runtime-installed var/secret-key
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_attendance
	$(PY) manage.py setup_roles
	$(PY) manage.py demo_staff
	env $(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	nice -n 10 env $(SERVE_ENV) $(PY) manage.py run_worker & worker=$$!; \
	nice -n 10 env $(SERVE_ENV) $(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
	env $(SERVE_ENV) $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py -b 127.0.0.1:$(PORT) -w 3

# The suite under coverage.py, which fails under the floor of pyproject.toml [tool.coverage.report].
test: $(VENV)/.dev-installed
	$(PY) -m coverage run -m pytest
	@echo "Coverage of forum_site, speakers, events and attendees, in percent (its floor: pyproject.toml):"
	$(PY) -m coverage report --format=total

# The suite on the local PostgreSQL (CI's second run): the row locks and concurrency too.
PG_URL ?= postgres://postgres@127.0.0.1:5432/forum_site
test-pg: $(VENV)/.dev-installed
	DATABASE_URL=$(PG_URL) $(PY) -m coverage run -m pytest
	$(PY) -m coverage report --format=total

# The project's ruff configuration (pyproject.toml): lint, and formatting left as ruff writes
# it; import-linter's contracts (pyproject.toml): which layer may import which; and mypy with
# django-stubs over the apps (no incremental cache: the Django plugin's cache can go stale).
lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	# The layers where import-linter cannot see: URL names, templates, tag libraries, the maps.
	$(PY) -m pytest -q tests/forum_site/test_layers.py tests/attendees/test_subpackage_maps.py
	$(PY) -m mypy --no-incremental

# Known advisories of every pinned package, wherever the network reaches an advisory
# database (PyPI's and OSV's). Not part of .ci/run, whose machine reaches none: a hosted CI
# runs it weekly and on every change of the requirements (.github/workflows/audit.yml).
audit: $(VENV)/.dev-installed
	$(VENV)/bin/pip-audit --strict --disable-pip --require-hashes -r requirements.txt -r requirements-dev.txt

# Compile the translations after editing locale/*/LC_MESSAGES/django.po (needs gettext).
messages: $(VENV)/.runtime-installed
	$(PY) manage.py makemessages --locale ko --locale en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache staticfiles

# Performance figures; honours DATABASE_URL (PostgreSQL for the figures that matter):
# public pages and a 500-person burst under gunicorn, the admin at 100,000 registrations,
# a forum cancel, the desk's search in Chromium. Prints; asserts nothing (docs/performance.md: goals).
bench: $(VENV)/.dev-installed
	$(PY) bench/serving.py
	$(PY) bench/admin_pages.py
	$(PY) bench/forum_cancel.py
	$(PY) bench/desk_search.py
	$(PY) bench/registration_cpu.py
	$(PY) bench/forum_state_lock.py
	$(PY) bench/printables.py
	$(PY) bench/mass_mail.py
