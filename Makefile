# gongshi — the two set-up commands are `make demo` and `make test` (see README.md).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev
BIN := .build/release/gongshi

.PHONY: deps build demo test layouts clean

# Installs the Debian packages gongshi links against, when any is missing.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release

# Writes the built-in demo snapshot, builds the demo site into public/ and audits it.
demo: build
	$(BIN) demo --out demo.sqlite
	$(BIN) build --snapshot demo.sqlite --site . --out public --report demo-report.json
	$(BIN) audit --snapshot demo.sqlite --site . --out public

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Re-embeds layouts/*.mustache into the binary after editing them.
layouts:
	./scripts/embed-layouts

clean:
	rm -rf .build public demo.sqlite demo-report.json
