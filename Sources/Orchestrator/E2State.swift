import Foundation

/// What a RIC in the lab reports about E2 (the state file `<lab>/e2/<ric node>.json` that
/// `ranlab-ric` keeps): each E2 node's setup state and RAN functions, the subscriptions and who
/// owns them, the connected xApps. `ranlab inspect` shows it.
public struct E2State: Codable, Sendable, Equatable {
    public struct Function: Codable, Sendable, Equatable {
        public var id: Int
        public var oid: String
    }
    public struct Subscription: Codable, Sendable, Equatable {
        public var requestor: Int
        public var instance: Int
        public var function: Int
        public var xapp: String
        public var state: String
    }
    public struct Node: Codable, Sendable, Equatable {
        public var name: String
        public var id: String
        /// "set up", "lost" or "not connected".
        public var state: String
        public var setups: Int
        public var functions: [Function]
        public var subscriptions: [Subscription]
    }
    public struct XApp: Codable, Sendable, Equatable {
        public var name: String
        public var requestor: Int
    }
    public var ric: String
    public var xappAddress: String
    public var nodes: [Node]
    public var xapps: [XApp]

    enum CodingKeys: String, CodingKey {
        case ric, nodes, xapps
        case xappAddress = "xapp-address"
    }

    /// Every RIC's state in a lab directory (none when the lab has no RIC); unreadable files are skipped.
    public static func read(in directory: LabDirectory) -> [E2State] {
        let folder = directory.url.appendingPathComponent("e2", isDirectory: true)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        return files.compactMap { f in
            (try? Data(contentsOf: folder.appendingPathComponent(f))).flatMap { try? JSONDecoder().decode(E2State.self, from: $0) }
        }
    }
}
