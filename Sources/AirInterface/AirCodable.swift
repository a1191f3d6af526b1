/// A value with a fixed binary layout in the air-interface encoding (no header; that is `AirFormat`'s).
protocol AirCodable {
    /// Bytes of the smallest encoding (every list empty): what a count of items must leave room for.
    static var minimumEncodedSize: Int { get }
    /// Bytes `write(to:)` appends.
    var encodedSize: Int { get }
    init(reading r: inout AirReader) throws(AirInterfaceError)
    func write(to w: inout AirWriter)
}
