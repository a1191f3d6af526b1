#if canImport(Glibc)
import Glibc
#endif

/// `BusBench [--quick] [--reps N] [--only TRANSPORT]`: ranlab's Bus against libzmq and usrsctp
/// called directly, printed as `NAME VALUE UNIT` lines (see scripts/bench.sh bus).
@main
enum BusBench {
    static func main() {
        let options: BenchOptions
        switch BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
        case .success(let parsed?): options = parsed
        case .success(nil):
            Report.write(to: 1, BenchOptions.usage + "\n")
            exit(0)
        case .failure(let failure):
            Report.write(to: 2, "BusBench: \(failure)\n\(BenchOptions.usage)\n")
            exit(2)
        }
        // Measure usrsctp even on a machine whose kernel offers SCTP.
        setenv("RANLAB_SCTP_BACKEND", "usrsctp", 1)
        Watchdog.install()

        let started = Monotonic.now()
        var complete = true
        do throws(BenchFailure) {
            let endpoints = EndpointPool()
            var benches: [any TransportBench] = ZMQBench.Kind.allCases.map {
                ZMQBench(kind: $0, endpoints: endpoints, highWaterMark: options.highWaterMark)
            }
            if options.selects("sctp.usrsctp") { benches.append(try SCTPBench(endpoints: endpoints)) }
            benches.removeAll { !options.selects($0.name) }
            guard !benches.isEmpty else { throw BenchFailure("--only \(options.only ?? "") matches no transport") }

            Report.header(options)
            let comparison = Comparison(options: options)
            for bench in benches {
                for size in options.sizes {
                    if !comparison.run(bench, size: size) { complete = false }
                }
            }
        } catch {
            Report.progress("\(error)")
            exit(1)
        }
        let seconds = Double(Monotonic.now() - started) / 1e9
        Report.progress("done in \(Report.format(seconds, decimals: 1)) s\(complete ? "" : "; some measurements failed (nan)")")
        exit(complete ? 0 : 1)
    }
}
