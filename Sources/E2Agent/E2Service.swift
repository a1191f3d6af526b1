import E2AP

/// One RAN function of an E2 node (KPM reporting, RC control, …) as ``E2Node`` drives it: the
/// node routes each request to the service whose RAN function ID it names and ticks every
/// service once per slot. Handlers run on the VNF's thread and answer through the agent.
public protocol E2Service: AnyObject {
    /// What the node announces in E2 Setup for this function.
    var ranFunction: RANfunctionItem { get }
    func subscribe(_ request: RICsubscriptionRequest, agent: E2Agent)
    func delete(_ request: RICsubscriptionDeleteRequest, agent: E2Agent)
    func control(_ request: RICcontrolRequest, agent: E2Agent)
    /// The association ended: every subscription is gone.
    func reset()
    /// Called once per slot before the requests of that step: the VNF has finished `slot`, so
    /// anything set up now starts measuring at `slot + 1`.
    func begin(slot: Int)
    /// Called once per slot (after the VNF's work for `slot`).
    func tick(slot: Int, agent: E2Agent)
}

extension E2Service {
    public func subscribe(_ request: RICsubscriptionRequest, agent: E2Agent) {
        agent.send(RICsubscriptionFailure(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID,
                                          cause: .ricRequest(.actionNotSupported)))
    }
    public func delete(_ request: RICsubscriptionDeleteRequest, agent: E2Agent) {
        agent.send(RICsubscriptionDeleteFailure(ricRequestID: request.fields.ricRequestID, ranFunctionID: request.fields.ranFunctionID,
                                                cause: .ricRequest(.requestIDUnknown)))
    }
    public func control(_ request: RICcontrolRequest, agent: E2Agent) {
        agent.send(RICcontrolFailure(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID,
                                     cause: .ricRequest(.actionNotSupported)))
    }
    public func reset() {}
    public func begin(slot: Int) {}
    public func tick(slot: Int, agent: E2Agent) {}
}
