// scripts/bench.sh codec — E2AP / E2SM-KPM encode and decode cost per PDU: time percentiles and
// heap allocations, one `NAME VALUE UNIT` line each.
//
// Scenarios:
//   ricindication_kpm_f1_10x32  what an E2 node sends every reporting period and the RIC reads:
//       a RICindication whose header is a KPM indication header (format 1) and whose message is
//       a KPM indication message format 1 with 10 measurement types for 32 UEs (32 measData
//       items × 10 records, integers and reals). encode = KPM header + message + E2AP PDU;
//       decode = E2AP PDU + KPM header + message.
//   e2setup_request  an E2setupRequest of a gNB with the KPM and RC RAN function definitions
//       ranlab's DU advertises and five component configurations (E2AP level).
//   f1ap_ue_context_setup_request  the F1AP sample UEContextSetupRequest.
//   uplane_slot_bfpN  one slot of U-plane for 273 PRBs × 14 symbols × 4 antennas (56 frames, one
//       section of 273 PRBs each): pack + BFP compress, and unpack + decompress, into reused
//       buffers; GB/s of uncompressed IQ (16-bit I and Q), against the 0.73 GB/s a 100 MHz 4T4R
//       cell at 30 kHz needs in real time.
#if canImport(Glibc)
import Glibc
#endif
import APER
import BenchSupport
import E2AP
import E2SMKPM
import E2SMRC
import F1AP
import Fronthaul

func eprint(_ text: String) {
    var t = text
    t.withUTF8 { buf in _ = write(2, buf.baseAddress, buf.count) }
}

var iterations = 20_000
var writeDirectory: String?
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    switch arg {
    case "--quick": iterations = 2_000
    case "--write-pdus":
        guard let dir = args.popFirst() else { eprint("--write-pdus needs a directory\n"); exit(2) }
        writeDirectory = dir
    case "--iterations":
        guard let v = args.popFirst().flatMap(Int.init), v > 0 else { eprint("--iterations needs a positive number\n"); exit(2) }
        iterations = v
    default:
        eprint("usage: CodecBench [--quick] [--iterations N] [--write-pdus DIR]\n")
        exit(2)
    }
}

@inline(__always) func nowNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

struct Result {
    var p50 = 0.0, p99 = 0.0, mean = 0.0, allocs = 0.0
}

/// Runs `body` `iterations` times after a warm-up; per-call time percentiles (µs) and mallocs per call.
@MainActor func measure(_ body: () throws -> Int) rethrows -> Result {
    var sink = 0
    for _ in 0..<max(100, iterations / 10) { sink &+= try body() }
    var samples = [UInt64](repeating: 0, count: iterations)
    let mallocsBefore = MallocCounter.calls
    for i in 0..<iterations {
        let t0 = nowNanoseconds()
        sink &+= try body()
        samples[i] = nowNanoseconds() - t0
    }
    let mallocs = MallocCounter.calls - mallocsBefore
    if sink == 42 { print("#") }
    samples.sort()
    func pct(_ q: Double) -> Double { Double(samples[min(samples.count - 1, Int(q * Double(samples.count)))]) / 1000 }
    let total = samples.reduce(0, +)
    return Result(p50: pct(0.5), p99: pct(0.99), mean: Double(total) / Double(samples.count) / 1000, allocs: Double(mallocs) / Double(iterations))
}

func fmt(_ x: Double, _ digits: Int = 3) -> String {
    var s = String(x)
    if let dot = s.firstIndex(of: ".") { s = String(s.prefix(through: s.index(dot, offsetBy: min(digits, s.distance(from: dot, to: s.endIndex) - 1)))) }
    return s
}

func report(_ name: String, _ r: Result) {
    print("codec.\(name).p50 \(fmt(r.p50)) us")
    print("codec.\(name).p99 \(fmt(r.p99)) us")
    print("codec.\(name).mean \(fmt(r.mean)) us")
    print("codec.\(name).allocs \(fmt(r.allocs, 1)) allocs")
}

