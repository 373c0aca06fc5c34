#!/usr/bin/env bash
# Wall clock and peak RSS of whole `./neo4j-guard` processes, this tree against a baseline commit and
# against kubeconform (schema validation only, with our CRDs' schemas), in the same run (not part of
# ./mvnw verify: it measures speed).
#
#   webhook-server/load/cli-vs-kubeconform.sh [--baseline REF] [--rounds N] [--files F]
#
# The tree: F files (default 1,000) of ten documents each, the mix of validation-core's CliThroughput
# (a cluster, five databases, a backup, a plugin, a Secret, a ConfigMap per namespace), so 10 F objects.
# Measured, per round, each tool in turn (the order rotates every round so a trend in the machine's load
# favours none): `--version`, one file (ten objects), the whole tree. Figures are medians over rounds.
# kubeconform gets one JSON schema per CRD version (openAPIV3Schema, as its openapi2jsonschema does) and
# skips the core kinds it has no local schema for (-ignore-missing-schemas: no network).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=lib.sh
. "$root/webhook-server/load/lib.sh"

baseline="" rounds=3 files=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --files) files="$2"; shift ;;
    *) echo "usage: $0 [--baseline REF] [--rounds N] [--files F]" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$baseline" ] || baseline="$(default_baseline "$root")"

kubeconform="$(go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform v0.7.0)"
"$root/neo4j-guard" --version >/dev/null
base_tree="$(baseline_tree "$root" "$baseline")"

work="$(mktemp -d -t neo4j-guard-cli-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/tree" "$files" <<'EOF'
import os, sys
root, files = sys.argv[1], int(sys.argv[2])
for i in range(files):
    ns = f"ns-{i}"
    docs = [f"""apiVersion: neo4j.neo4j.com/v1beta1
kind: Neo4jEnterpriseCluster
metadata: {{name: graph, namespace: {ns}, labels: {{team: t{i % 7}}}}}
spec:
  acceptLicenseAgreement: "yes"
  image: {{repo: neo4j, tag: "5.26.12-enterprise"}}
  topology: {{servers: {3 + 2 * (i % 2)}}}
  resources:
    requests: {{cpu: "2", memory: 8Gi}}
    limits: {{cpu: "2", memory: 8Gi}}
  storage: {{size: 50Gi}}
  auth: {{adminSecret: neo4j-admin}}
  config:
    server.memory.heap.max_size: 3g
    server.memory.pagecache.size: 3g
"""]
    for d in range(5):
        ref = "missing" if d == 4 and i % 10 == 0 else "graph"
        docs.append(f"""apiVersion: neo4j.neo4j.com/v1beta1
kind: Neo4jDatabase
metadata: {{name: db{d}, namespace: {ns}}}
spec: {{clusterRef: {ref}, name: db{d}, topology: {{primaries: {1 + d % 3}}}}}
""")
    docs.append(f"""apiVersion: neo4j.neo4j.com/v1beta1
kind: Neo4jBackup
metadata: {{name: nightly, namespace: {ns}}}
spec:
  target: {{kind: Cluster, name: graph}}
  schedule: "0 2 * * *"
  storage: {{type: pvc, pvc: {{name: backups}}}}
""")
    docs.append(f"""apiVersion: neo4j.neo4j.com/v1beta1
kind: Neo4jPlugin
metadata: {{name: apoc, namespace: {ns}}}
spec: {{clusterRef: graph, name: apoc, version: "5.26.0"}}
""")
    docs.append(f"apiVersion: v1\nkind: Secret\nmetadata: {{name: neo4j-admin, namespace: {ns}}}\n"
                "stringData: {username: neo4j, password: not-a-real-one}\n")
    docs.append(f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: settings, namespace: {ns}}}\ndata: {{mode: prod}}\n")
    d = os.path.join(root, f"team-{i // 100:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"app-{i:05d}.yaml"), "w") as f:
        f.write("---\n".join(docs))
EOF
one="$work/tree/team-000/app-00000.yaml"

# kubeconform's schema layout: <kind lower-cased>_<version>.json, the schema being the CRD version's
# openAPIV3Schema (what kubeconform's openapi2jsonschema.py writes).
mkdir -p "$work/schemas"
python3 - "$work/schemas" "$root"/charts/*/crds/*.yaml <<'EOF'
import json, os, sys, yaml
out = sys.argv[1]
for path in sys.argv[2:]:
    crd = yaml.safe_load(open(path))
    kind = crd["spec"]["names"]["kind"].lower()
    for v in crd["spec"]["versions"]:
        with open(os.path.join(out, f"{kind}_{v['name']}.json"), "w") as f:
            json.dump(v["schema"]["openAPIV3Schema"], f)
EOF

tools=(current baseline kubeconform)
command_of() { # TOOL CASE -> the command line
  local bin
  case "$1" in
    current) bin="$root/neo4j-guard" ;;
    baseline) bin="$base_tree/neo4j-guard" ;;
    kubeconform)
      case "$2" in
        version) echo "$kubeconform -v" ;;
        one) echo "$kubeconform -summary -ignore-missing-schemas -schema-location $work/schemas/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json $one" ;;
        tree) echo "$kubeconform -summary -ignore-missing-schemas -schema-location $work/schemas/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json $work/tree" ;;
      esac
      return ;;
  esac
  case "$2" in
    version) echo "$bin --version" ;;
    one) echo "$bin check $one" ;;
    tree) echo "$bin check $work/tree" ;;
  esac
}

results="$work/results.tsv"
: >"$results"
echo "cli-vs-kubeconform.sh: current $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo '+dirty')" \
  "vs baseline $(git -C "$root" rev-parse --short "$baseline") vs kubeconform v0.7.0; $((files * 10)) objects in $files files;" \
  "$(nproc) cores; load average $(loadavg)"
for round in $(seq 1 "$rounds"); do
  for k in 0 1 2; do
    tool="${tools[$(( (round + k) % 3 ))]}"
    for case in version one tree; do
      # %e wall seconds, %M peak RSS in KiB (of the process and the children it waited for: the
      # launcher's own JVMs count). Exit status 1 (findings) is expected.
      # shellcheck disable=SC2046
      /usr/bin/time -f "%e %M" -o "$work/time" $(command_of "$tool" "$case") >/dev/null 2>"$work/err" || true
      # The last line: a failing command's status line ("Command exited with ...") comes first.
      read -r wall kib < <(tail -n 1 "$work/time")
      case "$wall" in *[!0-9.]* | '') cat "$work/err" >&2; exit 1 ;; esac
      printf '%s\t%s\t%s\t%s\n' "$tool" "$case" "$wall" "$((kib / 1024))" >>"$results"
    done
  done
  echo "round $round done; load average $(loadavg)" >&2
done

echo
echo "Medians over $rounds rounds (wall s / peak RSS MiB):"
echo "| run | current | baseline | kubeconform | current / baseline (wall) |"
echo "|---|---|---|---|---|"
for case in version one tree; do
  col() { awk -F'\t' -v t="$1" -v c="$case" -v f="$2" '$1 == t && $2 == c { print $f }' "$results" | median; }
  wc_="$(col current 3)" wb="$(col baseline 3)"
  printf '| %s | %s s / %s MiB | %s s / %s MiB | %s s / %s MiB | %.2f |\n' "$case" "$wc_" "$(col current 4)" \
    "$wb" "$(col baseline 4)" "$(col kubeconform 3)" "$(col kubeconform 4)" \
    "$(awk -v a="$wc_" -v b="$wb" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
echo
echo "load average at the end: $(loadavg)"
