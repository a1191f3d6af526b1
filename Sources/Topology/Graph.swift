extension Topology {
    /// Graphviz DOT of nodes (with role and VNF), links (labelled with interfaces and transport) and wait-for edges (dashed).
    public func dot() -> String {
        var s = "digraph \"\(name)\" {\n  rankdir=LR;\n  node [shape=box];\n"
        for n in nodes { s += "  \"\(n.name)\" [label=\"\(n.name)\\n\(n.role.rawValue) · \(n.vnf)\"];\n" }
        for l in links {
            s += "  \"\(l.a.node)\" -> \"\(l.b.node)\" [dir=none, label=\"\(l.a.interface)–\(l.b.interface) (\(l.transport.rawValue))\"];\n"
        }
        for n in nodes { for w in n.waitFor { s += "  \"\(n.name)\" -> \"\(w)\" [style=dashed, label=\"wait-for\"];\n" } }
        return s + "}\n"
    }

    /// Mermaid flowchart of the same graph.
    public func mermaid() -> String {
        func id(_ n: String) -> String { n.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined() }
        var s = "flowchart LR\n"
        for n in nodes { s += "  \(id(n.name))[\"\(n.name)<br/>\(n.role.rawValue) · \(n.vnf)\"]\n" }
        for l in links { s += "  \(id(l.a.node)) ---|\"\(l.a.interface)–\(l.b.interface) (\(l.transport.rawValue))\"| \(id(l.b.node))\n" }
        for n in nodes { for w in n.waitFor { s += "  \(id(n.name)) -.->|wait-for| \(id(w))\n" } }
        return s
    }
}
