import APER
import E2SMCommon
import E2SMRC
import Foundation
import Testing

@Suite("Slice-level PRB quota control (style 2, action 6)")
struct SliceQuotaControlTests {
    let quotas = RCTestVectors.twoQuotas

    @Test(arguments: [SliceQuotaDialect.srsRAN, .flexRIC, .oai])
    func quotasRoundTripThroughTheMessageAndItsBytes(_ dialect: SliceQuotaDialect) throws {
        let message = SliceQuotaControl.message(quotas, dialect: dialect)
        #expect(try SliceQuotaControl.quotas(from: message, dialect: dialect) == quotas)
        let decoded = try RCControlMessage(aperBytes: message.aperBytes())
        #expect(try SliceQuotaControl.quotas(from: decoded, dialect: dialect) == quotas)
    }

    @Test func theDefaultDialectIsSrsRANsLayout() throws {
        #expect(SliceQuotaControl.message(quotas) == SliceQuotaControl.message(quotas, dialect: .srsRAN))
        #expect(try SliceQuotaControl.message([RCTestVectors.oneQuota]).aperBytes() == RCGolden.bytes("ControlMessage:srsRAN-one"))
        #expect(try SliceQuotaControl.message(quotas, dialect: .flexRIC).aperBytes() == RCGolden.bytes("ControlMessage:flexRIC"))
        // the wrapping differs, so the layouts are not interchangeable on the wire
        #expect(SliceQuotaControl.message(quotas, dialect: .srsRAN) != SliceQuotaControl.message(quotas, dialect: .oai))
    }

    @Test func readingAcceptsWrappedAndUnwrappedListItems() throws {
        // srsRAN's wrapped layout read with OAI's (same IDs, unwrapped) and the reverse
        #expect(try SliceQuotaControl.quotas(from: SliceQuotaControl.message(quotas, dialect: .srsRAN), dialect: .oai) == quotas)
        #expect(try SliceQuotaControl.quotas(from: SliceQuotaControl.message(quotas, dialect: .oai), dialect: .srsRAN) == quotas)
    }

