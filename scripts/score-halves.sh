#!/usr/bin/env bash
# Scores the extractor on the tune and check halves of every shared dev set (../shared/eval/split.py),
# plus the seed article. Read errors only on tune; report both. Usage: scripts/score-halves.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/actormap}
shared=../shared
out=${TMPDIR:-/tmp}/actormap-halves
mkdir -p "$out"
"$bin" extract --json "$shared"/data/seed/*.txt > "$out/seed.json"
echo "seed: $(python3 "$shared"/eval/score.py "$out/seed.json" "$shared"/data/seed | grep -E '^map_' | tr '\n' ' ')"
for set in re3d-dev plover-dev gum-dev; do
  python3 "$shared"/eval/split.py "$shared/data/$set/docs" "$out/$set" > /dev/null
  for half in tune check; do
    "$bin" extract --json "$out/$set/$half"/*.txt > "$out/$set-$half.json" 2> /dev/null
    echo "== $set $half"
    python3 "$shared"/eval/score.py "$out/$set-$half.json" "$out/$set/$half" | grep -vE '^\s*$' | head -20
  done
done
