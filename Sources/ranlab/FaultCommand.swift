import ArgumentParser
import Bus
import Foundation
import Orchestrator
import VNFKit

struct FaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault",
        abstract: "Inject a fault into a running node through its orchestrator: crash, exit, error, hang, link-down.",
        discussion: "What the node does is in docs/plugin-contract.md. Exit 0 when the orchestrator passed it on; 5 when the lab is not running; 2 when it refused (unknown or stopped node)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable { case crash, exit, error, hang, linkDown = "link-down" }

    @Argument(help: "Lab name.") var name: String
    @Argument(help: "Node name.") var node: String
    @Argument(help: "crash | exit | error | hang | link-down") var kind: Kind
    @Option(help: "Exit code for `exit` (0–255).") var code: Int32 = 1
    @Option(help: "Detail for `error`.") var detail = "injected by ranlab fault"
    @Option(help: "Link id for `link-down` (see node.json).") var link: String?
    @OptionGroup var lab: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let dir = LabDirectory(root: lab.home, name: name)
            guard dir.orchestratorAlive else { throw .noSuchLab(name) }
            let fault: ControlMessage.Fault = switch kind {
            case .crash: .crash
            case .exit: .exit(code: code)
            case .error: .error(detail: detail)
            case .hang: .hang
            case .linkDown: .linkDown(link: link ?? "")
            }
            var body = (try? JSONSerialization.jsonObject(with: Data(ControlMessage.fault(fault).encoded())) as? [String: Any]) ?? [:]
            body["node"] = node
            let bytes = Array((try? JSONSerialization.data(withJSONObject: body)) ?? Data())
            do {
                let ch = try ZMQChannel.connect("zmq+" + dir.controlAddress, .dealer) { o in
                    o.routingID = Array("@cli-\(getpid())".utf8)
                    o.linger = .milliseconds(200)
                }
                defer { ch.close() }
                try ch.send(bytes)
                guard let reply = try ch.receive(timeout: .seconds(5)) else { throw OrchestratorError.timedOut("the orchestrator of \(name) did not answer") }
                switch try? ControlMessage.decode(reply.bytes) {
                case .ack?: emit("\(kind.rawValue) sent to \(name)/\(node)")
                case .nack(_, let reason)?: throw OrchestratorError.plan(reason)
                default: throw OrchestratorError.io("unexpected answer from the orchestrator")
                }
            } catch let e as OrchestratorError { throw e }
            catch let e as BusError { throw .bus(e) }
            catch { throw .io("\(error)") }
        }
    }
}