    @Test func keyElementsAndMultipleMembersAreRead() throws {
        let ids = SliceQuotaParameterIDs.specification
        func member(_ sst: UInt8) -> RANParameterSTRUCTURE {
            RANParameterSTRUCTURE(sequenceOfRanParameters: [
                RANParameterSTRUCTUREItem(ranParameterID: ids.plmnIdentity, ranParameterValueType: .keyElement(.valueOctS([0x00, 0xF1, 0x10]))),
                RANParameterSTRUCTUREItem(ranParameterID: ids.sNSSAI, ranParameterValueType: .structure([
                    RANParameterSTRUCTUREItem(ranParameterID: ids.sst, ranParameterValueType: .keyElement(.valueOctS([sst]))),
                ])),
            ])
        }
        let group = RANParameterSTRUCTURE(sequenceOfRanParameters: [
            RANParameterSTRUCTUREItem(ranParameterID: ids.rrmPolicy, ranParameterValueType: .structure([
                RANParameterSTRUCTUREItem(ranParameterID: ids.rrmPolicyMemberList, ranParameterValueType: .list([member(1), member(2)])),
            ])),
            RANParameterSTRUCTUREItem(ranParameterID: ids.dedicatedPRBPolicyRatio, ranParameterValueType: .keyElement(.valueInt(3))),
            RANParameterSTRUCTUREItem(ranParameterID: ids.maxPRBPolicyRatio, ranParameterValueType: .keyElement(.valueInt(90))),
            RANParameterSTRUCTUREItem(ranParameterID: ids.minPRBPolicyRatio, ranParameterValueType: .keyElement(.valueInt(30))),
        ])
        let message = RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: [
            RCControlMessageFormat1Item(ranParameterID: ids.rrmPolicyRatioList, ranParameterValueType: .list([group])),
        ])))
        let read = try SliceQuotaControl.quotas(from: message)
        #expect(read.map(\.sst) == [1, 2])
        #expect(read.allSatisfy { $0.minPRBPolicyRatio == 30 && $0.maxPRBPolicyRatio == 90 && $0.dedicatedPRBPolicyRatio == 3 && $0.sd == nil })
    }

    @Test func formatTwoMessagesAreReadFromTheirStyleTwoActionSixEntry() throws {
        let sample = try #require(E2SMRCCatalog.samples().first { $0.name == "ControlMessage-Format2" }?.value as? RCControlMessage)
        #expect(try SliceQuotaControl.quotas(from: sample) == [RCTestVectors.oneQuota])
        let withoutSliceAction = RCControlMessage(ricControlMessageFormats: .controlMessageFormat2(RCControlMessageFormat2(ricControlStyleList: [
            RCControlMessageFormat2StyleItem(indicatedControlStyleType: 2, ricControlActionList: [
                RCControlMessageFormat2ControlActionItem(ricControlActionID: 5, ranPList: RCControlMessageFormat1(ranPList: [])),
            ]),
        ])))
        #expect {
            try SliceQuotaControl.quotas(from: withoutSliceAction)
        } throws: { ($0 as? RCControlError).map { if case .unsupportedMessage = $0 { true } else { false } } ?? false }
    }

    @Test func anEmptyMessageCarriesNoQuotas() throws {
        #expect(try SliceQuotaControl.quotas(from: SliceQuotaControl.message([])) == [])
        #expect(try SliceQuotaControl.message([]).aperBytes() == RCGolden.bytes("ControlMessage:empty"))
    }

    @Test func theHeaderAddressesTheUEOrTheCellWideUEID() throws {
        let cellWide = SliceQuotaControl.header(ueID: nil)
        guard case let .controlHeaderFormat1(h) = cellWide.ricControlHeaderFormats else {
            Issue.record("not format 1")
            return
        }
        #expect(h.ueID == .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 0)))
        #expect(h.ricStyleType == 2 && h.ricControlActionID == 6 && h.ricControlDecision == nil)
        #expect(try cellWide.aperBytes() == RCGolden.bytes("ControlHeader:cellWide"))
        #expect(SliceQuotaControl.isSliceQuotaControl(cellWide))

        let ue = UEID.gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 42))
        let addressed = try RCControlHeader(aperBytes: SliceQuotaControl.header(ueID: ue).aperBytes())
        guard case let .controlHeaderFormat1(a) = addressed.ricControlHeaderFormats else {
            Issue.record("not format 1")
            return
        }
        #expect(a.ueID == ue)
        let otherAction = RCControlHeader(ricControlHeaderFormats: .controlHeaderFormat1(RCControlHeaderFormat1(ueID: ue, ricStyleType: 2, ricControlActionID: 5)))
        #expect(!SliceQuotaControl.isSliceQuotaControl(otherAction))
    }

    @Test func theDUAdvertisesStyleTwoActionSixWithItsTwelveParameters() throws {
        let definition = SliceQuotaControl.ranFunctionDefinition()
        #expect(definition.ranFunctionName.ranFunctionE2SMOID == "1.3.6.1.4.1.53148.1.1.2.3")
        #expect(definition.ranFunctionDefinitionReport == nil && definition.ranFunctionDefinitionPolicy == nil)
        let style = try #require(definition.ranFunctionDefinitionControl?.ricControlStyleList.first)
        #expect(style.ricControlStyleType == 2 && style.ricControlStyleName == "Radio Resource Allocation Control")
        let action = try #require(style.ricControlActionList?.first)
        #expect(action.ricControlActionID == 6 && action.ricControlActionName == "Slice-level PRB quota")
        let parameters = try #require(action.ranControlActionParametersList)
        #expect(parameters.map(\.ranParameterID.value) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13])
        #expect(parameters.map(\.ranParameterName.value) == ["RRM Policy Ratio List", "RRM Policy Ratio Group", "RRM Policy", "RRM Policy Member List",
                                                             "RRM Policy Member", "PLMN Identity", "S-NSSAI", "SST", "SD", "Min PRB Policy Ratio",
                                                             "Max PRB Policy Ratio", "Dedicated PRB Policy Ratio"])
        // the list parameter describes the tree: a list item is the RRM Policy Ratio Group (2)
        guard case let .choiceLIST(list)? = parameters[0].ranParameterDefinition?.ranParameterDefinitionChoice else {
            Issue.record("RRM Policy Ratio List has no LIST definition")
            return
        }
        #expect(list.ranParameterList.map(\.ranParameterID) == [2])
        #expect(try definition.aperBytes() == RCGolden.bytes("RANFunctionDefinition"))
    }

    // MARK: errors

    /// The srsRAN-layout message of one quota with the group's items changed by `edit`.
    func editedGroup(_ edit: (inout [RANParameterSTRUCTUREItem]) -> Void) -> RCControlMessage {
        var items = [RCControlMessageFormat1Item](SliceQuotaControl.ranParameters([RCTestVectors.oneQuota]))
        guard case var .ranPChoiceList(list) = items[0].ranParameterValueType,
              var wrapper = list.ranParameterList.listOfRanParameter[0].sequenceOfRanParameters,
              case var .ranPChoiceStructure(group) = wrapper[0].ranParameterValueType,
              var fields = group.ranParameterStructure.sequenceOfRanParameters else {
            Issue.record("unexpected layout")
            return SliceQuotaControl.message([])
        }
        edit(&fields)
        group.ranParameterStructure.sequenceOfRanParameters = fields
        wrapper[0].ranParameterValueType = .ranPChoiceStructure(group)
        list.ranParameterList.listOfRanParameter[0].sequenceOfRanParameters = wrapper
        items[0].ranParameterValueType = .ranPChoiceList(list)
        return RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: items)))
    }

    func error(_ message: RCControlMessage) -> RCControlError? {
        do {
            _ = try SliceQuotaControl.quotas(from: message)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingParameterIsNamed() throws {
        let e = error(editedGroup { $0.removeAll { $0.ranParameterID == 11 } })
        #expect(e == .missingParameter(id: 11, name: "Min PRB Policy Ratio", path: "RRM Policy Ratio List(1)[0] > RRM Policy Ratio Group(2)"))
        #expect(e?.description.contains("Min PRB Policy Ratio (ID 11)") == true)

        let noList = RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: [
            RCControlMessageFormat1Item(ranParameterID: 99, ranParameterValueType: .element(.valueInt(1))),
        ])))
        #expect(error(noList) == .missingParameter(id: 1, name: "RRM Policy Ratio List", path: "<top>"))

        // FlexRIC's numbering read as srsRAN's: ID 13 (dedicated) does not exist there
        let flex = SliceQuotaControl.message([RCTestVectors.oneQuota], dialect: .flexRIC)
        guard case .missingParameter? = error(flex) else {
            Issue.record("expected a missing parameter, got \(String(describing: error(flex)))")
            return
        }
    }

    @Test func aParameterOfTheWrongTypeIsNamed() throws {
        let octetRatio = editedGroup { fields in
            if let i = fields.firstIndex(where: { $0.ranParameterID == 12 }) { fields[i].ranParameterValueType = .element(.valueOctS([80])) }
        }
        #expect(error(octetRatio) == .wrongType(id: 12, name: "Max PRB Policy Ratio", path: "RRM Policy Ratio List(1)[0] > RRM Policy Ratio Group(2)",
                                                expected: "valueInt", found: "valueOctS"))

        let listPolicy = editedGroup { fields in
            if let i = fields.firstIndex(where: { $0.ranParameterID == 3 }) { fields[i].ranParameterValueType = .list([RANParameterSTRUCTURE(sequenceOfRanParameters: nil)]) }
        }
        #expect(error(listPolicy) == .wrongType(id: 3, name: "RRM Policy", path: "RRM Policy Ratio List(1)[0] > RRM Policy Ratio Group(2)",
                                                expected: "STRUCTURE", found: "LIST"))

        let notAList = RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: [
            RCControlMessageFormat1Item(ranParameterID: 1, ranParameterValueType: .element(.valueInt(1))),
        ])))
        #expect(error(notAList) == .wrongType(id: 1, name: "RRM Policy Ratio List", path: "<top>", expected: "LIST", found: "ELEMENT"))
    }

    @Test func aValueOutOfRangeIsNamed() throws {
        let tooMuch = editedGroup { fields in
            if let i = fields.firstIndex(where: { $0.ranParameterID == 13 }) { fields[i].ranParameterValueType = .element(.valueInt(101)) }
        }
        guard case let .invalidValue(id, name, _, detail)? = error(tooMuch) else {
            Issue.record("expected invalidValue, got \(String(describing: error(tooMuch)))")
            return
        }
        #expect(id == 13 && name == "Dedicated PRB Policy Ratio" && detail.contains("101"))

        let noValue = editedGroup { fields in
            if let i = fields.firstIndex(where: { $0.ranParameterID == 11 }) { fields[i].ranParameterValueType = .ranPChoiceElementFalse(.init(ranParameterValue: nil)) }
        }
        guard case .invalidValue(11, _, _, _)? = error(noValue) else {
            Issue.record("expected invalidValue for 11, got \(String(describing: error(noValue)))")
            return
        }

        // a PLMN Identity of 2 octets, deep in the member list
        let shortPLMN = RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(
            ranPList: replacingPLMN(SliceQuotaControl.ranParameters([RCTestVectors.oneQuota], dialect: .oai), with: [0x00, 0xF1]))))
        guard case let .invalidValue(pid, pname, path, _)? = error(shortPLMN) else {
            Issue.record("expected invalidValue, got \(String(describing: error(shortPLMN)))")
            return
        }
        #expect(pid == 7 && pname == "PLMN Identity")
        #expect(path == "RRM Policy Ratio List(1)[0] > RRM Policy(3) > RRM Policy Member List(5)[0]")
    }

    @Test func quotasAreValidated() throws {
        #expect(throws: RCControlError.invalidQuota("Max PRB Policy Ratio 101 not in 0...100")) {
            try SlicePRBQuota(plmn: RCTestVectors.plmn, sst: 1, minPRBPolicyRatio: 0, maxPRBPolicyRatio: 101, dedicatedPRBPolicyRatio: 0)
        }
        #expect(throws: RCControlError.self) {
            try SlicePRBQuota(plmn: PLMNIdentity([1, 2]), sst: 1, minPRBPolicyRatio: 0, maxPRBPolicyRatio: 1, dedicatedPRBPolicyRatio: 0)
        }
        #expect(throws: RCControlError.self) {
            try SlicePRBQuota(plmn: RCTestVectors.plmn, sst: 1, sd: SD([1]), minPRBPolicyRatio: 0, maxPRBPolicyRatio: 1, dedicatedPRBPolicyRatio: 0)
        }
        let json = try JSONEncoder().encode(RCTestVectors.oneQuota)
        #expect(try JSONDecoder().decode(SlicePRBQuota.self, from: json) == RCTestVectors.oneQuota)
        let bad = Data(#"{"plmn":"00f110","sst":1,"minPRBPolicyRatio":-1,"maxPRBPolicyRatio":5,"dedicatedPRBPolicyRatio":0}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SlicePRBQuota.self, from: bad) }
    }
}

