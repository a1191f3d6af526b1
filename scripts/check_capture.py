#!/usr/bin/env python3
"""Independent check of a lab's captures (ranlab run --capture): every F1AP PDU (SCTP, PPID 62)
and every E2AP PDU (PPID 70) decoded with pycrate's F1AP / E2AP modules and re-encoded to the
same bytes (counts per procedure in "procedures" and "e2ap_procedures"); GTP-U (UDP 2152) headers
parsed; eCPRI frames (EtherType 0xAEFE) counted. Prints a JSON summary; exit 1 on any failure.

Usage: scripts/check_capture.py FILE.pcap [...]
"""
import json, struct, sys

def packets(path):
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    endian = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
    at = 24
    while at + 16 <= len(data):
        _, _, incl, _ = struct.unpack(endian + "IIII", data[at:at + 16])
        yield data[at + 16:at + 16 + incl]
        at += 16 + incl

def sctp_chunks(frame):
    """DATA chunk payloads with their PPID from an Ethernet/IPv4/SCTP frame."""
    if len(frame) < 34 or frame[12:14] != b"\x08\x00" or frame[23] != 132:
        return
    ihl = (frame[14] & 0x0F) * 4
    at = 14 + ihl + 12
    while at + 4 <= len(frame):
        ctype, flags, length = frame[at], frame[at + 1], struct.unpack(">H", frame[at + 2:at + 4])[0]
        if length < 4:
            break
        if ctype == 0 and length >= 16:
            ppid = struct.unpack(">I", frame[at + 12:at + 16])[0]
            yield ppid, flags, frame[at + 16:at + length]
        at += (length + 3) & ~3

def udp_payload(frame, port):
    if len(frame) < 42 or frame[12:14] != b"\x08\x00" or frame[23] != 17:
        return None
    ihl = (frame[14] & 0x0F) * 4
    u = 14 + ihl
    sport, dport = struct.unpack(">HH", frame[u:u + 4])
    return frame[u + 8:] if port in (sport, dport) else None

def main(paths):
    from pycrate_asn1dir import E2AP, F1AP
    decoders = {62: ("F1AP", F1AP.F1AP_PDU_Descriptions.F1AP_PDU, "f1ap", "procedures"),
                70: ("E2AP", E2AP.E2AP_PDU_Descriptions.E2AP_PDU, "e2ap", "e2ap_procedures")}
    summary = {"f1ap": 0, "procedures": {}, "e2ap": 0, "e2ap_procedures": {}, "gtpu": 0, "ecpri": 0, "errors": []}
    fragments = {}
    for path in paths:
        for n, frame in enumerate(packets(path), 1):
            for ppid, flags, payload in sctp_chunks(frame):
                if ppid not in decoders:
                    continue
                proto, pdu, count, table = decoders[ppid]
                key = (path, ppid)
                fragments[key] = fragments.get(key, b"") + payload
                if not flags & 0x01:  # E bit: last fragment
                    continue
                message = fragments.pop(key)
                try:
                    pdu.from_aper(message)
                    again = pdu.to_aper()
                except Exception as e:
                    summary["errors"].append(f"{path} packet {n}: {proto} does not decode: {e}")
                    continue
                if again != message:
                    summary["errors"].append(f"{path} packet {n}: {proto} re-encodes differently")
                name = pdu.get_val()[1]["value"][0]
                summary[count] += 1
                summary[table][name] = summary[table].get(name, 0) + 1
            g = udp_payload(frame, 2152)
            if g is not None:
                if len(g) < 8 or g[0] >> 5 != 1 or struct.unpack(">H", g[2:4])[0] != len(g) - 8:
                    summary["errors"].append(f"{path} packet {n}: not a GTP-U v1 packet of its length")
                summary["gtpu"] += 1
            if len(frame) >= 18 and frame[12:14] == b"\xae\xfe":
                summary["ecpri"] += 1
    print(json.dumps(summary, sort_keys=True))
    return 1 if summary["errors"] else 0

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
