import RanlabTestSupport
import Testing

@testable import Bus

@Suite("Endpoint and options parsing")
struct EndpointTests {
    @Test("Every transport's URL form parses into its parts")
    func validForms() throws {
        let tcp = try Endpoint("zmq+tcp://127.0.0.1:5000")
        #expect(tcp.transport == .zmqTCP && tcp.host == "127.0.0.1" && tcp.port == 5000)
        #expect(tcp.zmqAddress == "tcp://127.0.0.1:5000")
        let ipc = try Endpoint("zmq+ipc:///tmp/ranlab/fh0")
        #expect(ipc.transport == .zmqIPC && ipc.path == "/tmp/ranlab/fh0" && ipc.zmqAddress == "ipc:///tmp/ranlab/fh0")
        let inproc = try Endpoint("zmq+inproc://clock")
        #expect(inproc.transport == .zmqInproc && inproc.path == "clock")
        let sctp = try Endpoint("sctp://127.0.0.1:38472?streams=4&udp=9899")
        #expect(sctp.transport == .sctp && sctp.port == 38472 && sctp.option("streams") == "4" && sctp.option("udp") == "9899")
        let v6 = try Endpoint("zmq+tcp://[::1]:7000")
        #expect(v6.host == "::1" && v6.zmqAddress == "tcp://[::1]:7000")
        #expect(try Endpoint(sctp.description) == sctp)
    }

    @Test("Options in the query become typed settings")
    func options() throws {
        let o = try ChannelOptions(endpoint: Endpoint(
            "sctp://127.0.0.1:1?streams=8&udp=9000&delay=5ms&jitter=200us&loss=10%&duplicate=0.01&reorder=2%&rate=100Mbit&seed=42&hwm=77&max-message=1024&heartbeat=250ms&capture=/tmp/x.pcap&encap=ecpri"))
        #expect(o.sctpStreams == 8 && o.sctpUDPPort == 9000)
        #expect(o.impairment.delay == .milliseconds(5) && o.impairment.jitter == .microseconds(200))
        #expect(o.impairment.loss == 0.1 && o.impairment.duplicate == 0.01 && o.impairment.reorder == 0.02)
        #expect(o.impairment.rateBitsPerSecond == 100_000_000 && o.impairment.seed == 42)
        #expect(o.sendHighWaterMark == 77 && o.receiveHighWaterMark == 77 && o.maxMessageSize == 1024)
        #expect(o.heartbeat == .milliseconds(250))
        #expect(o.capturePath == "/tmp/x.pcap" && o.captureEncapsulation == .ethernet(etherType: 0xAEFE))
    }

    @Test("Bad endpoint strings give a typed error that says why", arguments: [
        ("", "missing '://'"),
        ("tcp://1.2.3.4:5", "unknown transport"),
        ("zmq+tcp://127.0.0.1", "missing ':PORT'"),
        ("zmq+tcp://127.0.0.1:70000", "not a number in 0...65535"),
        ("zmq+tcp://127.0.0.1:-1", "not a number"),
        ("zmq+tcp://:5000", "missing host"),
        ("zmq+tcp://[::1:5000", "unterminated IPv6"),
        ("zmq+ipc://", "missing socket path"),
        ("zmq+inproc://", "missing inproc name"),
        ("sctp://127.0.0.1:0", "port 0"),
        ("sctp://127.0.0.1:38472?streams", "has no value"),
        ("sctp://127.0.0.1:38472?bogus=1", "unknown option 'bogus'"),
        ("sctp://127.0.0.1:38472?streams=0", "streams=0 is invalid"),
        ("sctp://127.0.0.1:38472?loss=150%", "loss=150% is invalid"),
        ("sctp://127.0.0.1:38472?delay=fast", "delay=fast is invalid"),
        ("sctp://127.0.0.1:38472?rate=-5Mbit", "rate=-5Mbit is invalid"),
        ("sctp://127.0.0.1:38472?udp=1&udp=2", "given twice"),
        ("zmq+ipc:///" + String(repeating: "a", count: 200), "at most 107"),
    ])
    func badEndpoints(input: String, reason: String) {
        do throws(BusError) {
            let ep = try Endpoint(input)
            _ = try ChannelOptions(endpoint: ep)
            Issue.record("\(input) parsed")
        } catch {
            guard case let .invalidEndpoint(echo, why) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(echo == input || input.isEmpty == false)
            #expect(why.contains(reason), "\(why)")
            #expect(error.description.contains("Expected one of"))
        }
    }

    @Test("Random byte strings never crash the parser")
    func randomInputs() {
        var rng = SplitMix64(seed: 99)
        let alphabet = Array("zmq+tcpipcinprocsctp:/[]?&=%.0123456789abcxyz\u{0}é".unicodeScalars)
        var parsed = 0
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 40)
            var s = ""
            for _ in 0..<n { s.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            if Bool.random() { s = ["zmq+tcp://", "sctp://", "zmq+ipc://", "zmq+inproc://"][Int(rng.next() % 4)] + s }
            do throws(BusError) {
                let ep = try Endpoint(s)
                _ = try ChannelOptions(endpoint: ep)
                parsed += 1
            } catch {
                guard case .invalidEndpoint = error else {
                    Issue.record("unexpected error type for \(s): \(error)")
                    return
                }
            }
        }
        #expect(parsed > 0)
    }

    @Test("Durations, probabilities and rates parse with their units")
    func units() {
        #expect(ChannelOptions.parseDuration("1.5s") == .milliseconds(1500))
        #expect(ChannelOptions.parseDuration("250us") == .microseconds(250))
        #expect(ChannelOptions.parseDuration("10") == nil)
        #expect(ChannelOptions.parseProbability("0.25") == 0.25)
        #expect(ChannelOptions.parseProbability("1.01") == nil)
        #expect(ChannelOptions.parseRate("1Gbit") == 1_000_000_000)
        #expect(ChannelOptions.parseRate("500kbit") == 500_000)
        #expect(ChannelOptions.parseRate("0bit") == nil)
    }
}
