import APER
import Bus
import E2AP
import E2SMCommon
import E2SMKPM
import Foundation
import Orchestrator
import RanlabTestSupport
import Testing
import XAppKit
#if canImport(Glibc)
import Glibc
#endif

/// The near-RT RIC end to end, with this test as an xApp (XAppKit) and as a misbehaving E2 peer,
/// on the two-vendor lab (CU, acme DU, bravo DU, RIC) in virtual time.
extension CellTests {
    static func kpmSubscription(_ request: RICrequestID, style: Int64, periodMs: Int64, measurements: [String]) throws -> RICsubscriptionRequest {
        let info = KPMActionDefinitionFormat1(
            measInfoList: measurements.map { MeasurementInfoItem(measType: .measName(MeasurementTypeName($0)), labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(noLabel: .true))]) },
            granulPeriod: GranularityPeriod(periodMs))
        let formats: KPMActionDefinition.ActionDefinitionFormats
        switch style {
        case 4:
            formats = .actionDefinitionFormat4(KPMActionDefinitionFormat4(
                matchingUeCondList: [MatchingUeCondPerSubItem(testCondInfo: TestCondInfo(testType: .sNSSAI(.true), testExpr: .equal, testValue: .valueOctS([1])))],
                subscriptionInfo: info))
        default: formats = .actionDefinitionFormat1(info)
        }
        let definition = try KPMActionDefinition(ricStyleType: RICStyleType(style), actionDefinitionFormats: formats).aperBytes()
        let trigger = try KPMEventTriggerDefinition(eventDefinitionFormats: .eventDefinitionFormat1(KPMEventTriggerDefinitionFormat1(reportingPeriod: periodMs))).aperBytes()
        return RICsubscriptionRequest(ricRequestID: request, ranFunctionID: 2, ricSubscriptionDetails: RICsubscriptionDetails(
            ricEventTriggerDefinition: OctetString(trigger),
            ricActionToBeSetupList: [RICactionToBeSetupItem(ricActionID: 1, ricActionType: .report, ricActionDefinition: OctetString(definition))]))
    }

    /// Every E2 node sets up; a 10 ms KPM subscription reports every 10 ms with the values the
    /// run record has; bravo refuses a style it does not declare; garbage from a peer gets
    /// ErrorIndication while the RIC keeps serving the others; an unknown node is refused with
    /// the cause; the E2 capture decodes in pycrate.
    @Test func ricTerminatesE2RoutesKPMAndSurvivesGarbage() throws {
        let background = try BackgroundRun(Self.topology("two-vendor"), ["--slots", "8000", "--capture"])
        let home = background.home
        let lab = background.lab("two-vendor")
        let stateFile = lab.url.appendingPathComponent("e2/ric.json")
        var address = ""
        #expect(try eventually(120) {
            guard let d = try? Data(contentsOf: stateFile), let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any],
                  let a = o["xapp-address"] as? String else { return false }
            address = a
            return true
        })
        let x = try XAppClient(address: address, name: "test-xapp")
        defer { x.close() }
        var requestor: Int?
        var up: [String: E2setupRequest] = [:]
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, requestor == nil || up.count < 3 {
            switch try x.next(timeout: .seconds(1)) {
            case let .welcome(r)?: requestor = r
            case let .nodeUp(node, setup, _)?: up[node] = setup
            default: break
            }
        }
        let me = try #require(requestor)
        #expect(Set(up.keys) == ["cu", "du-acme", "du-bravo"], "E2 nodes up: \(up.keys.sorted())")
        // What each declared: acme KPM styles 1, 4, 5 and RC; bravo KPM only; the CU KPM.
        #expect(up["du-acme"]?.ranFunctionsAdded.map(\.ranFunctionOID).sorted() == ["1.3.6.1.4.1.53148.1.1.2.2", "1.3.6.1.4.1.53148.1.1.2.3"])
        #expect(up["du-bravo"]?.ranFunctionsAdded.map(\.ranFunctionOID) == ["1.3.6.1.4.1.53148.1.1.2.2"])

        try x.send(Self.kpmSubscription(RICrequestID(ricRequestorID: me, ricInstanceID: 1), style: 1, periodMs: 10,
                                        measurements: ["RRU.PrbUsedDl", "DRB.UEThpDl"]), to: "du-acme")
        try x.send(Self.kpmSubscription(RICrequestID(ricRequestorID: me, ricInstanceID: 2), style: 4, periodMs: 10,
                                        measurements: ["DRB.UEThpDl"]), to: "du-bravo")
        // Another requestor's ID is refused by the RIC itself.
        try x.send(Self.kpmSubscription(RICrequestID(ricRequestorID: me + 100, ricInstanceID: 3), style: 1, periodMs: 10,
                                        measurements: ["DRB.UEThpDl"]), to: "du-acme")

        var startSlots: [Int: Double] = [:]     // report start slot → mean PRBs used
        var acmeAccepted = false, bravoCause: Cause?, errors: [String] = [], afterGarbage = 0
        var garbageDone = false
        var errorIndications: [Cause?] = [], setupFailure: Cause?
        let collectUntil = Date().addingTimeInterval(120)
        while Date() < collectUntil, startSlots.count < 300 || !garbageDone {
            if startSlots.count >= 50, !garbageDone {
                // `ranlab inspect` shows the E2 state: every node set up, this xApp's subscription.
                let inspect = try RanlabBinary.run(["inspect", "two-vendor", "-f", "json", "--home", home.url.path])
                let view = try JSONSerialization.jsonObject(with: inspect.stdout) as? [String: Any]
                let ric = try #require((view?["e2"] as? [[String: Any]])?.first)
                let nodes = ric["nodes"] as? [[String: Any]] ?? []
                #expect(Set(nodes.filter { $0["state"] as? String == "set up" }.compactMap { $0["name"] as? String }) == ["cu", "du-acme", "du-bravo"])
                let acme = nodes.first { $0["name"] as? String == "du-acme" }
                #expect(acme?["id"] as? String == "gnb:001-01:1:du1")
                let subs = acme?["subscriptions"] as? [[String: Any]] ?? []
                #expect(subs.contains { $0["xapp"] as? String == "test-xapp" && $0["state"] as? String == "active" && $0["instance"] as? Int == 1 })
                let table = try RanlabBinary.run(["inspect", "two-vendor", "--home", home.url.path])
                #expect(String(decoding: table.stdout, as: UTF8.self).contains("du-bravo  gnb:001-01:1:du2"))
                (errorIndications, setupFailure) = try Self.misbehave()
                garbageDone = true
                afterGarbage = startSlots.count
            }
            guard let event = try x.next(timeout: .seconds(1)) else { continue }
            switch event {
            case let .e2("du-acme", pdu?, _):
                switch pdu.message {
                case .ricSubscriptionResponse: acmeAccepted = true
                case let .ricIndication(i):
                    let header = try KPMIndicationHeader(aperBytes: i.ricIndicationHeader.bytes)
                    let message = try KPMIndicationMessage(aperBytes: i.ricIndicationMessage.bytes)
                    guard case let .indicationHeaderFormat1(h) = header.indicationHeaderFormats,
                          case let .indicationMessageFormat1(m) = message.indicationMessageFormats else { Issue.record("wrong formats"); continue }
                    let start = try #require(h.colletStartTime.unixSeconds)
                    let slot = Int(((start - 946_684_800) * 1000).rounded())
                    #expect(m.measData.count == 1 && m.measData[0].measRecord.count == 2)
                    if m.measData.first?.incompleteFlag == nil, case let .real(prbs)? = m.measData.first?.measRecord.first { startSlots[slot] = prbs }
                default: break
                }
            case let .e2("du-bravo", pdu?, _):
                if case let .ricSubscriptionFailure(f) = pdu.message { bravoCause = f.fields.cause }
            case let .error(_, text): errors.append(text)
            default: break
            }
        }
        #expect(acmeAccepted)
        #expect(bravoCause == .ricRequest(.actionNotSupported))
        #expect(errors.contains { $0.contains("ricRequestorID must be \(me)") }, "\(errors)")
        // Indications every 10 slots, on slot multiples of 10.
        let slots = startSlots.keys.sorted()
        #expect(slots.count >= 300)
        #expect(slots.allSatisfy { $0 % 10 == 0 })
        #expect(zip(slots, slots.dropFirst()).filter { $1 - $0 != 10 }.isEmpty, "gaps in the 10 ms reports")
        // Garbage, truncated PDUs and an unknown reject IE: ErrorIndication each, RIC still routing.
        #expect(errorIndications.count == 3)
        #expect(errorIndications.contains(.protocol(.abstractSyntaxErrorReject)))
        #expect(errorIndications.contains(.protocol(.transferSyntaxError)))
        #expect(setupFailure == .misc(.omIntervention))
        #expect(startSlots.count > afterGarbage + 100)

        // The xApp leaves (bye): the RIC deletes its subscriptions at the nodes (seen in the capture).
        x.close()
        #expect(try eventually(30) {
            let d = try Data(contentsOf: stateFile)
            let state = try JSONDecoder().decode(E2State.self, from: d)
            return state.nodes.allSatisfy { $0.subscriptions.isEmpty } && state.xapps.isEmpty
        })
        let runningAtBye = background.process.isRunning
        let summary = try #require(background.finish())
        #expect(background.process.terminationStatus == 0)
        // Cross-check: ten 10-slot means of PRBs used = the DU's own 100-slot PRB utilisation.
        let record = try RunRecord(path: home.url.appendingPathComponent("runs.sqlite").path)
        let run = try #require(summary.run)
        let utilisation = try record.samples(run: run, node: "du-acme", name: "ranlab_cell_downlink_prb_utilization_ratio")
        var compared = 0
        for s in utilisation {
            guard let end = s.sample.slot else { continue }
            let periods = stride(from: end - 99, through: end - 9, by: 10).compactMap { startSlots[$0] }
            guard periods.count == 10 else { continue }
            #expect(abs(periods.reduce(0, +) / 10 / 106 - s.sample.value) < 1e-9, "slot \(end)")
            compared += 1
        }
        #expect(compared >= 20)
        for node in ["cu", "du-acme", "du-bravo"] {
            #expect(try record.samples(run: run, node: "ric", name: "ranlab_ric_e2_setup_total").contains { $0.sample.labels["e2_node"] == node })
        }
        // The E2 capture: every PDU decodes in pycrate and re-encodes to the same bytes.
        let check = try Self.checkCaptures(summary.captures.filter { $0.contains("e2") }, clean: false)
        // Only what this test injected may fail (the garbage and the truncated PDU; pycrate may
        // or may not take the unknown IE, which is legal ASN.1 for it).
        let failures = check["errors"] as? [String] ?? []
        #expect((2...3).contains(failures.count), "\(failures)")
        let e2 = check["e2ap_procedures"] as? [String: Int] ?? [:]
        #expect(e2["E2setupRequest"] ?? 0 >= 3 && e2["RICindication"] ?? 0 >= 300, "\(e2)")
        if runningAtBye {
            #expect(e2["RICsubscriptionDeleteRequest"] ?? 0 >= 1 && e2["RICsubscriptionDeleteResponse"] ?? 0 >= 1, "\(e2)")
        }
    }

    /// A peer on the RIC's E2 port sending garbage, a truncated PDU and a PDU with an unknown
    /// reject-criticality IE, then an E2 Setup with an ID the topology does not list.
    static func misbehave() throws -> ([Cause?], Cause?) {
        let c = try SCTPChannel.connect("sctp://127.0.0.1:36421")
        defer { c.close() }
        let info = MessageInfo(stream: 0, ppid: 70)
        let setup = try E2APPDU(E2setupRequest(
            transactionID: 5, globalE2nodeID: .gNB(mcc: "001", mnc: "01", gnbID: 99, duID: 9)!,
            ranFunctionsAdded: [RANfunctionItem(ranFunctionID: 2, ranFunctionDefinition: [0], ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.2")], e2nodeComponentConfigAddition: [.init(e2nodeComponentInterfaceType: .f1, e2nodeComponentID: .f1(gnbDUID: 9),
                e2nodeComponentConfiguration: .init(e2nodeComponentRequestPart: [1], e2nodeComponentResponsePart: [2]))])).aperBytes()
        // An ErrorIndication whose IE list carries an extra IE (id 999) with criticality reject.
        var unknownIE = try E2APPDU(ErrorIndication(transactionID: 1, cause: .misc(.unspecified))).aperBytes()
        unknownIE = try withUnknownRejectIE(unknownIE)
        for bytes in [[0xFF, 0x13, 0x37], Array(setup.prefix(setup.count / 2)), unknownIE] {
            try c.send(bytes, info: info)
        }
        var causes: [Cause?] = []
        while causes.count < 3, let m = try c.receive(timeout: .seconds(10)) {
            if case let .errorIndication(e) = try E2APPDU(aperBytes: m.bytes).message { causes.append(e.cause) }
        }
        try c.send(setup, info: info)
        var failure: Cause?
        while failure == nil, let m = try c.receive(timeout: .seconds(10)) {
            if case let .e2setupFailure(f) = try E2APPDU(aperBytes: m.bytes).message { failure = f.cause }
        }
        return (causes, failure)
    }

    /// Appends a protocol IE (id 999, criticality reject, one octet) to an E2AP PDU whose
    /// ProtocolIE-Container is its last element: bumps the IE count and fixes the open-type length.
    static func withUnknownRejectIE(_ pdu: [UInt8]) throws -> [UInt8] {
        // E2AP-PDU: choice (1 byte) procedureCode (1) criticality (1) open-type length (1, < 128),
        // then the message: extension bit + 0 padding (1 byte) and the IE count (2 bytes).
        var body = Array(pdu[4...])
        let count = Int(body[1]) << 8 | Int(body[2]) + 1
        body[1] = UInt8(count >> 8); body[2] = UInt8(count & 0xFF)
        body += [0x03, 0xE7, 0x00, 0x01, 0x00]    // id 999, criticality reject, value length 1, value 0
        return Array(pdu[0..<3]) + [UInt8(body.count)] + body
    }
}

