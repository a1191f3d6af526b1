internal import CZeroMQ

/// The ZeroMQ patterns the bus offers.
public enum ZMQSocketType: String, Sendable, CaseIterable {
    case push, pull, pub, sub, dealer, router, pair, req, rep

    var raw: Int32 {
        switch self {
        case .push: return ZMQ_PUSH
        case .pull: return ZMQ_PULL
        case .pub: return ZMQ_PUB
        case .sub: return ZMQ_SUB
        case .dealer: return ZMQ_DEALER
        case .router: return ZMQ_ROUTER
        case .pair: return ZMQ_PAIR
        case .req: return ZMQ_REQ
        case .rep: return ZMQ_REP
        }
    }

    var canSend: Bool { self != .pull && self != .sub }
    var canReceive: Bool { self != .push && self != .pub }
}
