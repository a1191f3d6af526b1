// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of ranlab's Bus and MAC scheduler, kept out of the main package so its users never build them.
//   swift build -c release --package-path Benchmarks --product BusBench   (scripts/bench.sh bus)
//   swift build -c release --package-path Benchmarks --product SchedulerBench   (scripts/bench.sh scheduler)
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

        // `NAME VALUE UNIT` lines: scheduler per-slot time percentiles and heap allocations per slot
        // (its own counting malloc, exported so that every shared library binds to it).
        .executableTarget(
            name: "SchedulerBench",
            dependencies: [
                .product(name: "Scheduler", package: "ranlab"),
                .product(name: "RadioModel", package: "ranlab"),
            ],
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]
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
