import APER
import E2AP
import E2SMCommon
import E2SMKPM
import Foundation

/// E2SM-KPM v3.00 reporting for a Swift VNF: periodic RIC subscriptions (event trigger format 1)
/// with report styles 1 (E2 node measurement, action format 1 → indication format 1), 4 (common
/// condition-based UE-level, action format 4 → indication format 3; conditions on the S-NSSAI)
/// and 5 (a list of UEs, action format 5 → indication format 3), whichever of them the VNF
/// declares. Labels: `noLabel` (the cell) and `sliceID` (a slice).
///
/// Periods are in milliseconds and run in slots: a granularity period must be a whole number of
/// slots dividing the reporting period. Reports fall on slot numbers that are multiples of the
/// reporting period (so a 10 ms report lines up with the VNF's own KPI periods); the first one
/// after a subscription covers less and carries `incompleteFlag`.
public final class KPMService: E2Service {
    public static let oid = "1.3.6.1.4.1.53148.1.1.2.2"
    public let ranFunction: RANfunctionItem
    public let styles: [Int]
    public let measurements: [String: KPMMeasurement]
    private let source: KPMSource
    private let slotMilliseconds: Double
    private let senderName: String
    private let vendor: String
    /// NTP time of slot 0 (indication headers carry the collection start time).
    private let epochNTP: UInt64
    private var subscriptions: [RICrequestID: Subscription] = [:]
    public private(set) var indicationsSent = 0

    /// Measurement records of one granularity period for one report target.
    private struct Target {
        var scope: KPMScope?          // nil: a UE list resolved per period
        var items: [(measurement: KPMMeasurement, scope: KPMScope)]
    }

    private struct Action {
        var id: Int
        var style: Int
        var granularitySlots: Int
        var granularityMilliseconds: Int64
        /// Style 1: (measurement, scope) pairs in record order.
        var cellItems: [(measurement: KPMMeasurement, scope: KPMScope)] = []
        /// Styles 4 and 5: the measurements per UE, and which UEs.
        var ueMeasurements: [KPMMeasurement] = []
        var sliceFilter: SNSSAI?
        var ueList: [UEID]?
        var data: [MeasurementDataItem] = []
        var ueData: [Int: (id: UEID, items: [MeasurementDataItem])] = [:]
        var partial = true
        var periodStartSlot: Int
        /// Counter values at the start of the current granularity period, per (counter, scope).
        var baseline: [CounterKey: Double] = [:]
    }

    private struct Subscription {
        var request: RICrequestID
        var functionID: Int
        var reportSlots: Int
        var actions: [Action]
        var sequence = 0
    }

    private struct Refusal: Error {
        var cause: CauseRICrequest
        init(_ cause: CauseRICrequest) { self.cause = cause }
    }

    private struct CounterKey: Hashable { var counter: String; var scope: KPMScope }

    /// Virtual time's epoch: slot 0 is 2000-01-01T00:00:00Z, so indication headers (and captures)
    /// are the same in every run of a seed, and a report's start slot can be read back from them.
    public static let virtualEpoch = Date(timeIntervalSince1970: 946_684_800)

