/// A factory of SCTP sockets: the kernel's or usrsctp's.
public protocol SCTPStack: AnyObject, Sendable {
    var name: String { get }
    /// UDP encapsulation port of this process (usrsctp), nil for the kernel.
    var udpEncapsulationPort: UInt16? { get }
    func makeSocket(tuning: SCTPTuning) throws(SCTPSocketError) -> any SCTPSocket
}
