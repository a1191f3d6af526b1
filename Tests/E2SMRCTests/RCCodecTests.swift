import APER
import E2SMCommon
import E2SMRC
import Foundation
import Testing

@Suite("E2SM-RC encodings, round trips and robustness")
struct RCCodecTests {
    @Test func catalogHasOneSampleOfEveryTypeAndFormat() {
        let names = Set(E2SMRCCatalog.samples().map(\.name))
        #expect(names == ["RANFunctionDefinition", "ControlHeader-Format1", "ControlHeader-Format2",
                          "ControlMessage-Format1", "ControlMessage-Format2",
                          "ControlOutcome-Format1", "ControlOutcome-Format2", "ControlOutcome-Format3"])
        #expect(E2SMRCCatalog.types.map(\.name) == ["RANFunctionDefinition", "ControlHeader", "ControlMessage", "ControlOutcome"])
        for (name, value) in E2SMRCCatalog.samples() {
            #expect(RCGolden.type(of: name).map { type(of: value) == $0 } == true, "\(name) is not of its catalog type")
        }
    }

    @Test(arguments: RCGolden.values.map(\.name))
    func encodesToTheGoldenBytes(_ name: String) throws {
        let value = try #require(RCGolden.values.first { $0.name == name }?.value)
        #expect(hexString(try value.aperBytes()) == hexString(RCGolden.bytes(name)))
    }

    @Test(arguments: RCGolden.values.map(\.name))
    func decodesTheGoldenBytesBackToTheValue(_ name: String) throws {
        let value = try #require(RCGolden.values.first { $0.name == name }?.value)
        let type = try #require(RCGolden.type(of: name))
        let decoded = try type.init(aperBytes: RCGolden.bytes(name))
        #expect(isEqual(decoded, value), "\(name) decodes to another value")
        #expect(hexString(try decoded.aperBytes()) == hexString(RCGolden.bytes(name)))
    }

    @Test(arguments: RCGolden.values.map(\.name))
    func jsonRoundTrips(_ name: String) throws {
        let value = try #require(RCGolden.values.first { $0.name == name }?.value)
        let type = try #require(RCGolden.type(of: name))
        let json = try JSONEncoder().encode(value)
        let back = try JSONDecoder().decode(type, from: json)
        #expect(isEqual(back, value), "\(name) changes through JSON: \(String(decoding: json, as: UTF8.self))")
    }

    @Test func choicesAreJSONObjectsKeyedByTheASN1AlternativeName() throws {
        let json = String(decoding: try JSONEncoder().encode(SliceQuotaControl.message([RCTestVectors.oneQuota])), as: UTF8.self)
        for key in ["\"controlMessage-Format1\":", "\"ranP-Choice-List\":", "\"ranP-Choice-Structure\":", "\"ranP-Choice-ElementFalse\":", "\"valueInt\":20", "\"valueOctS\":\"00f110\""] {
            #expect(json.contains(key), "\(key) missing in \(json)")
        }
        let value = try JSONDecoder().decode(RANParameterValue.self, from: Data(#"{"valueReal": 0.25}"#.utf8))
        #expect(value == .valueReal(0.25))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RANParameterValue.self, from: Data(#"{"valueInt": 1, "valueReal": 0.25}"#.utf8))
        }
    }

    @Test func everyValueAlternativeRoundTrips() throws {
        let values: [RANParameterValue] = [.valueBoolean(false), .valueInt(Int64.min), .valueInt(Int64.max), .valueReal(-0.1), .valueReal(1e300),
                                           .valueBitS(BitString(bytes: [], length: 0)), .valueBitS(BitString(bytes: [0xFF, 0xFF, 0x80], length: 17)),
                                           .valueOctS([]), .valueOctS(OctetString([UInt8](repeating: 7, count: 300))), .valuePrintableString("a'()+,-./:=? Z")]
        for value in values {
            let bytes = try value.aperBytes()
            #expect(try RANParameterValue(aperBytes: bytes) == value)
        }
        #expect(throws: APERError.self) { try RANParameterValue.valuePrintableString("naïve").aperBytes() }
    }

    @Test func constraintsAreCheckedWhenEncoding() throws {
        // SIZE(1..maxnoofRICStyles): an empty control style list is refused
        let empty = RCRANFunctionDefinition(ranFunctionName: RANfunctionName(ranFunctionShortName: "x", ranFunctionE2SMOID: "1", ranFunctionDescription: "d"),
                                            ranFunctionDefinitionControl: RANFunctionDefinitionControl(ricControlStyleList: []))
        let error = try #require(throws: APERError.self) { try empty.aperBytes() }
        #expect(error.path.contains("ric-ControlStyle-List"))
        // RIC-ControlAction-ID (1..65535, ...) is extensible: 70000 is encoded, not refused
        let header = RCControlHeader(ricControlHeaderFormats: .controlHeaderFormat1(RCControlHeaderFormat1(ueID: SliceQuotaControl.cellWideUEID, ricStyleType: 2, ricControlActionID: 70000)))
        #expect(try RCControlHeader(aperBytes: header.aperBytes()) == header)
        // RANParameter-Name (SIZE(1..150, ...)) must be PrintableString
        let badName = NamedRANParameterItem(ranParameterID: 1, ranParameterName: "Ü")
        #expect(throws: APERError.self) { try badName.aperBytes() }
    }

    @Test func unknownExtensionAlternativesAreTypedErrors() throws {
        // ric-controlHeader-formats with an extension alternative after Format2 (index 2)
        var e = APEREncoder()
        e.encodeSequencePreamble(extensible: true)
        try e.encodeChoiceIndex(2, rootCount: 1, extensible: true)
        try e.encodeOpenType { $0.encodeBoolean(true) }
        let error = try #require(throws: APERError.self) { try RCControlHeader(aperBytes: e.finished()) }
        #expect(error.kind == .unknownAlternative(2))
        #expect(error.path.first == "ric-controlHeader-formats")

        // the same for a RANParameter-Value alternative after valuePrintableString
        var v = APEREncoder()
        try v.encodeChoiceIndex(7, rootCount: 6, extensible: true)
        try v.encodeOpenType { $0.encodeBoolean(true) }
        let valueError = try #require(throws: APERError.self) { try RANParameterValue(aperBytes: v.finished()) }
        #expect(valueError.kind == .unknownAlternative(7))
    }

    @Test func unknownSequenceExtensionAdditionsAreSkipped() throws {
        // RANParameter-ValueType-Choice-ElementTrue sent by a newer version with one addition
        var e = APEREncoder()
        e.encodeSequencePreamble(extensible: true, extended: true)
        try RANParameterValue.valueInt(42).encode(aper: &e)
        try e.encodeExtensionAdditions(count: 1, present: { _ in true }) { enc, _ in try enc.encodeOctetString([1, 2, 3]) }
        #expect(try RANParameterValueTypeChoiceElementTrue(aperBytes: e.finished()) == .init(ranParameterValue: .valueInt(42)))

        // a RAN parameter item whose known addition (the definition) is followed by an unknown one
        let definition = RANParameterDefinition.structure([.init(ranParameterID: 2, ranParameterName: "inner")])
        var n = APEREncoder()
        n.encodeSequencePreamble(extensible: true, extended: true)
        try RANParameterID(5).encode(aper: &n)
        try RANParameterName("outer").encode(aper: &n)
        try n.encodeExtensionAdditions(count: 2, present: { _ in true }) { enc, i in
            if i == 0 { try definition.encode(aper: &enc) } else { enc.encodeBoolean(true) }
        }
        #expect(try NamedRANParameterItem(aperBytes: n.finished()) == NamedRANParameterItem(ranParameterID: 5, ranParameterName: "outer", ranParameterDefinition: definition))
    }

    @Test(arguments: RCGolden.values.map(\.name))
    func everyTruncationGivesAValueOrAnAPERError(_ name: String) throws {
        let type = try #require(RCGolden.type(of: name))
        let bytes = RCGolden.bytes(name)
        var errors = 0
        for length in 0..<bytes.count {
            if !decodeTotally(type, Array(bytes.prefix(length)), name) { errors += 1 }
        }
        #expect(errors > 0, "no truncation of \(name) was refused")
    }

    @Test(arguments: E2SMRCCatalog.samples().map(\.name))
    func everySingleByteMutationGivesAValueOrAnAPERError(_ name: String) throws {
        let type = try #require(RCGolden.type(of: name))
        var bytes = RCGolden.bytes(name)
        for i in bytes.indices {
            let original = bytes[i]
            for delta in 1...255 {
                bytes[i] = original &+ UInt8(delta)
                _ = decodeTotally(type, bytes, name)
            }
            bytes[i] = original
        }
    }
}

/// Decodes `bytes` as `type`: true for a value (which must then re-encode without trapping),
/// false for an APERError; any other error is recorded as a failure.
func decodeTotally(_ type: any APERValue.Type, _ bytes: [UInt8], _ name: String) -> Bool {
    do {
        let value = try type.init(aperBytes: bytes)
        _ = try? value.aperBytes()
        return true
    } catch is APERError {
        return false
    } catch {
        Issue.record("\(name): \(hexString(bytes)) threw a non-APER error \(error)")
        return false
    }
}

/// Value equality across the catalog's existential values.
func isEqual(_ a: any APERValue, _ b: any APERValue) -> Bool {
    func open<T: APERValue>(_ a: T) -> Bool {
        guard let a = a as? any Hashable, let b = b as? T as? any Hashable else { return false }
        return AnyHashable(a) == AnyHashable(b)
    }
    return open(a)
}
