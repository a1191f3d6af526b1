import APER
import Bus
import DequeModule
import E2AP
import Foundation
import Synchronization
import VNFKit

/// The E2 side of an E2 node (CU, DU, …): one SCTP association to the near-RT RIC (PPID 70),
/// E2 Setup with the node's RAN functions and component configuration, reconnect with backoff and
/// a new E2 Setup after the RIC is lost, ErrorIndication for PDUs it cannot take.
///
/// The association lives on the agent's own thread; the VNF's loop (its slot loop, say) calls
/// ``poll()`` for what the RIC asked (subscriptions, deletions, controls) and answers through
/// ``send(_:)``, so a RAN function handler runs on the VNF's thread next to the state it reads.
public final class E2Agent: @unchecked Sendable {
    public struct Options: Sendable {
        public var ppid: UInt32 = 70
        public var firstBackoff: Duration = .milliseconds(100)
        public var maxBackoff: Duration = .seconds(5)
        /// How long to wait for the E2 Setup answer before trying again.
        public var setupTimeout: Duration = .seconds(5)
        public init() {}
    }

    /// What the RIC asked for, in arrival order.
    public enum Event: Sendable {
        /// E2 Setup completed (the `generation`-th time): earlier subscriptions are gone.
        case setUp(generation: Int, response: E2setupResponse)
        /// The RIC refused E2 Setup; the agent retries after `timeToWait` or its backoff.
        case refused(Cause)
        /// The association is gone (the agent reconnects): every subscription ended with it.
        case lost(String)
        case subscription(RICsubscriptionRequest)
        case deletion(RICsubscriptionDeleteRequest)
        case control(RICcontrolRequest)
    }

    public let link: NodeConfig.Link
    public let nodeID: GlobalE2nodeID
    public let functions: [RANfunctionItem]
    public let components: [E2nodeComponentConfigItem]
    public let options: Options

    /// The node's name (log lines).
    public let name: String
    private let events = Mutex(Deque<Event>())
    private let channel = Mutex<SCTPChannel?>(nil)
    private let stopped = Atomic<Bool>(false)
    private let setUpFlag = Atomic<Bool>(false)
    private let setupsDone = Atomic<Int>(0)
    private let thread = Mutex<pthread_t?>(nil)
    private let ended = DispatchSemaphore(value: 0)
    private var transaction = 0

    /// - Parameters:
    ///   - name: the node's name, for its log lines.
    ///   - link: the E2 link (its `endpoint` is the RIC's SCTP address).
    public init(name: String, link: NodeConfig.Link, nodeID: GlobalE2nodeID, functions: [RANfunctionItem],
                components: [E2nodeComponentConfigItem] = [], options: Options = Options()) {
        self.name = name
        self.link = link
        self.nodeID = nodeID
        self.functions = functions
        self.components = components
        self.options = options
    }

    /// Whether E2 Setup has completed on the current association.
    public var isSetUp: Bool { setUpFlag.load(ordering: .acquiring) }
    /// E2 Setups completed so far (1 after the first, 2 after a reconnect, …).
    public var setups: Int { setupsDone.load(ordering: .acquiring) }

