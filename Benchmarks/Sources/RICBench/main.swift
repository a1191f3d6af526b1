// RICBench (scripts/bench.sh ric): KPM indications through ranlab-ric to one xApp, next to the
// raw transports it is built from, measured in the same run.
//
//   RICBench RANLAB VNFS_DIR [--nodes 1,16] [--seconds 3] [--rate 2000] [--rounds 3]
//
// It deploys a lab holding only the RIC (release build; the RIC accepts E2 nodes on e2-listen),
// then, in this process: N E2 nodes (SCTP over usrsctp, E2 Setup, answer the xApp's
// subscription) and one xApp (XAppKit's DEALER). Throughput: every node sends the same
// RICindication (KPM format 1, 10 measurements) as fast as it can; the xApp counts what arrives.
// Latency: the nodes together send `rate` indications/s, each stamped with CLOCK_MONOTONIC in its
// last 8 bytes; the xApp reads the stamp on arrival (same host, same clock).
// Baselines with the same message, node count and method: raw SCTP (N associations to a listener
// in this process) and raw ZeroMQ (N DEALERs to a ROUTER over ipc). "added" latency = RIC − (SCTP
// + ZeroMQ), the two hops the RIC relays between. Every figure is the median of `rounds` rounds
// (each round measures the RIC and both baselines back to back; the ratio is taken per round):
// on this 2-core machine one 3 s run of any of them can be off by a factor of two.
import APER
import Bus
import E2AP
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import XAppKit

struct Options {
    var ranlab = ""
    var vnfs = ""
    var nodes = [1, 16]
    var seconds = 3.0
    var rate = 2000.0
    var rounds = 3
    init() {
        var args = Array(CommandLine.arguments.dropFirst())
        func fail(_ s: String) -> Never { FileHandle.standardError.write(Data("RICBench: \(s)\n".utf8)); exit(2) }
        guard args.count >= 2 else { fail("usage: RICBench RANLAB VNFS_DIR [--nodes 1,16] [--seconds 3] [--rate 2000] [--rounds 3]") }
        ranlab = args.removeFirst(); vnfs = args.removeFirst()
        while let a = args.first {
            args.removeFirst()
            guard let v = args.first else { fail("\(a) needs a value") }
            args.removeFirst()
            switch a {
            case "--nodes": nodes = v.split(separator: ",").compactMap { Int($0) }.filter { (1...64).contains($0) }
            case "--seconds": seconds = Double(v) ?? seconds
            case "--rate": rate = Double(v) ?? rate
            case "--rounds": rounds = max(1, Int(v) ?? rounds)
            default: fail("unknown option \(a)")
            }
        }
    }
}

func log(_ s: String) { FileHandle.standardError.write(Data("bench: \(s)\n".utf8)) }
func now() -> UInt64 { MonotonicClock.now() }

/// p50 / p99 in µs of nanosecond samples.
func percentiles(_ ns: [UInt64]) -> (Double, Double) {
    guard !ns.isEmpty else { return (.nan, .nan) }
    let s = ns.sorted()
    func at(_ q: Double) -> Double { Double(s[min(s.count - 1, Int(Double(s.count - 1) * q))]) / 1000 }
    return (at(0.5), at(0.99))
}

/// The indication every node sends: its last 8 bytes are a timestamp slot.
func indication(requestor: Int) throws -> [UInt8] {
    let message = OctetString(Array(repeating: 0x5A, count: 200) + Array(repeating: 0, count: 8))
    let pdu = try E2APPDU(RICindication(ricRequestID: RICrequestID(ricRequestorID: requestor, ricInstanceID: 1), ranFunctionID: 2, ricActionID: 1,
                                        ricIndicationSN: 1, ricIndicationType: .report, ricIndicationHeader: [1, 2, 3, 4],
                                        ricIndicationMessage: message)).aperBytes()
    return pdu
}
func stamp(_ b: inout [UInt8], _ t: UInt64) { withUnsafeBytes(of: t.littleEndian) { for i in 0..<8 { b[b.count - 8 + i] = $0[i] } } }
func readStamp(_ b: UnsafeRawBufferPointer) -> UInt64 {
    guard b.count >= 8 else { return 0 }
    var t: UInt64 = 0
    withUnsafeMutableBytes(of: &t) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: b[(b.count - 8)...])) }
    return UInt64(littleEndian: t)
}

