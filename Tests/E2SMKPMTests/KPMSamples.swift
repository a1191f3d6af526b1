import APER
import E2SMCommon
import E2SMKPM

/// The catalogue samples (plus a small benchmark payload) keyed for `goldenHex`, with their ASN.1 types.
enum KPMSamples {
    static let asn1Types: [String: String] = [
        "RANfunctionDescription": "E2SM-KPM-RANfunction-Description",
        "EventTriggerDefinition": "E2SM-KPM-EventTriggerDefinition",
        "ActionDefinition": "E2SM-KPM-ActionDefinition",
        "IndicationHeader": "E2SM-KPM-IndicationHeader",
        "IndicationMessage": "E2SM-KPM-IndicationMessage",
    ]

    /// The message type name of a sample name ("ActionDefinition-Format4" -> "ActionDefinition").
    static func typeName(of sampleName: String) -> String {
        String(sampleName.split(separator: "-").first ?? "")
    }

    static var all: [Sample] {
        var out: [Sample] = E2SMKPMCatalog.samples().map { sample in
            (key: "KPM/" + sample.name, asn1Type: asn1Types[typeName(of: sample.name)] ?? "?", value: sample.value)
        }
        out.append((key: "KPM/IndicationMessage-Benchmark-5x4", asn1Type: "E2SM-KPM-IndicationMessage",
                    value: E2SMKPMCatalog.indicationFormat1(measurements: 5, records: 4)))
        out.append((key: "KPM/IndicationMessage-Benchmark-21x2", asn1Type: "E2SM-KPM-IndicationMessage",
                    value: E2SMKPMCatalog.indicationFormat1(measurements: 21, records: 2)))
        return out
    }
}
