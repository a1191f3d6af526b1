/// A random-access response (Msg2) for one detected preamble: the temporary C-RNTI and the Msg3 grant.
public struct RandomAccessResponse: Sendable, Hashable, Codable {
    /// The preamble index (RAPID) the response answers.
    public var preamble: UInt8
    /// Temporary C-RNTI given to the UE.
    public var temporaryRNTI: UInt16
    /// The Msg3 PUSCH grant (its `rnti` is normally `temporaryRNTI`).
    public var msg3: UplinkGrant

    /// A response to `preamble` giving `temporaryRNTI` and the Msg3 grant.
    public init(preamble: UInt8, temporaryRNTI: UInt16, msg3: UplinkGrant) {
        self.preamble = preamble
        self.temporaryRNTI = temporaryRNTI
        self.msg3 = msg3
    }
}

extension RandomAccessResponse: AirCodable {
    // preamble 1, temporaryRNTI 2, msg3 23
    static let minimumEncodedSize = 3 + UplinkGrant.minimumEncodedSize

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        preamble = try r.u8("preamble")
        temporaryRNTI = try r.u16("temporaryRNTI")
        do throws(AirInterfaceError) {
            msg3 = try UplinkGrant(reading: &r)
        } catch {
            throw error.within("msg3")
        }
    }

    func write(to w: inout AirWriter) {
        w.u8(preamble)
        w.u16(temporaryRNTI)
        msg3.write(to: &w)
    }
}
