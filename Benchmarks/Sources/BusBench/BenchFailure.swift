import Bus

/// A measurement that could not be made; the run stops with its message.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// A ranlab call that failed, with what was being measured.
    init(_ error: BusError, while what: String) { description = "ranlab \(what): \(error)" }
}
