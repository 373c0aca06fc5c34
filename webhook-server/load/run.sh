#!/usr/bin/env bash
# Load test of `neo4j-guard serve` (not part of ./mvnw verify: it measures speed).
#
#   webhook-server/load/run.sh [--rates 100,1000,max] [--seconds 10] [--warmup 5]
#
# Builds the distribution and the driver (offline if the Maven repository is warm), starts the
# server through the ./neo4j-guard launcher (so its JVM options are what is measured), and prints
# cold start to ready, then p50/p99/max latency, requests/s and server RSS for a realistic
# Neo4jEnterpriseCluster review over TLS with keep-alive at each rate. Results: docs/benchmarks.md.
# NEO4J_GUARD_JAVA_OPTS overrides the server's JVM options, as for the launcher.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
offline=()
[ -d "${HOME:-/nonexistent}/.m2/repository/io/javalin" ] && offline=(-o)
./mvnw -q -B "${offline[@]}" -pl webhook-server -am test-compile package -DskipTests >&2
# Let the launcher build its distribution and make its class-data archive now (a training start), so
# cold start below measures a start as users see it, not a build.
./neo4j-guard serve --exit-when-ready --port 0 --metrics-port -1 --bind 127.0.0.1 --lookups none >/dev/null
dist="$root/webhook-server/target"
exec java -XX:+UseSerialGC -cp "$dist/test-classes:$dist/webhook-server.jar:$dist/lib/*" \
  io.neo4jguard.webhook.load.LoadDriver "$@" -- "$root/neo4j-guard" serve
