#!/usr/bin/env bash
# Coverage-guided fuzzing of ranlab's decoders with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: e2ap | e2sm-kpm | e2sm-rc | f1ap | ecpri
#
# Builds the target with -sanitize=fuzzer,address into .build-fuzz, seeds the corpus with the
# `ranlab pdu samples` PDUs, runs for SECONDS on one core and reports executions, coverage and
# any crash (saved as .build-fuzz/findings/TARGET/crash-*; replay one with
# `swift run Fuzz<Target> FILE`). Exits 1 if a crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
seconds=${2:-}
case "$target" in
  e2ap) product=FuzzE2AP ;;
  e2sm-kpm) product=FuzzKPM ;;
  e2sm-rc) product=FuzzRC ;;
  f1ap) product=FuzzF1AP ;;
  ecpri) product=FuzzFronthaul ;;
  *) echo "usage: scripts/fuzz.sh e2ap|e2sm-kpm|e2sm-rc|f1ap|ecpri SECONDS" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }

echo "fuzz: building $product with libFuzzer + ASan (first build takes a few minutes)…"
swift build -c release --product "$product" --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 | grep -E "error|warning: unre|Compiling|Build" | tail -3
binary=.build-fuzz/release/$product

corpus=.build-fuzz/corpus/$target
findings=.build-fuzz/findings/$target
mkdir -p "$corpus" "$findings"
if [ -z "$(ls -A "$corpus")" ]; then
  echo "fuzz: seeding the corpus with ranlab pdu samples"
  swift build --product ranlab >/dev/null
  seeds=$(mktemp -d)
  .build/debug/ranlab pdu samples --out "$seeds" >/dev/null
  if [ "$target" = e2sm-kpm ] || [ "$target" = e2sm-rc ]; then
    # the E2SM targets' first byte selects the message type (FuzzKPM.swift, FuzzRC.swift)
    i=0
    types="RANfunctionDescription EventTriggerDefinition ActionDefinition IndicationHeader IndicationMessage"
    [ "$target" = e2sm-rc ] && types="RANFunctionDefinition ControlHeader ControlMessage ControlOutcome"
    for t in $types; do
      for f in "$seeds/$target/$t"*.aper; do { printf "\\$(printf %o $i)"; cat "$f"; } > "$corpus/$(basename "$f")"; done
      i=$((i + 1))
    done
  else
    cp "$seeds/$target"/* "$corpus"/
  fi
  rm -rf "$seeds"
fi

echo "fuzz: running $target for ${seconds}s"
log=$findings/last-run.log
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
grep -E "^#[0-9]+.*(DONE|pulse|NEW)" "$log" | tail -1 || true
grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$log" | tail -3 || true
crashes=$(ls "$findings" | grep -E "^(crash|leak|timeout|oom)-" || true)
if [ -n "$crashes" ] || [ $status -ne 0 ]; then
  echo "fuzz: FOUND a problem (exit $status):"
  grep -E "ERROR|Fatal error|SUMMARY|==[0-9]+==" "$log" | head -10
  echo "$crashes" | sed "s|^|  $findings/|"
  exit 1
fi
echo "fuzz: no crash in ${seconds}s; corpus now $(ls "$corpus" | wc -l) inputs"
