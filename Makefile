# gradbook — the README's commands, and CI's.
#
# `make test` and `make workbook` install the Debian packages they need when
# they are missing (with apt-get when run as root; otherwise they print the
# one command to run), then build with SwiftPM.

SWIFT ?= swift
DEBIAN_PACKAGES := libopenblas-dev pkg-config

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

# Runs every test (Swift Testing).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Builds in release mode and prints the engine's speed figures.
bench: deps
	$(SWIFT) build -c release --product gradbook-bench
	.build/release/gradbook-bench

# Builds the workbook from lectures/ into output/. Not there yet: the
# lecture build (`gradbook build`) is the issue "Lectures in, verified HTML
# and Markdown notes out"; until then this builds the engine and says so.
workbook: deps
	$(SWIFT) build
	@echo "gradbook build does not exist yet: lectures/ and output/ arrive with the lecture build."

clean:
	rm -rf .build
