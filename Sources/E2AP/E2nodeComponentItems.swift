import APER

/// The items of the E2 node component configuration lists: `E2nodeComponentConfigAddition-Item`
/// and `E2nodeComponentConfigUpdate-Item` (same shape: interface type, component ID, configuration).
public struct E2nodeComponentConfigItem: Hashable, Sendable, Codable, APERCodable {
    public var e2nodeComponentInterfaceType: E2nodeComponentInterfaceType
    public var e2nodeComponentID: E2nodeComponentID
    public var e2nodeComponentConfiguration: E2nodeComponentConfiguration

    public init(e2nodeComponentInterfaceType: E2nodeComponentInterfaceType, e2nodeComponentID: E2nodeComponentID, e2nodeComponentConfiguration: E2nodeComponentConfiguration) {
        self.e2nodeComponentInterfaceType = e2nodeComponentInterfaceType
        self.e2nodeComponentID = e2nodeComponentID
        self.e2nodeComponentConfiguration = e2nodeComponentConfiguration
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeComponentConfig-Item") { d, _ in
            E2nodeComponentConfigItem(
                e2nodeComponentInterfaceType: try d.component("e2nodeComponentInterfaceType") { try E2nodeComponentInterfaceType(aper: &$0) },
                e2nodeComponentID: try E2nodeComponentID(aper: &d),
                e2nodeComponentConfiguration: try E2nodeComponentConfiguration(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e2nodeComponentInterfaceType.encode(aper: &e)
        try e2nodeComponentID.encode(aper: &e)
        try e2nodeComponentConfiguration.encode(aper: &e)
    }
}

/// `E2nodeComponentConfigRemoval-Item`: interface type and component ID.
public struct E2nodeComponentConfigRemovalItem: Hashable, Sendable, Codable, APERCodable {
    public var e2nodeComponentInterfaceType: E2nodeComponentInterfaceType
    public var e2nodeComponentID: E2nodeComponentID

    public init(e2nodeComponentInterfaceType: E2nodeComponentInterfaceType, e2nodeComponentID: E2nodeComponentID) {
        self.e2nodeComponentInterfaceType = e2nodeComponentInterfaceType
        self.e2nodeComponentID = e2nodeComponentID
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeComponentConfigRemoval-Item") { d, _ in
            E2nodeComponentConfigRemovalItem(
                e2nodeComponentInterfaceType: try d.component("e2nodeComponentInterfaceType") { try E2nodeComponentInterfaceType(aper: &$0) },
                e2nodeComponentID: try E2nodeComponentID(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e2nodeComponentInterfaceType.encode(aper: &e)
        try e2nodeComponentID.encode(aper: &e)
    }
}

/// `E2nodeComponentConfigAdditionAck-Item`, `…UpdateAck-Item`, `…RemovalAck-Item` (same shape).
public struct E2nodeComponentConfigAckItem: Hashable, Sendable, Codable, APERCodable {
    public var e2nodeComponentInterfaceType: E2nodeComponentInterfaceType
    public var e2nodeComponentID: E2nodeComponentID
    public var e2nodeComponentConfigurationAck: E2nodeComponentConfigurationAck

    public init(e2nodeComponentInterfaceType: E2nodeComponentInterfaceType, e2nodeComponentID: E2nodeComponentID, e2nodeComponentConfigurationAck: E2nodeComponentConfigurationAck) {
        self.e2nodeComponentInterfaceType = e2nodeComponentInterfaceType
        self.e2nodeComponentID = e2nodeComponentID
        self.e2nodeComponentConfigurationAck = e2nodeComponentConfigurationAck
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeComponentConfigAck-Item") { d, _ in
            E2nodeComponentConfigAckItem(
                e2nodeComponentInterfaceType: try d.component("e2nodeComponentInterfaceType") { try E2nodeComponentInterfaceType(aper: &$0) },
                e2nodeComponentID: try E2nodeComponentID(aper: &d),
                e2nodeComponentConfigurationAck: try E2nodeComponentConfigurationAck(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e2nodeComponentInterfaceType.encode(aper: &e)
        try e2nodeComponentID.encode(aper: &e)
        try e2nodeComponentConfigurationAck.encode(aper: &e)
    }
}

/// E2AP `TNLinformation`: a transport address (IPv4 32 bits / IPv6 128 / both 160) and optional port.
public struct TNLinformation: Hashable, Sendable, Codable, APERCodable {
    public var tnlAddress: BitString
    public var tnlPort: BitString?

    public init(tnlAddress: BitString, tnlPort: BitString? = nil) {
        self.tnlAddress = tnlAddress
        self.tnlPort = tnlPort
    }

    /// An IPv4 address and port.
    public init(ipv4: (UInt8, UInt8, UInt8, UInt8), port: UInt16?) {
        tnlAddress = BitString(bytes: [ipv4.0, ipv4.1, ipv4.2, ipv4.3], length: 32)
        tnlPort = port.map { BitString(value: UInt64($0), length: 16) }
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "TNLinformation", optionals: 1) { d, p in
            TNLinformation(
                tnlAddress: try d.decodeBitString(size: 1...160, extensible: true, "tnlAddress"),
                tnlPort: p[0] ? try d.decodeBitString(size: 16...16, "tnlPort") : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 1, present: presence(tnlPort != nil))
        try e.encodeBitString(tnlAddress, size: 1...160, extensible: true, "tnlAddress")
        if let tnlPort { try e.encodeBitString(tnlPort, size: 16...16, "tnlPort") }
    }
}

/// `E2nodeTNLassociationRemoval-Item`.
public struct E2nodeTNLassociationRemovalItem: Hashable, Sendable, Codable, APERCodable {
    public var tnlInformation: TNLinformation
    public var tnlInformationRIC: TNLinformation

    public init(tnlInformation: TNLinformation, tnlInformationRIC: TNLinformation) {
        self.tnlInformation = tnlInformation
        self.tnlInformationRIC = tnlInformationRIC
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeTNLassociationRemoval-Item") { d, _ in
            E2nodeTNLassociationRemovalItem(tnlInformation: try TNLinformation(aper: &d), tnlInformationRIC: try TNLinformation(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try tnlInformation.encode(aper: &e)
        try tnlInformationRIC.encode(aper: &e)
    }
}
