import APER
import Bus
import E2AP
import Foundation

/// One E2 node's SCTP association at the RIC: E2 Setup (admission), then every PDU the node
/// sends, routed through the core. Served by the ``RICLoop`` thread, which calls ``serve(limit:)``
/// when the association's readiness descriptor fires. A PDU that does not decode, carries an
/// unknown IE with criticality reject, or makes no sense at the RIC gets ErrorIndication, and
/// the association stays up.
final class E2Association {
    let channel: SCTPChannel
    let core: RICCore
    private var name: String?
    private var generation = 0
    /// Set when the association has ended (it was reported lost and closed).
    private(set) var ended = false

    init(channel: SCTPChannel, core: RICCore) {
        self.channel = channel
        self.core = core
    }

    private func send(_ body: some E2APMessageBody) {
        if let b = try? E2APPDU(body).aperBytes() { try? channel.send(b, info: MessageInfo(stream: 0, ppid: 70)) }
    }

    private func errorIndication(_ cause: Cause, request: RICrequestID? = nil, function: Int? = nil, transaction: Int? = nil) {
        core.countErrorIndication()
        send(ErrorIndication(transactionID: transaction, ricRequestID: request, ranFunctionID: function, cause: cause))
    }

    /// Handles what the node has sent, at most `limit` messages (so one busy node cannot starve
    /// the others). Returns true when it stopped at the limit (more may be waiting: serve again
    /// without waiting for the descriptor, which was already acknowledged).
    func serve(limit: Int) -> Bool {
        guard !ended else { return false }
        channel.acknowledgeReadiness()
        for _ in 0..<limit {
            let m: Message?
            do { m = try channel.receive(timeout: .zero) } catch {
                end(reason: "\(error)")
                return false
            }
            guard let m else { return false }
            handle(m)
        }
        return true
    }

    /// Ends the association (the RIC is stopping, or the node is gone).
    func end(reason: String) {
        guard !ended else { return }
        ended = true
        if let name { core.lost(name, generation: generation, reason: reason) }
        channel.close()
    }

    private func handle(_ m: Message) {
        let pdu: E2APPDU
        do { pdu = try E2APPDU(aperBytes: m.bytes) } catch {
            var cause = Cause.protocol(.transferSyntaxError)
            if let e = error as? APERError, case .unknownIERejected = e.kind { cause = .protocol(.abstractSyntaxErrorReject) }
            return errorIndication(cause)
        }
        if case let .e2setupRequest(r) = pdu.message { return setup(r, bytes: m.bytes) }
        guard let name else {
            return errorIndication(.protocol(.messageNotCompatibleWithReceiverState))   // nothing before E2 Setup
        }
        switch pdu.message {
        case .errorIndication:
            break
        case let .resetRequest(r):
            send(ResetResponse(fields: .init(transactionID: r.transactionID)))
        default:
            if !core.fromNode(name, pdu: pdu, bytes: m.bytes) {
                errorIndication(.protocol(.messageNotCompatibleWithReceiverState))
            }
        }
    }

    private func setup(_ r: E2setupRequest, bytes: [UInt8]) {
        switch core.admit(r, bytes: bytes, channel: channel) {
        case let .admitted(n, g):
            name = n
            generation = g
            send(E2setupResponse(
                transactionID: r.transactionID, globalRICID: core.ricID,
                ranFunctionsAccepted: r.ranFunctionsAdded.map { RANfunctionIDItem(ranFunctionID: $0.ranFunctionID, ranFunctionRevision: $0.ranFunctionRevision) },
                e2nodeComponentConfigAdditionAck: r.e2nodeComponentConfigAddition.map {
                    E2nodeComponentConfigAckItem(e2nodeComponentInterfaceType: $0.e2nodeComponentInterfaceType, e2nodeComponentID: $0.e2nodeComponentID,
                                                 e2nodeComponentConfigurationAck: .init(updateOutcome: .success))
                }))
        case let .refused(id):
            // Not in the topology's e2-nodes: O&M (the lab's operator) has not provisioned it.
            send(E2setupFailure(transactionID: r.transactionID, cause: .misc(.omIntervention), timeToWait: .v1s))
            FileHandle.standardError.write(Data("\(core.runtime.config.node): refused E2 Setup from \(id): not in e2-nodes\n".utf8))
        }
    }
}
