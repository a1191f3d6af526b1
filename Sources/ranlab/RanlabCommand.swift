import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to stdout unbuffered, so a parent process reading our pipe sees it at once.
func emit(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { buf in
        var off = 0
        while off < buf.count {
            let n = write(1, buf.baseAddress! + off, buf.count - off)
            if n <= 0 { return }
            off += n
        }
    }
}

@main
struct RanlabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranlab",
        abstract: "Open RAN testbed: VNFs as real processes over ZeroMQ and SCTP.",
        subcommands: [ValidateCommand.self, DeployCommand.self, RunCommand.self, InspectCommand.self, DestroyCommand.self, LogsCommand.self,
                      GraphCommand.self, RunsCommand.self, FaultCommand.self, BusCommand.self, PDUCommand.self]
    )
}

struct BusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bus",
        abstract: "The message bus: demo, peer, keys.",
        subcommands: [BusDemoCommand.self, BusPeerCommand.self, BusKeysCommand.self]
    )
}
