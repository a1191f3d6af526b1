import Bus
import CProcessSupport
import DequeModule
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The VNF side of the plug-in contract (docs/plugin-contract.md) in one object: reads the node
/// config, holds the control channel (hello, status, heartbeats both ways, KPI samples, stop and
/// fault commands), exits when the orchestrator is gone, and opens the node's links as Bus channels.
///
/// A dedicated control thread owns the control socket; ``report(_:detail:)`` and ``emit(_:)`` only
/// queue a message and wake it, so they are cheap and safe from any thread.
public final class VNFRuntime: Sendable {
    public let config: NodeConfig

    private let control: ZMQChannel
    private let outbox = Mutex<Deque<ControlMessage>>([])
    private let stopFlag = Atomic<Bool>(false)
    private let stopSignal = DispatchSemaphore(value: 0)
    private let lastStatus = Mutex<VNFStatus>(.booting)
    private let terminalAck = DispatchSemaphore(value: 0)
    private let faultHandler = Mutex<(@Sendable (ControlMessage.Fault) -> Bool)?>(nil)
    private let openChannels = Mutex<[String: any BusChannel]>([:])
    private let listeners = Mutex<[String: SCTPListener]>([:])

    /// Reads the node config named by `RANLAB_NODE_CONFIG` and connects to the orchestrator.
    public static func start(environment: [String: String] = ProcessInfo.processInfo.environment) throws(VNFError) -> VNFRuntime {
        guard let path = environment[NodeConfig.environmentKey], !path.isEmpty else {
            throw .config("\(NodeConfig.environmentKey) is not set: this program is a ranlab VNF and is started by `ranlab deploy`")
        }
        return try VNFRuntime(config: NodeConfig.load(path: path))
    }

    /// Connects the control channel, says hello and BOOTING, and starts the control thread.
    public init(config: NodeConfig) throws(VNFError) {
        self.config = config
        Self.installSignalHandlers()
        do {
            control = try ZMQChannel.connect("zmq+" + config.control.address, .dealer) { o in
                o.routingID = Array(config.node.utf8)
                o.linger = .milliseconds(500)
                o.sendHighWaterMark = 100_000
                o.sendTimeout = .zero
            }
        } catch { throw .bus(error) }
        enqueue(.hello(node: config.node, pid: getpid(), instance: config.instance, contract: NodeConfig.contractVersion))
        enqueue(.status(.booting, detail: nil))
        let box = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        pthread_create(&tid, nil, { arg in
            let me = Unmanaged<VNFRuntime>.fromOpaque(arg!).takeRetainedValue()
            me.controlLoop()
            return nil
        }, box)
        pthread_detach(tid)
    }

    // MARK: reporting

    /// Reports a status change.
    public func report(_ status: VNFStatus, detail: String? = nil) {
        lastStatus.withLock { $0 = status }
        enqueue(.status(status, detail: detail))
    }

    public var status: VNFStatus { lastStatus.withLock { $0 } }

    /// Sends KPI samples (one control message for the batch).
    public func emit(_ samples: [KPISample]) {
        guard !samples.isEmpty else { return }
        enqueue(.kpis(samples))
    }

    public func emit(_ name: String, _ value: Double, labels: [String: String] = [:], slot: Int? = nil) {
        emit([KPISample(name: name, value: value, labels: labels, slot: slot, time: Date().timeIntervalSince1970)])
    }

    // MARK: stop and faults

    /// True once the orchestrator asked this VNF to stop (or SIGTERM arrived).
    public var stopRequested: Bool { stopFlag.load(ordering: .acquiring) }

    /// Waits until a stop is requested or `timeout` passes; true if a stop was requested.
    public func waitForStop(timeout: Duration) -> Bool {
        if stopRequested { return true }
        if stopSignal.wait(timeout: .now() + max(0, timeout.inSeconds)) == .success { stopSignal.signal() }
        return stopRequested
    }

    /// Handles faults the VNF implements itself (return true); the rest get the default handling
    /// (crash, exit, error, hang are built in; others are answered with `nack`).
    public func onFault(_ handler: @escaping @Sendable (ControlMessage.Fault) -> Bool) {
        faultHandler.withLock { $0 = handler }
    }

