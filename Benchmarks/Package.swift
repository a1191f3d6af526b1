// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of ranlab's Bus and MAC scheduler, kept out of the main package so its users never build them.
//   swift build -c release --package-path Benchmarks --product BusBench   (scripts/bench.sh bus)
//   swift build -c release --package-path Benchmarks --product SchedulerBench   (scripts/bench.sh scheduler)
//   swift build -c release --package-path Benchmarks --product CodecBench       (scripts/bench.sh codec)
//   swift build -c release --package-path Benchmarks --product RICBench         (scripts/bench.sh ric)
//   swift package --package-path Benchmarks benchmark                      (ordo-one/benchmark suite)
let package = Package(
    name: "ranlab-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "ranlab", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // libzmq and usrsctp called directly: the baseline the Bus is compared with.
        .target(
            name: "CRawBaseline",
            linkerSettings: [.linkedLibrary("zmq"), .linkedLibrary("usrsctp"), .linkedLibrary("pthread")]
        ),

        // `NAME VALUE UNIT` lines: ranlab vs raw, same sizes, same run.
        .executableTarget(
            name: "BusBench",
            dependencies: ["CRawBaseline", .product(name: "Bus", package: "ranlab")]
        ),

        // A counting malloc for the timing executables (exported, so every shared library binds to it).
        .target(name: "BenchSupport"),

        // `NAME VALUE UNIT` lines: scheduler per-slot time percentiles and heap allocations per slot.
        .executableTarget(
            name: "SchedulerBench",
            dependencies: [
                "BenchSupport",
                .product(name: "Scheduler", package: "ranlab"),
                .product(name: "RadioModel", package: "ranlab"),
            ],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
        ),

        // `NAME VALUE UNIT` lines: E2AP/E2SM encode and decode time and allocations per PDU.
        .executableTarget(
            name: "CodecBench",
            dependencies: [
                "BenchSupport",
                .product(name: "APER", package: "ranlab"),
                .product(name: "E2AP", package: "ranlab"),
                .product(name: "E2SMKPM", package: "ranlab"),
                .product(name: "E2SMRC", package: "ranlab"),
                .product(name: "F1AP", package: "ranlab"),
                .product(name: "Fronthaul", package: "ranlab"),
            ],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
        ),

        // `NAME VALUE UNIT` lines: KPM indications through ranlab-ric vs raw SCTP and ZeroMQ.
        .executableTarget(
            name: "RICBench",
            dependencies: [
                .product(name: "Bus", package: "ranlab"),
                .product(name: "APER", package: "ranlab"),
                .product(name: "E2AP", package: "ranlab"),
                .product(name: "XAppKit", package: "ranlab"),
            ]
        ),

        // ordo-one/benchmark suites (`swift package benchmark`).
        .executableTarget(
            name: "SchedulerBenchmarks",
            dependencies: [
                .product(name: "Scheduler", package: "ranlab"),
                .product(name: "RadioModel", package: "ranlab"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SchedulerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CodecBenchmarks",
            dependencies: [
                .product(name: "APER", package: "ranlab"),
                .product(name: "E2AP", package: "ranlab"),
                .product(name: "E2SMKPM", package: "ranlab"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CodecBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "BusBenchmarks",
            dependencies: [
                .product(name: "Bus", package: "ranlab"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/BusBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
