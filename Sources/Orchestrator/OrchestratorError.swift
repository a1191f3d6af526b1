import Bus
import Topology
import VNFPackage

/// Everything that stops a lab from being planned, started or torn down. Each case's text says
/// what to do next; ``exitCode`` is what the CLI exits with (docs/cli.md).
public enum OrchestratorError: Error, Sendable, CustomStringConvertible {
    /// The topology file is invalid (every problem, FILE:LINE:COL).
    case topology(TopologyErrors)
    /// A VNF package is missing or its manifest is invalid.
    case package(String)
    /// Trust checks refused packages; nothing was started.
    case trust([TrustError])
    /// Ports, paths or programs the plan needs are not available.
    case plan(String)
    /// A lab of that name is already running.
    case labExists(name: String, pid: Int32)
    /// No lab of that name.
    case noSuchLab(String)
    /// A process could not be started.
    case launch(node: String, reason: String)
    /// The lab could not be brought up (a node failed for good, or time ran out); it was torn down.
    case deployFailed(lab: String, detail: String)
    /// A detached orchestrator ended during deployment with `code`; `log` is the end of its log.
    case orchestratorExited(lab: String, code: Int32, log: String)
    /// Deployment did not complete in time.
    case timedOut(String)
    case bus(BusError)
    case runRecord(String)
    case io(String)

    public var description: String {
        switch self {
        case .topology(let e): "\(e)"
        case .package(let m): m
        case .trust(let errors):
            "refused by the trust checks, no process started:\n" + errors.map { "  \($0)" }.joined(separator: "\n")
        case .plan(let m): m
        case .labExists(let name, let pid):
            "lab '\(name)' is already deployed (orchestrator pid \(pid)); `ranlab destroy \(name)` first"
        case .noSuchLab(let name): "no lab named '\(name)' (see `ranlab inspect`)"
        case .launch(let node, let reason): "cannot start node \(node): \(reason)"
        case .deployFailed(let lab, let detail): "lab \(lab) did not deploy: \(detail)"
        case .orchestratorExited(let lab, let code, let log): "the orchestrator of lab \(lab) exited with \(code) during deployment:\n\(log)"
        case .timedOut(let m): m
        case .bus(let e): "\(e)"
        case .runRecord(let m): m
        case .io(let m): m
        }
    }

    /// CLI exit codes: 2 invalid input, 3 refused by trust, 4 launch/deploy failure, 5 no such lab / exists.
    public var exitCode: Int32 {
        switch self {
        case .topology, .package, .plan: 2
        case .trust: 3
        case .launch, .deployFailed, .timedOut, .bus, .runRecord, .io: 4
        case .labExists, .noSuchLab: 5
        case .orchestratorExited(_, let code, _): code
        }
    }
}
