# maqal — make is the front door: `make run`, `make test`, `make install`.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= debug
SAMPLE ?= Fixtures/text/01-ordinal-headings-water-clocks.txt
BIN = .build/$(CONFIG)/maqal

.PHONY: all deps test-deps build release run test eval bench compare docs install clean

all: build

## deps: libxml2's and zlib's headers (pkg-config libxml-2.0 zlib), cmark-gfm and Python's jsonschema for the tests.
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

test-deps: deps
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema || \
	  { echo "the tests need Python's jsonschema: pip install jsonschema"; exit 1; }
	@python3 -c 'import pytest' 2>/dev/null || python3 -m pip install -q pytest || \
	  { echo "the eval scoring tests need pytest: pip install pytest"; exit 1; }

build: deps
	$(SWIFT) build -c $(CONFIG)

release:
	$(MAKE) build CONFIG=release

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

## eval: quality on the real pages in ../shared/corpus, against Benchmarks/eval-floors.json.
eval: deps
	$(SWIFT) build -c release
	python3 Benchmarks/eval.py --maqal .build/release/maqal

## docs: the DocC archive of the library (Sources/Maqal/Maqal.docc), warnings as errors, into .build-docs/Maqal.doccarchive.
docs:
	MAQAL_DOCS=1 $(SWIFT) package --scratch-path .build-docs --allow-writing-to-directory .build-docs \
	  generate-documentation --target Maqal --warnings-as-errors --output-path .build-docs/Maqal.doccarchive

## bench: speed and memory per stage, the libxml2 floor, start-up, batch throughput.
bench: deps
	Benchmarks/bench.sh

## compare: maqal beside trafilatura, readability-lxml and jusText on the same pages (not in CI).
compare: deps
	$(SWIFT) build -c release
	python3 Benchmarks/compare.py

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/maqal $(DESTDIR)$(PREFIX)/bin/maqal

clean:
	rm -rf .build

-include Fuzz/fuzz.mk
