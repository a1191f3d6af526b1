/// A bus endpoint written as a URL.
///
///     zmq+tcp://127.0.0.1:5000
///     zmq+ipc:///tmp/ranlab/fh0
///     zmq+inproc://clock
///     sctp://127.0.0.1:38472?streams=4&udp=9899
///
/// Query parameters carry channel options; see ``ChannelOptions`` for the keys.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Transport: String, Sendable, CaseIterable {
        case zmqTCP = "zmq+tcp"
        case zmqIPC = "zmq+ipc"
        case zmqInproc = "zmq+inproc"
        case sctp = "sctp"

        public var isZeroMQ: Bool { self != .sctp }
    }

    public var transport: Transport
    /// Host for tcp/sctp ("" otherwise).
    public var host: String
    /// Port for tcp/sctp (0 otherwise). For a ZMQ bind, 0 is not allowed; pick a port.
    public var port: UInt16
    /// Path for ipc, name for inproc ("" otherwise).
    public var path: String
    /// Query parameters in the order written.
    public var query: [(key: String, value: String)]

    public init(transport: Transport, host: String = "", port: UInt16 = 0, path: String = "", query: [(key: String, value: String)] = []) {
        self.transport = transport
        self.host = host
        self.port = port
        self.path = path
        self.query = query
    }

    /// Parses an endpoint URL; any malformed input yields ``BusError/invalidEndpoint(input:reason:)``.
    public init(_ text: String) throws(BusError) {
        func fail(_ reason: String) -> BusError { .invalidEndpoint(input: text, reason: reason) }
        guard let schemeEnd = Self.find("://", in: text) else {
            throw fail("missing '://' after the transport")
        }
        let scheme = String(text[..<schemeEnd.lowerBound]).lowercased()
        guard let transport = Transport(rawValue: scheme) else {
            let known = Transport.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("unknown transport '\(scheme)' (known: \(known))")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query: [(key: String, value: String)] = []
        if let q = rest.firstIndex(of: "?") {
            let queryText = rest[rest.index(after: q)...]
            rest = rest[..<q]
            for item in queryText.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(parts[0])
                guard !key.isEmpty else { throw fail("empty option name in query") }
                guard parts.count == 2 else { throw fail("option '\(key)' has no value (write \(key)=VALUE)") }
                if query.contains(where: { $0.key == key }) { throw fail("option '\(key)' given twice") }
                query.append((key, String(parts[1])))
            }
        }
        self.transport = transport
        self.query = query
        self.host = ""
        self.port = 0
        self.path = ""
        switch transport {
        case .zmqTCP, .sctp:
            let authority = String(rest)
            guard !authority.isEmpty else { throw fail("missing HOST:PORT") }
            let hostPart: Substring
            let portPart: Substring
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { throw fail("unterminated IPv6 literal") }
                hostPart = authority[authority.index(after: authority.startIndex)..<close]
                let after = authority[authority.index(after: close)...]
                guard after.hasPrefix(":") else { throw fail("missing ':PORT' after the IPv6 literal") }
                portPart = after.dropFirst()
            } else {
                guard let colon = authority.lastIndex(of: ":") else { throw fail("missing ':PORT'") }
                hostPart = authority[..<colon]
                portPart = authority[authority.index(after: colon)...]
            }
            guard !hostPart.isEmpty else { throw fail("missing host") }
            guard !hostPart.contains("/") else { throw fail("host '\(hostPart)' contains '/'") }
            guard !portPart.isEmpty, portPart.allSatisfy(\.isASCII), portPart.allSatisfy(\.isNumber),
                  let portNumber = Int(portPart), portNumber <= 65535
            else { throw fail("port '\(portPart)' is not a number in 0...65535") }
            if transport == .sctp && portNumber == 0 { throw fail("SCTP port 0 is not allowed; give a port") }
            self.host = String(hostPart)
            self.port = UInt16(portNumber)
        case .zmqIPC:
            guard !rest.isEmpty else { throw fail("missing socket path (zmq+ipc:///absolute/path)") }
            guard rest.utf8.count < 108 else { throw fail("ipc path is \(rest.utf8.count) bytes; Unix sockets allow at most 107") }
            self.path = String(rest)
        case .zmqInproc:
            guard !rest.isEmpty else { throw fail("missing inproc name") }
            self.path = String(rest)
        }
        if text.utf8.contains(0) { throw fail("contains a NUL byte") }
    }

    private static func find(_ needle: String, in text: String) -> Range<String.Index>? {
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(needle) { return i..<text.index(i, offsetBy: needle.count) }
            i = text.index(after: i)
        }
        return nil
    }

    /// The address string libzmq expects (no query).
    var zmqAddress: String {
        switch transport {
        case .zmqTCP: return host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
        case .zmqIPC: return "ipc://\(path)"
        case .zmqInproc: return "inproc://\(path)"
        case .sctp: return "sctp://\(host):\(port)"
        }
    }

    /// The value of a query option, if given.
    public func option(_ key: String) -> String? { query.first { $0.key == key }?.value }

    public var description: String {
        var s = zmqAddress
        if transport.isZeroMQ { s = "zmq+" + s }
        if !query.isEmpty { s += "?" + query.map { "\($0.key)=\($0.value)" }.joined(separator: "&") }
        return s
    }

    public static func == (a: Endpoint, b: Endpoint) -> Bool { a.description == b.description }
    public func hash(into h: inout Hasher) { h.combine(description) }
}
