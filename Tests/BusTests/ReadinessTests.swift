import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

/// One thread serving a ZeroMQ socket and many SCTP associations (what the RIC does):
/// `ZMQChannel.waitForInput(watching:)` over SCTP readiness descriptors.
@Suite("Serving many channels on one thread")
struct ReadinessTests {
    @Test("An SCTP message wakes waitForInput through its association's readiness descriptor; so do ZeroMQ input and interrupt()")
    func sctpReadinessWakesTheZeroMQWait() throws {
        let listener = try SCTPListener.listen("sctp://127.0.0.1:\(TestPorts.next())")
        defer { listener.close() }
        let udp = listener.udpEncapsulationPort.map { "?udp=\($0)" } ?? ""
        let clientA = try SCTPChannel.connect("sctp://127.0.0.1:\(listener.endpoint.port)\(udp)")
        let serverA = try #require(try listener.accept(timeout: .seconds(5)))
        let clientB = try SCTPChannel.connect("sctp://127.0.0.1:\(listener.endpoint.port)\(udp)")
        let serverB = try #require(try listener.accept(timeout: .seconds(5)))
        defer { [clientA, clientB, serverA, serverB].forEach { $0.close() } }
        let inbox = try ZMQChannel.bind("zmq+inproc://readiness-\(UUID().uuidString)", .pull)
        defer { inbox.close() }
        let fdA = serverA.readinessDescriptor, fdB = serverB.readinessDescriptor
        #expect(fdA >= 0 && fdB >= 0 && fdA != fdB)
        // Whatever arrived so far (association set-up) is taken first.
        for s in [serverA, serverB] {
            s.acknowledgeReadiness()
            while try s.receive(timeout: .zero) != nil {}
        }

        // B sends from another thread a little later; only B's descriptor can announce it.
        let sender = TestThread<Bool> {
            usleep(100_000)
            try clientB.send([7, 7], info: MessageInfo(ppid: 70))
            return true
        }
        let deadline = Date().addingTimeInterval(10)
        var got: [UInt8]?
        while got == nil, Date() < deadline {
            let ready = try inbox.waitForInput(watching: [fdA, fdB], timeout: .seconds(10))
            guard ready.contains(fdB) else { continue }
            serverB.acknowledgeReadiness()
            got = try serverB.receive(timeout: .zero)?.bytes
        }
        #expect(try sender.join())
        #expect(got == [7, 7], "the SCTP message never made its association's descriptor readable")
        #expect(try serverA.receive(timeout: .zero) == nil)

        // ZeroMQ input on the socket itself ends the wait too (it returns no descriptor for it).
        let pusher = try ZMQChannel.connect(inbox.endpoint.description, .push)
        defer { pusher.close() }
        try pusher.send([1])
        var fromZMQ: [UInt8]?
        while fromZMQ == nil, Date() < deadline.addingTimeInterval(5) {
            _ = try inbox.waitForInput(watching: [fdA, fdB], timeout: .seconds(5))
            fromZMQ = try inbox.receive(timeout: .zero)?.bytes
        }
        #expect(fromZMQ == [1])

        // interrupt() from another thread releases a wait that nothing else would end.
        let interrupter = TestThread<Bool> {
            usleep(100_000)
            inbox.interrupt()
            return true
        }
        serverA.acknowledgeReadiness()
        serverB.acknowledgeReadiness()
        let started = Date()
        _ = try inbox.waitForInput(watching: [], timeout: .seconds(30))
        #expect(try interrupter.join())
        #expect(Date().timeIntervalSince(started) < 29, "interrupt() did not end the wait")
    }
}
