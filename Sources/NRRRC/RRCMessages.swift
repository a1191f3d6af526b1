// RRCMessages: minimal, valid NR RRC (TS 38.331) messages for the emulated CU and DU, carried in
// F1AP RRC-Container / DUtoCURRCContainer IEs (opaque OCTET STRINGs), plus the SRB PDCP framing
// (TS 38.323 §6.2.2.1) that F1AP's RRC-Container has on SRB1.
//
// Every byte string below is the UPER encoding made with pycrate 0.8.1 (pycrate_asn1dir.RRCNR,
// 38.331 Rel-18 ASN.1) and checked by decoding and re-encoding to identical bytes;
// scripts/check_rrc.py re-checks each constant of this file that way (it reads the arrays out of
// this file) and exits non-zero on any difference. Each was also dissected by tshark 4.0.17 with
// no malformed packet and no expert info: the bare RRC message through a DLT_USER0 pcap with the
// nr-rrc.ul.ccch / dl.ccch / ul.dcch / dl.dcch / cellgroupconfig_msg dissector, and the whole
// sequence inside pycrate-built F1AP messages over SCTP (InitialULRRCMessageTransfer with
// DUtoCURRCContainer, DLRRCMessageTransfer on SRB0, then UL/DL RRC Message Transfer on SRB1 with
// the PDCP framing of `pdcp(_:sn:)`), where Wireshark's F1AP dissector hands SRB1 containers to
// PDCP-NR (12-bit SN, MAC-I present) and that to NR RRC, and reports "MAC: 0x00000000 [Matches
// calculated result]".
//
// These are syntactically complete but functionally minimal: no RLC bearer or spCellConfig in
// the CellGroupConfig, no NAS container in the RRCReconfiguration. A real UE would need more.

public enum RRCMessages {
    // MARK: RRCSetupRequest (UL-CCCH-Message, SRB0; F1AP InitialULRRCMessageTransfer)

    /// The 48 bits (6 bytes, no padding) of UL-CCCH-Message { c1: rrcSetupRequest {
    /// ue-Identity randomValue V (39 bits), establishmentCause mo-Data, spare '0'B } }, MSB first:
    ///
    ///     bit  0      message CHOICE             0    (c1)
    ///     bits 1-2    c1 CHOICE (4 alternatives) 00   (rrcSetupRequest)
    ///     bit  3      ue-Identity CHOICE         1    (randomValue)
    ///     bits 4-42   randomValue                V    (39 bits, MSB first)
    ///     bits 43-46  establishmentCause         0100 (mo-Data = 4 of 16, no extension)
    ///     bit  47     spare                      0
    ///
    /// i.e. the 48-bit big-endian word 0x1000_0000_0008 | V << 5. Only V's low 39 bits are used.
    /// Checked with pycrate for V = 0, 1, 12345, 0x5A5A5A5A5A and 2^39-1 (e.g. V = 1 gives
    /// 10 00 00 00 00 28, V = 0x5A5A5A5A5A gives 1B 4B 4B 4B 4B 48), and with tshark
    /// (nr-rrc.ul.ccch and inside InitialULRRCMessageTransfer): randomValue and mo-Data shown.
    public static func setupRequest(ueIdentity: UInt64) -> [UInt8] {
        let word: UInt64 = 0x1000_0000_0008 | (ueIdentity & randomValueMask) << 5
        return (0..<6).map { UInt8(truncatingIfNeeded: word >> (40 - 8 * $0)) }
    }

    /// The 39-bit randomValue of a UL-CCCH-Message rrcSetupRequest whose ue-Identity is
    /// randomValue (the inverse of `setupRequest(ueIdentity:)`); nil for anything else: not
    /// exactly 6 bytes, another message, or an ng-5G-S-TMSI-Part1 identity. Any
    /// establishmentCause (all 16 values of the 4-bit enumeration decode) and spare bit are accepted.
    public static func ueIdentity(ofSetupRequest bytes: [UInt8]) -> UInt64? {
        guard bytes.count == 6 else { return nil }
        var word: UInt64 = 0
        for byte in bytes { word = word << 8 | UInt64(byte) }
        guard word >> 44 == 0b0001 else { return nil }
        return (word >> 5) & randomValueMask
    }

    private static let randomValueMask: UInt64 = (1 << 39) - 1

    // MARK: CellGroupConfig (F1AP DUtoCURRCContainer; RRCSetup masterCellGroup)

    /// CellGroupConfig { cellGroupId 0 } with every optional field and the extension absent
    /// (ext bit 0, 7 presence bits 0, cellGroupId 2 bits 00, padded to 2 bytes). The least the
    /// ASN.1 allows. Checked with pycrate and tshark (nr-rrc.cellgroupconfig_msg and as
    /// InitialULRRCMessageTransfer's DUtoCURRCContainer: "CellGroupConfig / cellGroupId: 0").
    public static let cellGroupConfig: [UInt8] = [0x00, 0x00]

    // MARK: RRCSetup (DL-CCCH-Message, SRB0; F1AP DLRRCMessageTransfer with SRBID 0)

    /// DL-CCCH-Message { c1: rrcSetup { rrc-TransactionIdentifier 0, criticalExtensions rrcSetup {
    /// radioBearerConfig { srb-ToAddModList { { srb-Identity 1 } } },
    /// masterCellGroup = `cellGroupConfig` (OCTET STRING 00 00) } } }. SRB1 without pdcp-Config
    /// takes the default SRB PDCP configuration (38.331 §9.2.1). In F1 the CU copies the DU's
    /// DUtoCURRCContainer into masterCellGroup: this constant embeds `cellGroupConfig` (length
    /// determinant 2 at bits 21-28, the two bytes at bits 29-44, not octet-aligned as UPER does
    /// not align), so a DU sending another container needs another RRCSetup. Checked with pycrate
    /// and tshark (nr-rrc.dl.ccch and inside DLRRCMessageTransfer on SRB0, masterCellGroup
    /// dissected as CellGroupConfig).
    public static let setup: [UInt8] = [0x20, 0x40, 0x00, 0x10, 0x00, 0x00]

