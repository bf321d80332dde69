# The two commands: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test setup install messages lint check-migrations worker beat production-check bench scaleout clean audit lock

# requirements.lock pins every package to the version tested; pyproject.toml keeps
# the compatible ranges.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' -c requirements.lock
	touch $(STAMP)

lock: install
	(sed -n '1,2p' requirements.lock; $(PY) -m pip freeze --exclude-editable) > requirements.lock.new
	mv requirements.lock.new requirements.lock

# Known vulnerabilities in the locked dependencies (pip-audit); .ci/run runs it.
# .ci/audit.py exits 0 only when every package was checked and none is vulnerable,
# 1 for a known vulnerability, 3 when no vulnerability service answered (NOT
# AUDITED). CI's network reaches PyPI's index and Debian but not the services, so
# on CI (CI=true) that is reported and the run goes on, unless AUDIT_REQUIRED=1.
audit: install
	@status=0; $(PY) .ci/audit.py || status=$$?; \
	if [ $$status -eq 3 ] && [ "$$CI" = true ] && [ "$$AUDIT_REQUIRED" != 1 ]; then \
		echo "make audit: CI goes on, but the dependencies were NOT AUDITED."; \
	else exit $$status; fi

# axe-core for the browser tests, at the version tests/e2e/package-lock.json names.
# Without npm the install goes on and the browser tests fail, saying what is missing.
E2E_TOOLS := tests/e2e/node_modules/axe-core/axe.min.js
$(E2E_TOOLS): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "make install: npm is missing, so axe-core is not installed; the browser tests will fail."; fi

install: $(STAMP) $(E2E_TOOLS)

messages: install
	$(PY) manage.py compilemessages -l pl --ignore=.venv --ignore=staticfiles >/dev/null

setup: messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_pup_offices
	$(PY) manage.py load_demo_content
	$(PY) manage.py load_courses
	$(PY) manage.py load_counselling_demo
	$(PY) manage.py load_demo_content  # links the home page's course list to the catalogue

run: setup
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-migrations: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check

test: messages lint check-migrations
	$(PY) -m pytest

# The production stack on one machine (see README.md); needs the environment set.
worker: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(VENV)/bin/celery -A portal worker -l info

beat: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(VENV)/bin/celery -A portal beat -l info

production-check: install
	DJANGO_SETTINGS_MODULE=portal.settings.production $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles test-artifacts

# The production stack on its own database `bench`, Redis :6391 and gunicorn :8391:
# every page beside a minimal view at sizes S and L, 300 learners, certificates.
# ARGS="--size S" for a quick run, "--drop" to drop the database after.
bench: messages
	$(PY) bench/run.py $(ARGS)

# The portal past one machine (README "Past one machine"); needs root, haproxy and
# PostgreSQL: app servers in network namespaces behind haproxy, one killed under load.
scaleout: messages
	$(PY) -m bench.scaleout $(ARGS)
