/// An ENUMERATED type as a Swift enum: `allCases` lists the root values, then the extension
/// values, in definition order. Conformers get their encoding for free.
public protocol APEREnumerated: APERCodable, CaseIterable, Equatable where AllCases == [Self] {
    /// How many of `allCases` are root values (the rest are extension additions).
    static var rootCount: Int { get }
    /// Whether the type has an extension marker.
    static var isExtensible: Bool { get }
}

extension APEREnumerated {
    public static var rootCount: Int { allCases.count }
    public static var isExtensible: Bool { false }

    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeEnumerated(rootCount: Self.rootCount, extensible: Self.isExtensible)
        guard index < Self.allCases.count else {
            throw APERError(.unknownAlternative(index), path: ["\(Self.self)"], bitOffset: decoder.position)
        }
        self = Self.allCases[index]
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        let index = Self.allCases.firstIndex(of: self)!
        try encoder.component("\(Self.self)") { try $0.encodeEnumerated(index, rootCount: Self.rootCount, extensible: Self.isExtensible) }
    }
}

/// The values an open specification leaves open (PDUs, E2SM payloads): something the CLI can
/// decode to JSON and encode from JSON.
public typealias APERValue = APERCodable & Codable & Sendable

extension KeyedDecodingContainer {
    /// The single key of a CHOICE written as `{"alternative": value}`; a clear error otherwise.
    public func choiceKey(_ typeName: String) throws -> Key {
        guard allKeys.count == 1, let key = allKeys.first else {
            let found = allKeys.map(\.stringValue).sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "\(typeName) is a CHOICE: expected exactly one known alternative as the only key, found [\(found)]"))
        }
        return key
    }
}
