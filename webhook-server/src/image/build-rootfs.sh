#!/usr/bin/env bash
# Stages the file trees Jib layers onto the image's base (see the jib-maven-plugin in ../../pom.xml):
#
#   OUT/runtime   /opt/java: a Java runtime trimmed by jlink to the modules the distribution uses
#   OUT/base      with BASE=debian only: the C library, libgcc_s, libstdc++ and zlib from pinned Debian
#                 packages, /etc/passwd with the non-root user 65532, an empty /tmp — the offline stand-in
#                 for distroless' java-base-debian12, which has the same files (BASE=distroless: empty)
#
# Usage: build-rootfs.sh OUT BASE JAVA_HOME TARGET
#   JAVA_HOME  the JDK that built the distribution (its jlink and jmods make the runtime)
#   TARGET     webhook-server/target (webhook-server.jar and lib/*.jar)
# Needs on the build machine: a JDK 17 with jmods; for BASE=debian also apt-get and dpkg-deb (Debian or
# Ubuntu), with deb.debian.org reachable on the first run (the packages are cached afterwards).
set -euo pipefail

out="$1" base="$2" java_home="$3" target="$4"
here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${NEO4J_GUARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/neo4j-guard}/debs"

say() { echo "[image] $*" >&2; }

rm -rf "$out/runtime" "$out/base"
mkdir -p "$out/runtime/opt" "$out/base"

# --- The runtime ---------------------------------------------------------------------------------
# The modules jdeps finds in our jar and its libraries, plus those reached only through ServiceLoader,
# which jdeps cannot see:
# - jdk.crypto.ec: the SunEC provider — ECDHE key exchange and EC certificates in every TLS handshake
#   (the webhook's port, the API server's), and the P-256 keys `certs` issues;
# - jdk.localedata is left out on purpose: messages and formats are English/ROOT only.
# jdeps walks some 90 jars (about 10 s); its answer is kept until a jar changes.
jars=("$target/webhook-server.jar" "$target"/lib/*.jar)
sum="$(cat "${jars[@]}" | sha256sum | cut -c1-16)"
modules_file="$out/modules-$sum.txt"
if [ ! -f "$modules_file" ]; then
  say "jdeps: finding the Java modules the distribution needs"
  # --ignore-missing-deps: optional dependencies of libraries (e.g. Jetty's HTTP/3, Javalin's template
  # engines) that we neither ship nor call; --multi-release 17: read the Java 17 view of MR jars.
  # Every jar is an input (not --class-path too, or each package is reported as split); the answer is the
  # last line. --module-path: a jar with a module-info (the Neo4j driver's) has its `requires` resolved
  # there (org.reactivestreams), else jdeps stops with FindException.
  "$java_home/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
      --module-path "$target/lib" "${jars[@]}" \
      2>/dev/null | tail -n 1 > "$modules_file.tmp"
  grep -qx '[a-z0-9.,]*java\.base[a-z0-9.,]*' "$modules_file.tmp" || { say "jdeps failed"; exit 1; }
  mv "$modules_file.tmp" "$modules_file"
fi
modules="$(tr -d '\n' < "$modules_file"),jdk.crypto.ec"
say "jlink: $modules"
# --strip-debug: no line numbers in the JDK's own frames (ours keep theirs: our jars are copied as built);
# --compress=2 (zip) halves the modules file; --generate-cds-archive: the JDK's default class-data-sharing
# archive for the trimmed module set, which saves a few hundred milliseconds of every start.
# --exclude-files: java.desktop's native libraries for X11, sound and fonts link libX11, libasound and
# libfreetype, which the image does not have: they could never load (we use java.beans, not AWT).
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/runtime/opt/java" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
    --exclude-files='**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so,**/libfontmanager.so,**/libjawt.so'
# The second CDS archive serves heaps over 32 GiB only (no compressed oops); ours are a few hundred MiB.
rm -f "$out/runtime/opt/java/lib/server/classes_nocoops.jsa"
# Debian's JDK links its trust store to /etc/ssl/certs/java/cacerts, which is not in the image; the
# distribution never trusts the public CAs (it talks to the API server with the cluster's CA only).
rm -f "$out/runtime/opt/java/lib/security/cacerts"

# --- The base ------------------------------------------------------------------------------------
if [ "$base" = debian ]; then
  mkdir -p "$cache"
  root="$out/base"
  grep -v '^#' "$here/base-packages.txt" | while read -r pin sha; do
    [ -n "$pin" ] || continue
    pkg="${pin%%=*}" version="${pin#*=}"
    deb="$cache/${pkg}_${version//:/%3a}_amd64.deb"
    pinned=yes
    if [ ! -f "$deb" ]; then
      say "apt-get download $pin"
      if ! (cd "$cache" && apt-get download -q "$pin" >&2); then
        # A new machine has no package lists until `apt-get update` (the build runs as root there, as CI does).
        if [ -z "${lists_read:-}" ] && [ "$(id -u)" = 0 ]; then
          say "reading Debian's package lists (apt-get update)"
          apt-get update -qq >&2 || true
          lists_read=yes
        fi
        if ! (cd "$cache" && apt-get download -q "$pin" >&2); then
          # Debian keeps only the newest bookworm version on its mirrors: after a security update the pin is gone.
          # Take the version Debian serves now (apt checked it against the signed archive) rather than fail every
          # build on a new machine, and say loudly that base-packages.txt wants the new line.
          (cd "$cache" && apt-get download -q "$pkg" >&2) \
              || { say "cannot download $pkg from Debian's archive"; exit 1; }
          deb="$(ls -t "$cache/${pkg}"_*_amd64.deb | head -n 1)"
          say "WARNING: $pin is no longer served; using $(basename "$deb"); update base-packages.txt:"
          say "  ${pkg}=$(dpkg-deb -f "$deb" Version) $(sha256sum "$deb" | cut -d' ' -f1)"
          pinned=no
        fi
      fi
    fi
    if [ "$pinned" = yes ]; then
      echo "$sha  $deb" | sha256sum -c --quiet - >&2 || { say "checksum of $deb differs from base-packages.txt"; exit 1; }
    fi
    dpkg-deb -x "$deb" "$root"
  done
  # Keep the libraries and their licences; drop what a JVM never loads: iconv modules, debugger scripts,
  # documentation other than the copyright files.
  rm -rf "$root/usr/lib/x86_64-linux-gnu/gconv" "$root/usr/share/gcc" "$root/usr/share/gdb" \
      "$root/usr/share/lintian" "$root/usr/share/locale" "$root/sbin" "$root/usr/bin" "$root/usr/sbin" \
      "$root/usr/libexec"
  find "$root/usr/share/doc" -type f ! -name copyright -delete
  # Jib copies the file a symbolic link points to, not the link: give each library its link's name (the
  # soname the loader asks for) instead of storing it twice. The loader's own link is absolute, so it is
  # copied within the tree.
  find "$root/lib" "$root/lib64" "$root/usr/lib" -type l | while read -r link; do
    dest="$(readlink "$link")"
    case "$dest" in
      /*) rm "$link"; cp "$root$dest" "$link" ;;
      *) mv -f "$(dirname "$link")/$dest" "$link" ;;
    esac
  done
  find "$root" -type l -delete # what is left links documentation directories to each other
  mkdir -p "$root/etc" "$root/tmp"
  cp "$here/passwd" "$here/group" "$here/nsswitch.conf" "$root/etc/"
fi
du -sk "$out/runtime" "$out/base" | awk '{printf "[image] %s: %.1f MiB\n", $2, $1 / 1024}' >&2
