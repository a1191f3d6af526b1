import APER

/// One sample of every E2AP message this version models, with non-trivial values (every optional
/// IE present somewhere, several list items, each node-ID and component-ID alternative used).
/// Used by `ranlab pdu samples`, the golden-byte tests, the independent-codec check and the fuzz seeds.
public enum E2APSamples {
    static let plmn = PLMNIdentity(mcc: "001", mnc: "01")!
    static let plmn3 = PLMNIdentity(mcc: "310", mnc: "410")!
    static let gnb = GlobalgNBID(plmnID: plmn, gnbID: .gnbID(BitString(value: 0x19B, length: 22)))
    static let engnb = GlobalenGNBID(plmnIdentity: plmn3, gnbID: .gnbID(BitString(value: 0xABCDEF01, length: 32)))
    static let enb = GlobalENBID(plmnIdentity: plmn3, enbID: .macroENBID(BitString(value: 0xE0001, length: 20)))
    static let request = RICrequestID(ricRequestorID: 1234, ricInstanceID: 7)
    static let ricID = GlobalRICID(plmnIdentity: plmn, ricID: BitString(value: 0xABCDE, length: 20))
    static let diagnostics = CriticalityDiagnostics(
        procedureCode: 8, triggeringMessage: .initiatingMessage, procedureCriticality: .reject, ricRequestorID: request,
        iEsCriticalityDiagnostics: [.init(iECriticality: .reject, iEID: 30, typeOfError: .missing), .init(iECriticality: .ignore, iEID: 63, typeOfError: .notUnderstood)])
    static let f1Config = E2nodeComponentConfiguration(
        e2nodeComponentRequestPart: OctetString(Array("F1SetupRequest".utf8)), e2nodeComponentResponsePart: OctetString(Array("F1SetupResponse".utf8)))
    static let components: [E2nodeComponentConfigItem] = [
        .init(e2nodeComponentInterfaceType: .f1, e2nodeComponentID: .f1(gnbDUID: 1), e2nodeComponentConfiguration: f1Config),
        .init(e2nodeComponentInterfaceType: .ng, e2nodeComponentID: .ng(amfName: "amf.ranlab.test"), e2nodeComponentConfiguration: f1Config),
        .init(e2nodeComponentInterfaceType: .xn, e2nodeComponentID: .xn(.gNB(gnb)), e2nodeComponentConfiguration: f1Config),
        .init(e2nodeComponentInterfaceType: .e1, e2nodeComponentID: .e1(gnbCUUPID: 68_719_476_735), e2nodeComponentConfiguration: f1Config),
        .init(e2nodeComponentInterfaceType: .x2, e2nodeComponentID: .x2(globalENBID: enb, globalenGNBID: engnb), e2nodeComponentConfiguration: f1Config),
    ]
    static let acks: [E2nodeComponentConfigAckItem] = [
        .init(e2nodeComponentInterfaceType: .f1, e2nodeComponentID: .f1(gnbDUID: 1), e2nodeComponentConfigurationAck: .init(updateOutcome: .success)),
        .init(e2nodeComponentInterfaceType: .s1, e2nodeComponentID: .s1(mmeName: "mme1"), e2nodeComponentConfigurationAck: .init(updateOutcome: .failure, failureCause: .e2Node(.e2nodeComponentUnknown))),
        .init(e2nodeComponentInterfaceType: .w1, e2nodeComponentID: .w1(ngENBDUID: 99), e2nodeComponentConfigurationAck: .init(updateOutcome: .success)),
    ]
    /// Stand-in E2SM payloads (the E2SM samples carry real ones).
    static let kpmOID = "1.3.6.1.4.1.53148.1.1.2.2"
    static let rcOID = "1.3.6.1.4.1.53148.1.1.2.3"
    static let functions: [RANfunctionItem] = [
        .init(ranFunctionID: 2, ranFunctionDefinition: OctetString(Array(repeating: 0x5A, count: 300)), ranFunctionRevision: 3, ranFunctionOID: kpmOID),
        .init(ranFunctionID: 3, ranFunctionDefinition: [0x01, 0x02, 0x03], ranFunctionRevision: 1, ranFunctionOID: rcOID),
    ]
    static let ntpTime: OctetString = [0xEA, 0x1B, 0x2C, 0x3D, 0x80, 0x00, 0x00, 0x00]