do {
    #if DEBUG
    print("# WARNING: debug build; numbers are meaningless")
    #endif
    print("# \(iterations) calls per measurement after warm-up; allocs = malloc/calloc/realloc/memalign calls per call")
    if !MallocCounter.available { print("# allocation counting unavailable on this platform") }

    // --- RICindication carrying KPM format 1, 10 measurements × 32 UEs
    let message = E2SMKPMCatalog.indicationFormat1(measurements: 10, records: 32)
    let header = KPMIndicationHeader(indicationHeaderFormats: .indicationHeaderFormat1(KPMIndicationHeaderFormat1(
        colletStartTime: TimeStamp(ntpSeconds: 3_913_056_000, fraction: 0), fileFormatversion: "3.00", senderName: "ranlab-du", senderType: "DU", vendorName: "ranlab")))
    let request = RICrequestID(ricRequestorID: 1001, ricInstanceID: 1)
    var encoder = APEREncoder(capacity: 8192)
    var sn = 0
    func encodeIndication() throws -> [UInt8] {
        let h = try header.aperBytes(), m = try message.aperBytes()
        sn = (sn + 1) & 0xFFFF
        let pdu = E2APPDU(RICindication(ricRequestID: request, ranFunctionID: 2, ricActionID: 1, ricIndicationSN: sn, ricIndicationType: .report,
                                        ricIndicationHeader: OctetString(h), ricIndicationMessage: OctetString(m)))
        encoder.reset()
        try pdu.encode(aper: &encoder)
        return encoder.bytes
    }
    let indicationBytes = try encodeIndication()
    print("codec.ricindication_kpm_f1_10x32.size \(indicationBytes.count) bytes")
    report("ricindication_kpm_f1_10x32.encode", try measure { try encodeIndication().count })
    report("ricindication_kpm_f1_10x32.decode", try measure {
        let pdu = try E2APPDU(aperBytes: indicationBytes)
        guard case let .ricIndication(ind) = pdu.message else { fatalError("not an indication") }
        let h = try KPMIndicationHeader(aperBytes: ind.ricIndicationHeader.bytes)
        let m = try KPMIndicationMessage(aperBytes: ind.ricIndicationMessage.bytes)
        guard case let .indicationMessageFormat1(f1) = m.indicationMessageFormats else { fatalError("not format 1") }
        _ = h
        return f1.measData.count
    })
    // the E2AP layer alone (the E2SM payloads as opaque octets), comparable with pycrate's E2AP
    let indicationPDU = try E2APPDU(aperBytes: indicationBytes)
    report("ricindication_kpm_f1_10x32.e2ap_only.encode", try measure {
        encoder.reset()
        try indicationPDU.encode(aper: &encoder)
        return encoder.bitCount
    })
    report("ricindication_kpm_f1_10x32.e2ap_only.decode", try measure { try E2APPDU(aperBytes: indicationBytes).message.procedureCode })

    // --- E2setupRequest with ranlab's real RAN function definitions
    let kpmDefinition = try E2SMKPMCatalog.samples().first { $0.name == "RANfunctionDescription" }!.value.aperBytes()
    let rcDefinition = try SliceQuotaControl.ranFunctionDefinition().aperBytes()
    guard case let .e2setupRequest(sample) = E2APSamples.all.first(where: { $0.name == "E2setupRequest" })!.pdu.message else { fatalError() }
    var setup = sample
    setup.ranFunctionsAdded = [
        RANfunctionItem(ranFunctionID: 2, ranFunctionDefinition: OctetString(kpmDefinition), ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.2"),
        RANfunctionItem(ranFunctionID: 3, ranFunctionDefinition: OctetString(rcDefinition), ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.3"),
    ]
    let setupPDU = E2APPDU(setup)
    let setupBytes = try setupPDU.aperBytes()
    print("codec.e2setup_request.size \(setupBytes.count) bytes")
    report("e2setup_request.encode", try measure {
        encoder.reset()
        try setupPDU.encode(aper: &encoder)
        return encoder.bitCount
    })
    report("e2setup_request.decode", try measure { try E2APPDU(aperBytes: setupBytes).message.procedureCode })
    // --- F1AP UEContextSetupRequest (the CU's request for a UE: SRBs, DRBs with QoS and GTP tunnels, RRC container)
    let ueSetup = F1APSamples.all.first { $0.name == "UEContextSetupRequest" }!.pdu
    let ueSetupBytes = try ueSetup.aperBytes()
    print("codec.f1ap_ue_context_setup_request.size \(ueSetupBytes.count) bytes")
    report("f1ap_ue_context_setup_request.encode", try measure {
        encoder.reset()
        try ueSetup.encode(aper: &encoder)
        return encoder.bitCount
    })
    report("f1ap_ue_context_setup_request.decode", try measure { try F1APPDU(aperBytes: ueSetupBytes).criticality == .reject ? 1 : 0 })

    // --- U-plane: one slot, 273 PRBs × 14 symbols × 4 antennas
    let prbs = 273, symbols = 14, antennas = 4
    let slotIQ = (0..<(symbols * antennas)).map { FronthaulCatalog.testIQ(prbCount: prbs, seed: $0 + 1) }
    let uncompressedBytes = Double(prbs * 24 * 2 * symbols * antennas)
    let realTimeGBps = 0.73
    print("codec.uplane_slot.uncompressed_size \(Int(uncompressedBytes)) bytes")
    for width in [9, 8, 12, 14, 16] {
        let compression: UdCompHdr = width == 16 ? .uncompressed : .bfp(width)
        let frameBytes = UPlaneFrame.frameSize(prbCount: prbs, compression: compression)
        var frames = [[UInt8]](repeating: [UInt8](repeating: 0, count: frameBytes), count: symbols * antennas)
        var unpacked = [Int16](repeating: 0, count: prbs * 24)
        let section = UPlaneSectionHeader(sectionId: 1, startPrbu: 0, numPrbu: prbs, udCompHdr: compression)
        func header(_ symbol: Int) -> UPlaneHeader {
            UPlaneHeader(dataDirection: .downlink, frameId: 1, subframeId: 2, slotId: 1, symbolId: UInt8(symbol))
        }
        let name = width == 16 ? "uplane_slot_uncompressed" : "uplane_slot_bfp\(width)"
        let pack = try measure {
            var total = 0
            for f in 0..<(symbols * antennas) {
                total += try slotIQ[f].withUnsafeBufferPointer { iq in
                    try frames[f].withUnsafeMutableBytes { buffer in
                        try UPlaneFrame.pack(into: buffer, eAxC: EAxCID(ruPort: UInt16(f % antennas)), sequence: SequenceID(sequenceId: UInt8(f)),
                                             header: header(f / antennas), section: section, iq: iq)
                    }
                }
            }
            return total
        }
        let unpack = try measure {
            var total = 0
            for f in 0..<(symbols * antennas) {
                total += try frames[f].withUnsafeBytes { frame in
                    try unpacked.withUnsafeMutableBufferPointer { out in try UPlaneFrame.unpack(frame, into: out).values }
                }
            }
            return total
        }
        print("codec.\(name).frame_size \(frameBytes) bytes")
        print("codec.\(name).compressed_over_uncompressed \(fmt(Double(frameBytes * symbols * antennas) / uncompressedBytes, 4)) ratio")
        for (op, r) in [("pack_compress", pack), ("unpack_decompress", unpack)] {
            let gbps = uncompressedBytes / (r.p50 * 1000)
            print("codec.\(name).\(op).p50 \(fmt(r.p50)) us")
            print("codec.\(name).\(op).gbps \(fmt(gbps, 2)) GB/s")
            print("codec.\(name).\(op).realtime_ratio \(fmt(gbps / realTimeGBps, 1)) x")
            print("codec.\(name).\(op).allocs \(fmt(r.allocs, 1)) allocs")
        }
    }

    if let dir = writeDirectory {
        func write(_ name: String, _ bytes: [UInt8]) {
            guard let f = fopen(dir + "/" + name, "wb") else { eprint("cannot write \(dir)/\(name)\n"); exit(1) }
            _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
        }
        write("ricindication_kpm_f1_10x32.aper", indicationBytes)
        write("e2setup_request.aper", setupBytes)
        write("f1ap_ue_context_setup_request.aper", ueSetupBytes)
    }
} catch {
    eprint("bench: \(error)\n")
    exit(1)
}
