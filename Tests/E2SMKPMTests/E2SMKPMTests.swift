import APER
import E2SMCommon
import E2SMKPM
import Foundation
import Testing

private var allSamples: [Sample] { CommonSamples.all + KPMSamples.all }

/// Decodes `bytes` as `type`; returns nil after an APERError, records an issue for any other error.
private func decodeOrAPERError(_ type: any APERValue.Type, _ bytes: [UInt8], _ what: @autoclosure () -> String) -> (any APERValue)? {
    do {
        return try type.init(aperBytes: bytes)
    } catch is APERError {
        return nil
    } catch {
        Issue.record("\(what()): non-APERError \(error)")
        return nil
    }
}

/// A decoded value re-encodes, and that encoding is a fixed point of decode+encode.
private func checkReencodes(_ value: any APERValue, _ what: @autoclosure () -> String) {
    do {
        let once = try value.aperBytes()
        let again = try type(of: value).init(aperBytes: once).aperBytes()
        #expect(once == again, "\(what()): re-encoding is not stable")
    } catch {
        Issue.record("\(what()): decoded value does not re-encode: \(error)")
    }
}

@Suite struct E2SMKPMRobustnessTests {
    @Test func everyTruncationDecodesOrThrowsAPERError() throws {
        var rejected = 0
        for sample in allSamples {
            let bytes = try sample.value.aperBytes()
            for n in 0..<bytes.count {
                if let value = decodeOrAPERError(type(of: sample.value), Array(bytes.prefix(n)), "\(sample.key) truncated to \(n)") {
                    checkReencodes(value, "\(sample.key) truncated to \(n)")
                } else {
                    rejected += 1
                }
            }
        }
        #expect(rejected > allSamples.count)
    }

    @Test func everySingleByteMutationDecodesOrThrowsAPERError() throws {
        var decoded = 0, rejected = 0
        for sample in allSamples {
            let bytes = try sample.value.aperBytes()
            for i in bytes.indices {
                for mutation in [bytes[i] ^ 0xFF, 0x00, 0xFF] where mutation != bytes[i] {
                    var mutated = bytes
                    mutated[i] = mutation
                    let what = "\(sample.key) byte \(i) = \(mutation)"
                    if let value = decodeOrAPERError(type(of: sample.value), mutated, what) {
                        decoded += 1
                        checkReencodes(value, what)
                    } else {
                        rejected += 1
                    }
                }
            }
        }
        #expect(decoded > 0 && rejected > 0)
    }

    @Test func unknownExtensionAdditionIsSkipped() throws {
        // E2SM-KPM-EventTriggerDefinition, format 1 with its extension bit set, reportingPeriod 999 and
        // one extension addition this version does not know (open type of 2 octets).
        let bytes: [UInt8] = [0x28, 0x03, 0xE6, 0x01, 0x02, 0xAB, 0xCD]  // 999 - lb 1 = 0x03E6
        let value = try KPMEventTriggerDefinition(aperBytes: bytes)
        #expect(value == KPMEventTriggerDefinition(eventDefinitionFormats: .eventDefinitionFormat1(KPMEventTriggerDefinitionFormat1(reportingPeriod: 999))))
    }

    @Test func unknownExtensionAlternativeIsAnAPERError() {
        // MeasurementRecordItem with the extension bit set: alternative 3 (beyond integer/real/noValue).
        #expect(throws: APERError.self) { try MeasurementRecordItem(aperBytes: [0x80, 0x01, 0x00]) }
    }
}

@Suite struct E2SMKPMJSONTests {
    @Test func everySampleSurvivesAJSONRoundTrip() throws {
        for sample in allSamples {
            let back = try jsonRoundTrip(sample.value)
            #expect(same(back, sample.value), "JSON round trip of \(sample.key)")
        }
    }

