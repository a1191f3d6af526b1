/// The envelope of elementary-procedure protocols (E2AP, F1AP, and the NGAP/XnAP/E1AP family):
///
///     PDU ::= CHOICE { initiatingMessage, successfulOutcome, unsuccessfulOutcome, … }
///     each  ::= SEQUENCE { procedureCode INTEGER (0..255), criticality Criticality, value <open type> }
///
/// `ProcedureEnvelope` reads and writes everything but the value; the protocol module decodes the
/// value (an open type) by looking up its message table with `kind` and `procedureCode`.
public struct ProcedureEnvelope: Hashable, Sendable {
    /// 0 initiating, 1 successful outcome, 2 unsuccessful outcome.
    public var kind: Int
    public var procedureCode: Int
    public var criticality: Criticality

    public init(kind: Int, procedureCode: Int, criticality: Criticality) {
        self.kind = kind
        self.procedureCode = procedureCode
        self.criticality = criticality
    }

    /// Reads the CHOICE index, procedure code and criticality; the decoder is left at the value.
    /// Any alternative beyond the three message kinds (an extension, or F1AP's `choice-extension`)
    /// is `unknownAlternative` in `pduName`.
    public init(aper d: inout APERDecoder, pduName: String, rootCount: Int, extensible: Bool) throws {
        let choice = try d.decodeChoiceIndex(rootCount: rootCount, extensible: extensible, pduName)
        guard choice < 3 else { throw APERError(.unknownAlternative(choice), path: [pduName], bitOffset: d.position) }
        kind = choice
        procedureCode = Int(try d.decodeInteger(in: 0...255, "procedureCode"))
        criticality = try d.component("criticality") { try Criticality(aper: &$0) }
    }

    /// Writes the CHOICE index, procedure code and criticality; the caller then writes the value
    /// as an open type.
    public func encode(aper e: inout APEREncoder, rootCount: Int, extensible: Bool) throws {
        try e.encodeChoiceIndex(kind, rootCount: rootCount, extensible: extensible)
        e.encodeSequencePreamble(extensible: false)
        try e.encodeInteger(Int64(procedureCode), in: 0...255, "procedureCode")
        try criticality.encode(aper: &e)
    }
}
