#!/usr/bin/env bash
# Tries the README's two commands the way a new user meets them: in a minimal Debian 12
# (bookworm) root made with debootstrap, on a clean clone of HEAD, as root. Prints the last
# lines of scripts/setup.sh and scripts/test.sh and exits non-zero when either fails.
#
# Usage (as root):  scripts/clean-room.sh [--prepare]
#   --prepare              only build the cached base root, run nothing
#   IPS_SKIP_SANITIZE=1    passed to scripts/test.sh inside (skips the sanitizer pass)
#   IPS_CLEAN_ROOM_DIR     the cache and work folder (default .clean-room/ in the repo, gitignored)
#
# The debootstrap result is cached as a tarball, so a second run skips debootstrap; every run
# unpacks a fresh copy of it, so nothing an earlier run installed can hide a missing step.
# Needs: debootstrap, the network to the Debian mirror named in this machine's apt sources.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${IPS_CLEAN_ROOM_DIR:-$repo/.clean-room}"
suite=bookworm
base="$cache/base-$suite-minbase.tar.gz"
root="$cache/root"
logs="$cache/logs"

say() { echo "clean-room: $*"; }
die() { echo "clean-room: $*" >&2; exit 2; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, mount and chroot need it)"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"

# The first URI this machine's apt sources give for SUITE (one-line .list or deb822 .sources
# format; disabled stanzas and commented lines skipped).
apt_uri_for_suite() {
  local want="$1" f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    awk -v want="$want" '
      /^[ \t]*deb[ \t]/ {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == want) { print $i; exit }
      }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    awk -v want="$want" 'BEGIN { RS = ""; FS = "\n" }
      {
        uris = ""; ok = 0; deb = 0; enabled = 1
        for (i = 1; i <= NF; i++) {
          line = $i; if (line ~ /^[ \t]*#/) continue
          if (line ~ /^Types:/ && line ~ /[ \t]deb([ \t]|$)/) deb = 1
          if (line ~ /^Enabled:[ \t]*no/) enabled = 0
          if (line ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line); split(line, u, /[ \t]+/); uris = u[1] }
          if (line ~ /^Suites:/) { n = split(line, s, /[ \t]+/); for (j = 2; j <= n; j++) if (s[j] == want) ok = 1 }
        }
        if (deb && enabled && ok && uris != "") { print uris; exit }
      }' "$f"
  done | head -n 1
}

mirror="$(apt_uri_for_suite "$suite")"
[ -n "$mirror" ] || die "no '$suite' mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/"
security="$(apt_uri_for_suite "$suite-security")"
ca_bundle=/etc/ssl/certs/ca-certificates.crt
[ -r "$ca_bundle" ] || die "no CA bundle at $ca_bundle"

mounted_under() { awk -v r="$1" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts; }

# Removes a root folder, refusing while anything is still mounted in it (rm -rf would reach the
# machine's own /dev or /sys through a bind mount).
remove_root() {
  local dir="$1"
  [ -e "$dir" ] || return 0
  if [ -n "$(mounted_under "$dir")" ]; then
    die "still mounted under $dir, not removing it: $(mounted_under "$dir" | tr '\n' ' ')"
  fi
  rm -rf --one-file-system "$dir"
}

mkdir -p "$cache" "$logs"
if [ ! -s "$base" ]; then
  say "debootstrap --variant=minbase $suite from $mirror (cached as $base)"
  remove_root "$cache/debootstrap"
  if ! debootstrap --variant=minbase "$suite" "$cache/debootstrap" "$mirror" >"$logs/debootstrap.log" 2>&1; then
    tail -n 20 "$logs/debootstrap.log" >&2
    die "debootstrap failed (whole log: $logs/debootstrap.log)"
  fi
  tar -C "$cache/debootstrap" --numeric-owner -czf "$base.part" .
  mv "$base.part" "$base"
  remove_root "$cache/debootstrap"
fi
[ "${1:-}" = "--prepare" ] && { say "base root ready: $base"; exit 0; }

remove_root "$root"
mkdir -p "$root"
tar -C "$root" --numeric-owner -xzf "$base"

# What a fresh installation has besides the base: apt sources with updates and security, name
# resolution, and this machine's CA bundle (kept outside /etc/ssl, which the ca-certificates
# package rewrites) for the TLS that npm speaks to its registry.
{
  echo "deb $mirror $suite main"
  echo "deb $mirror $suite-updates main"
  [ -z "$security" ] || echo "deb $security $suite-security main"
} >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/usr/local/share/clean-room"
cp "$ca_bundle" "$root/usr/local/share/clean-room/ca-bundle.crt"

# A clean clone of HEAD: uncommitted changes are not part of what a user would get.
head="$(git -C "$repo" rev-parse HEAD)"
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] ||
  say "note: the work tree has uncommitted changes; they are not in the clone"
git clone --quiet --no-checkout "$repo" "$root/root/ipsreport"
git -C "$root/root/ipsreport" checkout --quiet --detach "$head"
say "clone of $(git -C "$repo" log -1 --format='%h %s' "$head")"

# Processes still running in the root (a spreadsheet program, a browser) would keep the mounts
# busy; they are this script's own children, started through chroot.
stop_chroot_processes() {
  local p
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null || true
  done
}
cleanup() {
  stop_chroot_processes
  local m
  for m in dev/shm dev sys proc; do
    if mountpoint -q "$root/$m"; then umount "$root/$m" 2>/dev/null || umount -l "$root/$m"; fi
  done
}
trap cleanup EXIT
trap "exit 130" INT TERM
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount -t tmpfs -o mode=1777 shm "$root/dev/shm"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_EXTRA_CA_CERTS=/usr/local/share/clean-room/ca-bundle.crt \
    npm_config_cafile=/usr/local/share/clean-room/ca-bundle.crt \
    SSL_CERT_FILE=/usr/local/share/clean-room/ca-bundle.crt \
    IPS_SKIP_SANITIZE="${IPS_SKIP_SANITIZE:-0}" \
    /bin/bash -c "cd /root/ipsreport && $1"
}

status=0
for step in setup test; do
  say "running scripts/$step.sh (log: $logs/$step.log)"
  rc=0
  in_root "scripts/$step.sh" >"$logs/$step.log" 2>&1 || rc=$?
  echo "----- last lines of scripts/$step.sh (exit $rc) -----"
  tail -n 15 "$logs/$step.log"
  if [ "$rc" -ne 0 ]; then
    status=1
    break
  fi
done
[ "$status" -eq 0 ] && say "PASS: both README commands succeeded in a fresh $suite root" ||
  say "FAIL: see $logs/"
exit "$status"
