#!/usr/bin/env bash
# scripts/bench.sh — ranlab benchmarks, one `NAME VALUE UNIT` line per measurement on stdout
# (lines starting with '#' are comments); build output and progress go to stderr.
#
#   scripts/bench.sh bus [--quick] [BusBench options]
#       ranlab's Bus against libzmq and usrsctp called directly, in the same run:
#       messages/s and round-trip p50/p99 for 64 B, 1 KiB and 64 KiB over zmq inproc/ipc/tcp
#       and SCTP (usrsctp), with ratios ranlab/raw. --quick makes every count 10x smaller.
#       More options: --reps N, --only zmq|zmq.tcp|sctp|… (see BusBench --help).
#
#   scripts/bench.sh scheduler [--quick] [SchedulerBench options]
#       The MAC scheduler in the cell of srsRAN's scheduler_multi_ue_benchmark (n41 TDD 100 MHz,
#       30 kHz, 273 PRBs, DDDDDDDSUU, full 1 MB DL buffers, CQI 15, all HARQ ACK), RR and PF, for
#       1…4096 UEs: per-slot time p50/p99/p99.99/max (µs), heap allocations per slot (counted by
#       an interposed malloc), grants per slot, DL throughput, and p50 ratio to srsRAN's p50.
#       --quick: 10k slots instead of 100k. More options: --slots N, --ues 1,32,…, --policy rr,pf.
#
#   scripts/bench.sh codec [--quick] [--iterations N]
#       E2AP / E2SM-KPM: encode and decode time (p50/p99/mean µs) and heap allocations per PDU for a
#       RICindication carrying KPM format 1 with 10 measurements for 32 UEs, and for an E2setupRequest
#       with ranlab's KPM and RC RAN function definitions; then, as the reference in the same run, the
#       same E2AP bytes decoded and re-encoded by pycrate (the independent codec of the tests).
#
#   scripts/bench.sh deploy [--sizes 10,100] [--reps 3]
#       Orchestrator: time from `ranlab deploy --detach` to every node ACTIVE for labs of 10 and 100
#       probe VNFs in a ZeroMQ chain (release build), the orchestrator's own start-to-ACTIVE time,
#       and `ranlab destroy`; median of the reps. Goal: 10 nodes ≤ 1 s, 100 nodes ≤ 5 s.
#
#   scripts/bench.sh e2e [SLOTS]
#       The cell in a box (release build, virtual time): single-cell with 16 and 64 UEs and large
#       (4 cells x 256 UEs) run to completion; slots per second, the multiple of real time, and the
#       wall time per slot in each process (DU, its scheduler, RU, CU, DU waiting at the barrier).
#       Goal: >= 10x real time for one cell with 64 UEs. Reference: srsRAN/OAI over ZMQ/RF-sim, 1x.
#
#   scripts/bench.sh ric [--nodes 1,16] [--seconds 3] [--rate 2000] [--rounds 3]
#       The near-RT RIC (release build): KPM RICindications from 1 and 16 E2 nodes (SCTP) through
#       ranlab-ric to one xApp (ZeroMQ), flat out (indications/s) and at a moderate rate (node→xApp
#       latency p50/p99), next to raw SCTP and raw ZeroMQ with the same messages in the same run;
#       ratio RIC/raw and latency added by the RIC. Goal: >= 0.8 of raw, p99 added <= 100 us.
#
# The ordo-one/benchmark suite runs with: swift package --package-path Benchmarks benchmark
set -euo pipefail

usage() {
  echo "usage: scripts/bench.sh bus [--quick] [--reps N] [--only TRANSPORT]" >&2
  echo "       scripts/bench.sh scheduler [--quick] [--slots N] [--ues 1,8,...] [--policy rr,pf]" >&2
  echo "       scripts/bench.sh codec [--quick] [--iterations N]" >&2
  echo "       scripts/bench.sh deploy [--sizes 10,100] [--reps 3]" >&2
  echo "       scripts/bench.sh e2e [SLOTS]" >&2
  echo "       scripts/bench.sh ric [--nodes 1,16] [--seconds 3] [--rate 2000] [--rounds 3]" >&2
  exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $# -ge 1 ]] || usage
target=$1
shift

# Builds one Benchmarks product in release (build output to stderr) and runs it with the rest of the arguments.
run_product() {
  local product=$1
  shift
  for arg in "$@"; do
    [[ $arg == -h || $arg == --help ]] && usage
  done
  echo "bench: building $product (release)..." >&2
  swift build -c release --package-path "$root/Benchmarks" --product "$product" >&2
  exec "$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/$product" "$@"
}

case "$target" in
  bus) run_product BusBench "$@" ;;
  scheduler) run_product SchedulerBench "$@" ;;
  codec)
    # our codec first, then pycrate on the same bytes (written by CodecBench into a temp dir)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    ( run_product CodecBench --write-pdus "$tmp" "$@" ) | tee "$tmp/ranlab.txt"
    python3 "$root/scripts/codec_reference.py" "$tmp" "$tmp/ranlab.txt"
    ;;
  deploy)
    echo "bench: building ranlab and ranlab-probe (release)..." >&2
    swift build -c release --package-path "$root" --product ranlab-probe >&2
    swift build -c release --package-path "$root" --product ranlab >&2
    python3 "$root/scripts/bench_deploy.py" "$(swift build -c release --package-path "$root" --show-bin-path)/ranlab" "$@"
    ;;
  e2e)
    echo "bench: building ranlab and its VNFs (release)..." >&2
    swift build -c release --package-path "$root" --product ranlab >&2
    python3 "$root/scripts/bench_e2e.py" "$(swift build -c release --package-path "$root" --show-bin-path)/ranlab" "$root" "$@"
    ;;
  ric)
    echo "bench: building ranlab and the RIC (release)..." >&2
    swift build -c release --package-path "$root" --product ranlab >&2
    echo "bench: building RICBench (release)..." >&2
    swift build -c release --package-path "$root/Benchmarks" --product RICBench >&2
    exec "$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/RICBench" \
      "$(swift build -c release --package-path "$root" --show-bin-path)/ranlab" "$root/vnfs" "$@"
    ;;
  *)
    echo "bench: unknown target '$target'" >&2
    usage
    ;;
esac