    /// Starts connecting (in the background; the node need not wait for the RIC).
    public func start() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        pthread_create(&tid, nil, { arg in
            let me = Unmanaged<E2Agent>.fromOpaque(arg!).takeRetainedValue()
            me.run()
            me.ended.signal()
            return nil
        }, box)
        thread.withLock { $0 = tid }
    }

    /// Ends the association (SCTP SHUTDOWN) and waits (up to 2 s) until the agent's thread has
    /// ended: a VNF exits right after, and a thread still tearing down while exit() runs can
    /// abort the process (glibc found its heap cache corrupted in one such race).
    public func stop() {
        stopped.store(true, ordering: .releasing)
        channel.withLock { $0?.interrupt() }
        guard let tid = thread.withLock({ t -> pthread_t? in defer { t = nil }; return t }) else { return }
        if pthread_equal(tid, pthread_self()) != 0 { return }
        // A thread stuck connecting to a RIC that does not answer is left behind (it is not exiting).
        if ended.wait(timeout: .now() + 2) == .success { pthread_join(tid, nil) } else { pthread_detach(tid) }
    }

    /// Everything the RIC asked since the last call, oldest first. Never blocks.
    public func poll() -> [Event] {
        events.withLock { q in
            guard !q.isEmpty else { return [] }
            defer { q.removeAll(keepingCapacity: true) }
            return Array(q)
        }
    }

    /// Sends one E2AP message to the RIC; false when there is no set-up association (the message
    /// is dropped: subscriptions end with the association anyway). Callable from any thread.
    @discardableResult
    public func send(_ body: some E2APMessageBody) -> Bool {
        guard isSetUp, let bytes = try? E2APPDU(body).aperBytes() else { return false }
        return sendRaw(bytes)
    }

    /// Sends an already encoded E2AP PDU (see ``send(_:)``).
    @discardableResult
    public func sendRaw(_ bytes: [UInt8]) -> Bool {
        guard isSetUp else { return false }
        return channel.withLock { c in
            guard let c else { return false }
            return (try? c.send(bytes, info: MessageInfo(stream: 0, ppid: options.ppid))) != nil
        }
    }

    // MARK: the association thread

    private func post(_ e: Event) { events.withLock { $0.append(e) } }

    private func log(_ text: String) {
        FileHandle.standardError.write(Data("\(name): e2: \(text)\n".utf8))
    }

    /// Sleeps up to `d`, waking early on stop; false when stopped.
    private func pause(_ d: Duration) -> Bool {
        let end = ContinuousClock.now + d
        while ContinuousClock.now < end {
            if stopped.load(ordering: .acquiring) { return false }
            usleep(10_000)
        }
        return !stopped.load(ordering: .acquiring)
    }

    private func run() {
        var backoff = options.firstBackoff
        var generation = 0
        while !stopped.load(ordering: .acquiring) {
            let c: SCTPChannel
            do { c = try SCTPChannel.connect(link.endpoint) } catch {
                if !pause(backoff) { break }
                backoff = min(backoff * 2, options.maxBackoff)
                continue
            }
            channel.withLock { $0 = c }
            var wait = backoff
            switch setup(c) {
            case let .accepted(response):
                generation += 1
                setupsDone.add(1, ordering: .releasing)
                setUpFlag.store(true, ordering: .releasing)
                post(.setUp(generation: generation, response: response))
                log("E2 Setup #\(generation) with \(response.globalRICID.plmnIdentity) done (\(functions.count) RAN functions)")
                backoff = options.firstBackoff
                let reason = serve(c)
                setUpFlag.store(false, ordering: .releasing)
                post(.lost(reason))
                log("lost the RIC: \(reason)")
                wait = options.firstBackoff
            case let .refused(failure):
                post(.refused(failure.cause))
                log("E2 Setup refused: \(failure.cause)")
                if let t = failure.timeToWait { wait = max(wait, .seconds(Self.seconds(t))) }
                backoff = min(backoff * 2, options.maxBackoff)
            case let .failed(reason):
                log("E2 Setup: \(reason)")
                backoff = min(backoff * 2, options.maxBackoff)
            }
            channel.withLock { $0 = nil }
            c.close()
            if !pause(wait) { break }
        }
    }

    private enum SetupOutcome { case accepted(E2setupResponse), refused(E2setupFailure), failed(String) }

    private func setup(_ c: SCTPChannel) -> SetupOutcome {
        transaction = (transaction + 1) % 256
        let request = E2setupRequest(transactionID: transaction, globalE2nodeID: nodeID, ranFunctionsAdded: functions,
                                     e2nodeComponentConfigAddition: components)
        do {
            try c.send(E2APPDU(request).aperBytes(), info: MessageInfo(stream: 0, ppid: options.ppid))
            let deadline = ContinuousClock.now + options.setupTimeout
            while ContinuousClock.now < deadline {
                if stopped.load(ordering: .acquiring) { return .failed("stopped") }
                guard let m = try c.receive(timeout: .milliseconds(100)) else { continue }
                guard let pdu = try? E2APPDU(aperBytes: m.bytes) else {
                    errorIndication(c, cause: .protocol(.transferSyntaxError))
                    continue
                }
                switch pdu.message {
                case let .e2setupResponse(r) where r.transactionID == transaction: return .accepted(r)
                case let .e2setupFailure(f) where f.transactionID == transaction: return .refused(f)
                default: errorIndication(c, cause: .protocol(.messageNotCompatibleWithReceiverState))
                }
            }
            return .failed("no answer to E2 Setup within \(options.setupTimeout)")
        } catch {
            return .failed("\(error)")
        }
    }

    /// Receives until the association ends; returns why it ended.
    private func serve(_ c: SCTPChannel) -> String {
        while true {
            if stopped.load(ordering: .acquiring) { return "stopped" }
            let m: Message?
            do { m = try c.receive(timeout: .milliseconds(200)) } catch { return "\(error)" }
            guard let m else { continue }
            let pdu: E2APPDU
            do { pdu = try E2APPDU(aperBytes: m.bytes) } catch {
                errorIndication(c, cause: Self.cause(of: error))
                continue
            }
            switch pdu.message {
            case let .ricSubscriptionRequest(r): post(.subscription(r))
            case let .ricSubscriptionDeleteRequest(r): post(.deletion(r))
            case let .ricControlRequest(r): post(.control(r))
            case let .resetRequest(r):
                try? c.send(E2APPDU(ResetResponse(fields: .init(transactionID: r.transactionID))).aperBytes(), info: MessageInfo(stream: 0, ppid: options.ppid))
            case .errorIndication: log("ErrorIndication from the RIC")
            default: errorIndication(c, cause: .protocol(.messageNotCompatibleWithReceiverState))
            }
        }
    }

    private func errorIndication(_ c: SCTPChannel, cause: Cause) {
        if let bytes = try? E2APPDU(ErrorIndication(cause: cause)).aperBytes() {
            try? c.send(bytes, info: MessageInfo(stream: 0, ppid: options.ppid))
        }
    }

    /// The E2AP cause for a PDU that did not decode: a reject-criticality IE this version does not
    /// know is an abstract-syntax error (reject), anything else a transfer-syntax error.
    public static func cause(of error: any Error) -> Cause {
        if let e = error as? APERError, case .unknownIERejected = e.kind { return .protocol(.abstractSyntaxErrorReject) }
        return .protocol(.transferSyntaxError)
    }

    static func seconds(_ t: TimeToWait) -> Int64 {
        switch t {
        case .v1s: 1
        case .v2s: 2
        case .v5s: 5
        case .v10s: 10
        case .v20s: 20
        case .v60s: 60
        }
    }
}
