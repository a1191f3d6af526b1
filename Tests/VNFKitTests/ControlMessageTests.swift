import Foundation
import Testing
import VNFKit

struct ControlMessageTests {
    static let all: [ControlMessage] = [
        .hello(node: "du-1", pid: 4242, instance: 3, contract: 1),
        .status(.active, detail: nil),
        .status(.error, detail: "link l0 to ric:e2 lost"),
        .kpis([KPISample(name: "ranlab_du_dl_bytes_total", value: 1.5e9, labels: ["cell": "1", "ue": "17"], slot: 20480, time: 1_790_000_000.25),
               KPISample(name: "ranlab_probe_kpi_seq", value: 0)]),
        .nack(command: "fault", reason: "fault 'melt' is not implemented"),
        .heartbeat,
        .stop(reason: "lab is being destroyed", grace: 2.5),
        .fault(.crash), .fault(.exit(code: 7)), .fault(.error(detail: "injected")), .fault(.hang),
        .fault(.linkDown(link: "l3")), .fault(.other(name: "melt")),
        .ack(.finished),
    ]

    @Test("Every message kind survives encode → decode unchanged")
    func roundTrip() throws {
        for m in Self.all {
            #expect(try ControlMessage.decode(m.encoded()) == m, "\(m)")
        }
    }

    @Test("A sample JSON cannot carry (NaN, infinity) is left out of the batch, not sent as a made-up value")
    func nonFinite() throws {
        let m = ControlMessage.kpis([KPISample(name: "ok", value: 1, time: .infinity), KPISample(name: "bad", value: .nan)])
        #expect(try ControlMessage.decode(m.encoded()) == .kpis([KPISample(name: "ok", value: 1)]))
    }

