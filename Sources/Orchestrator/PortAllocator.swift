/// Free loopback ports for SCTP links: free for both UDP (usrsctp's encapsulation port is the
/// SCTP port) and TCP, and not handed out twice in one plan.
struct PortAllocator {
    private var taken = Set<Int>()

    mutating func take(_ fixed: Int?, for what: String) throws(OrchestratorError) -> Int {
        if let fixed {
            guard !taken.contains(fixed) else { throw .plan("port \(fixed) of \(what) is used twice in this lab") }
            guard LoopbackPort.isFree(fixed) else { throw .plan("port \(fixed) of \(what) is in use on 127.0.0.1 (another lab still up? `ranlab inspect`)") }
            taken.insert(fixed)
            return fixed
        }
        for _ in 0..<64 {
            guard let p = LoopbackPort.ephemeral(), !taken.contains(p), LoopbackPort.isFree(p) else { continue }
            taken.insert(p)
            return p
        }
        throw .plan("no free loopback port found for \(what)")
    }
}
