import APER
import E2SMCommon
import Foundation
import Testing

/// A named sample: the key used in `goldenHex`, the ASN.1 type asn1tools encodes, and the value.
typealias Sample = (key: String, asn1Type: String, value: any APERValue)

/// Decodes `bytes` as a value of `value`'s type.
func decodeAs(_ value: any APERValue, _ bytes: [UInt8]) throws -> any APERValue {
    try type(of: value).init(aperBytes: bytes)
}

func jsonRoundTrip<T: APERValue>(_ value: T) throws -> T {
    let data = try JSONEncoder().encode(value)
    return try JSONDecoder().decode(T.self, from: data)
}

/// Equality of two samples of the same (Hashable) type.
func same(_ a: any APERValue, _ b: any APERValue) -> Bool {
    guard let a = a as? AnyHashable, let b = b as? AnyHashable else { return false }
    return a == b
}

/// With `E2SM_DUMP_SAMPLES=<path>` set, writes every sample as JSON for scripts/e2sm_golden.py.
func dumpSamplesIfRequested(_ samples: [Sample], label: String) throws {
    guard let path = ProcessInfo.processInfo.environment["E2SM_DUMP_SAMPLES"] else { return }
    var out: [String: Any] = [:]
    for s in samples {
        let data = try JSONEncoder().encode(s.value)
        out[s.key] = ["type": s.asn1Type, "json": try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])]
    }
    let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .prettyPrinted])
    try data.write(to: URL(fileURLWithPath: path + "." + label + ".json"))
}

/// Checks that each sample encodes to asn1tools' bytes and that those bytes decode to the sample.
func checkGolden(_ samples: [Sample], label: String) throws {
    try dumpSamplesIfRequested(samples, label: label)
    for sample in samples {
        guard let hex = goldenHex[sample.key], let golden = OctetString(hex: hex)?.bytes else {
            Issue.record("no golden bytes for \(sample.key)")
            continue
        }
        let encoded = try sample.value.aperBytes()
        #expect(hexString(encoded) == hex, "encoding of \(sample.key)")
        let decoded = try decodeAs(sample.value, golden)
        #expect(same(decoded, sample.value), "decoding asn1tools' bytes of \(sample.key)")
    }
}
