// swift-tools-version: 6.1
import PackageDescription

// Benchmarks of ranlab's Bus, kept out of the main package so its users never build them.
//   swift build -c release --package-path Benchmarks --product BusBench   (scripts/bench.sh bus)
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

        // ordo-one/benchmark suite (`swift package benchmark`).
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
