import Foundation
import Testing
@testable import Topology

/// The interfaces of the VNF packages the examples use (the real catalogue lives in VNFPackage).
let testCatalog = ClosureCatalog([
    "ranlab-ric": [VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"]), VNFInterface(name: "xapp", protocol: "xapp", transports: ["zmq"])],
    "ranlab-cu": [VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"]),
                  VNFInterface(name: "f1c", protocol: "F1AP", transports: ["sctp"])],
    "ranlab-du": [VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"]),
                  VNFInterface(name: "f1c", protocol: "F1AP", transports: ["sctp"]),
                  VNFInterface(name: "fh", protocol: "eCPRI", transports: ["zmq"])],
    "ranlab-ru-ue-emulator": [VNFInterface(name: "fh", protocol: "eCPRI", transports: ["zmq"])],
    // as in vnfs/acme-cu, vnfs/acme-du, vnfs/bravo-du, vnfs/ranlab-ru
    "acme-cu": [VNFInterface(name: "f1c", protocol: "f1c", transports: ["sctp"]), VNFInterface(name: "f1u", protocol: "f1u", transports: ["zmq"]),
                VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"])],
    "acme-du": [VNFInterface(name: "f1c", protocol: "f1c", transports: ["sctp"]), VNFInterface(name: "f1u", protocol: "f1u", transports: ["zmq"]),
                VNFInterface(name: "fh", protocol: "fh", transports: ["zmq"]), VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"])],
    "bravo-du": [VNFInterface(name: "f1c", protocol: "f1c", transports: ["sctp"]), VNFInterface(name: "f1u", protocol: "f1u", transports: ["zmq"]),
                 VNFInterface(name: "fh", protocol: "fh", transports: ["zmq"]), VNFInterface(name: "e2", protocol: "e2", transports: ["sctp"])],
    "ranlab-ru": [VNFInterface(name: "fh", protocol: "fh", transports: ["zmq"])],
    "slice-xapp": [VNFInterface(name: "ric", protocol: "xapp", transports: ["zmq"])],
    // as in vnfs/probe/vnf.yaml and vnfs/py-probe/vnf.yaml
    "probe": [VNFInterface(name: "e2", protocol: "e2", transports: ["zmq", "sctp"]),
              VNFInterface(name: "f1c", protocol: "f1c", transports: ["zmq", "sctp"]),
              VNFInterface(name: "fh", protocol: "fh", transports: ["zmq"]),
              VNFInterface(name: "ctl", protocol: "ctl", transports: ["zmq"])],
    "py-probe": [VNFInterface(name: "fh", protocol: "fh", transports: ["zmq"]),
                 VNFInterface(name: "e2", protocol: "e2", transports: ["zmq"])],
])

let testsDir: URL = {
    // resolve symlinks so the tests also find the repository when built from a scratch package
    let path = #filePath
    let real = realpath(path, nil).map { p in defer { free(p) }; return String(cString: p) } ?? path
    return URL(fileURLWithPath: real).deletingLastPathComponent()
}()
let repoRoot = testsDir.deletingLastPathComponent().deletingLastPathComponent()

func files(_ dir: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
        .filter { $0.hasSuffix(".ranlab.yaml") }.sorted().map { dir.appendingPathComponent($0).path }
}

func diagnostics(_ text: String, file: String = "t.ranlab.yaml", env: [String: String] = [:]) -> [String] {
    do {
        _ = try TopologyFile.parse(text, file: file, environment: env, catalog: testCatalog)
        return []
    } catch { return error.diagnostics.map(\.description) }
}

@Test func examplesLoad() throws {
    let examples = files(repoRoot.appendingPathComponent("topologies"))
    #expect(examples.count >= 2)
    for path in examples {
        do {
            _ = try TopologyFile.load(path: path, environment: [:], catalog: testCatalog)
        } catch {
            Issue.record("\(path): \(error)")
        }
    }
}

@Test func singleCellContents() throws {
    let t = try TopologyFile.load(path: repoRoot.appendingPathComponent("topologies/single-cell.ranlab.yaml").path,
                                  environment: ["UES": "64", "DU_VNF": "bravo-du"], catalog: testCatalog)
    #expect(t.name == "single-cell")
    #expect(t.nodes.map(\.name) == ["cu", "du", "ric", "ru"])
    #expect(t.node(named: "ru")?.config["ues"] == .int(64))
    #expect(t.node(named: "du")?.vnf == "bravo-du")
    #expect(t.node(named: "ru")?.config["channel"] == .string("walk 6-15"))
    #expect(t.node(named: "cu")?.config["plmn"] == .string("00101"))
    #expect(t.node(named: "cu")?.restart == RestartPolicy(mode: .never))
    #expect(t.links.count == 5)
    #expect(t.links[3].b == Endpoint(node: "ric", interface: "e2", port: 36421) && t.links[3].transport == .sctp)
    #expect(t.links[0].b == Endpoint(node: "cu", interface: "f1c", port: 38472) && t.links[0].transport == .sctp)
    #expect(t.links[2].a == Endpoint(node: "du", interface: "fh") && t.links[2].transport == .zmq)
    #expect(t.scenario == Scenario(duration: .slots(20000), seed: 7, time: .virtual, numerology: 0, lookahead: 4))
    #expect(t.trust == TrustPolicy(allowedProviders: ["acme", "bravo", "ranlab"], requireHashes: true, requireSignatures: false))
    #expect(t.dot().contains("\"du\" -> \"ru\" [dir=none, label=\"fh–fh (zmq)\"]"))
    #expect(t.mermaid().contains("du -.->|wait-for| cu"))
}

/// Every bad file starts with `# expect: FILE:LINE:COL: message` lines: exactly the diagnostics it must give.
@Test(arguments: files(testsDir.appendingPathComponent("bad")))
func badFile(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let expected = text.split(separator: "\n").prefix { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst(10)) }
    #expect(!expected.isEmpty, "no # expect: line")
    var actual: [String] = []
    do {
        _ = try TopologyFile.load(path: path, environment: [:], catalog: testCatalog)
    } catch {
        actual = error.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.message)" }
        #expect(error.description.contains(path))
    }
    #expect(actual == expected)
}

@Test func enoughBadFiles() {
    #expect(files(testsDir.appendingPathComponent("bad")).count >= 15)
}

@Test func allErrorsReportedTogether() {
    let d = diagnostics("""
    name: x
    nodes:
      a: {role: du, vnf: ranlab-du, colour: red}
      b: {role: nope, vnf: ranlab-du, wait-for: [zz]}
    links:
      - endpoints: [a:fh, c:fh]
        transport: carrier-pigeon
    """)
    #expect(d == [
        "t.ranlab.yaml:3:33: unknown key \"colour\" in node; allowed: role, vnf, config, env, restart, wait-for",
        "t.ranlab.yaml:4:13: invalid role \"nope\"; allowed: ric, xapp, core, cu, cu-cp, cu-up, du, ru, ue, emulator, tool",
        "t.ranlab.yaml:4:46: node \"b\" waits for unknown node \"zz\"; defined: a, b",
        "t.ranlab.yaml:6:23: link endpoint \"c:fh\" names undefined node \"c\"; defined: a, b",
        "t.ranlab.yaml:7:16: invalid transport \"carrier-pigeon\"; allowed: zmq, sctp",
    ])
}