    /// - Parameters:
    ///   - styles: the report styles this VNF offers (subset of 1, 4, 5).
    ///   - epoch: the time of slot 0 (``virtualEpoch`` in virtual time, the start in real time).
    ///   - measurements: the measurement types it can report.
    ///   - slotMilliseconds: slot duration (1 at numerology 0).
    public init(ranFunctionID: Int = 2, styles: [Int], measurements: [KPMMeasurement], source: KPMSource,
                slotMilliseconds: Double, senderName: String, vendor: String, epoch: Date) {
        self.styles = styles.filter { [1, 4, 5].contains($0) }
        self.measurements = Dictionary(measurements.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.source = source
        self.slotMilliseconds = slotMilliseconds
        self.senderName = senderName
        self.vendor = vendor
        epochNTP = TimeStamp(unixSeconds: epoch.timeIntervalSince1970)?.ntp ?? 0
        let names = measurements.map { MeasurementInfoActionItem(measName: MeasurementTypeName($0.name)) }
        let styleNames = [1: "E2 Node Measurement", 4: "Common Condition-based, UE-level Measurement", 5: "E2 Node Measurement for multiple UEs"]
        let description = KPMRANfunctionDescription(
            ranFunctionName: RANfunctionName(ranFunctionShortName: "ORAN-E2SM-KPM", ranFunctionE2SMOID: Self.oid, ranFunctionDescription: "KPM Monitor"),
            ricEventTriggerStyleList: [RICEventTriggerStyleItem(ricEventTriggerStyleType: 1, ricEventTriggerStyleName: "Periodic Report", ricEventTriggerFormatType: 1)],
            ricReportStyleList: self.styles.map { s in
                RICReportStyleItem(ricReportStyleType: RICStyleType(Int64(s)), ricReportStyleName: RICStyleName(styleNames[s]!),
                                   ricActionFormatType: RICFormatType(Int64(s)), measInfoActionList: names,
                                   ricIndicationHeaderFormatType: 1, ricIndicationMessageFormatType: RICFormatType(s == 1 ? 1 : 3))
            })
        ranFunction = RANfunctionItem(ranFunctionID: ranFunctionID, ranFunctionDefinition: OctetString((try? description.aperBytes()) ?? []),
                                      ranFunctionRevision: 3, ranFunctionOID: Self.oid)
    }

    public var subscriptionCount: Int { subscriptions.count }

    public func reset() { subscriptions.removeAll() }

    // MARK: subscription

    public func subscribe(_ request: RICsubscriptionRequest, agent: E2Agent) {
        func fail(_ cause: CauseRICrequest) {
            agent.send(RICsubscriptionFailure(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID, cause: .ricRequest(cause)))
        }
        guard subscriptions[request.ricRequestID] == nil else { return fail(.duplicateRICRequestID) }
        let trigger: KPMEventTriggerDefinition
        do { trigger = try KPMEventTriggerDefinition(aperBytes: request.ricSubscriptionDetails.ricEventTriggerDefinition.bytes) } catch {
            return fail(.eventTriggerNotSupported)
        }
        guard case let .eventDefinitionFormat1(f1) = trigger.eventDefinitionFormats else { return fail(.eventTriggerNotSupported) }
        let reportSlots = Int((Double(f1.reportingPeriod) / slotMilliseconds).rounded())
        guard reportSlots >= 1, abs(Double(reportSlots) * slotMilliseconds - Double(f1.reportingPeriod)) < 1e-9 else {
            return fail(.eventTriggerNotSupported)
        }
        let now = currentSlot
        var admitted: [Int] = [], refused: [RICactionNotAdmittedItem] = [], actions: [Action] = []
        for item in request.ricSubscriptionDetails.ricActionToBeSetupList {
            switch makeAction(item, reportSlots: reportSlots, slot: now) {
            case let .success(a): actions.append(a); admitted.append(item.ricActionID)
            case let .failure(r): refused.append(RICactionNotAdmittedItem(ricActionID: item.ricActionID, cause: .ricRequest(r.cause)))
            }
        }
        guard !actions.isEmpty else {
            return fail(refused.first.flatMap { if case let .ricRequest(c) = $0.cause { c } else { nil } } ?? .actionNotSupported)
        }
        let ues = source.kpmUEs
        for i in actions.indices { actions[i].baseline = snapshot(for: actions[i], ues: ues) }
        let sub = Subscription(request: request.ricRequestID, functionID: request.ranFunctionID, reportSlots: reportSlots, actions: actions)
        subscriptions[request.ricRequestID] = sub
        agent.send(RICsubscriptionResponse(ricRequestID: request.ricRequestID, ranFunctionID: request.ranFunctionID,
                                           ricActionsAdmitted: admitted, ricActionsNotAdmitted: refused.isEmpty ? nil : refused))
    }

    public func delete(_ request: RICsubscriptionDeleteRequest, agent: E2Agent) {
        let id = request.fields.ricRequestID
        if subscriptions.removeValue(forKey: id) != nil {
            agent.send(RICsubscriptionDeleteResponse(ricRequestID: id, ranFunctionID: request.fields.ranFunctionID))
        } else {
            agent.send(RICsubscriptionDeleteFailure(ricRequestID: id, ranFunctionID: request.fields.ranFunctionID, cause: .ricRequest(.requestIDUnknown)))
        }
    }

    /// The first slot not measured yet (the VNF has finished the one before).
    private var currentSlot = 0

    public func begin(slot: Int) { currentSlot = slot + 1 }

    private func makeAction(_ item: RICactionToBeSetupItem, reportSlots: Int, slot: Int) -> Result<Action, Refusal> {
        guard item.ricActionType == .report, let bytes = item.ricActionDefinition?.bytes,
              let definition = try? KPMActionDefinition(aperBytes: bytes) else { return .failure(Refusal(.actionNotSupported)) }
        let style = Int(definition.ricStyleType.value)
        guard styles.contains(style) else { return .failure(Refusal(.actionNotSupported)) }
        let info: KPMActionDefinitionFormat1
        var action = Action(id: item.ricActionID, style: style, granularitySlots: 0, granularityMilliseconds: 0, periodStartSlot: slot)
        switch (style, definition.actionDefinitionFormats) {
        case let (1, .actionDefinitionFormat1(f)): info = f
        case let (4, .actionDefinitionFormat4(f)):
            info = f.subscriptionInfo
            for condition in f.matchingUeCondList {
                let t = condition.testCondInfo
                guard case .sNSSAI = t.testType, t.testExpr == nil || t.testExpr == .equal,
                      case let .valueOctS(v)? = t.testValue, v.count == 1 || v.count == 4 else { return .failure(Refusal(.actionNotSupported)) }
                action.sliceFilter = SNSSAI(sST: SST(OctetString([v.bytes[0]])), sD: v.count == 4 ? SD(OctetString(Array(v.bytes[1...]))) : nil)
            }
        case let (5, .actionDefinitionFormat5(f)):
            info = f.subscriptionInfo
            action.ueList = f.matchingUEidList.map(\.ueID)
        default: return .failure(Refusal(.actionNotSupported))
        }
        let granularity = Int((Double(info.granulPeriod.value) / slotMilliseconds).rounded())
        guard granularity >= 1, reportSlots % granularity == 0 else { return .failure(Refusal(.invalidInformationRequest)) }
        action.granularitySlots = granularity
        action.granularityMilliseconds = info.granulPeriod.value
        for m in info.measInfoList {
            guard case let .measName(name) = m.measType, let measurement = measurements[name.value] else { return .failure(Refusal(.actionNotSupported)) }
            if style == 1 {
                for label in m.labelInfoList {
                    guard let scope = Self.scope(of: label.measLabel) else { return .failure(Refusal(.actionNotSupported)) }
                    action.cellItems.append((measurement, scope))
                }
                if m.labelInfoList.isEmpty { action.cellItems.append((measurement, .cell)) }
            } else {
                action.ueMeasurements.append(measurement)
            }
        }
        return .success(action)
    }

    /// `noLabel` → the cell, `sliceID` alone → that slice; other labels are not supported.
    static func scope(of label: MeasurementLabel) -> KPMScope? {
        var bare = label
        bare.noLabel = nil
        bare.sliceID = nil
        guard bare == MeasurementLabel() else { return nil }
        if let s = label.sliceID { return .slice(s) }
        return .cell
    }

    // MARK: per slot

    public func tick(slot: Int, agent: E2Agent) {
        currentSlot = slot + 1
        guard !subscriptions.isEmpty else { return }
        let ues = source.kpmUEs
        for key in Array(subscriptions.keys) {
            guard var sub = subscriptions[key] else { continue }
            let end = slot + 1
            for i in sub.actions.indices where end % sub.actions[i].granularitySlots == 0 {
                let now = snapshot(for: sub.actions[i], ues: ues)
                sample(&sub.actions[i], baseline: sub.actions[i].baseline, now: now, ues: ues, endSlot: end)
                sub.actions[i].baseline = now
            }
            if end % sub.reportSlots == 0 {
                for i in sub.actions.indices { report(&sub, action: i, agent: agent, endSlot: end) }
            }
            subscriptions[key] = sub
        }
    }

    /// Every counter the action reads, now.
    private func snapshot(for a: Action, ues: [KPMUE]) -> [CounterKey: Double] {
        var values: [CounterKey: Double] = [:]
        func read(_ m: KPMMeasurement, _ scope: KPMScope) {
            for c in m.counters {
                let k = CounterKey(counter: c, scope: scope)
                if values[k] == nil, let v = source.counter(c, scope: scope) { values[k] = v }
            }
        }
        for (m, scope) in a.cellItems { read(m, scope) }
        if !a.ueMeasurements.isEmpty {
            for ue in matching(a, ues) { for m in a.ueMeasurements { read(m, .ue(ue.key)) } }
        }
        return values
    }

    private func matching(_ a: Action, _ ues: [KPMUE]) -> [KPMUE] {
        if let list = a.ueList { return ues.filter { list.contains($0.id) } }
        if let s = a.sliceFilter { return ues.filter { $0.slice.map { Self.same($0, s) } ?? false } }
        return ues
    }

    /// S-NSSAIs match on SST, and on SD when both have one.
    public static func same(_ a: SNSSAI, _ b: SNSSAI) -> Bool {
        a.sST == b.sST && (a.sD == nil || b.sD == nil || a.sD == b.sD)
    }

    private func record(_ m: KPMMeasurement, _ scope: KPMScope, baseline: [CounterKey: Double], now: [CounterKey: Double], slots: Int) -> MeasurementRecordItem {
        var start: [Double] = [], end: [Double] = []
        for c in m.counters {
            let k = CounterKey(counter: c, scope: scope)
            guard let e = now[k] else { return .noValue }
            end.append(e)
            start.append(baseline[k] ?? e)    // first seen in this period: counts from now on
        }
        return m.value(start: start, end: end, slots: slots, milliseconds: Double(slots) * slotMilliseconds)
    }

    private func sample(_ a: inout Action, baseline: [CounterKey: Double], now: [CounterKey: Double], ues: [KPMUE], endSlot: Int) {
        let slots = endSlot - max(a.periodStartSlot, endSlot - a.granularitySlots)
        let incomplete: TrueFlag? = a.partial && slots < a.granularitySlots ? .true : nil
        a.partial = false
        if a.style == 1 {
            a.data.append(MeasurementDataItem(measRecord: a.cellItems.map { record($0.measurement, $0.scope, baseline: baseline, now: now, slots: slots) },
                                              incompleteFlag: incomplete))
        } else {
            for ue in matching(a, ues) {
                let item = MeasurementDataItem(measRecord: a.ueMeasurements.map { record($0, .ue(ue.key), baseline: baseline, now: now, slots: slots) },
                                               incompleteFlag: incomplete)
                a.ueData[ue.key, default: (ue.id, [])].items.append(item)
            }
        }
    }

    private func report(_ sub: inout Subscription, action i: Int, agent: E2Agent, endSlot: Int) {
        var a = sub.actions[i]
        defer { a.data.removeAll(); a.ueData.removeAll(); a.periodStartSlot = endSlot; sub.actions[i] = a }
        let granularity = GranularityPeriod(a.granularityMilliseconds)
        let message: KPMIndicationMessage
        if a.style == 1 {
            guard !a.data.isEmpty else { return }
            message = KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat1(
                KPMIndicationMessageFormat1(measData: a.data, granulPeriod: granularity)))
        } else {
            let reports = a.ueData.keys.sorted().map { k in
                UEMeasurementReportItem(ueID: a.ueData[k]!.id, measReport: KPMIndicationMessageFormat1(measData: a.ueData[k]!.items, granulPeriod: granularity))
            }
            guard !reports.isEmpty else { return }
            message = KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat3(KPMIndicationMessageFormat3(ueMeasReportList: reports)))
        }
        let startMs = Double(a.periodStartSlot) * slotMilliseconds
        let ntp = epochNTP &+ UInt64(startMs / 1000 * 4_294_967_296)
        let header = KPMIndicationHeader(indicationHeaderFormats: .indicationHeaderFormat1(KPMIndicationHeaderFormat1(
            colletStartTime: TimeStamp(ntp: ntp), senderName: senderName, senderType: "gNB", vendorName: vendor)))
        guard let h = try? header.aperBytes(), let m = try? message.aperBytes() else { return }
        sub.sequence = (sub.sequence + 1) % 65536
        if agent.send(RICindication(ricRequestID: sub.request, ranFunctionID: sub.functionID, ricActionID: a.id, ricIndicationSN: sub.sequence,
                                    ricIndicationType: .report, ricIndicationHeader: OctetString(h), ricIndicationMessage: OctetString(m))) {
            indicationsSent += 1
        }
    }
}
