extension PcapWriter {
    /// Opens a capture file for a channel, reporting failure as a ``BusError``.
    static func forChannel(_ path: String, _ endpoint: Endpoint) throws(BusError) -> PcapWriter {
        do { return try PcapWriter(path: path) } catch {
            throw .system(endpoint: endpoint.description, operation: "open capture", errno: 0, message: error.description)
        }
    }
}
