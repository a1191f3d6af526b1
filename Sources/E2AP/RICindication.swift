import APER

/// E2AP `RICindication` (E2 node → RIC): a report or insert for a subscribed action, carrying the
/// E2SM's indication header and message (e.g. KPM measurements).
public struct RICindication: E2APMessageBody {
    public static let procedure = E2APProcedure.ricIndication
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICindication"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var ricActionID: Int
    public var ricIndicationSN: Int?
    public var ricIndicationType: RICindicationType
    public var ricIndicationHeader: OctetString
    public var ricIndicationMessage: OctetString
    public var ricCallProcessID: OctetString?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricActionID: Int, ricIndicationSN: Int? = nil, ricIndicationType: RICindicationType, ricIndicationHeader: OctetString, ricIndicationMessage: OctetString, ricCallProcessID: OctetString? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricActionID = ricActionID
        self.ricIndicationSN = ricIndicationSN
        self.ricIndicationType = ricIndicationType
        self.ricIndicationHeader = ricIndicationHeader
        self.ricIndicationMessage = ricIndicationMessage
        self.ricCallProcessID = ricCallProcessID
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, action: Int?, sn: Int?, type: RICindicationType?, header: OctetString?, message: OctetString?, cpid: OctetString?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricActionID: action = try d.decodeInt(in: ricActionIDRange, "RICactionID")
            case E2APIE.ricIndicationSN: sn = try d.decodeInt(in: 0...65535, "RICindicationSN")
            case E2APIE.ricIndicationType: type = try d.component("RICindicationType") { try RICindicationType(aper: &$0) }
            case E2APIE.ricIndicationHeader: header = try d.decodeOctets("RICindicationHeader")
            case E2APIE.ricIndicationMessage: message = try d.decodeOctets("RICindicationMessage")
            case E2APIE.ricCallProcessID: cpid = try d.decodeOctets("RICcallProcessID")
            default: return false
            }
            return true
        }) {
            RICindication(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricActionID: try mandatoryIE(action, id: E2APIE.ricActionID, "RICactionID"),
                ricIndicationSN: sn,
                ricIndicationType: try mandatoryIE(type, id: E2APIE.ricIndicationType, "RICindicationType"),
                ricIndicationHeader: try mandatoryIE(header, id: E2APIE.ricIndicationHeader, "RICindicationHeader"),
                ricIndicationMessage: try mandatoryIE(message, id: E2APIE.ricIndicationMessage, "RICindicationMessage"),
                ricCallProcessID: cpid)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            try e.ieInteger(E2APIE.ricActionID, .reject, &n, ricActionID, in: ricActionIDRange, "RICactionID")
            if let sn = ricIndicationSN { try e.ieInteger(E2APIE.ricIndicationSN, .reject, &n, sn, in: 0...65535, "RICindicationSN") }
            try e.ieValue(E2APIE.ricIndicationType, .reject, &n, ricIndicationType)
            try e.ieOctets(E2APIE.ricIndicationHeader, .reject, &n, ricIndicationHeader, "RICindicationHeader")
            try e.ieOctets(E2APIE.ricIndicationMessage, .reject, &n, ricIndicationMessage, "RICindicationMessage")
            if let cpid = ricCallProcessID { try e.ieOctets(E2APIE.ricCallProcessID, .reject, &n, cpid, "RICcallProcessID") }
        }
    }
}
