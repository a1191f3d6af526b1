#!/usr/bin/env bash
# scripts/setup.sh — install every system package ranlab needs (Debian bookworm, as root).
# Idempotent: packages already present are reported and skipped.
set -euo pipefail

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

APT_PACKAGES=(
  pkg-config
  libzmq3-dev        # ZeroMQ transport (Bus)
  libsctp-dev        # lksctp headers (kernel SCTP backend)
  libusrsctp-dev     # user-space SCTP over UDP (fallback backend)
  tshark             # pcap decoding checks in the tests
  python3-pip
  python3-zmq        # pyzmq for the system python (the foreign-peer test)
)

if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else die "run as root (or install sudo): apt-get needs it"; fi
else
  SUDO=""
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script supports Debian/Ubuntu only"

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    say "present   $p"
  else
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # tshark asks whether non-root users may capture; answer no without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections 2>/dev/null || true
  $SUDO apt-get update -qq || die "apt-get update failed (network or sources.list?)"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
  for p in "${missing[@]}"; do say "installed $p"; done
fi

for lib in libzmq; do
  pkg-config --exists "$lib" || die "pkg-config cannot find $lib after install"
done

# The tests run `python3` from PATH. Debian's python3-zmq covers the system python; a python
# from pyenv/venv earlier on PATH gets pyzmq from pip (Debian's own pip refuses, PEP 668).
PY=${PYTHON:-python3}
if command -v "$PY" >/dev/null 2>&1; then
  if "$PY" -c "import zmq" 2>/dev/null; then
    say "present   python:pyzmq ($(command -v "$PY"))"
  elif "$PY" -m pip install -q pyzmq 2>/dev/null; then
    say "installed python:pyzmq ($(command -v "$PY"))"
  else
    say "WARNING: $(command -v "$PY") has no pyzmq and pip cannot add it; the foreign-peer test will skip"
  fi
else
  say "python3 not found: the foreign-peer test will skip"
fi

say "done"
