# Two commands on a fresh machine: `make run` (the demo site) and `make test` (the suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
# Development mode unless the environment says otherwise (production sets DEBUG=false).
export DEBUG ?= true
# The day the demo lives on: the morning after the second forum. `make run DEMO_DAY=` for the real clock.
DEMO_DAY ?= 2020-08-06

.PHONY: run test lint bench messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

run: $(VENV)/.runtime-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py setup_roles
	$(PY) manage.py demo_staff
	@echo "Mail is delivered by the mail worker started beside the server (console mail by default)."
	FORUM_SITE_TODAY=$(DEMO_DAY) $(PY) manage.py mail_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	FORUM_SITE_TODAY=$(DEMO_DAY) $(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.dev-installed
	$(PY) -m pytest

# The project's ruff configuration (pyproject.toml): lint, and formatting left as ruff writes it.
lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Compile the translations after editing locale/*/LC_MESSAGES/django.po (needs gettext).
messages: $(VENV)/.runtime-installed
	$(PY) manage.py makemessages --locale ko --locale en --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(PY) manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache

# Performance figures (public pages, concurrent registrations, forum cancel, desk search); honours DATABASE_URL.
bench: $(VENV)/.dev-installed
	$(PY) bench/run.py
	$(PY) bench/desk_search.py