/// One sender thread for all `senders` (round robin: N busy threads on 2 cores would measure the
/// scheduler, not the transport): flat out, or `perSecond` in total paced with clock_nanosleep;
/// `send` gets the sender index and the send time; returns after `seconds`.
func drive(_ senders: Int, seconds: Double, perSecond: Double?, _ send: @escaping @Sendable (Int, UInt64) -> Bool) {
    let end = now() + UInt64(seconds * 1e9)
    let gap = perSecond.map { UInt64(1e9 / $0) }
    var next = now()
    var k = 0
    while now() < end {
        if let gap {
            next += gap
            var ts = timespec(tv_sec: Int(next / 1_000_000_000), tv_nsec: Int(next % 1_000_000_000))
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nil) == EINTR {}
        }
        if !send(k % senders, now()) { usleep(20) }
        k &+= 1
    }
}

struct Measured { var perSecond: Double; var p50: Double; var p99: Double }

let options = Options()
let port = 36_400 + Int(getpid() % 500)
let listenPort = port + 1000
// The raw-SCTP baseline's listener comes first: usrsctp runs one UDP port per process, and a
// listener made first gets its own port as that UDP port (what its peers expect).
nonisolated(unsafe) let rawListener: SCTPListener
do { rawListener = try SCTPListener.listen("sctp://127.0.0.1:\(listenPort)") } catch {
    FileHandle.standardError.write(Data("bench: raw SCTP listener: \(error)\n".utf8)); exit(1)
}
let home = FileManager.default.temporaryDirectory.appendingPathComponent("ranlab-ricbench-\(getpid())")
try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
let maxNodes = options.nodes.max() ?? 1
let ids = (1...maxNodes).map { "n\($0): \"gnb:001-01:1:du\($0)\"" }.joined(separator: ", ")
let topology = home.appendingPathComponent("ricbench.ranlab.yaml")
try """
name: ricbench
nodes:
  ric:
    role: ric
    vnf: ranlab-ric
    config: {e2-nodes: {\(ids)}, e2-listen: \(port)}
scenario: {seed: 1, time: realtime}
trust: {providers: [ranlab], require-hashes: true}
""".write(to: topology, atomically: true, encoding: .utf8)

func ranlab(_ args: [String]) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: options.ranlab)
    p.arguments = args + ["--home", home.path]
    p.standardOutput = FileHandle.standardError
    try? p.run()
    p.waitUntilExit()
    return p.terminationStatus
}
guard ranlab(["deploy", topology.path, "--detach", "--vnfs", options.vnfs]) == 0 else { log("deploy failed"); exit(1) }
defer { _ = ranlab(["destroy", "ricbench"]) }
nonisolated(unsafe) var address = ""
for _ in 0..<200 {
    if let d = try? Data(contentsOf: home.appendingPathComponent("ricbench/e2/ric.json")),
       let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any], let a = o["xapp-address"] as? String { address = a; break }
    usleep(50_000)
}
guard !address.isEmpty else { log("the RIC did not come up"); _ = ranlab(["destroy", "ricbench"]); exit(1) }

