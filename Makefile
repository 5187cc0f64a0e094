# maqal — make is the front door: `make run`, `make test`, `make install`; `make help` lists the targets.
SHELL = /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= debug
SAMPLE ?= Fixtures/text/01-ordinal-headings-water-clocks.txt
BIN = .build/$(CONFIG)/maqal
# Every release build links the Swift runtime and Foundation in, so an installed maqal needs only
# libxml2 and the C/C++ runtime, not the toolchain. eval, compare, bench and install share that one
# build: SwiftPM rebuilds everything when the flags change, so they must not differ.
# Linked by lld with relative relocations packed (DT_RELR): the static image's 77,000 relative
# relocations took 1.8 MB of tables the loader read and applied at every start; packed they take 15 KB.
# It needs glibc 2.36 at run time; `make release RELEASE_LINK=` builds for an older one.
RELEASE_LINK = -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
# libxml2 is opened when a page first needs its parser (Sources/CLibXML2/LibXML2.h): maqal's own
# reader reads the common pages, and loading libxml2 with ICU and liblzma at every start cost about
# 0.8 ms of a 5 ms run. SwiftPM puts a system library's pkg-config Libs on the link line, which would
# load it at start all the same, so the release build finds libxml-2.0 in a .pc file written from
# pkg-config's own answer for it: its Cflags (the headers), no Libs.
HEADERS_PC = .build/pkgconfig-headers
RELEASE_FLAGS = -c release --static-swift-stdlib --pkg-config-path $(HEADERS_PC) $(RELEASE_LINK)
# Debug builds take the flags `make test` builds with, so `make run` after `make test` rebuilds nothing.
BUILD_FLAGS = $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS),-c $(CONFIG) $(WERROR))
# Foundation's static library warns about its own use of mktemp when linked in; nothing of ours.
LINK_NOISE = the use of .mktemp. is dangerous

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MANPAGE = .build/plugins/GenerateManual/outputs/MaqalCLI/maqal.1
COMPLETIONS = .build/completions

.PHONY: all help deps test-deps build release run test python-test integration eval bench compare docs man \
	completions install uninstall install-check clean

all: build

## help: list the targets.
help:
	@echo "make [target] [PREFIX=/usr/local] [DESTDIR=] [CONFIG=debug|release]"
	@sed -n 's/^## \([a-z-]*\): /  \1\t/p' $(MAKEFILE_LIST) | expand -t 18

## deps: libxml2's and zlib's headers (pkg-config libxml-2.0 zlib) and cmark-gfm, with apt-get when run as root.
deps:
	@if ! pkg-config --exists libxml-2.0 zlib 2>/dev/null || ! command -v cmark-gfm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing libxml2-dev, zlib1g-dev, pkg-config and cmark-gfm with apt-get"; \
	    (apt-get install -y -qq libxml2-dev zlib1g-dev pkg-config cmark-gfm >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null && apt-get install -y -qq libxml2-dev zlib1g-dev pkg-config cmark-gfm >/dev/null)) || exit 1; \
	  elif ! pkg-config --exists libxml-2.0 zlib 2>/dev/null; then \
	    echo "maqal needs libxml2's and zlib's headers: apt-get install libxml2-dev zlib1g-dev pkg-config"; exit 1; \
	  fi; \
	fi

