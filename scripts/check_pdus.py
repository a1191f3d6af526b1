#!/usr/bin/env python3
"""Independent check of ranlab's PDUs.

Usage: scripts/check_pdus.py SAMPLES_DIR [ASN1_DIR]

SAMPLES_DIR is what `ranlab pdu samples --out SAMPLES_DIR` writes:
  e2ap/*.aper      decoded and re-encoded with pycrate's E2AP module (pycrate_asn1dir.E2AP)
  f1ap/*.aper      decoded and re-encoded with pycrate's F1AP module (pycrate_asn1dir.F1AP, 38.473)
  e2sm-kpm/*.aper  decoded and re-encoded with asn1tools compiled from the E2SM-KPM v3.00 ASN.1
  e2sm-rc/*.aper   decoded and re-encoded with asn1tools compiled from the E2SM-RC v1.03 ASN.1
Every PDU must decode and re-encode to identical bytes; for E2AP, pycrate must also know every
value (no `_unk_` open types: catches wrong IE ids), and each message's IEs must carry the
criticality its IE set in the ASN.1 gives them, with every mandatory IE present. ASN1_DIR (default ../shared/asn1 beside
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


def e2ap_ie_sets(asn1_dir):
    """{message name: {ie id: (criticality, presence)}} from the E2AP ASN.1, or None if absent."""
    import re
    path = os.path.join(asn1_dir, "e2ap_v3_01.asn")
    if not os.path.exists(path):
        return None
    text = re.sub(r"--[^\n]*", "", open(path).read())
    ids = {m.group(1): int(m.group(2)) for m in re.finditer(r"(id-[\w-]+)\s+ProtocolIE-ID\s*::=\s*(\d+)", text)}
    sets = {}
    for m in re.finditer(r"([\w-]+)\s+E2AP-PROTOCOL-IES\s*::=\s*\{(.*?)\n\}", text, re.S):
        entries = re.findall(r"ID\s+(id-[\w-]+)\s+CRITICALITY\s+(\w+)\s+TYPE\s+[\w-]+\s+PRESENCE\s+(\w+)", m.group(2))
        sets[m.group(1)] = {ids[i]: (c, p) for i, c, p in entries}
    messages = {}
    for m in re.finditer(r"([\w-]+)\s*::=\s*SEQUENCE\s*\{\s*protocolIEs\s+ProtocolIE-Container\s*\{\s*\{\s*([\w-]+)\s*\}\s*\}", text):
        messages[m.group(1)] = sets.get(m.group(2), {})
    return messages


def unknown_values(value, path="value"):
    """Paths of values pycrate could not decode as any type it knows (`_unk_…`)."""
    found = []
    if isinstance(value, tuple) and value and isinstance(value[0], str) and value[0].startswith("_unk_"):
        found.append(path)
    if isinstance(value, dict):
        for k, v in value.items():
            found += unknown_values(v, f"{path}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            found += unknown_values(v, f"{path}[{i}]")
    return found


def ie_problems(value, ie_sets):
    """The top-level IEs of an E2AP PDU checked against the message's IE set: known id, the
    criticality the set gives it, every mandatory IE present."""
    kind, body = value
    message, content = body["value"]
    table = ie_sets.get(message)
    if table is None:
        return [f"{message}: no IE set in the ASN.1"]
    problems, seen = [], set()
    for ie in content["protocolIEs"]:
        seen.add(ie["id"])
        if ie["id"] not in table:
            problems.append(f"{message}: IE id {ie['id']} is not in its IE set")
        elif ie["criticality"] != table[ie["id"]][0]:
            problems.append(f"{message}: IE id {ie['id']} criticality {ie['criticality']}, the IE set says {table[ie['id']][0]}")
    for ie_id, (_, presence) in table.items():
        if presence == "mandatory" and ie_id not in seen:
            problems.append(f"{message}: mandatory IE id {ie_id} missing")
    return problems


def check_e2ap(directory, asn1_dir=None):
    from pycrate_asn1dir import E2AP
    pdu = E2AP.E2AP_PDU_Descriptions.E2AP_PDU
    ie_sets = e2ap_ie_sets(asn1_dir) if asn1_dir else None
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
        problems = [f"pycrate sees an unknown value at {p}" for p in unknown_values(pdu.get_val())]
        if ie_sets is not None and not name.startswith("unknown"):
            problems += ie_problems(pdu.get_val(), ie_sets)
        if name.startswith("ErrorIndication-cause-"):
            # the file name claims a Cause; pycrate must read that same category and value
            _, _, category, claimed = name[:-5].split("-", 3)
            causes = [ie["value"][1] for ie in pdu.get_val()[1]["value"][1]["protocolIEs"] if ie["id"] == 1]
            if causes != [(category, claimed)]:
                problems.append(f"pycrate reads cause {causes}, ranlab meant {(category, claimed)}")
        if again != data:
            print(f"FAIL e2ap/{name}: pycrate re-encodes differently\n  ranlab  {data.hex()}\n  pycrate {again.hex()}")
            failures += 1
        elif problems:
            print(f"FAIL e2ap/{name}: " + "; ".join(problems))
            failures += 1
        else:
            print(f"ok   e2ap/{name} ({len(data)} octets{', IEs as in the ASN.1' if ie_sets else ''})")
    return failures, len(files(directory))


def f1ap_ie_problems(value):
    """The top-level IEs of an F1AP PDU checked against the message's IE set as pycrate compiled it:
    known id, the criticality the set gives it, every mandatory IE present."""
    from pycrate_asn1dir import F1AP
    kind, body = value
    message, content = body["value"]
    contents = F1AP.GLOBAL.MOD["F1AP-PDU-Contents"]
    ie_set = contents[message + "IEs"] if message + "IEs" in contents else None
    if ie_set is None:
        return [f"{message}: no IE set in pycrate's F1AP"]
    table = {e["id"]: (e["criticality"], e["presence"]) for e in ie_set._val.root}
    problems, seen = [], set()
    for ie in content["protocolIEs"]:
        seen.add(ie["id"])
        if ie["id"] not in table:
            problems.append(f"{message}: IE id {ie['id']} is not in its IE set")
        elif ie["criticality"] != table[ie["id"]][0]:
            problems.append(f"{message}: IE id {ie['id']} criticality {ie['criticality']}, the IE set says {table[ie['id']][0]}")
    for ie_id, (_, presence) in table.items():
        if presence == "mandatory" and ie_id not in seen:
            problems.append(f"{message}: mandatory IE id {ie_id} missing")
    return problems


def check_f1ap(directory):
    """f1ap/*.aper: pycrate's F1AP decodes each, re-encodes it to the same bytes, knows every value
    (no `_unk_` open types: catches wrong IE ids) and finds the message's IEs as its IE set says."""
    from pycrate_asn1dir import F1AP
    pdu = F1AP.F1AP_PDU_Descriptions.F1AP_PDU
    failures = 0
    for name in files(directory):
        data = open(os.path.join(directory, name), "rb").read()
        try:
            pdu.from_aper(data)
            again = pdu.to_aper()
        except Exception as error:  # pycrate raises many kinds
            print(f"FAIL f1ap/{name}: pycrate cannot decode: {error}")
            failures += 1
            continue
        problems = [f"pycrate sees an unknown value at {p}" for p in unknown_values(pdu.get_val())]
        if not name.startswith("unknown"):
            problems += f1ap_ie_problems(pdu.get_val())
        if again != data:
            print(f"FAIL f1ap/{name}: pycrate re-encodes differently\n  ranlab  {data.hex()}\n  pycrate {again.hex()}")
            failures += 1
        elif problems:
            print(f"FAIL f1ap/{name}: " + "; ".join(problems))
            failures += 1
        else:
            print(f"ok   f1ap/{name} ({len(data)} octets, IEs as in pycrate's IE sets)")
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
    failures, total = check_e2ap(os.path.join(samples, "e2ap"), asn1_dir if os.path.isdir(asn1_dir) else None)
    f, n = check_f1ap(os.path.join(samples, "f1ap"))
    failures += f
    total += n
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
