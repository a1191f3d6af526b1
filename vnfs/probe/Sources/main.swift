// ranlab-probe: the smallest complete VNF. It follows the plug-in contract through VNFKit, opens
// every link of its node (ZeroMQ PAIR or SCTP), proves each one carries traffic both ways, and
// reports KPIs. The orchestrator's tests and `scripts/bench.sh deploy` run labs of probes; the
// Python plug-in in vnfs/py-probe speaks the same link protocol, so the two interoperate.
//
// Link protocol: each side sends {"probe": NODE, "seq": N} every 100 ms; a link is up when the
// first message from the peer arrives; the probe is ACTIVE when every link is up.
//
// Config keys: kpi-interval (default 100ms), finish-after, fail-after (durations).

import Bus
import Foundation
import Synchronization
import VNFKit

let pendingLinkDown = Mutex<[ControlMessage.Fault]>([])

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("ranlab-probe: \(error)\n".utf8))
    exit(2)
}
let node = vnf.config.node

func duration(_ key: String) -> Duration? {
    guard let v = vnf.config.config[key] else { return nil }
    guard let text = v.stringValue, let d = ChannelOptions.parseDuration(text) else {
        vnf.fail("config \(key)=\(v) is not a duration such as 100ms or 2s")
    }
    return d
}
let kpiInterval = duration("kpi-interval") ?? .milliseconds(100)
let finishAfter = duration("finish-after")
let failAfter = duration("fail-after")

struct ProbeLink {
    var link: NodeConfig.Link
    var channel: (any BusChannel)?
    var listener: SCTPListener?
    var received = 0
    var sent = 0
}

var links = vnf.config.links.map { ProbeLink(link: $0) }
// Phase 1: everything a peer may need to find us — ZeroMQ sockets and SCTP listeners.
for i in links.indices {
    let l = links[i].link
    do {
        if l.transport == "sctp" && l.side == .bind {
            links[i].listener = try vnf.listen(l)
        } else if l.transport == "zmq" {
            links[i].channel = try vnf.open(l) { $0.sendTimeout = .zero; $0.linger = .zero }
        }
    } catch {
        vnf.fail("cannot open link \(l.id) (\(l.interface) → \(l.peer)): \(error)")
    }
}
vnf.report(.ready)

// Phase 2: SCTP associations.
for i in links.indices where links[i].channel == nil {
    let l = links[i].link
    do {
        if let listener = links[i].listener {
            guard let c = try listener.accept(timeout: .seconds(30)) else { vnf.fail("no association from \(l.peer) on \(l.id) within 30 s") }
            links[i].channel = c
        } else {
            links[i].channel = try vnf.open(l, timeout: .seconds(30))
        }
    } catch {
        vnf.fail("cannot open link \(l.id) (\(l.interface) → \(l.peer)): \(error)")
    }
}

vnf.onFault { fault in
    // link-down is handled in the main loop below; claim it here so VNFKit does not nack it.
    if case .linkDown = fault { pendingLinkDown.withLock { $0.append(fault) }; return true }
    return false
}

let start = ContinuousClock.now
var nextPing = start
var nextKPI = start + kpiInterval
var kpiSeq = 0
var buffer = [UInt8](repeating: 0, count: 65536)
while true {
    if vnf.waitForStop(timeout: .milliseconds(5)) { vnf.finish() }
    let now = ContinuousClock.now
    if let f = failAfter, now - start >= f { vnf.fail("fail-after reached") }
    if let f = finishAfter, now - start >= f { vnf.finish(detail: "finish-after reached") }
    for fault in pendingLinkDown.withLock({ f -> [ControlMessage.Fault] in defer { f.removeAll() }; return f }) {
        if case .linkDown(let id) = fault, let i = links.firstIndex(where: { $0.link.id == id }) {
            vnf.close(link: id)
            links[i].channel = nil
        }
    }
    if now >= nextPing {
        nextPing = now + .milliseconds(100)
        for i in links.indices {
            guard let c = links[i].channel else { continue }
            links[i].sent += 1
            do { try c.send("{\"probe\":\"\(node)\",\"seq\":\(links[i].sent)}") } catch {
                if case .timedOut = error { continue }   // no peer yet
                if case .peerLost = error { vnf.fail("link \(links[i].link.id) to \(links[i].link.peer) lost") }
            }
        }
    }
    for i in links.indices {
        guard let c = links[i].channel else { continue }
        do {
            while try buffer.withUnsafeMutableBytes({ try c.receive(into: $0, timeout: .zero) }) != nil { links[i].received += 1 }
        } catch {
            vnf.fail("link \(links[i].link.id) to \(links[i].link.peer): \(error)")
        }
    }
    if vnf.status == .ready, links.allSatisfy({ $0.received > 0 }) { vnf.report(.active) }
    if now >= nextKPI {
        nextKPI = now + kpiInterval
        kpiSeq += 1
        let t = Date().timeIntervalSince1970
        var samples = [KPISample(name: "ranlab_probe_kpi_seq", value: Double(kpiSeq), time: t)]
        for l in links {
            samples.append(KPISample(name: "ranlab_probe_link_messages_total", value: Double(l.received), labels: ["link": l.link.id], time: t))
        }
        vnf.emit(samples)
    }
}