## test-deps: deps, and Python's jsonschema for the schema tests (apt-get on an externally managed Python).
# Python's jsonschema for the schema tests, for the python3 first on PATH. A distribution's Python
# (Debian 12) refuses pip installs into it (PEP 668, "externally managed"): there the distribution's
# package is installed with apt-get; elsewhere (a virtualenv, pyenv) pip installs it.
test-deps: deps
	@python3 -c 'import jsonschema' 2>/dev/null || { \
	  managed=$$(python3 -c 'import os, sysconfig; print(os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'); \
	  if [ "$$managed" = True ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing python3-jsonschema with apt-get ($$(command -v python3) is externally managed)"; \
	    apt-get install -y -qq python3-jsonschema >/dev/null 2>&1 || \
	      (apt-get update -qq >/dev/null && apt-get install -y -qq python3-jsonschema >/dev/null); \
	  elif [ "$$managed" != True ]; then \
	    python3 -m pip install -q jsonschema; \
	  fi; \
	  python3 -c 'import jsonschema' 2>/dev/null || { \
	    echo "the tests need Python's jsonschema for $$(command -v python3): apt-get install python3-jsonschema, or pip install jsonschema in a virtualenv"; \
	    exit 1; }; }
	@python3 -c 'import pytest' 2>/dev/null || { \
	  managed=$$(python3 -c 'import os, sysconfig; print(os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))'); \
	  if [ "$$managed" = True ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing python3-pytest with apt-get ($$(command -v python3) is externally managed)"; \
	    apt-get install -y -qq python3-pytest >/dev/null 2>&1 || \
	      (apt-get update -qq >/dev/null && apt-get install -y -qq python3-pytest >/dev/null); \
	  elif [ "$$managed" != True ]; then \
	    python3 -m pip install -q pytest; \
	  fi; \
	  python3 -c 'import pytest' 2>/dev/null || { \
	    echo "the eval scoring tests need pytest for $$(command -v python3): apt-get install python3-pytest, or pip install pytest in a virtualenv"; \
	    exit 1; }; }

## build: compile maqal (CONFIG=debug, or release).
build: deps $(if $(filter release,$(CONFIG)),$(HEADERS_PC)/libxml-2.0.pc)
	@$(SWIFT) build $(BUILD_FLAGS) 2>&1 | grep -v "$(LINK_NOISE)"; exit $${PIPESTATUS[0]}

$(HEADERS_PC)/libxml-2.0.pc: deps
	@mkdir -p $(HEADERS_PC)
	@printf 'Name: libxml-2.0\nDescription: libxml2 headers only: maqal opens the library at run time\nVersion: %s\nCflags: %s\n' \
	  "$$(pkg-config --modversion libxml-2.0)" "$$(pkg-config --cflags libxml-2.0)" > $@

## release: the optimised binary, Swift runtime linked in (.build/release/maqal).
release:
	@$(MAKE) --no-print-directory build CONFIG=release

## run: parse the bundled sample article and print it as Markdown.
run: build
	$(BIN) $(SAMPLE)

## test: the whole suite (unit, golden files, corpus, CLI end to end) and eval's scoring tests,
## built with warnings as errors.
WERROR = -Xswiftc -warnings-as-errors
test: test-deps
	$(SWIFT) build $(WERROR)
	$(SWIFT) test $(WERROR)
	python3 -m pytest -q Benchmarks/test_eval_structure.py

## python-test: the Python package in Integrations/python (stdlib + pytest) against the real debug binary.
python-test: test-deps
	$(SWIFT) build $(WERROR)
	cd Integrations/python && MAQAL_BIN=$(CURDIR)/.build/debug/maqal PYTHONDONTWRITEBYTECODE=1 \
	  python3 -m pytest -q -p no:cacheprovider tests

## integration: datatrove and spark-submit --master local[2] with maqal on generated WARC files, and
## MaqalExtractor timed beside datatrove's Trafilatura (installs them in .venv-integration; not in CI).
integration: release
	Integrations/python/integration/run.sh

## eval: quality on the real pages in ../shared/corpus, against Benchmarks/eval-floors.json.
eval: release
	python3 Benchmarks/eval.py --maqal .build/release/maqal

## docs: the DocC archive of the library (Sources/Maqal/Maqal.docc), warnings as errors, into .build-docs/Maqal.doccarchive.
docs:
	MAQAL_DOCS=1 $(SWIFT) package --scratch-path .build-docs --allow-writing-to-directory .build-docs \
	  generate-documentation --target Maqal --warnings-as-errors --output-path .build-docs/Maqal.doccarchive

## bench: speed and memory per stage, the libxml2 floor, start-up, batch throughput.
bench: deps
	Benchmarks/bench.sh

## compare: maqal beside trafilatura, readability-lxml, jusText, Resiliparse and go-readability on the same pages (not in CI).
compare: release
	python3 Benchmarks/compare.py

## man: the manual page, by swift-argument-parser's generate-manual plugin (from the debug build).
# The plugin builds with the flags `make test` uses, so it reuses that build instead of redoing it.
man: deps
	@$(SWIFT) package $(WERROR) plugin generate-manual --configuration debug >/dev/null
	@test -s $(MANPAGE)

## completions: bash, zsh and fish completions, written by the release binary.
completions: release
	@mkdir -p $(COMPLETIONS)
	.build/release/maqal --generate-completion-script bash > $(COMPLETIONS)/maqal.bash
	.build/release/maqal --generate-completion-script zsh > $(COMPLETIONS)/_maqal
	.build/release/maqal --generate-completion-script fish > $(COMPLETIONS)/maqal.fish

## install: the release binary, its man page and completions under PREFIX (default /usr/local); DESTDIR stages.
install: release man completions
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 -s .build/release/maqal $(BINDIR)/maqal
	install -m 644 $(MANPAGE) $(MANDIR)/maqal.1
	install -m 644 $(COMPLETIONS)/maqal.bash $(BASHDIR)/maqal
	install -m 644 $(COMPLETIONS)/_maqal $(ZSHDIR)/_maqal
	install -m 644 $(COMPLETIONS)/maqal.fish $(FISHDIR)/maqal.fish

## uninstall: remove what install put under PREFIX (and DESTDIR).
uninstall:
	rm -f $(BINDIR)/maqal $(MANDIR)/maqal.1 $(BASHDIR)/maqal $(ZSHDIR)/_maqal $(FISHDIR)/maqal.fish

## install-check: install into a scratch DESTDIR and check it (CI): files present, runs without the toolchain.
install-check:
	rm -rf .build/install-check
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/.build/install-check PREFIX=/usr
	Tests/install-check.sh $(CURDIR)/.build/install-check /usr
	$(MAKE) --no-print-directory uninstall DESTDIR=$(CURDIR)/.build/install-check PREFIX=/usr
	@left=$$(find .build/install-check -type f | wc -l); [ "$$left" = 0 ] || \
	  { echo "install-check: make uninstall left $$left files"; exit 1; }
	@echo "install-check: uninstall removed every file"

## clean: remove the build folder.
clean:
	rm -rf .build

-include Fuzz/fuzz.mk
