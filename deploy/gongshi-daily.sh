#!/bin/sh
# Daily publication of the 失信案例核查 column: build for today (China Standard Time), audit
# the new site, publish it to the web host and check there, over HTTP, that the host serves it
# and none of the removed pages. Nothing is published when the snapshot is bad or the audit
# finds anything; any failure exits non-zero, and the next run repairs what this one left
# (publish makes the host equal to the local site on every run, changed or not).
#
# Settings (environment, e.g. from /etc/default/gongshi):
#   GONGSHI           the gongshi binary                     (default: gongshi on PATH)
#   GONGSHI_SNAPSHOT  the snapshot exported by the platform  (default: /var/lib/gongshi/snapshot.sqlite)
#   GONGSHI_SITE      the site folder                        (default: /etc/gongshi/site)
#   GONGSHI_OUT       the built site                         (default: /var/lib/gongshi/site/sxalhc)
#   GONGSHI_REPORTS   where build reports are kept           (default: /var/lib/gongshi/reports)
#   GONGSHI_STATE     staging folder, previous site, lock, manifests and cache, never served;
#                     on the output's file system            (default: /var/lib/gongshi/state)
#   GONGSHI_PUBLISH   "no" when the web server serves GONGSHI_OUT itself (no upload)
#   GONGSHI_TO        the destination, overriding site.toml's [publish] to
#                     (USER@HOST:/FOLDER, a local folder, rclone:REMOTE:BUCKET/PATH)
#   GONGSHI_BASE_URL  the column's address, overriding site.toml's base_url for the check
#   GONGSHI_PUBLISH_OPTIONS  more options of `gongshi publish` (e.g. --bandwidth 2048)
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
GONGSHI_OUT=${GONGSHI_OUT:-/var/lib/gongshi/site/sxalhc}
GONGSHI_REPORTS=${GONGSHI_REPORTS:-/var/lib/gongshi/reports}
GONGSHI_STATE=${GONGSHI_STATE:-/var/lib/gongshi/state}

today=$(TZ=Asia/Shanghai date +%F)
mkdir -p "$GONGSHI_REPORTS"
report="$GONGSHI_REPORTS/build-$today.json"

"$GONGSHI" build --snapshot "$GONGSHI_SNAPSHOT" --site "$GONGSHI_SITE" --out "$GONGSHI_OUT" \
  --state "$GONGSHI_STATE" --as-of "$today" --audit --report "$report"

# A second, independent look at the built site.
"$GONGSHI" audit --snapshot "$GONGSHI_SNAPSHOT" --site "$GONGSHI_SITE" --out "$GONGSHI_OUT" --as-of "$today"

set --
if [ -n "${GONGSHI_BASE_URL:-}" ]; then set -- "$@" --base-url "$GONGSHI_BASE_URL"; fi
if [ "${GONGSHI_PUBLISH:-yes}" = no ]; then
  # The web server serves GONGSHI_OUT itself: check what it serves.
  if [ -n "${GONGSHI_BASE_URL:-}" ]; then
    "$GONGSHI" verify --out "$GONGSHI_OUT" --state "$GONGSHI_STATE" "$@"
  fi
else
  if [ -n "${GONGSHI_TO:-}" ]; then set -- "$@" --to "$GONGSHI_TO"; fi
  # Every run, not only after a change: yesterday's upload may have failed, and a record whose
  # window closed yesterday must not stay on the web host because today's build is "unchanged".
  # shellcheck disable=SC2086 # the options are words on purpose
  "$GONGSHI" publish --out "$GONGSHI_OUT" --state "$GONGSHI_STATE" --site "$GONGSHI_SITE" "$@" ${GONGSHI_PUBLISH_OPTIONS:-}
fi