    // MARK: RRCSetupComplete (UL-DCCH-Message, SRB1; F1AP ULRRCMessageTransfer, PDCP-wrapped)

    /// UL-DCCH-Message { c1: rrcSetupComplete { rrc-TransactionIdentifier 0, criticalExtensions
    /// rrcSetupComplete { selectedPLMN-Identity 1, dedicatedNAS-Message
    /// 7E 00 41 79 00 0D 01 00 F1 10 F0 FF 00 00 00 00 00 00 00 10 } } }. The NAS message is a
    /// plain 5GMM Registration request (initial registration, follow-on request, ngKSI 7) with a
    /// null-scheme SUCI for IMSI 001 01 0000000001 and no optional IEs: Wireshark dissects the
    /// dedicatedNAS-Message as NAS-5GS, so it has to be a valid one. Checked with pycrate and
    /// tshark (nr-rrc.ul.dcch, and PDCP-wrapped with SN 0 in ULRRCMessageTransfer on SRB1).
    public static let setupComplete: [UInt8] = [
        0x10, 0x00, 0x04, 0xDF, 0x80, 0x10, 0x5E, 0x40, 0x03, 0x40, 0x40, 0x3C,
        0x44, 0x3C, 0x3F, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
    ]

    // MARK: RRCReconfiguration (DL-DCCH-Message, SRB1; F1AP DLRRCMessageTransfer, PDCP-wrapped)

    /// DL-DCCH-Message { c1: rrcReconfiguration { rrc-TransactionIdentifier 1, criticalExtensions
    /// rrcReconfiguration { radioBearerConfig { drb-ToAddModList { {
    /// cnAssociation sdap-Config { pdu-Session 1, sdap-HeaderDL absent, sdap-HeaderUL absent,
    /// defaultDRB TRUE, mappedQoS-FlowsToAdd { 1 } }, drb-Identity 1,
    /// pdcp-Config { drb { discardTimer infinity, pdcp-SN-SizeUL len12bits,
    /// pdcp-SN-SizeDL len12bits, headerCompression notUsed } } } } } } } }.
    /// pdcp-Config is there because 38.331 makes it (and those drb fields) mandatory when a DRB is
    /// set up (Cond PDCP / Setup); without it the message would be 02 80 80 45 00 F0 01 00, also
    /// valid ASN.1. Checked with pycrate and tshark (nr-rrc.dl.dcch, and PDCP-wrapped with SN 0
    /// in DLRRCMessageTransfer on SRB1).
    public static let reconfiguration: [UInt8] = [0x02, 0x80, 0x80, 0x4D, 0x00, 0xF0, 0x01, 0x02, 0x71, 0xE0]

    // MARK: RRCReconfigurationComplete (UL-DCCH-Message, SRB1)

    /// UL-DCCH-Message { c1: rrcReconfigurationComplete { rrc-TransactionIdentifier 1,
    /// criticalExtensions rrcReconfigurationComplete { } } }. Checked with pycrate and tshark
    /// (nr-rrc.ul.dcch, and PDCP-wrapped with SN 1 in ULRRCMessageTransfer on SRB1).
    public static let reconfigurationComplete: [UInt8] = [0x0A, 0x00]

    // MARK: RRCRelease (DL-DCCH-Message, SRB1)

    /// DL-DCCH-Message { c1: rrcRelease { rrc-TransactionIdentifier 0, criticalExtensions
    /// rrcRelease { } } } (no redirection, no suspendConfig). Checked with pycrate and tshark
    /// (nr-rrc.dl.dcch, and PDCP-wrapped with SN 1 in DLRRCMessageTransfer on SRB1).
    public static let release: [UInt8] = [0x10, 0x00]

    // MARK: PDCP for SRBs (TS 38.323 §6.2.2.1)

    /// The PDCP Data PDU for an SRB that carries `rrc`: 4 reserved bits 0 and a 12-bit SN
    /// (2 bytes), the RRC message, then a 4-byte MAC-I of zeros (an SRB's MAC-I is always there;
    /// zeros while integrity protection is not active). Only `sn`'s low 12 bits are used (the SN
    /// is COUNT mod 4096). This is what F1AP's RRC-Container holds on SRB1 and SRB2, and how
    /// Wireshark's F1AP dissector reads it; checked with tshark for SN 0 and 1 in both directions.
    public static func pdcp(_ rrc: [UInt8], sn: Int) -> [UInt8] {
        var pdu: [UInt8] = [UInt8(truncatingIfNeeded: (sn >> 8) & 0x0F), UInt8(truncatingIfNeeded: sn)]
        pdu.reserveCapacity(rrc.count + 6)
        pdu += rrc
        pdu += [0, 0, 0, 0]
        return pdu
    }

    /// The RRC message inside an SRB PDCP Data PDU (the inverse of `pdcp(_:sn:)`): the bytes
    /// between the 2-byte header and the 4-byte MAC-I. nil when there is no room for a header,
    /// a MAC-I and at least one RRC byte. The reserved bits and the MAC-I are not checked
    /// (38.323: a receiver ignores the R bits).
    public static func unwrapPDCP(_ pdu: [UInt8]) -> [UInt8]? {
        guard pdu.count >= 2 + 1 + 4 else { return nil }
        return Array(pdu[2..<(pdu.count - 4)])
    }
}
