# Shared by the benchmark scripts of this directory (sourced, not run): Go tools built into the build
# cache, the baseline tree, machine load.

# go_tool NAME PACKAGE VERSION: builds a Go command from the module proxy into
# ~/.cache/neo4j-guard/tools/<name>-<version>/ once, the
# way kube-testenv builds kube-apiserver (static, no toolchain download, one package per core), and
# prints the binary's path. Progress goes to stderr, so stdout stays the path.
go_tool() {
  local name="$1" package="$2" version="$3" dir
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/neo4j-guard/tools/$name-$version"
  if [ ! -x "$dir/$name" ]; then
    command -v go >/dev/null || { echo "benchmark: needs Go to build $name" >&2; return 2; }
    echo "benchmark: building $package@$version from the Go module proxy into $dir" >&2
    mkdir -p "$dir"
    (cd "$dir" && GOBIN="$dir" GOTOOLCHAIN=local CGO_ENABLED=0 GOWORK=off GOFLAGS="-p=$(nproc)" \
      go install "$package@$version" >&2)
  fi
  echo "$dir/$name"
}

# The tree of a baseline commit, built by its own launcher, in ~/.cache/neo4j-guard/baseline/<sha>/
# (kept: building it costs minutes on a small machine, and a commit never changes). A plain export
# (git archive), not a registered worktree: nothing is left in the repository's metadata.
baseline_tree() {
  local root="$1" ref="$2" sha dir
  sha="$(git -C "$root" rev-parse --verify "$ref^{commit}")" || return 2
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/neo4j-guard/baseline/$sha"
  if [ ! -f "$dir/webhook-server/target/.launcher-built" ]; then
    echo "benchmark: building baseline $ref ($sha) in $dir" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$root" archive "$sha" | tar -x -C "$dir"
    # Built here rather than by its launcher: some commits' launchers cannot build (-Dmaven.test.skip
    # left out validation-core's test-jar that webhook-server's tests declare). -DskipTests compiles
    # the tests but runs none; the stamp then tells the launcher the distribution is current.
    (cd "$dir" && ./mvnw -q -B -o -DskipTests -pl webhook-server -am package >&2)
    touch "$dir/webhook-server/target/.launcher-built"
  fi
  echo "$dir"
}

# The default baseline: where this branch left main.
default_baseline() {
  git -C "$1" merge-base HEAD main 2>/dev/null || git -C "$1" rev-parse HEAD
}

loadavg() {
  cut -d' ' -f1-3 /proc/loadavg
}

# utime + stime of a process in microseconds (fields 14 and 15 of /proc/PID/stat, in clock ticks; the
# command name in field 2 may contain spaces, so count from the closing parenthesis).
cpu_us() {
  local ticks
  ticks="$(getconf CLK_TCK)"
  awk -v hz="$ticks" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000000 / hz }' "/proc/$1/stat"
}

# VmRSS and VmHWM (peak) of a process in MiB.
rss_mib() {
  awk '/^VmRSS:/ { r = $2 } /^VmHWM:/ { h = $2 } END { printf "%d %d\n", r / 1024, h / 1024 }' "/proc/$1/status"
}

median() {
  sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