    @Test func choicesAreKeyedByTheASN1AlternativeName() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func text(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        #expect(try text([MeasurementRecordItem.noValue, .integer(7), .real(0.5)]) == #"[{"noValue":null},{"integer":7},{"real":0.5}]"#)
        #expect(try text(UEID.gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 3))) == #"{"gNB-DU-UEID":{"gNBCUUEF1APID":3}}"#)
        #expect(try text(TimeStamp(ntpSeconds: 1, fraction: 2)) == #""0000000100000002""#)
        #expect(try text(MeasurementLabel(noLabel: .true, plmnID: PLMNIdentity([0x00, 0xF1, 0x10]))) == #"{"noLabel":"true","plmnID":"00f110"}"#)
        let twoKeys = Data(#"{"integer": 1, "noValue": null}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MeasurementRecordItem.self, from: twoKeys) }
    }
}

@Suite struct E2SMKPMErrorPathTests {
    static let headerPath = ["indicationHeader-formats", "indicationHeader-Format1", "colletStartTime"]

    @Test func fourOctetV2TimeStampIsRejectedWhenEncoding() {
        let header = KPMIndicationHeader(indicationHeaderFormats: .indicationHeaderFormat1(KPMIndicationHeaderFormat1(colletStartTime: TimeStamp([0xE9, 0x3C, 0x7F, 0x00]))))
        do {
            _ = try header.aperBytes()
            Issue.record("a 4-octet TimeStamp was encoded")
        } catch let error as APERError {
            #expect(error.path == Self.headerPath)
            guard case .invalidLength = error.kind else { Issue.record("kind \(error.kind)"); return }
        } catch {
            Issue.record("non-APERError \(error)")
        }
    }

    @Test func v2IndicationHeaderIsRejectedWhenDecoding() throws {
        let bytes = try #require(OctetString(hex: v2IndicationHeaderHex)).bytes
        do {
            _ = try KPMIndicationHeader(aperBytes: bytes)
            Issue.record("a v02.03 header with a 4-octet TimeStamp decoded")
        } catch let error as APERError {
            #expect(error.path == Self.headerPath)
            guard case .truncated = error.kind else { Issue.record("kind \(error.kind)"); return }
        }
    }

    @Test func encodingErrorsNameTheFieldPath() {
        let message = KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat1(KPMIndicationMessageFormat1(measData: [
            MeasurementDataItem(measRecord: [.integer(1)]),
            MeasurementDataItem(measRecord: [.noValue, .real(2), .integer(4_294_967_296)]),
        ])))
        #expect(throws: APERError.self) { try message.aperBytes() }
        do { _ = try message.aperBytes() } catch let error as APERError {
            #expect(error.path == ["indicationMessage-formats", "indicationMessage-Format1", "measData", "[1]", "measRecord", "[2]", "integer"])
        } catch {}

        let format1 = KPMActionDefinitionFormat1(measInfoList: [MeasurementInfoItem(measType: .measID(1), labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(noLabel: .true))])], granulPeriod: 1)
        let oneUE = KPMActionDefinition(ricStyleType: 5, actionDefinitionFormats: .actionDefinitionFormat5(
            KPMActionDefinitionFormat5(matchingUEidList: [MatchingUEidPerSubItem(ueID: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 1)))], subscriptionInfo: format1)))
        do {
            _ = try oneUE.aperBytes()
            Issue.record("MatchingUEidPerSubList of 1 (SIZE(2..65535)) was encoded")
        } catch let error as APERError {
            #expect(error.path == ["actionDefinition-formats", "actionDefinition-Format5", "matchingUEidList"])
        } catch {}

        let badGranularity = KPMActionDefinitionFormat1(measInfoList: format1.measInfoList, granulPeriod: 0)
        do {
            _ = try KPMActionDefinition(ricStyleType: 1, actionDefinitionFormats: .actionDefinitionFormat1(badGranularity)).aperBytes()
            Issue.record("granulPeriod 0 was encoded")
        } catch let error as APERError {
            #expect(error.path == ["actionDefinition-formats", "actionDefinition-Format1", "granulPeriod"])
        } catch {}
    }

    @Test func decodingErrorsNameTheFieldPath() throws {
        let sample = try #require(E2SMKPMCatalog.samples().first { $0.name == "IndicationMessage-Format1" })
        let bytes = try sample.value.aperBytes()
        // cut inside the first record (integer 123456) of the first MeasurementDataItem
        do {
            _ = try KPMIndicationMessage(aperBytes: Array(bytes.prefix(8)))
            Issue.record("truncated message decoded")
        } catch let error as APERError {
            #expect(Array(error.path.prefix(6)) == ["indicationMessage-formats", "indicationMessage-Format1", "measData", "[0]", "measRecord", "[0]"])
        }
        // an UEID whose guami is cut short
        let ueid = try CommonSamples.ueidGNBMinimal.aperBytes()
        do {
            _ = try UEID(aperBytes: Array(ueid.prefix(ueid.count - 2)))
            Issue.record("truncated UEID decoded")
        } catch let error as APERError {
            #expect(Array(error.path.prefix(3)) == ["gNB-UEID", "guami", "aMFSetID"])
        }
    }
}

