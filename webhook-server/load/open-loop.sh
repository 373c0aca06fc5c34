#!/usr/bin/env bash
# Open- and closed-loop load on `neo4j-guard serve --dev` with vegeta, this tree against a baseline
# commit in the same run (not part of ./mvnw verify: it measures speed).
#
#   webhook-server/load/open-loop.sh [--baseline REF] [--rounds N] [--rate R] [--seconds S]
#                                    [--warmup S] [--connections C] [--paths validate,mutate] [--jfr FILE]
#
# Per round and per tree (current, then baseline; the order flips every round so a trend in the
# machine's load does not favour one side), a fresh server is started through its ./neo4j-guard
# launcher (its JVM options and class-data archive are what is measured) and gets, per path:
#   - open loop: R reviews/s for S seconds (after --warmup seconds at the same rate, not
#     counted, on the same connections), vegeta keeping at most 64 keep-alive connections, as
#     kube-apiserver's Go client would;
#   - closed loop: C connections back to back for S seconds (vegeta -rate 0 with C workers), after
#     the same warm-up;
# and reports p50/p99/max, errors, reviews/s, server CPU per review (utime+stime of the server from
# /proc over the phase, divided by the requests), RSS, and the slowest answer of each client's first
# second (while it opens its connections); at the end RSS after four 7 MiB bodies
# (refused with 413; the buffer they needed must not stay). Then medians per tree and the ratio.
# The review is the 2.6 KB production-shaped cluster CREATE of load/ClusterReview.java.
#
# The machine may be shared: the load average is printed; compare only figures of one run.
# --jfr FILE: record a JFR profile (settings=profile) of the current tree's server over its first
# open-loop /validate phase.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lib.sh
. "$root/webhook-server/load/lib.sh"

baseline="" rounds=3 rate=1000 seconds=15 warmup=5 connections=8 paths=validate,mutate jfr=""
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --rate) rate="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --paths) paths="$2"; shift ;;
    --jfr) jfr="$2"; shift ;;
    *) echo "usage: $0 [--baseline REF] [--rounds N] [--rate R] [--seconds S] [--warmup S] [--connections C] [--paths validate,mutate] [--jfr FILE]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$baseline" ] || baseline="$(default_baseline "$root")"

vegeta="$(go_tool vegeta github.com/tsenart/vegeta/v12 v12.13.0)"
# The current tree: the launcher rebuilds it if its sources changed.
"$root/neo4j-guard" --version >/dev/null
base_tree="$(baseline_tree "$root" "$baseline")"
# One start of each tree before measuring: the launcher makes its class-data archive on the first start
# after a build (a training run), which is not what a restart of the server costs.
for tree in "$root" "$base_tree"; do
  "$tree/neo4j-guard" serve --exit-when-ready --port 0 --metrics-port -1 --bind 127.0.0.1 --lookups none >/dev/null 2>&1
done

work="$(mktemp -d -t neo4j-guard-open-loop.XXXXXX)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The review, taken from the Java text block so both benchmarks send the same bytes.
sed -n '/return """/,/""";/p' "$root/webhook-server/src/test/java/io/neo4jguard/webhook/load/ClusterReview.java" \
  | sed '1d;$d' | sed 's/^ *//' | tr -d '\n' >"$work/review.json"
# An oversized body: the review with 7 MiB of padding in an annotation (over the 3 MiB API-server limit).
python3 - "$work/review.json" "$work/big.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
r["request"]["object"]["metadata"]["annotations"]["pad"] = "x" * (7 << 20)
json.dump(r, open(sys.argv[2], "w"))
EOF

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# since NS: the CSV lines (vegeta encode --to csv) of requests sent at or after NS nanoseconds since the
# epoch (awk compares them as doubles: exact to a quarter of a microsecond, enough here).
since() {
  awk -F, -v t="$1" '$1 + 0 >= t + 0'
}

results="$work/results.tsv"
: >"$results"

