import Bus
import Foundation
import Synchronization

/// The RIC's one serving thread. It waits on the xApp ROUTER and on every E2 association's
/// readiness descriptor at once (one zmq_poll), so an indication goes from the SCTP stack to
/// the xApp socket on this thread: no handoff between RIC threads, and sixteen nodes cost no
/// more threads than one. Only accepting associations happens elsewhere (``adopt(_:)``).
final class RICLoop: @unchecked Sendable {
    let core: RICCore
    let port: XAppPort
    private var associations: [E2Association] = []
    private let arrivals = Mutex<[SCTPChannel]>([])
    /// Messages taken from one association or from the xApps before looking at the others.
    static let batch = 64
    /// Every association is read at least this often, even without a readiness signal
    /// (usrsctp's callback has been seen to miss under heavy load).
    static let sweepNanoseconds: UInt64 = 20_000_000

    init(core: RICCore, port: XAppPort) {
        self.core = core
        self.port = port
    }

    /// Hands a newly accepted association to the loop (any thread).
    func adopt(_ channel: SCTPChannel) {
        arrivals.withLock { $0.append(channel) }
        port.router.interrupt()
    }

    /// Serves until ``XAppPort/stop()``; `housekeeping` runs every `every` seconds.
    func run(every: Double, housekeeping: () -> Void) {
        port.adoptCurrentThread()
        var next = RICCore.now() + every
        var nextSweep = MonotonicClock.now()
        var busy: Set<ObjectIdentifier> = []
        while !port.stopRequested {
            for c in arrivals.withLock({ a in defer { a.removeAll() }; return a }) {
                associations.append(E2Association(channel: c, core: core))
                busy.insert(ObjectIdentifier(associations.last!))   // read at once: the setup may already be there
            }
            let descriptors = associations.map { $0.channel.readinessDescriptor }
            let holding = associations.contains { $0.channel.isHoldingInput }
            let timeout: Duration = !busy.isEmpty ? .zero : holding ? .milliseconds(1) : .nanoseconds(Int64(Self.sweepNanoseconds))
            let ready: [Int32]
            do { ready = try port.router.waitForInput(watching: descriptors, timeout: timeout) } catch {
                FileHandle.standardError.write(Data("\(core.runtime.config.node): xApp port: \(error)\n".utf8))
                break
            }
            // xApps first (controls and subscriptions are rare and urgent), at most a batch.
            for _ in 0..<Self.batch {
                guard let frames = try? port.router.receiveMultipart(timeout: .zero) else { break }
                core.fromXApp(frames)
            }
            let now = MonotonicClock.now()
            let all = now >= nextSweep || holding
            if all { nextSweep = now + Self.sweepNanoseconds }
            let readySet = Set(ready)
            var stillBusy: Set<ObjectIdentifier> = []
            for (a, fd) in zip(associations, descriptors) where all || readySet.contains(fd) || busy.contains(ObjectIdentifier(a)) {
                if a.serve(limit: Self.batch) { stillBusy.insert(ObjectIdentifier(a)) }
            }
            busy = stillBusy
            if associations.contains(where: \.ended) { associations.removeAll(where: \.ended) }
            port.flush()
            if RICCore.now() >= next {
                housekeeping()
                next = RICCore.now() + every
            }
        }
        for a in associations { a.end(reason: "the RIC is stopping") }
        for c in arrivals.withLock({ $0 }) { c.close() }
        port.close()
    }
}