    /// One ErrorIndication per Cause value, named `ErrorIndication-cause-<category>-<value>` so an
    /// independent decoder can check each value's position in its enumeration.
    public static var causes: [(name: String, pdu: E2APPDU)] {
        Cause.allValues.map { cause in
            let (category, value): (String, String)
            switch cause {
            case let .ricRequest(v): (category, value) = ("ricRequest", v.rawValue)
            case let .ricService(v): (category, value) = ("ricService", v.rawValue)
            case let .e2Node(v): (category, value) = ("e2Node", v.rawValue)
            case let .transport(v): (category, value) = ("transport", v.rawValue)
            case let .protocol(v): (category, value) = ("protocol", v.rawValue)
            case let .misc(v): (category, value) = ("misc", v.rawValue)
            }
            return (name: "ErrorIndication-cause-\(category)-\(value)", pdu: E2APPDU(ErrorIndication(transactionID: 9, cause: cause)))
        }
    }

    /// (message name, PDU) for every modelled message, in procedure order.
    public static var all: [(name: String, pdu: E2APPDU)] {
        let bodies: [any E2APMessageBody] = [
            E2setupRequest(transactionID: 1, globalE2nodeID: .gNB(GlobalE2nodegNBID(globalgNBID: gnb, globalenGNBID: engnb, gnbCUUPID: 5, gnbDUID: 1)), ranFunctionsAdded: functions, e2nodeComponentConfigAddition: components),
            E2setupResponse(transactionID: 1, globalRICID: ricID, ranFunctionsAccepted: [.init(ranFunctionID: 2, ranFunctionRevision: 3)], ranFunctionsRejected: [.init(ranFunctionID: 3, cause: .ricService(.ranFunctionNotSupported))], e2nodeComponentConfigAdditionAck: acks),
            E2setupFailure(transactionID: 255, cause: .protocol(.abstractSyntaxErrorFalselyConstructedMessage), timeToWait: .v10s, criticalityDiagnostics: diagnostics, tnlInformation: TNLinformation(ipv4: (127, 0, 0, 1), port: 36421)),
            RICsubscriptionRequest(
                ricRequestID: request, ranFunctionID: 2,
                ricSubscriptionDetails: RICsubscriptionDetails(ricEventTriggerDefinition: [0x00, 0x03, 0xE7], ricActionToBeSetupList: [
                    .init(ricActionID: 1, ricActionType: .report, ricActionDefinition: [0x00, 0x01, 0x02, 0x03], ricSubsequentAction: .init(ricSubsequentActionType: .continue, ricTimeToWait: .w10ms), ricActionExecutionOrder: 1),
                    .init(ricActionID: 2, ricActionType: .policy),
                    .init(ricActionID: 3, ricActionType: .insert, ricActionDefinition: [0xFF], ricSubsequentAction: .init(ricSubsequentActionType: .wait, ricTimeToWait: .w60s)),
                ]),
                ricSubscriptionStartTime: ntpTime, ricSubscriptionEndTime: [0xEA, 0x1B, 0x2D, 0x00, 0, 0, 0, 0]),
            RICsubscriptionResponse(ricRequestID: request, ranFunctionID: 2, ricActionsAdmitted: [1, 3], ricActionsNotAdmitted: [.init(ricActionID: 2, cause: .ricRequest(.actionNotSupported))]),
            RICsubscriptionFailure(ricRequestID: request, ranFunctionID: 2, cause: .ricRequest(.duplicateRICRequestID), criticalityDiagnostics: diagnostics),
            RICsubscriptionDeleteRequest(ricRequestID: request, ranFunctionID: 2),
            RICsubscriptionDeleteResponse(ricRequestID: RICrequestID(ricRequestorID: 65535, ricInstanceID: 0), ranFunctionID: 4095),
            RICsubscriptionDeleteFailure(ricRequestID: request, ranFunctionID: 2, cause: .ricRequest(.requestIDUnknown)),
            RICsubscriptionDeleteRequired(ricSubscriptionToBeRemoved: [
                .init(ricRequestID: request, ranFunctionID: 2, cause: .ricRequest(.ricSubscriptionEndTimeExpired)),
                .init(ricRequestID: RICrequestID(ricRequestorID: 9, ricInstanceID: 9), ranFunctionID: 3, cause: .misc(.omIntervention)),
            ]),
            RICindication(ricRequestID: request, ranFunctionID: 2, ricActionID: 1, ricIndicationSN: 4242, ricIndicationType: .report, ricIndicationHeader: ntpTime, ricIndicationMessage: OctetString((0..<200).map { UInt8($0) }), ricCallProcessID: [0xCA, 0xFE]),
            RICcontrolRequest(ricRequestID: request, ranFunctionID: 3, ricCallProcessID: [0x01], ricControlHeader: [0x10, 0x20], ricControlMessage: [0x30, 0x40, 0x50], ricControlAckRequest: .ack),
            RICcontrolAcknowledge(ricRequestID: request, ranFunctionID: 3, ricCallProcessID: [0x01], ricControlOutcome: [0x60]),
            RICcontrolFailure(ricRequestID: request, ranFunctionID: 3, ricCallProcessID: [0x01], cause: .ricRequest(.controlFailedToExecute), ricControlOutcome: [0x61], criticalityDiagnostics: diagnostics),
            ErrorIndication(transactionID: 3, ricRequestID: request, ranFunctionID: 2, cause: .protocol(.abstractSyntaxErrorReject), criticalityDiagnostics: diagnostics),
            ResetRequest(transactionID: 4, cause: .misc(.hardwareFailure)),
            ResetResponse(transactionID: 4, criticalityDiagnostics: CriticalityDiagnostics(procedureCode: 3)),
            RICserviceUpdate(transactionID: 5, ranFunctionsAdded: [functions[1]], ranFunctionsModified: [functions[0]], ranFunctionsDeleted: [.init(ranFunctionID: 7, ranFunctionRevision: 2)]),
            RICserviceUpdateAcknowledge(transactionID: 5, ranFunctionsAccepted: [.init(ranFunctionID: 2, ranFunctionRevision: 3), .init(ranFunctionID: 3, ranFunctionRevision: 1)], ranFunctionsRejected: [.init(ranFunctionID: 7, cause: .ricService(.excessiveFunctions))]),
            RICserviceUpdateFailure(transactionID: 5, cause: .ricService(.ricResourceLimit), timeToWait: .v60s, criticalityDiagnostics: diagnostics),
            E2nodeConfigurationUpdate(
                transactionID: 6, globalE2nodeID: .ngENB(GlobalE2nodengeNBID(globalngeNBID: GlobalngeNBID(plmnID: plmn, enbID: .enbIDLongmacro(BitString(value: 0x1FFFFF, length: 21))), globalENBID: enb, ngENBDUID: 12)),
                e2nodeComponentConfigAddition: [components[0]], e2nodeComponentConfigUpdate: [components[1], components[2]],
                e2nodeComponentConfigRemoval: [.init(e2nodeComponentInterfaceType: .e1, e2nodeComponentID: .e1(gnbCUUPID: 5))],
                e2nodeTNLassociationRemoval: [.init(tnlInformation: TNLinformation(ipv4: (10, 0, 0, 2), port: nil), tnlInformationRIC: TNLinformation(tnlAddress: BitString(bytes: Array(repeating: 0x20, count: 16), length: 128), tnlPort: BitString(value: 36422, length: 16)))]),
            E2nodeConfigurationUpdateAcknowledge(transactionID: 6, e2nodeComponentConfigAdditionAck: [acks[0]], e2nodeComponentConfigUpdateAck: [acks[1], acks[2]], e2nodeComponentConfigRemovalAck: [acks[0]]),
            E2nodeConfigurationUpdateFailure(transactionID: 6, cause: .transport(.transportResourceUnavailable), timeToWait: .v1s, criticalityDiagnostics: diagnostics),
            E2RemovalRequest(transactionID: 7),
            E2RemovalResponse(transactionID: 7, criticalityDiagnostics: diagnostics),
            E2RemovalFailure(transactionID: 7, cause: .misc(.unspecified), criticalityDiagnostics: CriticalityDiagnostics(triggeringMessage: .successfulOutcome)),
        ]
        var out = bodies.map { (name: type(of: $0).name, pdu: E2APPDU(E2APMessage.wrap($0)!)) }
        // the other node-ID alternatives, as extra setup requests
        out.append((name: "E2setupRequest-enGNB", pdu: E2APPDU(E2setupRequest(transactionID: 2, globalE2nodeID: .enGNB(GlobalE2nodeenGNBID(globalenGNBID: engnb, enGNBCUUPID: 1, enGNBDUID: 2)), ranFunctionsAdded: [functions[0]], e2nodeComponentConfigAddition: [components[4]]))))
        out.append((name: "E2setupRequest-eNB", pdu: E2APPDU(E2setupRequest(transactionID: 3, globalE2nodeID: .eNB(GlobalE2nodeeNBID(globalENBID: GlobalENBID(plmnIdentity: plmn, enbID: .longMacroENBID(BitString(value: 0x12345, length: 21))))), ranFunctionsAdded: [functions[1]], e2nodeComponentConfigAddition: [components[0]]))))
        return out
    }
}