    @Test("What a Python plug-in writes decodes: single kpi, integer values, extra keys, no contract in hello")
    func foreignSpelling() throws {
        let kpi = try ControlMessage.decode(Array(#"{"type":"kpi","name":"x_total","value":3,"labels":{"link":"l0"},"extra":[1]}"#.utf8))
        #expect(kpi == .kpis([KPISample(name: "x_total", value: 3, labels: ["link": "l0"])]))
        let hello = try ControlMessage.decode(Array(#"{"type":"hello","node":"py","pid":12,"instance":0}"#.utf8))
        #expect(hello == .hello(node: "py", pid: 12, instance: 0, contract: 1))
        // 0 and 1 are numbers, not booleans (on Linux both are NSNumber).
        let zero = try ControlMessage.decode(Array(#"{"type":"kpis","samples":[{"name":"a","value":0},{"name":"b","value":1}]}"#.utf8))
        #expect(zero == .kpis([KPISample(name: "a", value: 0), KPISample(name: "b", value: 1)]))
    }

    @Test("Malformed messages are typed errors naming the problem", arguments: [
        ("", "not JSON"), ("[1]", "not a JSON object"), (#"{"node":"x"}"#, "'type'"),
        (#"{"type":"status","status":"DANCING"}"#, "DANCING"), (#"{"type":"kpi","name":"a","value":true}"#, "finite number"),
        (#"{"type":"kpi","name":"a","value":"1"}"#, "finite number"), (#"{"type":"hello","node":"a","pid":1.5,"instance":0}"#, "integer"),
        (#"{"type":"hello","node":"a","pid":99999999999,"instance":0}"#, "out of range"), (#"{"type":"teleport"}"#, "teleport"),
        (#"{"type":"stop","grace":-1}"#, "grace"), (#"{"type":"fault","fault":"exit","code":256}"#, "0...255"), (#"{"type":"kpis","samples":[1]}"#, "object"),
    ])
    func malformed(_ input: String, _ mentions: String) {
        #expect {
            _ = try ControlMessage.decode(Array(input.utf8))
        } throws: { error in
            (error as? ControlMessageError)?.reason.contains(mentions) == true
        }
    }

    @Test("Any byte string decodes to a message or a ControlMessageError (20 000 random and mutated inputs)")
    func total() {
        var rng = SystemRandomNumberGenerator()
        let seeds = Self.all.map { $0.encoded() }
        for i in 0..<20_000 {
            var bytes: [UInt8]
            if i % 2 == 0 {
                bytes = (0..<Int.random(in: 0..<64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = seeds[i % seeds.count]
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            do { _ = try ControlMessage.decode(bytes) } catch { _ = error.reason }
        }
    }
}

struct NodeConfigTests {
    static func sample(contract: Int = 1) -> NodeConfig {
        var c = NodeConfig(lab: "l", node: "n", role: "du", run: 9, instance: 0,
                           package: .init(name: "probe", provider: "p", product: "probe", version: "1", directory: "/x"),
                           control: .init(address: "ipc:///tmp/c.sock", heartbeatInterval: 0.25, heartbeatTimeout: 2),
                           orchestratorPID: 1, labDirectory: "/tmp/l", scenario: .init(seed: 7, time: "virtual", slots: 100),
                           config: ["kpi-interval": .string("100ms"), "ues": .int(16), "tags": .array([.bool(true), .null]),
                                    "cell": .object(["pci": .int(1), "gain": .double(2.5)])],
                           links: [.init(id: "l0", interface: "fh", peer: "ru:fh", transport: "zmq", side: .bind,
                                         endpoint: "zmq+ipc:///tmp/l0.sock?delay=1ms", address: "ipc:///tmp/l0.sock")])
        c.contract = contract
        return c
    }

    @Test("A node config round-trips through its JSON file form")
    func roundTrip() throws {
        let c = Self.sample()
        #expect(try NodeConfig.decode(c.encoded(), file: "node.json") == c)
    }

    @Test("A newer contract, a missing key and a wrong type are refused with what is wrong")
    func refused() throws {
        #expect { try NodeConfig.decode(Self.sample(contract: 2).encoded(), file: "n.json") } throws: { "\($0)".contains("contract 2") }
        var o = try JSONSerialization.jsonObject(with: Self.sample().encoded()) as! [String: Any]
        o.removeValue(forKey: "control")
        let missing = try JSONSerialization.data(withJSONObject: o)
        #expect { try NodeConfig.decode(missing, file: "n.json") } throws: { "\($0)".contains("control") }
        o = try JSONSerialization.jsonObject(with: Self.sample().encoded()) as! [String: Any]
        o["instance"] = "zero"
        #expect { try NodeConfig.decode(JSONSerialization.data(withJSONObject: o), file: "n.json") } throws: { "\($0)".contains("instance") }
        #expect { try NodeConfig.decode(Data("{".utf8), file: "n.json") } throws: { "\($0)".contains("n.json") }
    }
}

@Suite struct KPIBatchEncodingTests {
    /// KPI batches have their own JSON writer (speed): it must say exactly what the general one
    /// would — names and labels with quotes, backslashes and control characters, extreme numbers.
    @Test func kpiBatchesRoundTripThroughTheFastWriter() throws {
        let samples = [
            KPISample(name: "ranlab_cell_downlink_throughput_bits_per_second", value: 1.5e6, labels: ["cell": "1"], slot: 99),
            KPISample(name: "odd \"name\"\\\n\t\u{1}", value: -0.000123, labels: ["q\"k": "v\\\u{7}", "é": "ü"], slot: nil, time: 1_700_000_000.25),
            KPISample(name: "big", value: 1e300, labels: [:], slot: 1 << 40),
            KPISample(name: "tiny", value: 5e-324),
        ]
        let bytes = ControlMessage.kpis(samples).encoded()
        #expect(try JSONSerialization.jsonObject(with: Data(bytes)) is [String: Any])
        guard case .kpis(let back) = try ControlMessage.decode(bytes) else { Issue.record("not kpis"); return }
        #expect(back == samples)
        // Non-finite values are left out, as by the general writer.
        guard case .kpis(let finite) = try ControlMessage.decode(ControlMessage.kpis([KPISample(name: "x", value: .nan), samples[0]]).encoded()) else { return }
        #expect(finite == [samples[0]])
    }
}