# run_tree NAME TREE ROUND: one server, every phase; appends lines to $results.
run_tree() {
  local name="$1" tree="$2" round="$3" dir port mport t0 ready path phase cpu0 cpu1 report
  dir="$work/$name-$round" && mkdir -p "$dir"
  port="$(free_port)" mport="$(free_port)"
  t0="$(date +%s%N)"
  (cd "$dir" && exec "$tree/neo4j-guard" serve --dev --port "$port" --metrics-port "$mport" --lookups none \
    --shutdown-delay 0 >"$dir/server.log" 2>&1) &
  server_pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$mport/readyz"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; return 1; }
    sleep 0.01
  done
  ready=$(( ($(date +%s%N) - t0) / 1000000 ))
  # The launcher execs the JVM, so the shell's child is the server itself.
  printf '%s\t%s\tready\t-\t%s\n' "$name" "$round" "$ready" >>"$results"
  local ca="$dir/.neo4j-guard/dev-certs/ca.crt"
  for path in ${paths//,/ }; do
    printf 'POST https://127.0.0.1:%s/%s\nContent-Type: application/json\n@%s\n' "$port" "$path" "$work/review.json" >"$dir/target"
    for phase in open closed; do
      local attack=(-targets "$dir/target" -root-certs "$ca" -keepalive -max-connections 64 -timeout 10s)
      if [ "$phase" = open ]; then
        attack+=(-rate "$rate" -max-workers 64)
      else
        attack+=(-rate 0 -workers "$connections" -max-workers "$connections")
      fi
      # One client for warm-up and measurement, as the API server keeps its connections: a new vegeta
      # opens its 64 connections within 0.1 s (ss), 64 TLS handshakes at once, which is what a fresh
      # client costs, not what serving costs. That cost is reported on its own: the slowest answer of
      # the client's first second.
      "$vegeta" attack "${attack[@]}" -duration "$((warmup + seconds))s" >"$dir/$path-$phase.bin" &
      local vegeta_pid=$! start cut
      start="$(date +%s%N)"
      sleep "$warmup"
      cut="$(date +%s%N)"
      if [ -n "$jfr" ] && [ "$name" = current ] && [ "$round" = 1 ] && [ "$path" = validate ] && [ "$phase" = open ]; then
        jcmd "$server_pid" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
      fi
      cpu0="$(cpu_us "$server_pid")"
      wait "$vegeta_pid"
      cpu1="$(cpu_us "$server_pid")"
      if [ -n "$jfr" ] && [ "$name" = current ] && [ "$round" = 1 ] && [ "$path" = validate ] && [ "$phase" = open ]; then
        jcmd "$server_pid" JFR.stop name=bench >/dev/null
      fi
      "$vegeta" encode --to csv <"$dir/$path-$phase.bin" >"$dir/$path-$phase.csv"
      # The measured window: the requests sent after the warm-up (CSV: the first field is the send time in ns).
      report="$(since "$cut" <"$dir/$path-$phase.csv" | "$vegeta" report -type=json)"
      first="$(awk -F, -v t="$start" 'BEGIN { t += 1e9 } $1 + 0 < t + 0 && $3 > m { m = $3 } END { printf "%.1f", m / 1e6 }' \
        "$dir/$path-$phase.csv")"
      # name round path-phase reviews/s p50 p99 max(ms) errors cpu-us-per-review rss hwm first-second-max
      jq -r --arg n "$name" --arg r "$round" --arg p "$path-$phase" --argjson cpu "$((cpu1 - cpu0))" \
        --arg rss "$(rss_mib "$server_pid" | sed 's| | / |')" --arg first "$first" \
        '[$n, $r, $p, (.throughput | floor), (.latencies["50th"] / 1e6), (.latencies["99th"] / 1e6),
          (.latencies.max / 1e6), (.requests - (.status_codes["200"] // 0)),
          ($cpu / .requests | floor), $rss, $first] | @tsv' <<<"$report" >>"$results"
    done
  done
  local i
  for i in 1 2 3 4; do
    curl -s -o /dev/null --cacert "$ca" -H 'Content-Type: application/json' --data-binary "@$work/big.json" \
      "https://127.0.0.1:$port/validate" || true
  done
  sleep 1
  printf '%s\t%s\tafter-7MiB\t-\t%s\n' "$name" "$round" "$(rss_mib "$server_pid" | sed 's| | / |')" >>"$results"
  kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

echo "open-loop.sh: current $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo '+dirty')" \
  "vs baseline $(git -C "$root" rev-parse --short "$baseline"); $rate reviews/s open loop and $connections connections" \
  "closed loop, ${seconds} s each after ${warmup} s warm-up; $(nproc) cores; load average $(loadavg)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    run_tree current "$root" "$round"; run_tree baseline "$base_tree" "$round"
  else
    run_tree baseline "$base_tree" "$round"; run_tree current "$root" "$round"
  fi
  echo "round $round done; load average $(loadavg)" >&2
done

echo
echo "| tree | round | phase | reviews/s | p50 ms | p99 ms | max ms | errors | CPU µs/review | RSS / peak MiB | new client: 1st s max ms |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '$3 != "ready" && $3 != "after-7MiB" { printf "| %s | %s | %s | %s | %.2f | %.2f | %.1f | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }' "$results"
echo
awk -F'\t' '$3 == "ready" { printf "%s round %s: ready through the launcher in %s ms\n", $1, $2, $5 }
  $3 == "after-7MiB" { printf "%s round %s: RSS / peak after four 7 MiB bodies: %s MiB\n", $1, $2, $5 }' "$results"
echo
echo "Medians over the rounds (ratio = current / baseline):"
echo "| phase | reviews/s current | baseline | ratio | CPU µs/review current | baseline | ratio | p99 ms current | baseline | errors current | baseline |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for phase in $(awk -F'\t' '$3 ~ /-(open|closed)$/ { print $3 }' "$results" | awk '!seen[$0]++'); do
  col() { awk -F'\t' -v t="$1" -v p="$phase" -v c="$2" '$1 == t && $3 == p { print $c }' "$results" | median; }
  errs() { awk -F'\t' -v t="$1" -v p="$phase" '$1 == t && $3 == p { s += $8 } END { print s + 0 }' "$results"; }
  tc="$(col current 4)" tb="$(col baseline 4)" cc="$(col current 9)" cb="$(col baseline 9)"
  printf '| %s | %s | %s | %.2f | %s | %s | %.2f | %s | %s | %s | %s |\n' "$phase" "$tc" "$tb" \
    "$(awk -v a="$tc" -v b="$tb" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$cc" "$cb" \
    "$(awk -v a="$cc" -v b="$cb" 'BEGIN { print (b > 0 ? a / b : 0) }')" "$(col current 6 | xargs printf '%.2f')" "$(col baseline 6 | xargs printf '%.2f')" \
    "$(errs current)" "$(errs baseline)"
done
echo
echo "load average at the end: $(loadavg)"
