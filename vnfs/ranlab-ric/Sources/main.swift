// ranlab-ric: the lab's near-RT RIC. E2 termination over SCTP (port 36421, PPID 70) for every E2
// node the topology links to its `e2` interface; admission by Global E2 node ID (config
// `e2-nodes`); subscription routing between E2 nodes and xApps; the xApp API over ZeroMQ
// (docs/xapp-api.md) on ipc://<lab sockets>/<node>-xapp.sock (path in the state file), each `xapp` link, and optionally
// tcp://127.0.0.1:<xapp-port>. State for `ranlab inspect` in <lab>/e2/<node>.json.

import Bus
import Foundation
import VNFKit

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("ranlab-ric: \(error)\n".utf8))
    exit(2)
}
let config: RICConfig
do { config = try RICConfig(vnf.config.config) } catch { vnf.fail("\(error)") }

let e2Links = vnf.config.links(onInterface: "e2")
guard e2Links.allSatisfy({ $0.transport == "sctp" && $0.side == .bind }) else { vnf.fail("e2 links must be SCTP with the RIC as the listening end") }
let labDirectory = URL(fileURLWithPath: vnf.config.labDirectory)
try? FileManager.default.createDirectory(at: labDirectory.appendingPathComponent("sock"), withIntermediateDirectories: true)
try? FileManager.default.createDirectory(at: labDirectory.appendingPathComponent("e2"), withIntermediateDirectories: true)
let stateFile = labDirectory.appendingPathComponent("e2/\(vnf.config.node).json").path

let core = RICCore(config: config, runtime: vnf)
let port: XAppPort
do {
    var extra = vnf.config.links(onInterface: "xapp").filter { $0.side == .bind }.map(\.address)
    if let p = config.xappPort { extra.append("tcp://127.0.0.1:\(p)") }
    // Next to the lab's other sockets (the orchestrator moves them to /tmp when the lab path is too long for ipc).
    let control = vnf.config.control.address
    let socketDirectory = control.hasPrefix("ipc://") ? URL(fileURLWithPath: String(control.dropFirst(6))).deletingLastPathComponent()
        : labDirectory.appendingPathComponent("sock")
    port = try XAppPort(external: "ipc://" + socketDirectory.appendingPathComponent("\(vnf.config.node)-xapp.sock").path, extra: extra)
} catch { vnf.fail("xApp port: \(error)") }
core.port = port
port.broadcastTargets = { core.xappIdentities }
let loop = RICLoop(core: core, port: port)

let listener: SCTPListener?
do {
    if let l = e2Links.first { listener = try vnf.listen(l) }
    else if let p = config.e2Listen { listener = try SCTPListener.listen("sctp://127.0.0.1:\(p)") }
    else { listener = nil }
} catch { vnf.fail("E2 listener: \(error)") }
let e2Where = e2Links.first?.address ?? config.e2Listen.map { "127.0.0.1:\($0)" } ?? "nowhere (no e2 links, no e2-listen)"
vnf.report(.ready, detail: "E2 on \(e2Where), xApps on \(port.externalAddress)")

if let listener {
    // It never ends on its own: the process exits around it (a thread ending while exit() runs
    // can abort the process).
    let acceptor = Thread {
        while true {
            do {
                guard let association = try listener.accept(timeout: .milliseconds(200)) else { continue }
                if vnf.stopRequested { association.close(); continue }
                loop.adopt(association)
            } catch {
                FileHandle.standardError.write(Data("\(vnf.config.node): accept: \(error)\n".utf8))
                usleep(100_000)
            }
        }
    }
    acceptor.name = "e2-accept"
    acceptor.start()
}
vnf.report(.active, detail: "admits \(config.admitted.values.sorted().joined(separator: ", ")); xApps on \(port.externalAddress)")

loop.run(every: 0.5) {
    core.expireXApps()
    core.publish(stateFile: stateFile)
    if vnf.stopRequested { port.stop() }
}
core.publish(stateFile: stateFile)
vnf.finish()
