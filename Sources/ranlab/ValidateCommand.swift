import ArgumentParser
import Foundation
import Orchestrator

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a topology file: syntax, semantics, VNF packages and trust. Starts nothing.",
        discussion: "Exit 0 when valid; 2 with every FILE:LINE:COL problem when not; 3 when packages fail the trust checks."
    )

    @Argument(help: "Topology file (*.ranlab.yaml).") var file: String
    @OptionGroup var lab: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let planner = lab.planner(near: file)
            let topology = try planner.loadTopology(path: file)
            let plan = try planner.plan(topology, root: lab.home)
            let packages = Set(plan.nodes.map(\.package)).count
            emit("\(file): valid — lab \(plan.lab), \(plan.nodes.count) nodes, \(plan.links.count) links, \(packages) packages verified")
        }
    }
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Draw a topology as Graphviz DOT or Mermaid.")

    @Argument(help: "Topology file.") var file: String
    @Flag(help: "Graphviz DOT (default).") var dot = false
    @Flag(help: "Mermaid flowchart.") var mermaid = false
    @OptionGroup var lab: LabOptions

    func validate() throws {
        if dot && mermaid { throw ValidationError("choose one of --dot and --mermaid") }
    }

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let topology = try lab.planner(near: file).loadTopology(path: file)
            print(mermaid ? topology.mermaid() : topology.dot(), terminator: "")
        }
    }
}
