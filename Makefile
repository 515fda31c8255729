# gradbook — the README's commands, and CI's.
#
# `make test` and `make workbook` install the Debian packages they need when
# they are missing (with apt-get when run as root; otherwise they print the
# one command to run), then build with SwiftPM.

SWIFT ?= swift
# Libraries the package links, the font the graphs are laid out with, KaTeX
# for math, and cmark's command (the tests compare our prose with it).
DEBIAN_PACKAGES := pkg-config libopenblas-dev libcmark-dev cmark libgraphviz-dev fonts-dejavu-core libjs-katex

.PHONY: all deps test bench workbook clean

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
	$(SWIFT) build -c release --product gradbook
	$(SWIFT) build -c release --product gradbook-bench
	python3 Benchmarks/run.py --runs $(RUNS) $(if $(QUICK),--quick) $(if $(ONLY),--only $(ONLY))

# Builds the workbook from lectures/ into output/.
workbook: deps
	$(SWIFT) build -c release --product gradbook
	.build/release/gradbook build

clean:
	rm -rf .build