    /// Reports STOPPING and FINISHED, closes every link and exits with `code`.
    public func finish(exitCode code: Int32 = 0, detail: String? = nil) -> Never {
        if status != .stopping { report(.stopping, detail: detail) }
        closeLinks()
        report(.finished, detail: detail)
        awaitAckAndExit(code)
    }

    /// Reports ERROR with `detail` and exits 1.
    public func fail(_ detail: String) -> Never {
        FileHandle.standardError.write(Data("\(config.node): \(detail)\n".utf8))
        closeLinks()
        report(.error, detail: detail)
        awaitAckAndExit(1)
    }

    private let exiting = Atomic<Bool>(false)

    /// The one way out after a terminal status: wait (≤ 1 s) for the orchestrator's ack, then exit.
    /// A second caller (another thread also finishing) just parks: the first one exits the process.
    private func awaitAckAndExit(_ code: Int32) -> Never {
        if exiting.exchange(true, ordering: .acquiringAndReleasing) {
            while true { sleep(60) }
        }
        control.interrupt()
        _ = terminalAck.wait(timeout: .now() + 1)
        exit(code)
    }

    // MARK: links

    /// Opens one of the node's links as a Bus channel: ZeroMQ (socket type `zmqType`, bound or
    /// connected per the link's side), or SCTP: the connect side retries until `timeout` while the
    /// peer is not listening yet; the bind side listens (see ``listen(_:)``) and accepts one association.
    public func open(_ link: NodeConfig.Link, zmqType: ZMQSocketType = .pair, timeout: Duration = .seconds(10),
                     configure: (inout ChannelOptions) -> Void = { _ in }) throws(VNFError) -> any BusChannel {
        let channel: any BusChannel
        do throws(BusError) {
            let curve = try link.curveOptions()
            let secured: (inout ChannelOptions) -> Void = { o in
                if let curve { o.curve = curve }
                configure(&o)
            }
            switch (link.transport, link.side) {
            case ("zmq", .bind): channel = try ZMQChannel.bind(link.endpoint, zmqType, configure: secured)
            case ("zmq", .connect): channel = try ZMQChannel.connect(link.endpoint, zmqType, configure: secured)
            case ("sctp", .bind):
                let listener = try listen(link)
                guard let c = try listener.accept(timeout: timeout) else {
                    throw BusError.timedOut(endpoint: link.endpoint, operation: "accept from \(link.peer)")
                }
                channel = c
            case ("sctp", .connect): channel = try Self.connectSCTP(link.endpoint, timeout: timeout)
            default: throw .unsupported(endpoint: link.endpoint, operation: "open a \(link.transport) link")
            }
        } catch { throw .bus(error) }
        openChannels.withLock { $0[link.id] = channel }
        return channel
    }

    /// The SCTP listener of a `bind`-side SCTP link, listening from the first call on (call it
    /// before reporting READY so peers that wait for this node find it).
    /// Links to the same interface share one listener (one port): a server such as an F1-C CU
    /// accepts every peer's association on it, and the first link's capture option applies.
    public func listen(_ link: NodeConfig.Link) throws(BusError) -> SCTPListener {
        if let l = listeners.withLock({ $0[link.address] }) { return l }
        let l = try SCTPListener.listen(link.endpoint)
        listeners.withLock { $0[link.address] = l }
        return l
    }

    /// Closes one link opened with ``open(_:zmqType:timeout:configure:)``.
    public func close(link id: String) {
        openChannels.withLock { $0.removeValue(forKey: id) }?.close()
    }

    private func closeLinks() {
        let all = openChannels.withLock { c -> [any BusChannel] in defer { c.removeAll() }; return Array(c.values) }
        for c in all { c.close() }
        listeners.withLock { $0.removeAll() }
    }

    static func connectSCTP(_ endpoint: String, timeout: Duration) throws(BusError) -> SCTPChannel {
        let deadline = ContinuousClock.now + timeout
        while true {
            do { return try SCTPChannel.connect(endpoint) }
            catch {
                switch error {
                case .unreachable, .timedOut, .peerLost:
                    if ContinuousClock.now >= deadline { throw error }
                    usleep(50_000)
                default: throw error
                }
            }
        }
    }

    // MARK: control thread

