import Foundation
import RanlabTestSupport
import Testing

/// The independent judges: every sample PDU `ranlab pdu samples` writes must decode and
/// re-encode to identical bytes in pycrate (E2AP) and asn1tools (E2SM-KPM, E2SM-RC, compiled from
/// the O-RAN ASN.1 in ../shared/asn1). Runs `scripts/check_pdus.py`; scripts/setup.sh installs both.
@Suite("Independent codecs agree byte for byte")
struct IndependentCodecTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func pycrateAndAsn1toolsReencodeEverySampleIdentically() throws {
        let dir = try TemporaryDirectory()
        let samples = try RanlabBinary.run(["pdu", "samples", "--out", dir.url.path])
        #expect(samples.status == 0, "\(samples.stderr)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/check_pdus.py").path, dir.url.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_pdus.py:\n\(text)")
        let fileCount = try FileManager.default.subpathsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".aper") }.count
        #expect(text.contains("\(fileCount)/\(fileCount) PDUs re-encode identically"), "\(text)")
        #expect(fileCount >= 26)
    }
}
