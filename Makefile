# gongshi — the two set-up commands are `make demo` and `make test` (see README.md).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libjemalloc-dev libcurl4-openssl-dev
TEST_APT_PACKAGES := python3-venv chromium chromium-driver nginx rsync openssh-server openssh-client rclone systemd
BIN := .build/release/gongshi

.PHONY: deps test-deps apt-install venv build demo test bench layouts clean static install screenshots

# Installs the Debian packages gongshi links against, when any is missing.
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES) $(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; \
	for package in $(PACKAGES); do \
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

# The test virtualenv: chinese-calendar (the independent source the holiday data is checked
# against), selenium and pytest for the browser tests.
VENV := .venv
venv: $(VENV)/.installed
$(VENV)/.installed: Tests/requirements.txt | test-deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r Tests/requirements.txt
	touch $@

# Swift tests, then the browser tests (headless Chromium through selenium) on the demo site.
test: test-deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(VENV)/bin/python -m pytest -q Tests/browser

# Builds synthetic snapshots of 10k, 100k and 1M records and prints build and search figures,
# then, at 10k and 100k, the same records built by Hugo (Debian's) and searched with Pagefind
# (PyPI), beside gongshi in the same run (BENCH_SIZES=10000,100000 make bench for a shorter run;
# BENCH_FLAGS=--no-peers without the peers).
BENCH_SIZES ?= 10000,100000,1000000
BENCH_APT_PACKAGES := hugo
bench: deps venv
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(BENCH_APT_PACKAGES)"
	$(VENV)/bin/pip install -q -r scripts/bench-requirements.txt
	$(SWIFT) build -c release --product gongshi
	$(SWIFT) build -c release --product gongshi-bench
	.build/release/gongshi-bench --gongshi .build/release/gongshi --sizes $(BENCH_SIZES) $(BENCH_FLAGS)

# A release binary with the Swift runtime linked in: it needs only Debian's libraries
# (libsqlite3-0, libcmark-gfm*, libcurl4, libjemalloc2), no Swift toolchain (check: ldd).
STATIC_BIN := .build-static/release/gongshi
static: deps
	$(SWIFT) build -c release --product gongshi --static-swift-stdlib --scratch-path .build-static

# Installs the binary, the daily script, the systemd units, /etc/default/gongshi and an
# example site folder (the last two only when missing); as root without DESTDIR, also the
# gongshi user and its folders. PREFIX=/usr/local, DESTDIR= for a staging root.
PREFIX ?= /usr/local
install: static
	install -D -m 755 $(STATIC_BIN) $(DESTDIR)$(PREFIX)/bin/gongshi
	install -D -m 755 deploy/gongshi-daily.sh $(DESTDIR)$(PREFIX)/lib/gongshi/gongshi-daily.sh
	install -D -m 644 deploy/gongshi-daily.service $(DESTDIR)/etc/systemd/system/gongshi-daily.service
	install -D -m 644 deploy/gongshi-daily.timer $(DESTDIR)/etc/systemd/system/gongshi-daily.timer
	[ -e $(DESTDIR)/etc/default/gongshi ] || install -D -m 644 deploy/gongshi.default $(DESTDIR)/etc/default/gongshi
	[ -e $(DESTDIR)/etc/gongshi/site/site.toml ] || { install -d $(DESTDIR)/etc/gongshi/site && cp -R site.toml content $(DESTDIR)/etc/gongshi/site/ \
	  && key=$$(head -c 24 /dev/urandom | base64 | tr '+/' '-_') \
	  && sed -i "s|^subject_slug_key = .*|subject_slug_key = \"$$key\"|" $(DESTDIR)/etc/gongshi/site/site.toml; }
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	  id gongshi >/dev/null 2>&1 || useradd --system --home /var/lib/gongshi --shell /usr/sbin/nologin gongshi; \
	  install -d -o gongshi -g gongshi /var/lib/gongshi /var/lib/gongshi/state /var/lib/gongshi/reports /var/lib/gongshi/site; \
	  systemctl daemon-reload 2>/dev/null || true; \
	fi

# Re-embeds layouts/*.mustache into the binary after editing them.
layouts:
	./scripts/embed-layouts

# Every page kind at 390 px and 1280 px into screenshots/ (RECORDS=10000 for a synthetic site).
screenshots: build
	./scripts/screenshots screenshots $(RECORDS)

clean:
	rm -rf .build public demo.sqlite demo-report.json $(VENV)
