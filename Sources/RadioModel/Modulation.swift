/// Modulation scheme; the raw value is the modulation order Q_m (bits per symbol).
public enum Modulation: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// π/2-BPSK (PUSCH with transform precoding), Q_m = 1.
    case pi2BPSK = 1
    /// QPSK, Q_m = 2.
    case qpsk = 2
    /// 16QAM, Q_m = 4.
    case qam16 = 4
    /// 64QAM, Q_m = 6.
    case qam64 = 6
    /// 256QAM, Q_m = 8.
    case qam256 = 8
    /// 1024QAM, Q_m = 10.
    case qam1024 = 10

    /// Modulation order Q_m.
    public var order: Int { rawValue }

    public var description: String {
        switch self {
        case .pi2BPSK: "π/2-BPSK"
        case .qpsk: "QPSK"
        case .qam16: "16QAM"
        case .qam64: "64QAM"
        case .qam256: "256QAM"
        case .qam1024: "1024QAM"
        }
    }
}
