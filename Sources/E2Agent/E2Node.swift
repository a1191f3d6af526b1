import APER
import E2AP
import VNFKit

/// An E2 node's E2 termination for a Swift VNF: the ``E2Agent`` (association, setup, reconnect)
/// plus its RAN functions as ``E2Service``s. Call ``step(slot:)`` once per slot from the VNF's loop.
public final class E2Node {
    public let agent: E2Agent
    public let services: [E2Service]
    private let runtime: VNFRuntime
    /// Requests for a RAN function the node does not have, answered with ran-function-id-invalid.
    public private(set) var unknownFunctionRequests = 0

    public init(runtime: VNFRuntime, link: NodeConfig.Link, nodeID: GlobalE2nodeID, services: [E2Service],
                components: [E2nodeComponentConfigItem] = [], options: E2Agent.Options = .init()) {
        self.runtime = runtime
        self.services = services
        agent = E2Agent(name: runtime.config.node, link: link, nodeID: nodeID, functions: services.map(\.ranFunction),
                        components: components, options: options)
    }

    /// The F1 interface as an E2 node component (E2 Setup needs at least one component): a DU
    /// names itself, a CU each of its DUs, by gNB-DU ID. The configuration parts are the F1 Setup
    /// messages when the VNF keeps them, else their names.
    public static func f1Component(duID: Int64, request: [UInt8]? = nil, response: [UInt8]? = nil) -> E2nodeComponentConfigItem {
        E2nodeComponentConfigItem(e2nodeComponentInterfaceType: .f1, e2nodeComponentID: .f1(gnbDUID: duID),
                                  e2nodeComponentConfiguration: E2nodeComponentConfiguration(
                                      e2nodeComponentRequestPart: OctetString(request ?? Array("F1SetupRequest".utf8)),
                                      e2nodeComponentResponsePart: OctetString(response ?? Array("F1SetupResponse".utf8))))
    }

    public func start() { agent.start() }
    public func stop() { agent.stop() }

    /// Handles what the RIC asked since the last step, then ticks the services.
    public func step(slot: Int) {
        for s in services { s.begin(slot: slot) }
        for event in agent.poll() {
            switch event {
            case let .setUp(generation, _):
                services.forEach { $0.reset() }
                runtime.emit("ranlab_e2_setup_total", Double(generation), slot: slot)
            case let .refused(cause):
                runtime.emit("ranlab_e2_setup_refused_total", 1, labels: ["cause": "\(cause)"], slot: slot)
            case .lost:
                services.forEach { $0.reset() }
                runtime.emit("ranlab_e2_ric_lost_total", 1, slot: slot)
            case let .subscription(r):
                if let s = service(r.ranFunctionID) { s.subscribe(r, agent: agent) } else {
                    agent.send(RICsubscriptionFailure(ricRequestID: r.ricRequestID, ranFunctionID: r.ranFunctionID, cause: .ricRequest(.ranFunctionIDInvalid)))
                }
            case let .deletion(r):
                if let s = service(r.fields.ranFunctionID) { s.delete(r, agent: agent) } else {
                    agent.send(RICsubscriptionDeleteFailure(ricRequestID: r.fields.ricRequestID, ranFunctionID: r.fields.ranFunctionID, cause: .ricRequest(.ranFunctionIDInvalid)))
                }
            case let .control(r):
                if let s = service(r.ranFunctionID) { s.control(r, agent: agent) } else {
                    agent.send(RICcontrolFailure(ricRequestID: r.ricRequestID, ranFunctionID: r.ranFunctionID, cause: .ricRequest(.ranFunctionIDInvalid)))
                }
            }
        }
        if agent.isSetUp { for s in services { s.tick(slot: slot, agent: agent) } }
    }

    private func service(_ id: Int) -> E2Service? {
        guard let s = services.first(where: { $0.ranFunction.ranFunctionID == id }) else {
            unknownFunctionRequests += 1
            return nil
        }
        return s
    }
}