/// N E2 nodes through the RIC to one xApp.
func throughRIC(_ n: Int, flatOut: Bool) throws -> Measured {
    let x = try XAppClient(address: address, name: "bench-\(n)-\(flatOut)")
    defer { x.close() }
    var requestor = 0
    while requestor == 0 { if case let .welcome(r)? = try x.next(timeout: .seconds(5)) { requestor = r } }
    var nodes: [SCTPChannel] = []
    for i in 1...n {
        let c = try SCTPChannel.connect("sctp://127.0.0.1:\(port)")
        let setup = E2setupRequest(transactionID: 1, globalE2nodeID: .gNB(mcc: "001", mnc: "01", gnbID: 1, duID: Int64(i))!,
                                   ranFunctionsAdded: [RANfunctionItem(ranFunctionID: 2, ranFunctionDefinition: [0], ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.2")],
                                   e2nodeComponentConfigAddition: [.init(e2nodeComponentInterfaceType: .f1, e2nodeComponentID: .f1(gnbDUID: Int64(i)),
                                                                         e2nodeComponentConfiguration: .init(e2nodeComponentRequestPart: [1], e2nodeComponentResponsePart: [1]))])
        try c.send(E2APPDU(setup).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        guard let r = try c.receive(timeout: .seconds(5)), case .e2setupResponse = try E2APPDU(aperBytes: r.bytes).message else { throw BenchError("E2 Setup of n\(i)") }
        nodes.append(c)
    }
    // The xApp subscribes on every node; each node answers.
    for i in 1...n {
        try x.send(RICsubscriptionRequest(ricRequestID: RICrequestID(ricRequestorID: requestor, ricInstanceID: 1), ranFunctionID: 2,
                                          ricSubscriptionDetails: RICsubscriptionDetails(ricEventTriggerDefinition: [0], ricActionToBeSetupList: [
                                              RICactionToBeSetupItem(ricActionID: 1, ricActionType: .report)])), to: "n\(i)")
    }
    for c in nodes {
        guard let r = try c.receive(timeout: .seconds(5)), case .ricSubscriptionRequest = try E2APPDU(aperBytes: r.bytes).message else { throw BenchError("no subscription") }
        try c.send(E2APPDU(RICsubscriptionResponse(ricRequestID: RICrequestID(ricRequestorID: requestor, ricInstanceID: 1), ranFunctionID: 2, ricActionsAdmitted: [1])).aperBytes(),
                   info: MessageInfo(stream: 0, ppid: 70))
    }
    var responses = 0
    while responses < n { if case .e2? = try x.next(timeout: .seconds(5)) { responses += 1 } }
    let template = try indication(requestor: requestor)
    nonisolated(unsafe) let channels = nodes
    let result = receiveWhile(x.channel, senders: n, flatOut: flatOut) { i, t in
        var b = template
        stamp(&b, t)
        return (try? channels[i].send(b, info: MessageInfo(stream: 1, ppid: 70))) != nil
    }
    for c in nodes { c.close() }
    // Let the RIC drain what it still holds for this xApp before the next measurement starts.
    var quietSince = now()
    while now() - quietSince < 300_000_000 {
        if (try? x.channel.receiveMultipart(timeout: .milliseconds(50))) ?? nil != nil { quietSince = now() }
    }
    return result
}

struct BenchError: Error, CustomStringConvertible { let description: String; init(_ d: String) { description = d } }

/// Drives the senders while this thread receives on `sink` (3 frames from the RIC, or 1 frame);
/// counts messages arriving in the measured window and their latencies.
func receiveWhile(_ sink: ZMQChannel, senders: Int, flatOut: Bool, _ send: @escaping @Sendable (Int, UInt64) -> Bool) -> Measured {
    let seconds = options.seconds
    let t = Thread { drive(senders, seconds: seconds, perSecond: flatOut ? nil : options.rate, send) }
    let start = now()
    t.start()
    var count = 0
    var latencies: [UInt64] = []
    latencies.reserveCapacity(Int(options.rate * seconds) + 16)
    let warm = start + 300_000_000, end = start + UInt64(seconds * 1e9)
    while now() < end + 200_000_000 {
        let got: Bool? = try? sink.withNextMessage(timeout: .milliseconds(50)) { bytes, info in
            if info.more { return false }      // envelope frames before the payload
            let arrived = now()
            if arrived >= warm && arrived <= end {
                count += 1
                if !flatOut { latencies.append(arrived &- readStamp(bytes)) }
            }
            return true
        }
        _ = got
    }
    let (p50, p99) = percentiles(latencies)
    return Measured(perSecond: Double(count) / (Double(end - warm) / 1e9), p50: p50, p99: p99)
}

/// Raw SCTP: N associations straight to a listener in this process.
func rawSCTP(_ n: Int, flatOut: Bool) throws -> Measured {
    let listener = rawListener
    var senders: [SCTPChannel] = [], receivers: [SCTPChannel] = []
    for _ in 0..<n {
        senders.append(try SCTPChannel.connect("sctp://127.0.0.1:\(listenPort)"))
        guard let r = try listener.accept(timeout: .seconds(5)) else { throw BenchError("accept") }
        receivers.append(r)
    }
    // One receiving thread per association (as the RIC has), all feeding one counter.
    let template = try indication(requestor: 1)
    let count = Atomic<Int>(0)
    let lat = Mutex<[UInt64]>([])
    let seconds = options.seconds
    let start = now(), warm = start + 300_000_000, end = start + UInt64(seconds * 1e9)
    let stop = Atomic<Bool>(false)
    let finished = Atomic<Int>(0)
    for r in receivers {
        nonisolated(unsafe) let r = r
        let t = Thread {
            var mine: [UInt64] = []
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
            defer { buffer.deallocate() }
            while !stop.load(ordering: .acquiring) {
                guard let got = try? r.receive(into: buffer, timeout: .milliseconds(50)) else { continue }
                let arrived = now()
                if arrived >= warm && arrived <= end {
                    count.add(1, ordering: .relaxed)
                    if !flatOut { mine.append(arrived &- readStamp(UnsafeRawBufferPointer(rebasing: buffer[0..<got.count]))) }
                }
            }
            lat.withLock { $0 += mine }
            finished.add(1, ordering: .releasing)
        }
        t.start()
    }
    nonisolated(unsafe) let channels = senders
    drive(n, seconds: seconds, perSecond: flatOut ? nil : options.rate) { i, t in
        var b = template
        stamp(&b, t)
        return (try? channels[i].send(b, info: MessageInfo(stream: 1, ppid: 70))) != nil
    }
    usleep(200_000)
    stop.store(true, ordering: .releasing)
    while finished.load(ordering: .acquiring) < n { usleep(1000) }
    for c in senders + receivers { c.close() }
    let (p50, p99) = percentiles(lat.withLock { $0 })
    return Measured(perSecond: Double(count.load(ordering: .relaxed)) / (Double(end - warm) / 1e9), p50: p50, p99: p99)
}

/// Raw ZeroMQ: N DEALERs to one ROUTER over ipc, in this process.
func rawZMQ(_ n: Int, flatOut: Bool) throws -> Measured {
    let path = "ipc://" + home.appendingPathComponent("raw-\(n)-\(flatOut).sock").path
    let router = try ZMQChannel.bind("zmq+" + path, .router) { $0.receiveHighWaterMark = 100_000; $0.linger = .zero }
    defer { router.close() }
    let dealers = try (0..<n).map { _ in try ZMQChannel.connect("zmq+" + path, .dealer) { $0.sendHighWaterMark = 100_000; $0.linger = .zero } }
    let template = try indication(requestor: 1)
    nonisolated(unsafe) let ds = dealers     // each DEALER is used by its own sender thread only
    let result = receiveWhile(router, senders: n, flatOut: flatOut) { i, t in
        var b = template
        stamp(&b, t)
        return (try? ds[i].send(b, info: MessageInfo(dontWait: true))) != nil
    }
    for d in dealers { d.close() }
    return result
}

print("# RICBench: \(options.seconds) s per measurement, latency at \(Int(options.rate)) indications/s in total, \(template0Size()) B E2AP PDU, median of \(options.rounds) round(s)")
func template0Size() -> Int { (try? indication(requestor: 1).count) ?? 0 }
func median(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.sorted()[v.count / 2] }
func f1(_ v: Double) -> String { String(format: "%.1f", v) }
for n in options.nodes {
    do {
        var r: [String: [Double]] = [:]
        for round in 1...options.rounds {
            log("\(n) node(s), round \(round)/\(options.rounds): through the RIC")
            let ric = try throughRIC(n, flatOut: true), ricLat = try throughRIC(n, flatOut: false)
            log("\(n) node(s), round \(round)/\(options.rounds): raw SCTP and ZeroMQ")
            let sctp = try rawSCTP(n, flatOut: true), sctpLat = try rawSCTP(n, flatOut: false)
            let zmq = try rawZMQ(n, flatOut: true), zmqLat = try rawZMQ(n, flatOut: false)
            let values: [(String, Double)] = [
                ("ric", ric.perSecond), ("sctp", sctp.perSecond), ("zmq", zmq.perSecond),
                ("ratio", ric.perSecond / min(sctp.perSecond, zmq.perSecond)),
                ("ric50", ricLat.p50), ("ric99", ricLat.p99), ("sctp50", sctpLat.p50), ("sctp99", sctpLat.p99),
                ("zmq50", zmqLat.p50), ("zmq99", zmqLat.p99),
                ("add50", ricLat.p50 - sctpLat.p50 - zmqLat.p50), ("add99", ricLat.p99 - sctpLat.p99 - zmqLat.p99)]
            for (k, v) in values { r[k, default: []].append(v) }
        }
        let m = r.mapValues(median)
        func rounds(_ k: String) -> String { r[k]!.map { String(Int($0)) }.joined(separator: ", ") }
        print("# nodes\(n) per round: RIC \(rounds("ric")) msg/s; raw SCTP \(rounds("sctp")); RIC p99 \(rounds("ric99")) us")
        print("ric_indications_per_s_nodes\(n) \(Int(m["ric"]!)) msg/s")
        print("raw_sctp_per_s_nodes\(n) \(Int(m["sctp"]!)) msg/s")
        print("raw_zmq_per_s_nodes\(n) \(Int(m["zmq"]!)) msg/s")
        print("ric_vs_raw_ratio_nodes\(n) \(String(format: "%.3f", m["ratio"]!)) ratio")
        print("ric_latency_p50_nodes\(n) \(f1(m["ric50"]!)) us")
        print("ric_latency_p99_nodes\(n) \(f1(m["ric99"]!)) us")
        print("raw_sctp_latency_p50_nodes\(n) \(f1(m["sctp50"]!)) us")
        print("raw_sctp_latency_p99_nodes\(n) \(f1(m["sctp99"]!)) us")
        print("raw_zmq_latency_p50_nodes\(n) \(f1(m["zmq50"]!)) us")
        print("raw_zmq_latency_p99_nodes\(n) \(f1(m["zmq99"]!)) us")
        print("ric_added_p99_nodes\(n) \(f1(m["add99"]!)) us")
        print("ric_added_p50_nodes\(n) \(f1(m["add50"]!)) us")
    } catch {
        log("\(n) node(s) failed: \(error)")
    }
}
