#!/usr/bin/env bash
# xjc copies schema documentation into javadoc verbatim; OVAL's Windows schemas mention paths such as
# "domain\user", which javac reads as a broken unicode escape. Rewrites such a backslash as \u005c (javac
# turns it back into a backslash and does not read what follows as another escape). Idempotent.
set -euo pipefail
dir=${1:?generated sources dir}
[[ -d "$dir" ]] || exit 0
{ grep -rlP '\\u(?![0-9a-fA-F]{4})' --include='*.java' "$dir" || true; } | while read -r f; do
  perl -pi -e 's/\\u(?![0-9a-fA-F]{4})/\\u005cu/g' "$f"
done
