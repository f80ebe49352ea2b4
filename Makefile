# janus-client: convenience targets around the Meson build.
#
#   make            configure build/ if needed and compile
#   make deps       install the Debian packages (scripts/install-deps.sh)
#   make check      deps, build, every meson test suite, then every suite
#                   again under ASan+UBSan (build-asan/); ends with one
#                   line "N passed, N failed, N skipped"
#   make demo       record the echotest demo to echo.webm and describe it
#   make coverage   line coverage of janus-client/ over every suite (build-cov/coverage/)
#   make format     reformat all C sources with clang-format
#   make clean      remove the build directories
#
# Works without a terminal (CI=true, see .ci/run).

MESON ?= meson
PYTHON ?= python3
GCOVR ?= gcovr
CLANG_FORMAT ?= clang-format

BUILDDIR := build
ASANDIR := build-asan
COVDIR := build-cov

# Extra options for every `meson setup`, e.g. MESON_SETUP_ARGS=-Dwerror=false
MESON_SETUP_ARGS ?=
NUM_PROCESSES ?= 2
# Sanitized tests run slower; stretch meson's per-test timeouts.
ASAN_TIMEOUT_MULTIPLIER ?= 2

FORMAT_DIRS := janus-client tools tests examples bench fuzz

MESON_TEST := $(MESON) test --print-errorlogs --num-processes $(NUM_PROCESSES)

# GLib 2.74 still has the GSlice magazine allocator, which hides leaks from
# and confuses LeakSanitizer; G_SLICE=always-malloc turns it off and
# G_DEBUG=gc-friendly clears freed memory so stale pointers don't keep
# leaked blocks "reachable".
ASAN_ENV := \
	ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp,print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	G_SLICE=always-malloc \
	G_DEBUG=gc-friendly

# $(call meson_setup,DIR,OPTIONS): configure DIR unless it already is.  A
# directory without build.ninja is a half-finished setup: start it afresh.
# (Once configured, ninja re-runs meson itself when a meson.build changes.)
define meson_setup
@if [ ! -f $(1)/build.ninja ]; then \
	  rm -rf $(1) && \
	  echo "$(MESON) setup $(1) $(strip $(2) $(MESON_SETUP_ARGS))" && \
	  $(MESON) setup $(1) $(2) $(MESON_SETUP_ARGS); \
	fi
endef

.PHONY: all build deps check demo coverage format clean

all: build

build:
	$(call meson_setup,$(BUILDDIR),)
	$(MESON) compile -C $(BUILDDIR)

deps:
	@sh scripts/install-deps.sh

# Both test runs always happen (a failure in the first does not hide the
# sanitizer results); the summary line is printed last, then make fails if
# anything failed, did not build, or nothing passed.
check: deps
	$(call meson_setup,$(BUILDDIR),)
	$(MESON) compile -C $(BUILDDIR)
	@rm -f $(BUILDDIR)/meson-logs/testlog.json $(ASANDIR)/meson-logs/testlog.json
	@status=0; \
	echo "== meson test ($(BUILDDIR)/, all suites)"; \
	$(MESON_TEST) -C $(BUILDDIR) || status=1; \
	echo "== meson test ($(ASANDIR)/, ASan+UBSan, all suites)"; \
	if [ ! -f $(ASANDIR)/build.ninja ]; then \
	  rm -rf $(ASANDIR); \
	  $(MESON) setup $(ASANDIR) -Db_sanitize=address,undefined -Db_lundef=false -Dintrospection=disabled \
	    $(MESON_SETUP_ARGS) || status=1; \
	fi; \
	if [ -f $(ASANDIR)/build.ninja ] && $(MESON) compile -C $(ASANDIR); then \
	  env $(ASAN_ENV) $(MESON_TEST) -C $(ASANDIR) \
	    --timeout-multiplier $(ASAN_TIMEOUT_MULTIPLIER) || status=1; \
	else \
	  echo "make check: the ASan+UBSan build failed" >&2; status=1; \
	fi; \
	$(PYTHON) scripts/test-summary.py \
	  $(BUILDDIR)/meson-logs/testlog.json \
	  $(ASANDIR)/meson-logs/testlog.json || status=1; \
	exit $$status

demo: deps
	$(call meson_setup,$(BUILDDIR),)
	$(MESON) compile -C $(BUILDDIR)
	./$(BUILDDIR)/tools/janus-client echotest --duration 10 --output echo.webm
	gst-discoverer-1.0 echo.webm

# Counters are reset before each run so the figure reflects this run only.
coverage: deps
	$(call meson_setup,$(COVDIR),-Db_coverage=true -Dintrospection=disabled)
	$(MESON) compile -C $(COVDIR)
	@find $(COVDIR) -name '*.gcda' -delete
	@status=0; \
	$(MESON_TEST) -C $(COVDIR) || status=1; \
	mkdir -p $(COVDIR)/coverage; \
	$(GCOVR) --root . --filter janus-client/ --print-summary \
	  --html-details $(COVDIR)/coverage/index.html $(COVDIR) \
	  > $(COVDIR)/coverage/summary.txt || status=1; \
	cat $(COVDIR)/coverage/summary.txt; \
	echo "HTML report: $(COVDIR)/coverage/index.html"; \
	sed -n 's/^lines: *\([0-9.]*%\).*/Line coverage of janus-client\/: \1/p' \
	  $(COVDIR)/coverage/summary.txt; \
	exit $$status

format:
	@dirs="$(wildcard $(FORMAT_DIRS))"; \
	if [ -n "$$dirs" ]; then \
	  find $$dirs -type f \( -name '*.c' -o -name '*.h' \) -print0 | \
	    xargs -0 -r $(CLANG_FORMAT) -i --style=file; \
	fi

clean:
	rm -rf $(BUILDDIR) $(ASANDIR) $(COVDIR)
