// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ranlab",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Bus", targets: ["Bus"]),
        .library(name: "RadioModel", targets: ["RadioModel"]),
        .library(name: "Scheduler", targets: ["Scheduler"]),
        .library(name: "APER", targets: ["APER"]),
        .library(name: "E2AP", targets: ["E2AP"]),
        .library(name: "E2SMKPM", targets: ["E2SMKPM"]),
        .library(name: "E2SMRC", targets: ["E2SMRC"]),
        .library(name: "F1AP", targets: ["F1AP"]),
        .library(name: "Fronthaul", targets: ["Fronthaul"]),
        .library(name: "Topology", targets: ["Topology"]),
        .library(name: "VNFPackage", targets: ["VNFPackage"]),
        .library(name: "VNFKit", targets: ["VNFKit"]),
        .library(name: "XAppKit", targets: ["XAppKit"]),
        .library(name: "Orchestrator", targets: ["Orchestrator"]),
        .executable(name: "ranlab", targets: ["ranlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // native layer: system libraries through pkg-config
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CUsrSCTP", pkgConfig: "usrsctp", providers: [.apt(["libusrsctp-dev"])]),
        .systemLibrary(name: "CKernelSCTP", pkgConfig: "libsctp", providers: [.apt(["libsctp-dev"])]),

        // SCTP socket abstraction and its two backends (their C headers clash, so each lives alone)
        .target(name: "SCTPSockets"),
        // posix_spawn and prctl helpers glibc hides from Swift
        .target(name: "CProcessSupport"),
        .target(name: "UsrSCTP", dependencies: ["CUsrSCTP", "SCTPSockets"]),
        .target(name: "KernelSCTP", dependencies: ["CKernelSCTP", "SCTPSockets"]),

        // transport layer
        .target(
            name: "Bus",
            dependencies: [
                "CZeroMQ", "SCTPSockets", "UsrSCTP", "KernelSCTP",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),

        // radio model: NR numerology, 38.214 tables and TBS, channel/traffic/BLER/HARQ models
        .target(name: "RadioModel", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),

        // scheduling: the per-slot MAC scheduler and its policies (no I/O, no allocation per slot)
        .target(name: "Scheduler", dependencies: ["RadioModel", .product(name: "RealModule", package: "swift-numerics")]),

        // codecs: ASN.1 aligned PER runtime, then the protocols written on it
        .target(name: "APER"),
        .target(name: "E2AP", dependencies: ["APER"]),
        .target(name: "E2SMCommon", dependencies: ["APER"]),
        .target(name: "E2SMKPM", dependencies: ["APER", "E2SMCommon"]),
        .target(name: "E2SMRC", dependencies: ["APER", "E2SMCommon"]),
        .target(name: "F1AP", dependencies: ["APER"]),
        .target(name: "Fronthaul"),
        .target(name: "GTPU"),
        // the emulated air interface between a DU and the RU/UE emulator, carried in U-plane sections
        .target(name: "AirInterface", dependencies: ["Fronthaul"]),
        // the few NR RRC messages the emulated UEs and the CU exchange (fixed UPER encodings)
        .target(name: "NRRRC"),

        // lab description: topology files and VNF packages with trust checks
        .target(name: "Topology", dependencies: ["Bus", .product(name: "Yams", package: "Yams")]),
        .target(name: "VNFPackage", dependencies: [.product(name: "Crypto", package: "swift-crypto"), .product(name: "Yams", package: "Yams")]),

        // SDK: the VNF side of the plug-in contract
        .target(name: "VNFKit", dependencies: ["Bus", "CProcessSupport", .product(name: "DequeModule", package: "swift-collections")]),
        .target(name: "XAppKit", dependencies: ["Bus", "APER", "E2AP"]),
        .target(name: "E2Agent", dependencies: ["VNFKit", "Bus", "APER", "E2AP", "E2SMCommon", "E2SMKPM", "E2SMRC",
                                                .product(name: "DequeModule", package: "swift-collections")]),

        // lab: planning, process supervision, control channel, run record
        .target(
            name: "Orchestrator",
            dependencies: ["Bus", "Topology", "VNFPackage", "VNFKit", "CProcessSupport", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Logging", package: "swift-log")]
        ),

        // built-in VNFs (vnfs/<name>/Sources; their vnf.yaml launches them from the build folder)
        .executableTarget(name: "ranlab-probe", dependencies: ["VNFKit", "Bus"], path: "vnfs/probe/Sources"),
        .executableTarget(name: "acme-cu", dependencies: ["VNFKit", "E2Agent", "E2AP", "Bus", "APER", "F1AP", "GTPU", "NRRRC", "RadioModel"], path: "vnfs/acme-cu/Sources"),
        .executableTarget(name: "acme-du", dependencies: ["VNFKit", "E2Agent", "E2AP", "E2SMCommon", "E2SMRC", "Bus", "APER", "F1AP", "GTPU", "NRRRC", "AirInterface", "Fronthaul", "RadioModel", "Scheduler",
                                                          .product(name: "DequeModule", package: "swift-collections")], path: "vnfs/acme-du/Sources"),
        .executableTarget(name: "bravo-du", dependencies: ["VNFKit", "E2Agent", "E2AP", "Bus", "APER", "F1AP", "GTPU", "NRRRC", "AirInterface", "Fronthaul", "RadioModel", "Scheduler"],
                          path: "vnfs/bravo-du/Sources"),
        .executableTarget(name: "ranlab-ric", dependencies: ["VNFKit", "Bus", "APER", "E2AP", .product(name: "DequeModule", package: "swift-collections")],
                          path: "vnfs/ranlab-ric/Sources"),
        .executableTarget(name: "ranlab-ru", dependencies: ["VNFKit", "Bus", "NRRRC", "AirInterface", "Fronthaul", "RadioModel",
                                                            .product(name: "DequeModule", package: "swift-collections")], path: "vnfs/ranlab-ru/Sources"),

        // entry points
        .executableTarget(
            name: "ranlab",
            dependencies: ["Bus", "APER", "E2AP", "E2SMCommon", "E2SMKPM", "E2SMRC", "F1AP", "Fronthaul", "Orchestrator", "ranlab-probe", "acme-cu", "acme-du", "bravo-du", "ranlab-ru", "ranlab-ric", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .target(name: "RanlabTestSupport", path: "Tests/RanlabTestSupport"),
        .testTarget(name: "BusTests", dependencies: ["Bus", "ranlab", "RanlabTestSupport"]),
        .testTarget(name: "E2SMKPMTests", dependencies: ["APER", "E2SMCommon", "E2SMKPM"]),
        .testTarget(name: "E2SMRCTests", dependencies: ["E2SMRC", "E2SMCommon", "APER"]),
        .testTarget(name: "F1APTests", dependencies: ["F1AP", "APER"], exclude: ["golden-f1ap.txt"]),
        .testTarget(name: "FronthaulTests", dependencies: ["Fronthaul"]),
        .testTarget(name: "GTPUTests", dependencies: ["GTPU"]),
        .testTarget(name: "AirInterfaceTests", dependencies: ["AirInterface", "Fronthaul"]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology"], exclude: ["bad"]),
        .testTarget(name: "OrchestratorTests", dependencies: ["Orchestrator", "VNFKit", "RanlabTestSupport"], exclude: ["labs"]),
        .testTarget(name: "E2AgentTests", dependencies: ["E2Agent", "Bus", "APER", "E2AP", "E2SMCommon", "E2SMKPM", "E2SMRC", "VNFKit"]),
        .testTarget(name: "VNFKitTests", dependencies: ["VNFKit", "Bus"]),
        .testTarget(name: "CellTests", dependencies: ["Orchestrator", "VNFKit", "RadioModel", "RanlabTestSupport", "ranlab", "XAppKit", "Bus", "APER",
                                                  "E2AP", "E2SMCommon", "E2SMKPM"], exclude: ["labs"]),
        .testTarget(name: "VNFPackageTests", dependencies: ["VNFPackage", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "E2APTests", dependencies: ["E2AP", "APER", "RadioModel"], exclude: ["golden-e2ap.txt"]),
        .testTarget(name: "CLITests", dependencies: ["ranlab", "E2AP", "APER", "RanlabTestSupport"]),
        // libFuzzer targets (scripts/fuzz.sh); a normal build makes input replayers of them
        .target(name: "FuzzSupport", dependencies: ["APER"]),
        .executableTarget(name: "FuzzE2AP", dependencies: ["APER", "E2AP", "FuzzSupport"]),
        .executableTarget(name: "FuzzKPM", dependencies: ["APER", "E2SMKPM", "FuzzSupport"]),
        .executableTarget(name: "FuzzRC", dependencies: ["APER", "E2SMRC", "FuzzSupport"]),
        .executableTarget(name: "FuzzF1AP", dependencies: ["APER", "F1AP", "FuzzSupport"]),
        .executableTarget(name: "FuzzFronthaul", dependencies: ["Fronthaul", "FuzzSupport"]),

        .testTarget(name: "APERTests", dependencies: ["APER"]),
        .testTarget(name: "RadioModelTests", dependencies: ["RadioModel"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler", "RadioModel"]),
    ],
    swiftLanguageModes: [.v6]
)
