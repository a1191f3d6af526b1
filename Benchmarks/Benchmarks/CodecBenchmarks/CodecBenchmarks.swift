// ordo-one/benchmark suite for the E2 codecs: `swift package --package-path Benchmarks benchmark
// --target CodecBenchmarks`. The same scenarios as scripts/bench.sh codec (CodecBench), with
// ordo-one's malloc and instruction metrics.
import APER
import Benchmark
import E2AP
import E2SMKPM

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .instructions], maxDuration: .seconds(2))

    let message = E2SMKPMCatalog.indicationFormat1(measurements: 10, records: 32)
    let messageBytes = try! message.aperBytes()
    let indication = E2APPDU(RICindication(
        ricRequestID: RICrequestID(ricRequestorID: 1001, ricInstanceID: 1), ranFunctionID: 2, ricActionID: 1, ricIndicationSN: 1,
        ricIndicationType: .report, ricIndicationHeader: [0, 1, 2, 3, 4, 5, 6, 7, 8], ricIndicationMessage: OctetString(messageBytes)))
    let indicationBytes = try! indication.aperBytes()
    let setup = E2APSamples.all.first { $0.name == "E2setupRequest" }!.pdu
    let setupBytes = try! setup.aperBytes()

    Benchmark("RICindication+KPM f1 10x32 encode") { benchmark in
        for _ in benchmark.scaledIterations {
            let m = try message.aperBytes()
            var pdu = indication
            if case var .ricIndication(ind) = pdu.message { ind.ricIndicationMessage = OctetString(m); pdu.message = .ricIndication(ind) }
            blackHole(try pdu.aperBytes())
        }
    }
    Benchmark("RICindication+KPM f1 10x32 decode") { benchmark in
        for _ in benchmark.scaledIterations {
            let pdu = try E2APPDU(aperBytes: indicationBytes)
            if case let .ricIndication(ind) = pdu.message { blackHole(try KPMIndicationMessage(aperBytes: ind.ricIndicationMessage.bytes)) }
        }
    }
    Benchmark("E2setupRequest encode") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try setup.aperBytes()) }
    }
    Benchmark("E2setupRequest decode") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try E2APPDU(aperBytes: setupBytes)) }
    }
}