@Suite struct TimeStampTests {
    @Test func ntpSecondsAndFractionAreBigEndianOctets() {
        let stamp = TimeStamp(ntpSeconds: 0x0102_0304, fraction: 0x0506_0708)
        #expect(stamp.value.bytes == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(stamp.ntp == 0x0102_0304_0506_0708)
        #expect(stamp.ntpSeconds == 0x0102_0304)
        #expect(stamp.fraction == 0x0506_0708)
        #expect(TimeStamp(ntp: 0x0102_0304_0506_0708) == stamp)
    }

    @Test func unixTimeUsesTheNTPEpoch() throws {
        let epoch = try #require(TimeStamp(unixSeconds: 0))
        #expect(epoch.ntpSeconds == 2_208_988_800)  // 1900-01-01 to 1970-01-01 (RFC 868/5905)
        #expect(epoch.fraction == 0)
        let half = try #require(TimeStamp(unixSeconds: 1_700_000_000.5))
        #expect(half.fraction == 0x8000_0000)
        #expect(half.unixSeconds == 1_700_000_000.5)
        #expect(TimeStamp(unixSeconds: .nan) == nil)
        #expect(TimeStamp(unixSeconds: -3e9) == nil)
    }

    @Test func aFourOctetValueHasNoNTPView() {
        let v2 = TimeStamp([0xE9, 0x3C, 0x7F, 0x00])
        #expect(v2.ntp == nil && v2.ntpSeconds == nil && v2.unixSeconds == nil)
    }
}

@Suite struct E2SMKPMCatalogTests {
    @Test func typesAreTheFiveMessageTypes() {
        #expect(E2SMKPMCatalog.types.map(\.name) == ["RANfunctionDescription", "EventTriggerDefinition", "ActionDefinition", "IndicationHeader", "IndicationMessage"])
        #expect(E2SMKPMCatalog.types.first { $0.name == "IndicationMessage" }?.type == KPMIndicationMessage.self)
    }

    @Test func samplesCoverEveryTypeAndFormat() {
        let names = E2SMKPMCatalog.samples().map(\.name)
        #expect(names == ["RANfunctionDescription", "EventTriggerDefinition-Format1",
                          "ActionDefinition-Format1", "ActionDefinition-Format2", "ActionDefinition-Format3", "ActionDefinition-Format4", "ActionDefinition-Format5",
                          "IndicationHeader-Format1", "IndicationMessage-Format1", "IndicationMessage-Format2", "IndicationMessage-Format3"])
        for sample in E2SMKPMCatalog.samples() {
            let typeName = KPMSamples.typeName(of: sample.name)
            let type = E2SMKPMCatalog.types.first { $0.name == typeName }?.type
            #expect(type.map { ObjectIdentifier($0) } == ObjectIdentifier(Swift.type(of: sample.value)), "\(sample.name)")
        }
        func format(_ value: any APERValue) -> Int? {
            switch value {
            case let v as KPMActionDefinition:
                switch v.actionDefinitionFormats {
                case .actionDefinitionFormat1: 1
                case .actionDefinitionFormat2: 2
                case .actionDefinitionFormat3: 3
                case .actionDefinitionFormat4: 4
                case .actionDefinitionFormat5: 5
                }
            case let v as KPMIndicationMessage:
                switch v.indicationMessageFormats {
                case .indicationMessageFormat1: 1
                case .indicationMessageFormat2: 2
                case .indicationMessageFormat3: 3
                }
            default: nil
            }
        }
        for sample in E2SMKPMCatalog.samples() {
            if let n = format(sample.value) { #expect(sample.name.hasSuffix("-Format\(n)")) }
        }
    }

    @Test func benchmarkPayloadHasTheRequestedShape() throws {
        let message = E2SMKPMCatalog.indicationFormat1(measurements: 30, records: 7)
        guard case .indicationMessageFormat1(let format1) = message.indicationMessageFormats else {
            Issue.record("not format 1"); return
        }
        #expect(format1.measInfoList?.count == 30)
        #expect(format1.measData.count == 7)
        #expect(format1.measData.allSatisfy { $0.measRecord.count == 30 })
        let records = format1.measData.flatMap(\.measRecord)
        #expect(records.contains { if case .real = $0 { true } else { false } })
        #expect(records.contains { if case .integer = $0 { true } else { false } })
        #expect(format1.measInfoList?.last?.measType == .measID(30))
        #expect(try KPMIndicationMessage(aperBytes: message.aperBytes()) == message)
    }
}