    private func enqueue(_ m: ControlMessage) {
        outbox.withLock { $0.append(m) }
        control.interrupt()
    }

    private func controlLoop() {
        let interval = max(0.01, config.control.heartbeatInterval)
        let timeout = max(interval * 2, config.control.heartbeatTimeout)
        // Monotonic seconds: a wall-clock step must not look like a silent orchestrator.
        func now() -> Double { MonotonicClock.seconds() }
        var lastHeard = now()
        var lastSent = -Double.infinity
        var hung = false
        while true {
            if hung {
                // Silent, but never an orphan: still leave when the orchestrator is gone.
                usleep(100_000)
                if getppid() != config.orchestratorPID { orphaned("the orchestrator (pid \(config.orchestratorPID)) is gone") }
                continue
            }
            let received: Message?
            let wait = outbox.withLock { $0.isEmpty } ? interval : 0.005
            do { received = try control.receive(timeout: .milliseconds(Int64(wait * 1000))) }
            catch { orphaned("control channel failed: \(error)") }
            if let received {
                lastHeard = now()
                switch Result(catching: { () throws(ControlMessageError) in try ControlMessage.decode(received.bytes) }) {
                case .success(let m): hung = handle(m)
                case .failure(let e): FileHandle.standardError.write(Data("\(config.node): ignoring \(e)\n".utf8))
                }
                if hung { continue }
            }
            // Sends never block (send timeout zero): while the orchestrator is unreachable the
            // messages wait in the outbox and this loop keeps checking that it is still there.
            let pending = outbox.withLock { box -> [ControlMessage] in defer { box.removeAll() }; return Array(box) }
            for (k, m) in pending.enumerated() {
                do { try control.send(m.encoded()); lastSent = now() }
                catch {
                    if case .timedOut = error {
                        outbox.withLock { $0.insert(contentsOf: pending[k...], at: 0) }
                        break
                    }
                    orphaned("cannot send to the orchestrator: \(error)")
                }
            }
            let t = now()
            if t - lastSent >= interval {
                if (try? control.send(ControlMessage.heartbeat.encoded())) != nil { lastSent = t }
            }
            if t - lastHeard > timeout { orphaned("no word from the orchestrator for \(timeout) s") }
            if getppid() != config.orchestratorPID { orphaned("the orchestrator (pid \(config.orchestratorPID)) is gone") }
            if sigtermReceived.load(ordering: .relaxed) { requestStop() }
        }
    }

    /// Handles one command; returns true when the VNF was told to hang.
    private func handle(_ m: ControlMessage) -> Bool {
        switch m {
        case .heartbeat: return false
        case .stop: requestStop(); return false
        case .ack(let s):
            if s.isTerminal { terminalAck.signal() }
            return false
        case .fault(let f):
            if let h = faultHandler.withLock({ $0 }), h(f) { return false }
            switch f {
            case .crash: abort()
            case .exit(let code): _exit(code)
            case .error(let detail):
                // Through the outbox, so it goes out after anything queued before it.
                report(.error, detail: detail)
                Thread.detachNewThread { [self] in
                    closeLinks()
                    awaitAckAndExit(1)
                }
                return false
            case .hang: return true
            case .linkDown, .other:
                outbox.withLock { $0.append(.nack(command: "fault", reason: "fault '\(f.name)' is not implemented by \(config.package.name)")) }
                return false
            }
        default: return false
        }
    }

    private func requestStop() {
        if !stopFlag.exchange(true, ordering: .acquiringAndReleasing) {
            report(.stopping, detail: nil)
            stopSignal.signal()
        }
    }

    private func orphaned(_ why: String) -> Never {
        FileHandle.standardError.write(Data("\(config.node): exiting: \(why)\n".utf8))
        _exit(3)
    }

    // MARK: signals

    private static let handlersInstalled = Atomic<Bool>(false)

    private static func installSignalHandlers() {
        guard !handlersInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        signal(SIGTERM) { _ in sigtermReceived.store(true, ordering: .relaxed) }
        signal(SIGPIPE, SIG_IGN)
        // Belt and braces: the kernel's parent-death signal, and the control thread's getppid() check.
        _ = ranlab_set_parent_death_signal(SIGTERM)
    }
}

private let sigtermReceived = Atomic<Bool>(false)
