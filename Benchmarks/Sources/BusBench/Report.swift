#if canImport(Glibc)
import Glibc
#endif

/// Writes results to stdout as `NAME VALUE UNIT` lines (comments start with `#`) and progress
/// to stderr, unbuffered, so a reader sees results as they come.
enum Report {
    static func header(_ options: BenchOptions) {
        comment("ranlab Bus vs raw C (libzmq / usrsctp called directly), same sizes, counts and socket options, same run")
        comment("median of \(options.repetitions) interleaved measurements per side\(options.quick ? " (quick: counts 10x smaller)" : ""); rtt = one message there and back")
        comment("ratio.throughput = ranlab/raw; ratio.rtt.* = raw/ranlab: >= 1 means as good as raw")
        comment("goals: zmq 64B ratio >= 0.95, zmq 64KiB >= 0.98, sctp >= 0.9")
    }

    static func comment(_ text: String) { line("# \(text)") }

    /// One measurement: `bus.NAME VALUE UNIT`.
    static func value(_ name: String, _ value: Double, _ unit: String, decimals: Int) {
        line("bus.\(name) \(format(value, decimals: decimals)) \(unit)")
    }

    /// Progress for the person watching (stderr).
    static func progress(_ text: String) {
        write(to: 2, "BusBench: \(text)\n")
    }

    /// "64B", "1KiB", "64KiB".
    static func sizeLabel(_ bytes: Int) -> String {
        if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024)KiB" }
        return "\(bytes)B"
    }

    /// Fixed-point without Foundation.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "nan" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var text = (value < 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let fraction = String(Int(scaled - Double(whole) * scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    private static func line(_ text: String) {
        write(to: 1, text + "\n")
    }

    /// Unbuffered write of the whole text to a file descriptor.
    static func write(to fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }
}
