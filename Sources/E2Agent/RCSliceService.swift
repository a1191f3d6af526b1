import APER
import E2AP
import E2SMRC

/// E2SM-RC v1.03 RAN control for a Swift VNF, limited to what ranlab's DUs steer: control style 2
/// "Radio Resource Allocation Control", action 6 "Slice-level PRB quota" (see
/// ``SliceQuotaControl``). The VNF applies the quotas in `apply`; the RIC gets
/// RICcontrolAcknowledge when it returns nil, else RICcontrolFailure with the cause it returns.
public final class RCSliceService: E2Service {
    public static let oid = "1.3.6.1.4.1.53148.1.1.2.3"
    public let ranFunction: RANfunctionItem
    public let dialect: SliceQuotaDialect
    private let apply: ([SlicePRBQuota]) -> Cause?
    public private(set) var controlsApplied = 0
    public private(set) var controlsRefused = 0

    public init(ranFunctionID: Int = 3, dialect: SliceQuotaDialect = .srsRAN, apply: @escaping ([SlicePRBQuota]) -> Cause?) {
        self.dialect = dialect
        self.apply = apply
        let definition = (try? SliceQuotaControl.ranFunctionDefinition(dialect: dialect).aperBytes()) ?? []
        ranFunction = RANfunctionItem(ranFunctionID: ranFunctionID, ranFunctionDefinition: OctetString(definition),
                                      ranFunctionRevision: 1, ranFunctionOID: Self.oid)
    }

    public func control(_ request: RICcontrolRequest, agent: E2Agent) {
        func fail(_ cause: Cause) {
            controlsRefused += 1
            agent.send(RICcontrolFailure(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID,
                                         ricCallProcessID: request.ricCallProcessID, cause: cause))
        }
        guard let header = try? RCControlHeader(aperBytes: request.ricControlHeader.bytes) else { return fail(.ricRequest(.controlMessageInvalid)) }
        guard SliceQuotaControl.isSliceQuotaControl(header) else { return fail(.ricRequest(.actionNotSupported)) }
        let quotas: [SlicePRBQuota]
        do {
            let message = try RCControlMessage(aperBytes: request.ricControlMessage.bytes)
            quotas = try SliceQuotaControl.quotas(from: message, dialect: dialect)
        } catch { return fail(.ricRequest(.controlMessageInvalid)) }
        if let cause = apply(quotas) { return fail(cause) }
        controlsApplied += 1
        if request.ricControlAckRequest != .noAck {
            agent.send(RICcontrolAcknowledge(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID,
                                             ricCallProcessID: request.ricCallProcessID))
        }
    }
}
