import APER
import Bus
import E2Agent
import E2AP
import E2SMCommon
import E2SMKPM
import E2SMRC
import Foundation
import Testing
import VNFKit

/// A counting source: the cell's `dl.bits` grows by 1000 and `dl.prb` by 10 per slot; slice 1/1
/// gets a quarter of it; one UE.
final class CountingSource: KPMSource {
    var slot = 0
    func counter(_ counter: String, scope: KPMScope) -> Double? {
        let share: Double
        switch scope {
        case .cell: share = 1
        case let .slice(s): guard s.sST == SST(OctetString([1])) else { return nil }; share = 0.25
        case .ue(7): share = 0.5
        case .ue: return nil
        }
        switch counter {
        case "dl.bits": return Double(slot) * 1000 * share
        case "dl.prb": return Double(slot) * 10 * share
        case "dl.prb.avail": return Double(slot) * 100
        default: return nil
        }
    }
    var kpmUEs: [KPMUE] {
        [KPMUE(key: 7, id: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 42)), slice: SNSSAI(sST: SST(OctetString([1]))))]
    }
}

/// The E2 agent against this test playing the RIC on a real SCTP (usrsctp) association: E2 Setup,
/// KPM subscriptions and the indications they produce, refusals, RC control, ErrorIndication,
/// reconnect with a new E2 Setup.
@Suite(.serialized)
struct E2AgentTests {
    static let port = 37_900 + Int(getpid() % 400)
    static let listener: SCTPListener? = try? SCTPListener.listen("sctp://127.0.0.1:\(port)")

    /// usrsctp runs one UDP port per process: other suites in this test process may have started
    /// it first, so the agent must be told where this process's SCTP packets arrive.
    func link() -> NodeConfig.Link {
        let udp = Self.listener?.udpEncapsulationPort.map { "?udp=\($0)" } ?? ""
        return .init(id: "l0", interface: "e2", peer: "ric:e2", transport: "sctp", side: .connect,
                     endpoint: "sctp://127.0.0.1:\(Self.port)\(udp)", address: "127.0.0.1:\(Self.port)")
    }

    func receive(_ c: SCTPChannel) throws -> E2APPDU {
        guard let m = try c.receive(timeout: .seconds(10)) else { throw CancellationError() }
        return try E2APPDU(aperBytes: m.bytes)
    }

