#!/bin/sh
# Daily publication of the 失信案例核查 column: build for today (China Standard Time), audit
# the new site, and only then swap it in. Nothing is published when the snapshot is bad or
# the audit finds anything; the previous site stays online and the exit status is non-zero.
#
# Settings (environment, e.g. from /etc/default/gongshi):
#   GONGSHI           the gongshi binary                     (default: gongshi on PATH)
#   GONGSHI_SNAPSHOT  the snapshot exported by the platform  (default: /var/lib/gongshi/snapshot.sqlite)
#   GONGSHI_SITE      the site folder                        (default: /etc/gongshi/site)
#   GONGSHI_OUT       the published folder                   (default: /srv/www/sxalhc)
#   GONGSHI_REPORTS   where build reports are kept           (default: /var/lib/gongshi/reports)
#   GONGSHI_STATE     staging folder, previous site, lock, manifests and cache, never served;
#                     on the output's file system            (default: /var/lib/gongshi/state)
#   GONGSHI_SYNC      optional command that copies GONGSHI_OUT to the web host, e.g. an rsync;
#                     run on every run, changed or not, so that a day whose upload failed is
#                     repaired by the next run (rsync sends only what differs)
#   GONGSHI_BASE_URL  the column's address on the web host; when set, `gongshi verify` checks
#                     over HTTP after the sync that the host serves the site as published and
#                     none of the pages removed in the last 60 days
# GONGSHI_DEFAULTS names a file of such settings read first (default /etc/default/gongshi, when
# it exists); its variables are exported, whether or not the file says `export`.
set -eu

defaults=${GONGSHI_DEFAULTS:-/etc/default/gongshi}
if [ -r "$defaults" ]; then
  set -a
  . "$defaults"
  set +a
fi

GONGSHI=${GONGSHI:-gongshi}
GONGSHI_SNAPSHOT=${GONGSHI_SNAPSHOT:-/var/lib/gongshi/snapshot.sqlite}
GONGSHI_SITE=${GONGSHI_SITE:-/etc/gongshi/site}
GONGSHI_OUT=${GONGSHI_OUT:-/srv/www/sxalhc}
GONGSHI_REPORTS=${GONGSHI_REPORTS:-/var/lib/gongshi/reports}
GONGSHI_STATE=${GONGSHI_STATE:-/var/lib/gongshi/state}

today=$(TZ=Asia/Shanghai date +%F)
mkdir -p "$GONGSHI_REPORTS"
report="$GONGSHI_REPORTS/build-$today.json"

"$GONGSHI" build --snapshot "$GONGSHI_SNAPSHOT" --site "$GONGSHI_SITE" --out "$GONGSHI_OUT" \
  --state "$GONGSHI_STATE" --as-of "$today" --audit --report "$report"

# A second, independent look at what is now online.
"$GONGSHI" audit --snapshot "$GONGSHI_SNAPSHOT" --site "$GONGSHI_SITE" --out "$GONGSHI_OUT" --as-of "$today"

# Every run, not only after a change: yesterday's upload may have failed, and a record whose
# window closed yesterday must not stay on the web host because today's build is "unchanged".
if [ -n "${GONGSHI_SYNC:-}" ]; then
  sh -c "$GONGSHI_SYNC"
fi

# What citizens see: every removed page gone, every changed file as published.
if [ -n "${GONGSHI_BASE_URL:-}" ]; then
  "$GONGSHI" verify --out "$GONGSHI_OUT" --state "$GONGSHI_STATE" --base-url "$GONGSHI_BASE_URL"
fi
