#!/usr/bin/env python3
"""Independent check of ranlab's PDUs.

Usage: scripts/check_pdus.py SAMPLES_DIR [ASN1_DIR]

SAMPLES_DIR is what `ranlab pdu samples --out SAMPLES_DIR` writes:
  e2ap/*.aper      decoded and re-encoded with pycrate's E2AP module (pycrate_asn1dir.E2AP)
  e2sm-kpm/*.aper  decoded and re-encoded with asn1tools compiled from the E2SM-KPM v3.00 ASN.1
  e2sm-rc/*.aper   decoded and re-encoded with asn1tools compiled from the E2SM-RC v1.03 ASN.1
Every PDU must decode and re-encode to identical bytes. ASN1_DIR (default ../shared/asn1 beside
the repository, or $RANLAB_ASN1_DIR) holds the O-RAN ASN.1 modules. Exits 1 on any difference.
"""
import os
import sys

E2SM = {
    "e2sm-kpm": ("e2sm_kpm_v03.00_standard.asn1", "E2SM-KPM-IEs", {
        "RANfunctionDescription": "E2SM-KPM-RANfunction-Description",
        "EventTriggerDefinition": "E2SM-KPM-EventTriggerDefinition",
        "ActionDefinition": "E2SM-KPM-ActionDefinition",
        "IndicationHeader": "E2SM-KPM-IndicationHeader",
        "IndicationMessage": "E2SM-KPM-IndicationMessage",
    }),
    "e2sm-rc": ("e2sm_rc_v1_03_standard.asn", "E2SM-RC-IEs", {
        "RANFunctionDefinition": "E2SM-RC-RANFunctionDefinition",
        "ControlHeader": "E2SM-RC-ControlHeader",
        "ControlMessage": "E2SM-RC-ControlMessage",
        "ControlOutcome": "E2SM-RC-ControlOutcome",
    }),
}


def files(directory):
    if not os.path.isdir(directory):
        return []
    return sorted(f for f in os.listdir(directory) if f.endswith(".aper"))


def check_e2ap(directory):
    from pycrate_asn1dir import E2AP
    pdu = E2AP.E2AP_PDU_Descriptions.E2AP_PDU
    failures = 0
    for name in files(directory):
        data = open(os.path.join(directory, name), "rb").read()
        try:
            pdu.from_aper(data)
            again = pdu.to_aper()
        except Exception as error:  # pycrate raises many kinds
            print(f"FAIL e2ap/{name}: pycrate cannot decode: {error}")
            failures += 1
            continue
        if again != data:
            print(f"FAIL e2ap/{name}: pycrate re-encodes differently\n  ranlab  {data.hex()}\n  pycrate {again.hex()}")
            failures += 1
        else:
            print(f"ok   e2ap/{name} ({len(data)} octets)")
    return failures, len(files(directory))


def check_e2sm(protocol, directory, asn1_dir):
    import asn1tools
    spec_file, _, types = E2SM[protocol]
    spec = asn1tools.compile_files([os.path.join(asn1_dir, spec_file)], "per")
    failures = 0
    for name in files(directory):
        base = name[:-5]
        type_name = types.get(base) or types.get(base.split("-")[0])
        if type_name is None:
            print(f"FAIL {protocol}/{name}: no ASN.1 type for this file name")
            failures += 1
            continue
        data = open(os.path.join(directory, name), "rb").read()
        try:
            value = spec.decode(type_name, data)
            again = spec.encode(type_name, value)
        except Exception as error:
            print(f"FAIL {protocol}/{name}: asn1tools cannot decode as {type_name}: {error}")
            failures += 1
            continue
        if again != data:
            print(f"FAIL {protocol}/{name}: asn1tools re-encodes differently\n  ranlab    {data.hex()}\n  asn1tools {again.hex()}")
            failures += 1
        else:
            print(f"ok   {protocol}/{name} ({len(data)} octets, {type_name})")
    return failures, len(files(directory))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    samples = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    asn1_dir = sys.argv[2] if len(sys.argv) > 2 else os.environ.get(
        "RANLAB_ASN1_DIR", os.path.join(here, "..", "..", "shared", "asn1"))
    failures, total = check_e2ap(os.path.join(samples, "e2ap"))
    for protocol in E2SM:
        directory = os.path.join(samples, protocol)
        if files(directory):
            if not os.path.isdir(asn1_dir):
                print(f"FAIL {protocol}: ASN.1 directory {asn1_dir} not found (set RANLAB_ASN1_DIR)")
                failures += 1
                continue
            f, n = check_e2sm(protocol, directory, asn1_dir)
            failures += f
            total += n
    print(f"{total - failures}/{total} PDUs re-encode identically")
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