extension CellTests {
    /// The slice xApp (Python) holds the commanded DL PRB split: the acme DU's per-slice PRB
    /// shares, measured by the DU's own KPIs every 10 slots, are the xApp's command (within 3
    /// points: shares are whole RBGs) from two periods after the control and the attach on, for
    /// two different commands. Left alone, PF would split by UE count (4 vs 12 UEs, 25/75).
    @Test(arguments: [(70, 30), (30, 70)])
    func pythonXAppSteersTheSliceSplit(split: (Int, Int)) throws {
        let run = try Self.run(Self.topology("xapp-slicing"), ["--slots", "1500"],
                               environment: ["SPLIT_A": "\(split.0)", "SPLIT_B": "\(split.1)", "KPI_PERIOD": "10"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let applied = try run.samples("ranlab_du_slice_quota_controls_total", node: "du").compactMap(\.sample.slot)
        let first = try #require(applied.min(), "the DU applied no slice quota control")
        #expect(try run.samples("ranlab_xapp_control_acks_total", node: "xapp").contains { $0.sample.value >= 1 })
        // Once every UE is attached (all have data: full buffer), the split must be the command
        // within two 10-slot KPI periods.
        let attached = try run.samples("ranlab_cu_ue_attach_slot", node: "cu").compactMap(\.sample.slot)
        #expect(attached.count == 16)
        let from = max(first, attached.max() ?? 0) + 20
        let shares = try run.samples("ranlab_du_slice_downlink_prb_share_ratio", node: "du")
        var checked = 0
        for s in shares {
            guard let slot = s.sample.slot, slot >= from else { continue }
            let target = Double(s.sample.labels["slice"] == "1-000001" ? split.0 : split.1) / 100
            #expect(abs(s.sample.value - target) <= 0.03, "slot \(slot) slice \(s.sample.labels["slice"] ?? "?"): \(s.sample.value) vs \(target)")
            checked += 1
        }
        #expect(checked >= 100)
    }

    /// Kill the RIC mid-run; the orchestrator restarts it (restart: on-failure): both E2 nodes
    /// reconnect and redo E2 Setup, the xApp says hello again and resubscribes (indications and
    /// controls after the restart), and the scenario completes.
    @Test func ricRestartIsSurvivedByNodesAndXApp() throws {
        let background = try BackgroundRun(Self.topology("xapp-slicing"), ["--slots", "20000"], environment: ["KPI_PERIOD": "10"])
        let record = { try background.record() }
        func values(_ node: String, _ name: String) -> [Double] {
            guard let r = try? record(), let run = try? r.runs(lab: "xapp-slicing").first?.id,
                  let s = try? r.samples(run: run, node: node, name: name) else { return [] }
            return s.map(\.sample.value)
        }
        #expect(try eventually(120) { (values("xapp", "ranlab_xapp_control_acks_total").max() ?? 0) >= 1 })
        let indicationsBefore = values("xapp", "ranlab_xapp_indications_total").max() ?? 0
        let state = try LabState.read(from: background.lab("xapp-slicing").stateFile)
        let ricPID = try #require(state.nodes.first { $0.name == "ric" }?.pid)
        kill(ricPID, SIGKILL)
        // Both E2 nodes set up a second time, with the new RIC instance.
        #expect(try eventually(120) {
            values("du", "ranlab_e2_setup_total").contains(2) && values("cu", "ranlab_e2_setup_total").contains(2)
        })
        // The xApp resubscribed and steers again: a second acknowledged control, more indications.
        #expect(try eventually(120) {
            (values("xapp", "ranlab_xapp_control_acks_total").max() ?? 0) >= 2
                && (values("xapp", "ranlab_xapp_indications_total").max() ?? 0) > indicationsBefore + 50
        })
        let summary = try #require(background.finish())
        #expect(background.process.terminationStatus == 0)
        #expect(summary.outcome == "completed")
        #expect(values("ric", "ranlab_ric_e2_setup_total").count >= 4)   // cu and du, in both RIC instances
    }
}
