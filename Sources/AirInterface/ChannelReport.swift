/// Channel quality of one UE in both directions.
///
/// `downlinkCQI` is what the UE reports in CSI (PUCCH/PUSCH). `uplinkCQI` stands for what the
/// gNB's PHY measures on the UE's uplink (a real PHY gives an SINR; the emulator gives the CQI
/// index that SINR maps to, so the DU's link adaptation needs no SINR table).
public struct ChannelReport: Sendable, Hashable, Codable {
    /// The UE's C-RNTI.
    public var rnti: UInt16
    /// Wideband CQI index (0...15) the UE reports for the downlink.
    public var downlinkCQI: UInt8
    /// CQI index (0...15) equivalent to the measured uplink SINR.
    public var uplinkCQI: UInt8

    /// A report of both directions' CQI for `rnti`.
    public init(rnti: UInt16, downlinkCQI: UInt8, uplinkCQI: UInt8) {
        self.rnti = rnti
        self.downlinkCQI = downlinkCQI
        self.uplinkCQI = uplinkCQI
    }
}

extension ChannelReport: AirCodable {
    // rnti 2, downlinkCQI 1, uplinkCQI 1
    static let minimumEncodedSize = 4

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        rnti = try r.u16("rnti")
        downlinkCQI = try r.u8("downlinkCQI")
        uplinkCQI = try r.u8("uplinkCQI")
    }

    func write(to w: inout AirWriter) {
        w.u16(rnti)
        w.u8(downlinkCQI)
        w.u8(uplinkCQI)
    }
}