/// `items` with every PLMN Identity (ID 7) leaf replaced by `plmn`.
func replacingPLMN(_ items: [RCControlMessageFormat1Item], with plmn: [UInt8]) -> [RCControlMessageFormat1Item] {
    func walk(_ value: RANParameterValueType) -> RANParameterValueType {
        switch value {
        case let .ranPChoiceStructure(s):
            return .structure((s.ranParameterStructure.sequenceOfRanParameters ?? []).map(replace))
        case let .ranPChoiceList(l):
            return .list(l.ranParameterList.listOfRanParameter.map { RANParameterSTRUCTURE(sequenceOfRanParameters: $0.sequenceOfRanParameters?.map(replace)) })
        default:
            return value
        }
    }
    func replace(_ item: RANParameterSTRUCTUREItem) -> RANParameterSTRUCTUREItem {
        item.ranParameterID == 7
            ? RANParameterSTRUCTUREItem(ranParameterID: 7, ranParameterValueType: .element(.valueOctS(OctetString(plmn))))
            : RANParameterSTRUCTUREItem(ranParameterID: item.ranParameterID, ranParameterValueType: walk(item.ranParameterValueType))
    }
    return items.map { RCControlMessageFormat1Item(ranParameterID: $0.ranParameterID, ranParameterValueType: walk($0.ranParameterValueType)) }
}