@Suite struct KPMMeasurementNameTests {
    @Test func catalogueHasThe28552NamesKPMUses() {
        let names = Set(KPMMeasurementName.allCases.map(\.rawValue))
        for required in ["DRB.UEThpDl", "DRB.UEThpUl", "RRU.PrbUsedDl", "RRU.PrbUsedUl", "RRU.PrbTotDl", "RRU.PrbTotUl",
                         "RRU.PrbAvailDl", "RRU.PrbAvailUl", "DRB.RlcSduDelayDl", "DRB.PdcpSduVolumeDL", "DRB.PdcpSduVolumeUL",
                         "DRB.RlcSduTransmittedVolumeDL", "DRB.RlcSduTransmittedVolumeUL", "DRB.AirIfDelayUl", "RRC.ConnMean",
                         "RRC.ConnMax", "CARR.AverageLayersDl", "TB.TotNbrDl", "TB.ErrTotalNbrDl"] {
            #expect(names.contains(required), "\(required)")
        }
    }

    @Test func everyNameTravelsAsMeasName() throws {
        for name in KPMMeasurementName.allCases {
            let decoded = try MeasurementType(aperBytes: name.measurementType.aperBytes())
            guard case .measName(let typeName) = decoded else { Issue.record("\(name) decoded as \(decoded)"); continue }
            #expect(KPMMeasurementName(typeName) == name)
        }
        #expect(KPMMeasurementName(MeasurementTypeName("DRB.UEThpDl.SNSSAI")) == nil)
    }
}

@Suite struct KPMRealEncodingTests {
    /// MeasurementRecordItem.real and the other REALs use the APER runtime's REAL. For a mantissa with
    /// its top bit set, asn1tools 0.169 writes a leading zero octet (`04 c0 ff 00 bf` for -95.5) while
    /// pycrate 0.8.1 writes the minimal form (`03 c0 ff bf`); the runtime writes pycrate's form and
    /// reads both, so the samples avoid such mantissas.
    @Test func realMantissaIsMinimalAndAsn1toolsPaddedFormDecodes() throws {
        var encoder = APEREncoder()
        encoder.encodeReal(-95.5)
        #expect(encoder.finished() == [0x03, 0xC0, 0xFF, 0xBF])  // pycrate 0.8.1 to_aper()
        var decoder = APERDecoder([0x04, 0xC0, 0xFF, 0x00, 0xBF])  // asn1tools 0.169 'per'
        #expect(try decoder.decodeReal() == -95.5)
    }
}

@Suite("KPM lists longer than 16K use length fragments")
struct KPMFragmentationTests {
    /// 16384 noValue records in one MeasurementDataItem: measRecord is SIZE(1..2147483647), so its
    /// count is fragmented. asn1tools 0.169 encodes this value to 6150 octets starting 00000000c1,
    /// ending 49249200; our bytes must be the same.
    @Test func sixteenKRecordsMatchAsn1tools() throws {
        let message = KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat1(
            KPMIndicationMessageFormat1(measData: [MeasurementDataItem(measRecord: Array(repeating: .noValue, count: 16384))])))
        let bytes = try message.aperBytes()
        #expect(bytes.count == 6150)
        #expect(hexString(bytes.prefix(8)) == "00000000c1492492")
        #expect(hexString(bytes.suffix(4)) == "49249200")
        #expect(try KPMIndicationMessage(aperBytes: bytes) == message)
    }
}