    /// Accepts the agent's association and answers its E2 Setup.
    func acceptSetup() throws -> (SCTPChannel, E2setupRequest) {
        let l = try #require(Self.listener)
        let c = try #require(try l.accept(timeout: .seconds(10)))
        guard case let .e2setupRequest(r) = try receive(c).message else { throw CancellationError() }
        try c.send(E2APPDU(E2setupResponse(transactionID: r.transactionID, globalRICID: GlobalRICID(plmnIdentity: E2AP.PLMNIdentity(mcc: "001", mnc: "01")!, ricID: BitString(value: 1, length: 20)),
                                           e2nodeComponentConfigAdditionAck: r.e2nodeComponentConfigAddition.map {
                                               E2nodeComponentConfigAckItem(e2nodeComponentInterfaceType: $0.e2nodeComponentInterfaceType, e2nodeComponentID: $0.e2nodeComponentID,
                                                                            e2nodeComponentConfigurationAck: .init(updateOutcome: .success)) })).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        return (c, r)
    }

    func subscription(_ instance: Int, style: Int64, periodMs: Int64, granularityMs: Int64, label: MeasurementLabel = MeasurementLabel(noLabel: .true)) throws -> RICsubscriptionRequest {
        let info = KPMActionDefinitionFormat1(measInfoList: [
            MeasurementInfoItem(measType: .measName("DRB.UEThpDl"), labelInfoList: [LabelInfoItem(measLabel: label)]),
            MeasurementInfoItem(measType: .measName("RRU.PrbTotDl"), labelInfoList: [LabelInfoItem(measLabel: label)]),
        ], granulPeriod: GranularityPeriod(granularityMs))
        let formats: KPMActionDefinition.ActionDefinitionFormats = style == 5
            ? .actionDefinitionFormat5(KPMActionDefinitionFormat5(matchingUEidList: [MatchingUEidPerSubItem(ueID: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 42))),
                                                                    MatchingUEidPerSubItem(ueID: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 43)))], subscriptionInfo: info))
            : .actionDefinitionFormat1(info)
        return RICsubscriptionRequest(ricRequestID: RICrequestID(ricRequestorID: 1, ricInstanceID: instance), ranFunctionID: 2, ricSubscriptionDetails: RICsubscriptionDetails(
            ricEventTriggerDefinition: OctetString(try KPMEventTriggerDefinition(eventDefinitionFormats: .eventDefinitionFormat1(KPMEventTriggerDefinitionFormat1(reportingPeriod: periodMs))).aperBytes()),
            ricActionToBeSetupList: [RICactionToBeSetupItem(ricActionID: 1, ricActionType: .report,
                                                            ricActionDefinition: OctetString(try KPMActionDefinition(ricStyleType: RICStyleType(style), actionDefinitionFormats: formats).aperBytes()))]))
    }

    @Test func setupSubscriptionsIndicationsControlAndReconnect() throws {
        let source = CountingSource()
        let kpm = KPMService(styles: [1, 5], measurements: KPMMeasurement.du, source: source, slotMilliseconds: 1, senderName: "du", vendor: "test",
                             epoch: KPMService.virtualEpoch)
        var applied: [[SlicePRBQuota]] = []
        let rc = RCSliceService { q in applied.append(q); return q.count > 2 ? .ricRequest(.controlFailedToExecute) : nil }
        let id = GlobalE2nodeID.gNB(mcc: "001", mnc: "01", gnbID: 1, duID: 1)!
        let agent = E2Agent(name: "du", link: link(), nodeID: id, functions: [kpm.ranFunction, rc.ranFunction],
                            components: [E2Node.f1Component(duID: 1)])
        agent.start()
        defer { agent.stop() }
        var (ric, setup) = try acceptSetup()
        #expect(setup.globalE2nodeID.text == "gnb:001-01:1:du1")
        #expect(setup.ranFunctionsAdded.map(\.ranFunctionID) == [2, 3])
        // The RAN function definition is a KPM description offering exactly styles 1 and 5.
        let description = try KPMRANfunctionDescription(aperBytes: setup.ranFunctionsAdded[0].ranFunctionDefinition.bytes)
        #expect(description.ricReportStyleList?.map(\.ricReportStyleType.value) == [1, 5])

        func pump(_ slots: Range<Int>) {
            for s in slots {
                source.slot = s + 1       // the VNF has done slot s
                kpm.begin(slot: s)
                for e in agent.poll() {
                    switch e {
                    case let .subscription(r): kpm.subscribe(r, agent: agent)
                    case let .deletion(r): kpm.delete(r, agent: agent)
                    case let .control(r): rc.control(r, agent: agent)
                    case .lost, .setUp, .refused: kpm.reset()
                    }
                }
                kpm.tick(slot: s, agent: agent)
            }
        }
        func until<T>(_ slots: inout Int, _ match: (E2APMessage) -> T?) throws -> T {
            for _ in 0..<500 {
                pump(slots..<slots + 1); slots += 1
                if let m = try ric.receive(timeout: .milliseconds(5)), let v = match(try E2APPDU(aperBytes: m.bytes).message) { return v }
            }
            throw CancellationError()
        }
        var slot = 0
        while !agent.isSetUp { usleep(1000) }
        // Style 1: 10 ms reports of 5 ms granularity → two data items per report, rates from the counters.
        try ric.send(E2APPDU(subscription(1, style: 1, periodMs: 10, granularityMs: 5)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        let admitted = try until(&slot) { if case let .ricSubscriptionResponse(r) = $0 { r } else { nil } }
        #expect(admitted.ricActionsAdmitted == [1])
        var reports: [(Int, KPMIndicationMessageFormat1)] = []
        while reports.count < 3 {
            let i = try until(&slot) { if case let .ricIndication(i) = $0 { i } else { nil } }
            guard case let .indicationHeaderFormat1(h) = try KPMIndicationHeader(aperBytes: i.ricIndicationHeader.bytes).indicationHeaderFormats,
                  case let .indicationMessageFormat1(m) = try KPMIndicationMessage(aperBytes: i.ricIndicationMessage.bytes).indicationMessageFormats else { Issue.record("formats"); return }
            reports.append((Int(((h.colletStartTime.unixSeconds ?? 0) - 946_684_800) * 1000 + 0.5), m))
        }
        // Report start slots are multiples of 10 (the first one may start at the subscription).
        #expect(reports.dropFirst().allSatisfy { $0.0 % 10 == 0 })
        for (_, m) in reports.dropFirst() {
            #expect(m.measData.count == 2)
            // 1000 bits per 1 ms slot = 1000 kbit/s; 10 of 100 PRBs = 10 %.
            #expect(m.measData.allSatisfy { $0.measRecord == [.real(1000), .integer(10)] && $0.incompleteFlag == nil })
        }
        // A slice label reads the slice's counters; style 5 the listed UE's.
        try ric.send(E2APPDU(subscription(2, style: 1, periodMs: 10, granularityMs: 10, label: MeasurementLabel(sliceID: SNSSAI(sST: SST(OctetString([1])))))).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        try ric.send(E2APPDU(subscription(3, style: 5, periodMs: 10, granularityMs: 10)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        var slice: [MeasurementRecordItem]?, ue: UEMeasurementReportItem?
        while slice == nil || ue == nil {
            let i = try until(&slot) { if case let .ricIndication(i) = $0, i.ricRequestID.ricInstanceID != 1 { i } else { nil } }
            let m = try KPMIndicationMessage(aperBytes: i.ricIndicationMessage.bytes).indicationMessageFormats
            if case let .indicationMessageFormat1(f) = m, f.measData.first?.incompleteFlag == nil { slice = f.measData.first?.measRecord }
            if case let .indicationMessageFormat3(f) = m, f.ueMeasReportList.first?.measReport.measData.first?.incompleteFlag == nil { ue = f.ueMeasReportList.first }
        }
        #expect(slice == [.real(250), .integer(3)])          // a quarter: 250 kbit/s, 2.5 of 100 PRBs → 3 %
        #expect(ue?.ueID == .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 42)))
        #expect(ue?.measReport.measData.first?.measRecord == [.real(500), .integer(5)])
        // Not offered: style 4 → failure with action-not-supported; duplicate request ID refused.
        try ric.send(E2APPDU(subscription(4, style: 4, periodMs: 10, granularityMs: 10)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        let refused = try until(&slot) { if case let .ricSubscriptionFailure(f) = $0 { f } else { nil } }
        #expect(refused.fields.cause == .ricRequest(.actionNotSupported))
        try ric.send(E2APPDU(subscription(1, style: 1, periodMs: 10, granularityMs: 10)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        let duplicate = try until(&slot) { if case let .ricSubscriptionFailure(f) = $0 { f } else { nil } }
        #expect(duplicate.fields.cause == .ricRequest(.duplicateRICRequestID))
        // Delete stops the reports of that subscription.
        try ric.send(E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: RICrequestID(ricRequestorID: 1, ricInstanceID: 1), ranFunctionID: 2)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        _ = try until(&slot) { if case .ricSubscriptionDeleteResponse = $0 { true } else { nil } }
        #expect(kpm.subscriptionCount == 2)

        // RC: slice quotas reach the VNF, acknowledged; a refusal comes back as RICcontrolFailure.
        let quota = try SlicePRBQuota(plmn: E2SMCommon.PLMNIdentity(OctetString([0x00, 0xF1, 0x10])), sst: 1, sd: SD(OctetString([0, 0, 1])),
                                      minPRBPolicyRatio: 70, maxPRBPolicyRatio: 70, dedicatedPRBPolicyRatio: 0)
        func control(_ quotas: [SlicePRBQuota], instance: Int) throws {
            try ric.send(E2APPDU(RICcontrolRequest(ricRequestID: RICrequestID(ricRequestorID: 1, ricInstanceID: instance), ranFunctionID: 3,
                                                   ricControlHeader: OctetString(try SliceQuotaControl.header(ueID: nil).aperBytes()),
                                                   ricControlMessage: OctetString(try SliceQuotaControl.message(quotas).aperBytes()),
                                                   ricControlAckRequest: .ack)).aperBytes(), info: MessageInfo(stream: 0, ppid: 70))
        }
        try control([quota], instance: 9)
        _ = try until(&slot) { if case .ricControlAcknowledge = $0 { true } else { nil } }
        #expect(applied.last == [quota])
        try control([quota, quota, quota], instance: 10)
        let failed = try until(&slot) { if case let .ricControlFailure(f) = $0 { f } else { nil } }
        #expect(failed.cause == .ricRequest(.controlFailedToExecute))

        // Garbage from the RIC: ErrorIndication, association kept.
        try ric.send([0xDE, 0xAD], info: MessageInfo(stream: 0, ppid: 70))
        let error = try until(&slot) { if case let .errorIndication(e) = $0 { e } else { nil } }
        #expect(error.cause == .protocol(.transferSyntaxError))

        // The RIC goes away: the agent reconnects and sets up again; subscriptions are gone.
        ric.close()
        (ric, setup) = try acceptSetup()
        #expect(setup.globalE2nodeID == id)
        while agent.setups < 2 { usleep(1000) }
        pump(slot..<slot + 30)
        #expect(kpm.subscriptionCount == 0)
    }

    @Test func e2NodeIDText() {
        let du = GlobalE2nodeID.gNB(mcc: "001", mnc: "01", gnbID: 411, duID: 3)!
        #expect(du.text == "gnb:001-01:411:du3")
        #expect(GlobalE2nodeID.gNB(mcc: "310", mnc: "410", gnbID: 1)!.text == "gnb:310-410:1")
        #expect(GlobalE2nodeID.gNB(mcc: "001", mnc: "01", gnbID: 1 << 22) == nil)
        #expect(du.text != GlobalE2nodeID.gNB(mcc: "001", mnc: "01", gnbID: 411, duID: 4)!.text)
    }

    @Test func measurementKinds() {
        let rate = KPMMeasurement("x", .rate("c", scale: 1), integer: false)
        #expect(rate.value(start: [1000], end: [11000], slots: 10, milliseconds: 10) == .real(1000))
        let mean = KPMMeasurement("x", .mean("c"), integer: true)
        #expect(mean.value(start: [0], end: [25], slots: 10, milliseconds: 10) == .integer(3))
        let ratio = KPMMeasurement("x", .ratio("a", "b", scale: 100), integer: true)
        #expect(ratio.value(start: [0, 0], end: [1, 4], slots: 1, milliseconds: 1) == .integer(25))
        #expect(ratio.value(start: [0, 0], end: [1, 0], slots: 1, milliseconds: 1) == .integer(0))
        let delta = KPMMeasurement("x", .delta("c", scale: 1e-3), integer: false)
        #expect(delta.value(start: [500], end: [2500], slots: 1, milliseconds: 1) == .real(2))
    }
}
