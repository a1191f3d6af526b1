/// Protocol IE containers, the way 3GPP and O-RAN application protocols (E2AP, F1AP) carry a
/// message's information elements:
///
///     ProtocolIE-Container ::= SEQUENCE (SIZE (0..maxProtocolIEs)) OF ProtocolIE-Field
///     ProtocolIE-Field ::= SEQUENCE { id INTEGER (0..65535), criticality Criticality, value <open type> }
///
/// Receivers skip an unknown IE whose criticality is `ignore` or `notify` and fail with
/// `APERError.Kind.unknownIERejected` when it is `reject`, so the caller can answer with an
/// error indication naming it.
extension APEREncoder {
    /// One ProtocolIE-Field.
    public mutating func encodeIE(id: Int, criticality: Criticality, _ value: (inout APEREncoder) throws -> Void) throws {
        try component("IE \(id)") { enc in
            try enc.encodeInteger(Int64(id), in: 0...65535, "id")
            try criticality.encode(aper: &enc)
            try enc.encodeOpenType(value)
        }
    }

    /// A message body `SEQUENCE { protocolIEs ProtocolIE-Container, ... }`: the extension bit,
    /// then the IE count, then the IEs `fields` writes (each with `encodeIE`). The count is
    /// patched in afterwards, so `fields` need not know it in advance; returns nothing.
    public mutating func encodeIEContainer(maxIEs: Int = 65535, _ fields: (inout APEREncoder, inout Int) throws -> Void) throws {
        writeBit(false)  // no extension additions
        align()
        let countAt = bytes.count
        writeBits(0, count: 16)
        var count = 0
        try fields(&self, &count)
        guard count <= maxIEs else { throw failure(.invalidLength("\(count) IEs exceed \(maxIEs)"), "protocolIEs") }
        bytes[countAt] = UInt8(count >> 8)
        bytes[countAt + 1] = UInt8(count & 0xFF)
    }

    /// A list of ProtocolIE-SingleContainer items all carrying IE `id`.
    public mutating func encodeSingleContainerList<C: Collection>(_ items: C, size: ClosedRange<Int>, id: Int, criticality: Criticality, _ name: String, _ value: (inout APEREncoder, C.Element) throws -> Void) throws {
        try component(name) { enc in
            try enc.encodeSequenceOf(items, size: size) { e, item in
                try e.encodeIE(id: id, criticality: criticality) { try value(&$0, item) }
            }
        }
    }
}

extension APERDecoder {
    /// Reads a ProtocolIE-Field's id and criticality, then calls `value` with a decoder confined
    /// to the IE's value. `value` returns false for an id it does not know; such an IE is skipped
    /// unless its criticality is `reject`.
    public mutating func decodeIE(_ value: (Int, Criticality, inout APERDecoder) throws -> Bool) throws {
        let id = Int(try decodeInteger(in: 0...65535, "id"))
        let criticality = try component("criticality") { try Criticality(aper: &$0) }
        let start = position
        let known = try component("IE \(id)") { dec in
            try dec.decodeOpenType("value") { try value(id, criticality, &$0) }
        }
        if !known && criticality == .reject {
            throw APERError(.unknownIERejected(id: id), path: ["IE \(id)"], bitOffset: start)
        }
    }

    /// A message body `SEQUENCE { protocolIEs ProtocolIE-Container, ... }`, calling `field` for
    /// each IE (see `decodeIE`). Extension additions of the body are skipped.
    public mutating func decodeIEContainer(_ field: (Int, Criticality, inout APERDecoder) throws -> Bool) throws {
        let (extended, _) = try decodeSequencePreamble(extensible: true)
        let count = try decodeCount(size: 0...65535, minimumElementBits: 32, "protocolIEs")
        for _ in 0..<count { try decodeIE(field) }
        if extended { try decodeExtensionAdditions(known: 0) { _, _ in } }
    }

    /// A list of ProtocolIE-SingleContainer items that should all carry IE `id`; items with other
    /// ids are skipped (criticality ignore/notify) or refused (reject). If skipping leaves fewer
    /// items than the SIZE constraint's lower bound, that is an `invalidLength` error.
    public mutating func decodeSingleContainerList<T>(size: ClosedRange<Int>, id: Int, _ name: String, _ value: (inout APERDecoder) throws -> T) throws -> [T] {
        try component(name) { dec in
            let count = try dec.decodeCount(size: size, minimumElementBits: 32)
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                try dec.component("[\(i)]") { d in
                    try d.decodeIE { itemID, _, inner in
                        guard itemID == id else { return false }
                        out.append(try value(&inner))
                        return true
                    }
                }
            }
            // skipping unknown items must not leave a list its own constraint forbids
            guard out.count >= size.lowerBound else {
                throw APERError(.invalidLength("\(count) item(s) but only \(out.count) with the known IE id \(id); at least \(size.lowerBound) needed"), bitOffset: dec.position)
            }
            return out
        }
    }
}

/// Unwraps a mandatory IE, or throws `missingIE` naming it.
public func mandatoryIE<T>(_ value: T?, id: Int, _ name: String) throws -> T {
    guard let value else { throw APERError(.missingIE(id: id, name: name), path: [name], bitOffset: 0) }
    return value
}