@Test func environmentExpansion() throws {
    let text = """
    name: ${LAB:=lab}
    nodes:
      ric:
        role: ric
        vnf: ${RIC_VNF}
        config:
          e2-port: "${PORT:=36421}"
          level: ${LEVEL:=3}
          literal: "$${NOT}"
        env:
          HOME: ${HOME_DIR:=/tmp}
    """
    let t = try TopologyFile.parse(text, file: "t.ranlab.yaml", environment: ["RIC_VNF": "ranlab-ric", "LEVEL": "5"],
                                   catalog: testCatalog)
    #expect(t.name == "lab")
    #expect(t.nodes[0].vnf == "ranlab-ric")
    #expect(t.nodes[0].config["e2-port"] == .string("36421"))
    #expect(t.nodes[0].config["level"] == .int(5))
    #expect(t.nodes[0].config["literal"] == .string("${NOT}"))
    #expect(t.nodes[0].env["HOME"] == "/tmp")
    #expect(diagnostics(text) == [
        "t.ranlab.yaml:5:10: environment variable \"RIC_VNF\" is not set and has no default (write ${RIC_VNF:=value})",
    ])
    #expect(expandVariables("a${X:=1}b${Y}", ["Y": "2"]) == .success("a1b2"))
    #expect(expandVariables("${X", [:]) == .failure(.unterminated))
}

@Test func cyclePathIsReported() {
    let d = diagnostics("""
    name: x
    nodes:
      a: {role: cu, vnf: ranlab-cu, wait-for: [b]}
      b: {role: du, vnf: ranlab-du, wait-for: [c]}
      c: {role: du, vnf: ranlab-du, wait-for: [a]}
      d: {role: du, vnf: ranlab-du, wait-for: [d]}
    """)
    #expect(d == [
        "t.ranlab.yaml:5:44: wait-for cycle: a -> b -> c -> a",
        "t.ranlab.yaml:6:44: wait-for cycle: d -> d",
    ])
}

@Test func closureCatalogAndUnknownPackage() throws {
    let text = "name: x\nnodes:\n  a: {role: ric, vnf: mine}\n"
    let t = try TopologyFile.parse(text, file: "t", environment: [:], catalog: ClosureCatalog { name in
        name == "mine" ? [(name: "e2", protocol: "E2AP", transports: ["sctp"])] : nil
    })
    #expect(t.nodes[0].vnf == "mine")
    #expect(diagnostics(text) == ["t.ranlab.yaml:3:23: unknown VNF package \"mine\" for node \"a\""])
}

/// docs/topology.schema.json is generated from the parser's own key tables; regenerate with
/// `RANLAB_WRITE_SCHEMA=1 swift test --filter schemaMatches`.
@Test func schemaMatchesCommittedFile() throws {
    let url = repoRoot.appendingPathComponent("docs/topology.schema.json")
    let generated = TopologySchema.jsonSchema()
    if ProcessInfo.processInfo.environment["RANLAB_WRITE_SCHEMA"] == "1" {
        try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "docs/topology.schema.json is stale: run RANLAB_WRITE_SCHEMA=1 swift test --filter schemaMatches")
}
