# Robustness targets, included by the main Makefile. Fuzzing is never part of `make test` or CI;
# what it finds is kept as Fixtures/robustness/ inputs that RobustnessTests runs on every build.

FUZZ_SCRATCH ?= .build-fuzz
# release (-O, bounds and overflow checks kept) runs libFuzzer about 4x faster than debug here.
FUZZ_CONFIG ?= release
SECONDS ?= 60
FUZZ_SWIFTFLAGS = -Xswiftc -sanitize=fuzzer,address
FUZZ_BUILD = $(SWIFT) build -c $(FUZZ_CONFIG) --package-path Fuzz --scratch-path $(FUZZ_SCRATCH) $(FUZZ_SWIFTFLAGS)
FUZZ_SEEDS = Fixtures/html Fixtures/text Fixtures/robustness Fixtures/saved ../shared/corpus/html ../shared/corpus/text \
	../shared/corpus/legacy-encoding

.PHONY: fuzz fuzz-text fuzz-readers fuzz-containers test-asan test-tsan

## fuzz: libFuzzer on the whole parse entry (bytes -> Document -> JSON, Markdown, text) for SECONDS (default 60).
fuzz: deps
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TARGET=FuzzParse FUZZ_DICT=Fuzz/html.dict FUZZ_MAX_LEN=65536

## fuzz-text: libFuzzer on the plain-text reader and segmenter alone for SECONDS (default 60).
fuzz-text: deps
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TARGET=FuzzText FUZZ_DICT=Fuzz/text.dict FUZZ_MAX_LEN=16384

## fuzz-readers: libFuzzer on the HTML readers: each input parsed with maqal's own reader and with libxml2 alone
## must render the same JSON and Markdown (SECONDS, default 60).
fuzz-readers: deps
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TARGET=FuzzReaders FUZZ_DICT=Fuzz/html.dict FUZZ_MAX_LEN=65536

## fuzz-containers: libFuzzer on the parse entry, seeded with saved pages (MHTML, webarchive, SingleFile, gzip).
fuzz-containers: deps
	@$(MAKE) --no-print-directory fuzz-run FUZZ_TARGET=FuzzParse FUZZ_DICT=Fuzz/containers.dict FUZZ_MAX_LEN=65536 \
	  FUZZ_SEEDS=Fixtures/saved FUZZ_GZIP_SEEDS=1

# Seeds are copied into a temporary folder, so libFuzzer never writes into the repository; the
# corpus it grows and any crash, timeout or leak it finds stay under $(FUZZ_SCRATCH).
.PHONY: fuzz-run
fuzz-run:
	@mkdir -p $(FUZZ_SCRATCH)
	@# ld.gold warns once per ASan helper symbol ("Cannot export local symbol"); the rest is shown.
	@$(FUZZ_BUILD) --product $(FUZZ_TARGET) > $(FUZZ_SCRATCH)/build.log 2>&1; status=$$?; \
	  grep -v "Cannot export local symbol" $(FUZZ_SCRATCH)/build.log; exit $$status
	@seeds=$$(mktemp -d) && trap 'rm -rf "$$seeds"' EXIT && \
	for folder in $(FUZZ_SEEDS); do \
	  [ -d "$$folder" ] && find "$$folder" -type f ! -name '*.expected.*' ! -name '*.md' ! -name '*.json' ! -name '*.py' \
	    -exec cp {} "$$seeds"/ \; ; \
	done; \
	if [ -n "$(FUZZ_GZIP_SEEDS)" ]; then \
	  for seed in "$$seeds"/*; do gzip -c "$$seed" > "$$seed.gz"; done; \
	fi; \
	mkdir -p $(FUZZ_SCRATCH)/corpus/$(FUZZ_TARGET) $(FUZZ_SCRATCH)/artifacts && \
	echo "fuzz: $(FUZZ_TARGET) for $(SECONDS) s; corpus $(FUZZ_SCRATCH)/corpus/$(FUZZ_TARGET), findings $(FUZZ_SCRATCH)/artifacts/" && \
	$(FUZZ_SCRATCH)/$(FUZZ_CONFIG)/$(FUZZ_TARGET) $(FUZZ_SCRATCH)/corpus/$(FUZZ_TARGET) "$$seeds" \
	  -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) -dict=$(FUZZ_DICT) \
	  -artifact_prefix=$(FUZZ_SCRATCH)/artifacts/$(FUZZ_TARGET)- -print_final_stats=1

## test-asan: the test suite under AddressSanitizer and LeakSanitizer (its own scratch folder, .build-asan).
test-asan: test-deps
	$(SWIFT) build
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --scratch-path .build-asan -Xswiftc -sanitize=address

## test-tsan: the test suite under ThreadSanitizer (its own scratch folder, .build-tsan).
test-tsan: test-deps
	$(SWIFT) build
	$(SWIFT) test --scratch-path .build-tsan -Xswiftc -sanitize=thread
