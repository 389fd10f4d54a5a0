#!/usr/bin/env bash
# Times what a user waits for when opening big or odd input (issue 11, "Bad and big input"), end to end
# through `extract --json`, and the most memory it held (maximum resident set, from /usr/bin/time):
#   1. one article of 2, 8, 20 and 200 MB (time should grow in proportion to the size);
#   2. one line of 5 MB with no sentence stop;
#   3. 10,000 articles of about 5 KB (about 50 MB) opened as one folder.
# The inputs are made by scripts/make-big-inputs.py (deterministic) into $TMPDIR/actormap-big (about 330 MB
# of disk). Each figure is one run. Usage: scripts/bench-big-input.sh [BINARY] [NAME...]
# where NAME is any of big-2mb big-8mb big-20mb big-200mb nostop-5mb many (default: all).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/actormap}
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(big-2mb big-8mb big-20mb big-200mb nostop-5mb many)
dir=${TMPDIR:-/tmp}/actormap-big
mkdir -p "$dir"
for name in "${names[@]}"; do
  if [ ! -e "$dir/$name.txt" ] && [ ! -d "$dir/$name" ]; then
    python3 scripts/make-big-inputs.py "$dir" --only "$name"
  fi
done
[ -x /usr/bin/time ] || { echo "bench-big-input: needs /usr/bin/time (GNU time) for the memory figure" >&2; exit 1; }
echo "cores: $(nproc)"
for name in "${names[@]}"; do
  input="$dir/$name.txt"
  [ -d "$dir/$name" ] && input="$dir/$name"
  size=$(du -sb --apparent-size "$input" | awk '{printf "%.1f", $1 / 1e6}')
  /usr/bin/time -f "%e %U %M" -o "$dir/time.txt" "$bin" extract --json "$input" > /dev/null
  read -r wall user rss < "$dir/time.txt"
  printf '%-11s %7s MB  %7.2f s (%.2f s CPU)  max resident %5d MB\n' "$name" "$size" "$wall" "$user" $((rss / 1024))
done
