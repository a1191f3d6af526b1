import APER
import E2SMCommon

// The named primitive types of E2SM-RC (O-RAN.WG3.E2SM-RC v1.03), as wrapper structs that carry
// their constraint (the E2SMCommon convention: JSON is the bare value, integer and string literals
// work).

/// ASN.1 `RANParameter-ID ::= INTEGER (1..4294967295, ...)`
public struct RANParameterID: E2SMIntegerType {
    public static let range: ClosedRange<Int64>? = 1...4_294_967_295
    public static let isExtensible = true
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// ASN.1 `RANParameter-Name ::= PrintableString (SIZE(1..150, ...))`
public struct RANParameterName: E2SMPrintableStringType {
    public static let size: ClosedRange<Int>? = 1...150
    public static let isExtensible = true
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// ASN.1 `RIC-ControlAction-ID ::= INTEGER (1..65535, ...)` (also the type of policy action IDs)
public struct RICControlActionID: E2SMIntegerType {
    public static let range: ClosedRange<Int64>? = 1...65535
    public static let isExtensible = true
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// ASN.1 `RIC-ControlAction-Name ::= PrintableString (SIZE(1..150, ...))` (also policy action names)
public struct RICControlActionName: E2SMPrintableStringType {
    public static let size: ClosedRange<Int>? = 1...150
    public static let isExtensible = true
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// ASN.1 `RIC-CallProcessType-ID ::= INTEGER (1..65535, ...)`
public struct RICCallProcessTypeID: E2SMIntegerType {
    public static let range: ClosedRange<Int64>? = 1...65535
    public static let isExtensible = true
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// ASN.1 `RIC-CallProcessType-Name ::= PrintableString (SIZE(1..150, ...))`
public struct RICCallProcessTypeName: E2SMPrintableStringType {
    public static let size: ClosedRange<Int>? = 1...150
    public static let isExtensible = true
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// ASN.1 `RIC-CallProcessBreakpoint-ID ::= INTEGER (1..65535, ...)`
public struct RICCallProcessBreakpointID: E2SMIntegerType {
    public static let range: ClosedRange<Int64>? = 1...65535
    public static let isExtensible = true
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// ASN.1 `RIC-CallProcessBreakpoint-Name ::= PrintableString (SIZE(1..150, ...))`
public struct RICCallProcessBreakpointName: E2SMPrintableStringType {
    public static let size: ClosedRange<Int>? = 1...150
    public static let isExtensible = true
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// ASN.1 `RIC-InsertIndication-ID ::= INTEGER (1..65535, ...)`
public struct RICInsertIndicationID: E2SMIntegerType {
    public static let range: ClosedRange<Int64>? = 1...65535
    public static let isExtensible = true
    public var value: Int64
    public init(_ value: Int64) { self.value = value }
}

/// ASN.1 `RIC-InsertIndication-Name ::= PrintableString (SIZE(1..150, ...))`
public struct RICInsertIndicationName: E2SMPrintableStringType {
    public static let size: ClosedRange<Int>? = 1...150
    public static let isExtensible = true
    public var value: String
    public init(_ value: String) { self.value = value }
}

/// The SIZE bounds of E2SM-RC lists.
enum RCSize {
    /// maxnoofRICStyles
    static let styles: ClosedRange<Int> = 1...63
    /// maxnoofAssociatedRANParameters, maxnoofItemsinList, maxnoofParametersinStructure,
    /// maxnoofControlAction, maxnoofPolicyAction, maxnoofInsertIndication, maxnoofCallProcessTypes, …
    static let many: ClosedRange<Int> = 1...65535
    /// maxnoofRANOutcomeParameters
    static let outcomeParameters: ClosedRange<Int> = 1...255
    /// maxnoofMulCtrlActions
    static let multipleControlActions: ClosedRange<Int> = 1...63
}

extension APERDecoder {
    /// Reads an extensible SEQUENCE's extension additions when the extension bit was set,
    /// skipping them all (for types with no addition this version knows).
    mutating func skipExtensionAdditions(_ extended: Bool) throws {
        if extended { try decodeExtensionAdditions(known: 0) { _, _ in } }
    }

    /// The error for an extension alternative of a CHOICE that this version does not know.
    func unknownExtension(_ index: Int, _ typeName: String) -> APERError {
        APERError(.unknownAlternative(index), path: [typeName], bitOffset: position)
    }
}
