#!/usr/bin/env python3
"""Reference numbers for scripts/bench.sh codec: pycrate decoding and re-encoding the same E2AP
and F1AP bytes ranlab's CodecBench measured (E2AP level; E2SM payloads stay opaque octets, as in ranlab's
`e2ap_only` lines), in the same run. Prints NAME VALUE UNIT lines and ranlab/pycrate ratios.

Usage: codec_reference.py DIR RANLAB_OUTPUT   (DIR holds <scenario>.aper files)
"""
import os
import sys
import time


def mean_us(fn, budget=1.5):
    fn()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < budget:
        fn()
        n += 1
    return (time.perf_counter() - start) / n * 1e6


def main():
    directory, ranlab_output = sys.argv[1], sys.argv[2]
    ours = {}
    for line in open(ranlab_output):
        parts = line.split()
        if len(parts) == 3 and not line.startswith("#"):
            ours[parts[0]] = float(parts[1])
    try:
        from pycrate_asn1dir import E2AP
    except ImportError:
        print("# pycrate not installed: no reference numbers (scripts/setup.sh installs it)")
        return 0
    from pycrate_asn1dir import F1AP
    e2ap_pdu = E2AP.E2AP_PDU_Descriptions.E2AP_PDU
    f1ap_pdu = F1AP.F1AP_PDU_Descriptions.F1AP_PDU
    print("# reference: pycrate %s, same bytes, mean of repeated calls" % getattr(__import__("pycrate_asn1rt"), "__version__", "0.8"))
    for name in sorted(f[:-5] for f in os.listdir(directory) if f.endswith(".aper")):
        data = open(os.path.join(directory, name + ".aper"), "rb").read()
        pdu = f1ap_pdu if name.startswith("f1ap") else e2ap_pdu
        decode = mean_us(lambda: pdu.from_aper(data))
        pdu.from_aper(data)
        encode = mean_us(lambda: pdu.to_aper())
        print(f"codec.reference.pycrate.{name}.decode.mean {decode:.1f} us")
        print(f"codec.reference.pycrate.{name}.encode.mean {encode:.1f} us")
        for op, ref in (("decode", decode), ("encode", encode)):
            key = f"codec.{name}.e2ap_only.{op}.mean" if f"codec.{name}.e2ap_only.{op}.mean" in ours else f"codec.{name}.{op}.mean"
            if key in ours and ours[key] > 0:
                print(f"codec.{name}.{op}.pycrate_over_ranlab {ref / ours[key]:.0f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
