# Two entry points: `make book` builds the site, `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD_FLAGS := -W -n --keep-going

.PHONY: book book-student pdf chromium test unit bench clean lock check-html

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## book: execute every chapter and build the HTML site into _build/html
book: $(STAMP)
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)

## test: unit tests, doctests, every chapter via nbval, then the book build
test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile --nbval-lax -q
	$(MAKE) book

## unit: unit tests and doctests only (fast)
unit: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q tests src

## bench: benchmarks against the reference implementations (prints ratios)
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet ".[bench]"
	$(BIN)/python -m pip install --quiet --no-deps -e .
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

## chromium: Debian's headless Chromium and its driver, for check-html and pdf (installs with apt if missing)
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { \
	  echo "installing Debian packages chromium and chromium-driver (needs apt and root or sudo)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

## check-html: open every built page in headless Chromium at 1400 and 390 px: JS errors, external loads,
## untypeset formulas, LaTeX in text, quoted numbers, numpy reprs, empty figures, overlapping figure text, broken links
check-html: $(STAMP) chromium
	test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python scripts/check_html.py _build/html

## book-student: the student edition (no solutions) into _build/student/_build/html, from the same cache
book-student: $(STAMP)
	test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python scripts/student_config.py _config.yml _build/_config_student.yml
	$(BIN)/jupyter-book build . --config _build/_config_student.yml --path-output _build/student $(BUILD_FLAGS)

## pdf: PDFs of the student edition, the whole book and one per page, into _build/pdf
pdf: book-student chromium
	$(BIN)/python scripts/build_pdf.py _build/student/_build/html _build/pdf --edition student --teacher-html _build/html

## lock: re-pin requirements.lock from the current environment
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^regional-clusters' > requirements.lock

clean:
	rm -rf _build
