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
  libsqlite3-dev     # the run record (GRDB over the system SQLite)
  python3            # the Python plug-in vnfs/py-probe
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
# from pyenv/venv earlier on PATH gets its modules from pip (Debian's own pip refuses without
# --break-system-packages, PEP 668). pycrate and asn1tools are the independent codecs that
# judge ranlab's E2AP/E2SM bytes (scripts/check_pdus.py) — required, not optional.
PY=${PYTHON:-python3}
command -v "$PY" >/dev/null 2>&1 || die "python3 not found (needed for the independent codec checks)"
pip_module() {  # pip_module IMPORT_NAME PIP_NAME REQUIRED
  if "$PY" -c "import $1" 2>/dev/null; then
    say "present   python:$2 ($(command -v "$PY"))"
  elif "$PY" -m pip install -q "$2" 2>/dev/null || "$PY" -m pip install -q --break-system-packages "$2" 2>/dev/null; then
    say "installed python:$2 ($(command -v "$PY"))"
  elif [ "$3" = required ]; then
    die "cannot install python module $2 for $(command -v "$PY") (pip install $2)"
  else
    say "WARNING: $(command -v "$PY") has no $2 and pip cannot add it; the tests that need it will skip"
  fi
}
pip_module zmq pyzmq required          # the Python plug-in (vnfs/py-probe) and foreign-peer tests
pip_module pycrate_asn1dir pycrate required
pip_module asn1tools asn1tools required

say "done"
