# gradbook — the README's commands, and CI's.
#
# `make test` and `make workbook` install the Debian packages they need when
# they are missing (with apt-get when run as root; otherwise they print the
# one command to run), then build with SwiftPM.

SWIFT ?= swift
# Libraries the package links, the font the graphs are laid out with, KaTeX
# for math, cmark's command (the tests compare our prose with it), zlib
# (the CRC-32 of the build cache's entries), and Chromium, which the browser
# tests load every page in, headless.
DEBIAN_PACKAGES := pkg-config libopenblas-dev libcmark-dev cmark libgraphviz-dev fonts-dejavu-core libjs-katex zlib1g-dev chromium libcurl4-openssl-dev

# Release builds link Swift's runtime and Foundation in: loaded as fifteen
# shared libraries, the largest of the process, they cost every gradbook
# process 9 ms of its start (24.5 → 15.7 ms for a lecture with no example).
# FoundationNetworking, which FlyingFox imports, needs curl's shared library,
# hence libcurl4-openssl-dev to link: only gradbook-http, serve's page server,
# links it (PageServer.swift). Debug builds, which the tests use, keep the
# shared libraries.
RELEASE := build -c release --static-swift-stdlib

.PHONY: all deps test bench workbook serve fuzz clean

all: test

# Installs what is missing, or says how.
deps:
	@missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages; run: sudo apt-get install -y$$missing"; exit 2; \
	  fi; \
	fi

# Runs every test (Swift Testing), then checks that output/ is what the lectures give.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	.build/debug/gradbook build --check

# Issue 7's benchmark: builds in release mode, installs the peers (numpy, micrograd,
# JAX; PyTorch from a CPU-only wheel if one is reachable) into .venv-bench/, runs every
# workload in gradbook and each peer, each run its own process, round-robin, RUNS rounds,
# prints the table and writes Benchmarks/results.md. `make bench QUICK=1`: one round,
# nothing written; `make bench ONLY=W2-net,W3-step`: those workloads.
BENCH_PACKAGES := python3 python3-venv time
RUNS ?= 5
bench: DEBIAN_PACKAGES += $(BENCH_PACKAGES)
bench: deps
	$(SWIFT) $(RELEASE) --product gradbook
	$(SWIFT) $(RELEASE) --product gradbook-bench
	python3 Benchmarks/run.py --runs $(RUNS) $(if $(QUICK),--quick) $(if $(ONLY),--only $(ONLY))

# Builds the workbook from lectures/ into output/.
workbook: deps
	$(SWIFT) $(RELEASE) --product gradbook
	.build/release/gradbook build

# Builds the workbook and serves it on 127.0.0.1:8000, rebuilding on every save.
serve: deps
	$(SWIFT) $(RELEASE) --product gradbook
	$(SWIFT) $(RELEASE) --product gradbook-http
	.build/release/gradbook serve

# Fuzzes the spec parser and evaluator, then the whole lecture pipeline, with
# libFuzzer for FUZZ_SECONDS each (one worker, at the lowest priority). The
# build has its own scratch folder; the corpus grows in .build-fuzz/corpus
# from seeds (the lectures, their graph blocks, the bad specs); a crash, hang
# or sanitizer report is saved in .build-fuzz/artifacts and stops the run.
FUZZ_SECONDS ?= 60
# Instrumented for coverage and AddressSanitizer, linked with libFuzzer's
# no-main runtime: the harness's own main calls LLVMFuzzerRunDriver (with
# -sanitize=fuzzer libFuzzer's main clashes with SwiftPM's), through lld
# (gold fails on AddressSanitizer's symbols).
FUZZ_RUNTIME = $(firstword $(wildcard $(dir $(shell readlink -f $$(command -v swiftc)))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))
FUZZ_BUILD = $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -DFUZZING \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld -Xlinker $(FUZZ_RUNTIME) -Xlinker -lstdc++
fuzz: deps
	$(FUZZ_BUILD) --product fuzz-spec
	$(FUZZ_BUILD) --product fuzz-lecture
	Fuzz/seed .build-fuzz/corpus
	mkdir -p .build-fuzz/artifacts
	for target in spec lecture; do \
	  ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no nice -n 19 .build-fuzz/debug/fuzz-$$target \
	    .build-fuzz/corpus/$$target -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=3072 \
	    -max_len=65536 -artifact_prefix=.build-fuzz/artifacts/$$target- -print_final_stats=1 || exit 1; \
	done

clean:
	rm -rf .build .build-fuzz
