import ArgumentParser
import Foundation
import Orchestrator

/// Where labs, packages and ranlab's own programs are; every flag can also come from the
/// environment (RANLAB_HOME, RANLAB_VNFS, RANLAB_TRUST, RANLAB_BIN_DIR).
struct LabOptions: ParsableArguments {
    @Option(name: .customLong("home"), help: "Folder of lab directories and the run record (env RANLAB_HOME).")
    var home: String = ProcessInfo.processInfo.environment["RANLAB_HOME"] ?? ".ranlab"

    @Option(name: .customLong("vnfs"), help: "Folder of VNF packages (env RANLAB_VNFS; default: ./vnfs, else vnfs/ beside or above the topology file).")
    var vnfsOption: String = ProcessInfo.processInfo.environment["RANLAB_VNFS"] ?? ""

    @Option(name: .customLong("trust"), help: "Trust store: a provider key file or a folder of them (env RANLAB_TRUST; default: <vnfs>/trust).")
    var trustOption: String = ProcessInfo.processInfo.environment["RANLAB_TRUST"] ?? ""

    var vnfs: String? { vnfsOption.isEmpty ? nil : vnfsOption }
    var trust: String? { trustOption.isEmpty ? nil : trustOption }

    /// The folder of the running ranlab binary, where `@bin/NAME` programs are built.
    var binDirectory: String {
        if let d = ProcessInfo.processInfo.environment["RANLAB_BIN_DIR"], !d.isEmpty { return d }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }

    func packagesDirectory(near topology: String?) -> String {
        if let vnfs { return vnfs }
        var candidates = ["vnfs"]
        if let topology {
            let dir = (URL(fileURLWithPath: topology).standardizedFileURL.path as NSString).deletingLastPathComponent
            candidates += [dir + "/vnfs", (dir as NSString).deletingLastPathComponent + "/vnfs"]
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? "vnfs"
    }

    func planner(near topology: String?) -> Planner {
        Planner(packagesDirectory: packagesDirectory(near: topology), trustStorePath: trust, binDirectory: binDirectory)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Runs a lab command, turning an OrchestratorError into its message and exit code.
func orchestrated(_ body: () throws(OrchestratorError) -> Void) throws {
    do { try body() } catch {
        FileHandle.standardError.write(Data("ranlab: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

func printJSON<T: Encodable>(_ value: T) {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    if let d = try? e.encode(value) { emit(String(decoding: d, as: UTF8.self)) }
}

/// A fixed-width text table.
func table(_ header: [String], _ rows: [[String]]) -> String {
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, c in i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
}
