#!/usr/bin/env python3
"""Independent check of the NR RRC byte strings in Sources/NRRRC/RRCMessages.swift.

Usage: scripts/check_rrc.py [--tshark] [SWIFT_FILE]

Reads every `static let NAME: [UInt8] = [...]` out of the Swift file and decodes it with pycrate's
NR RRC module (pycrate_asn1dir.RRCNR, TS 38.331): it must decode, re-encode to identical bytes and
hold exactly the value written here. It also checks the bit layout of setupRequest(ueIdentity:)
(the word constant and shift are read from the Swift source) against pycrate's encoding for a few
39-bit values, and that RRCSetup's masterCellGroup is the cellGroupConfig constant.

With --tshark it also puts the messages into pycrate-built F1AP messages over SCTP in a pcap
(InitialULRRCMessageTransfer with DUtoCURRCContainer, DLRRCMessageTransfer on SRB0, then SRB1
transfers with the 38.323 SRB PDCP framing that RRCMessages.pdcp(_:sn:) makes, re-implemented
here) and requires tshark to name each message and report no expert info (no malformed packet).

Exits 1 on any failure.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

from pycrate_asn1dir import RRCNR

RRC = RRCNR.NR_RRC_Definitions
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SWIFT = os.path.join(HERE, "..", "Sources", "NRRRC", "RRCMessages.swift")

NAS = bytes.fromhex("7e004179000d0100f110f0ff00000000000010")
CELL_GROUP = {"cellGroupId": 0}

# name -> (pycrate type, expected value)
EXPECTED = {
    "cellGroupConfig": (RRC.CellGroupConfig, CELL_GROUP),
    "setup": (RRC.DL_CCCH_Message, {"message": ("c1", ("rrcSetup", {
        "rrc-TransactionIdentifier": 0,
        "criticalExtensions": ("rrcSetup", {
            "radioBearerConfig": {"srb-ToAddModList": [{"srb-Identity": 1}]},
            "masterCellGroup": ("CellGroupConfig", CELL_GROUP)})}))}),
    "setupComplete": (RRC.UL_DCCH_Message, {"message": ("c1", ("rrcSetupComplete", {
        "rrc-TransactionIdentifier": 0,
        "criticalExtensions": ("rrcSetupComplete", {
            "selectedPLMN-Identity": 1, "dedicatedNAS-Message": NAS})}))}),
    "reconfiguration": (RRC.DL_DCCH_Message, {"message": ("c1", ("rrcReconfiguration", {
        "rrc-TransactionIdentifier": 1,
        "criticalExtensions": ("rrcReconfiguration", {"radioBearerConfig": {"drb-ToAddModList": [{
            "cnAssociation": ("sdap-Config", {
                "pdu-Session": 1, "sdap-HeaderDL": "absent", "sdap-HeaderUL": "absent",
                "defaultDRB": True, "mappedQoS-FlowsToAdd": [1]}),
            "drb-Identity": 1,
            "pdcp-Config": {"drb": {
                "discardTimer": "infinity", "pdcp-SN-SizeUL": "len12bits",
                "pdcp-SN-SizeDL": "len12bits", "headerCompression": ("notUsed", 0)}}}]}})}))}),
    "reconfigurationComplete": (RRC.UL_DCCH_Message, {"message": ("c1", ("rrcReconfigurationComplete", {
        "rrc-TransactionIdentifier": 1, "criticalExtensions": ("rrcReconfigurationComplete", {})}))}),
    "release": (RRC.DL_DCCH_Message, {"message": ("c1", ("rrcRelease", {
        "rrc-TransactionIdentifier": 0, "criticalExtensions": ("rrcRelease", {})}))}),
}

MASK39 = (1 << 39) - 1
IDENTITIES = [0, 1, 12345, 0x5A5A5A5A5A, MASK39, 0x123456789A & MASK39]


def swift_constants(text):
    out = {}
    for m in re.finditer(r"static let (\w+): \[UInt8\] = \[(.*?)\]", text, re.S):
        out[m.group(1)] = bytes(int(t, 16) for t in re.findall(r"0x([0-9A-Fa-f]{2})\b", m.group(2)))
    return out


def setup_request_pycrate(v):
    t = RRC.UL_CCCH_Message
    t.set_val({"message": ("c1", ("rrcSetupRequest", {"rrcSetupRequest": {
        "ue-Identity": ("randomValue", (v, 39)), "establishmentCause": "mo-Data", "spare": (0, 1)}}))})
    return t.to_uper()


def pdcp(rrc, sn):  # RRCMessages.pdcp(_:sn:)
    return bytes([(sn >> 8) & 0x0F, sn & 0xFF]) + rrc + b"\0\0\0\0"


def check_pycrate(text, consts, fail):
    for name, (typ, value) in EXPECTED.items():
        if name not in consts:
            fail(f"{name}: no `static let {name}: [UInt8]` in the Swift file")
            continue
        data = consts[name]
        try:
            typ.from_uper(data)
            got = typ.get_val()
            again = typ.to_uper()
        except Exception as e:  # pycrate raises its own error classes
            fail(f"{name} ({data.hex()}): pycrate cannot decode it: {e}")
            continue
        if again != data:
            fail(f"{name}: {data.hex()} re-encodes as {again.hex()}")
        if got != value:
            fail(f"{name}: decodes as {got}, expected {value}")
        typ.set_val(value)
        if typ.to_uper() != data:
            fail(f"{name}: the expected value encodes as {typ.to_uper().hex()}, the file has {data.hex()}")
        print(f"ok  {name:24} {data.hex()}")
    extra = sorted(set(consts) - set(EXPECTED))
    if extra:
        fail(f"constants this script does not know: {extra}")

    m = re.search(r"let word: UInt64 = (0x[0-9A-Fa-f_]+) \| \(ueIdentity & randomValueMask\) << (\d+)", text)
    if not m:
        fail("setupRequest(ueIdentity:): its `let word: UInt64 = 0x… | (ueIdentity & randomValueMask) << N` line was not found")
        return
    base, shift = int(m.group(1).replace("_", ""), 16), int(m.group(2))
    for v in IDENTITIES:
        swift = ((base | (v & MASK39) << shift) & (2**48 - 1)).to_bytes(6, "big")
        ref = setup_request_pycrate(v)
        if swift != ref:
            fail(f"setupRequest({v:#x}): Swift layout gives {swift.hex()}, pycrate {ref.hex()}")
        else:
            print(f"ok  setupRequest({v:#012x}) {ref.hex()}")


# --- tshark: the messages inside F1AP over SCTP --------------------------------------------------

def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def frame(payload, n, up):
    chunk = struct.pack("!BBHIHHI", 0, 3, 16 + len(payload), n, 0, n, 62) + payload  # PPID 62: F1AP
    chunk += b"\0" * (-len(chunk) % 4)
    sctp = struct.pack("!HHII", 38472, 38472, 1, 0) + chunk
    sctp = sctp[:8] + struct.pack("<I", crc32c(sctp)) + sctp[12:]
    a, b = b"\x0a\x00\x00\x02", b"\x0a\x00\x00\x01"
    src, dst = (a, b) if up else (b, a)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(sctp), n, 0, 64, 132, 0, src, dst)
    s = sum(struct.unpack("!10H", ip))
    s = (s & 0xFFFF) + (s >> 16)
    ip = ip[:10] + struct.pack("!H", ~s & 0xFFFF) + ip[12:]
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + sctp


def f1ap(proc, name, ies):
    from pycrate_asn1dir import F1AP
    pdu = F1AP.F1AP_PDU_Descriptions.F1AP_PDU
    pdu.set_val(("initiatingMessage", {"procedureCode": proc, "criticality": "ignore", "value": (name, {
        "protocolIEs": [{"id": i, "criticality": "reject", "value": v} for i, v in ies]})}))
    return pdu.to_aper()


def check_tshark(consts, fail):
    ue = [(40, ("GNB-CU-UE-F1AP-ID", 1)), (41, ("GNB-DU-UE-F1AP-ID", 1))]

    def dl(srb, rrc):
        return f1ap(12, "DLRRCMessageTransfer", ue + [(64, ("SRBID", srb)), (50, ("RRCContainer", rrc))])

    def ul(srb, rrc):
        return f1ap(13, "ULRRCMessageTransfer", ue + [(64, ("SRBID", srb)), (50, ("RRCContainer", rrc))])

    initial = f1ap(11, "InitialULRRCMessageTransfer", [
        (41, ("GNB-DU-UE-F1AP-ID", 1)),
        (111, ("NRCGI", {"pLMN-Identity": b"\x00\xf1\x10", "nRCellIdentity": (1, 36)})),
        (95, ("C-RNTI", 0x4601)),
        (50, ("RRCContainer", setup_request_pycrate(0x5A5A5A5A5A))),
        (128, ("DUtoCURRCContainer", consts["cellGroupConfig"]))])
    msgs = [
        (initial, True, "RRC Setup Request"),
        (dl(0, consts["setup"]), False, "RRC Setup"),
        (ul(1, pdcp(consts["setupComplete"], 0)), True, "RRC Setup Complete, Registration request"),
        (dl(1, pdcp(consts["reconfiguration"], 0)), False, "RRC Reconfiguration"),
        (ul(1, pdcp(consts["reconfigurationComplete"], 1)), True, "RRC Reconfiguration Complete"),
        (dl(1, pdcp(consts["release"], 1)), False, "RRC Release"),
    ]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "rrc.pcap")
        with open(path, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
            for n, (payload, up, _) in enumerate(msgs, 1):
                p = frame(payload, n, up)
                f.write(struct.pack("<IIII", n, 0, len(p), len(p)) + p)
        lines = subprocess.run(["tshark", "-r", path, "-T", "fields", "-e", "_ws.col.Info"],
                               capture_output=True, text=True).stdout.splitlines()
        expert = subprocess.run(["tshark", "-r", path, "-q", "-z", "expert"],
                                capture_output=True, text=True).stdout
    if len(lines) != len(msgs):
        fail(f"tshark shows {len(lines)} packets, expected {len(msgs)}")
    for (_, _, want), line in zip(msgs, lines):
        if not re.search(re.escape(want) + r"(\s|,|$)", line) or "Malformed" in line:
            fail(f"tshark: {line!r} does not show {want!r}")
        else:
            print(f"ok  tshark: {line}")
    if expert.strip():
        fail("tshark expert info:\n" + expert)


def main():
    args = sys.argv[1:]
    use_tshark = "--tshark" in args
    args = [a for a in args if a != "--tshark"]
    path = args[0] if args else DEFAULT_SWIFT
    text = open(path).read()
    consts = swift_constants(text)
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL " + msg)

    check_pycrate(text, consts, fail)
    if use_tshark and not failures:
        check_tshark(consts, fail)
    print(f"{len(failures)} failed" if failures else "all RRC constants check out")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
