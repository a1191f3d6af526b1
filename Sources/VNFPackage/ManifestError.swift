/// A manifest that could not be read or does not follow the schema. Every problem found in
/// one pass is listed, each as `FILE:LINE:COL: message` (line and column from the YAML marks,
/// both counted from 1).
public struct ManifestError: Error, CustomStringConvertible, Sendable, Hashable {
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var message: String

        public init(file: String, line: Int?, column: Int?, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String {
            if let line, let column { return "\(file):\(line):\(column): \(message)" }
            return "\(file): \(message)"
        }
    }

    public var issues: [Issue]

    public init(issues: [Issue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
