// swift-tools-version:6.0
import PackageDescription

// Targets and the direction of imports are those of docs/ARCHITECTURE.md:
// the system libraries (CLibEdit, CFunnelZlib: not CZlib, the name of
// ZIPFoundation's own module), FunnelData and FunnelLanguage at the bottom,
// FunnelEngine and FunnelRender above them, FunnelShell above all, the
// executables on top.

// `-enforce-exclusivity=unchecked` drops the run-time checks of exclusive
// access (class properties, globals, escaping captures) from the hot targets.
// funnel-bench (1M demo leads; each build run 4 times on a shared 2-core
// machine, medians) took 1.20x as long without it: 1,122 ms against 935 ms over
// its 14 queries (join of 3M touches 1.41x, full sort 1.65x, funnel 1.29x),
// demo data 1.24x, CSV writing 1.22x, CSV reading the same.
let releaseSpeed: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked", "-cross-module-optimization"], .when(configuration: .release))
]

let package = Package(
  name: "Funnel",
  products: [
    .executable(name: "funnel", targets: ["funnel"]),
    .executable(name: "funnel-bench", targets: ["funnel-bench"]),
    // For the regression guard's package in Benchmarks/ (scripts/bench-guard),
    // which builds them from this folder; nothing here depends on them.
    .library(name: "FunnelData", targets: ["FunnelData"]),
    .library(name: "FunnelLanguage", targets: ["FunnelLanguage"]),
    .library(name: "FunnelEngine", targets: ["FunnelEngine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // Property tests with shrinking (tests only).
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // The remote engines: PostgreSQL's wire protocol, and Spark Connect (gRPC
    // with protobuf messages; the message code is generated once and committed,
    // and FunnelSpark writes the two-type protobuf coding for gRPC itself).
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    // Zip archives: Excel workbooks (.xlsx) and zipped data files.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .systemLibrary(
      name: "CFunnelZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(
      name: "FunnelData", dependencies: ["CFunnelZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: releaseSpeed),
    .target(name: "FunnelLanguage"),
    .target(name: "FunnelEngine", dependencies: ["FunnelData", "FunnelLanguage"], swiftSettings: releaseSpeed),
    .target(name: "FunnelRender", dependencies: ["FunnelData"]),
    .target(name: "FunnelSQL", dependencies: ["FunnelEngine", "FunnelData", "FunnelLanguage"]),
    .target(
      name: "FunnelPostgres",
      dependencies: [
        "FunnelSQL", "FunnelEngine", "FunnelData",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ]
    ),
    .target(
      name: "FunnelSpark",
      dependencies: [
        "FunnelSQL", "FunnelEngine", "FunnelData",
        .product(name: "GRPCCore", package: "grpc-swift-2"),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      // The protocol's source; its Swift is generated into Generated/ by
      // scripts/generate-spark-proto and committed.
      exclude: ["Proto"]
    ),
    .target(
      name: "FunnelShell",
      dependencies: [
        "CLibEdit", "FunnelData", "FunnelLanguage", "FunnelEngine", "FunnelRender", "FunnelSQL", "FunnelPostgres",
        "FunnelSpark",
      ]
    ),
    .executableTarget(
      name: "funnel",
      dependencies: [
        "FunnelShell",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "funnel-bench", dependencies: ["FunnelEngine", "FunnelData", "FunnelLanguage"], swiftSettings: releaseSpeed),
    // What several test targets share: the fuzz inputs, the real datasets' folder.
    .target(name: "FunnelTestSupport", dependencies: ["FunnelData"], path: "Tests/FunnelTestSupport"),
    .testTarget(name: "FunnelDataTests", dependencies: ["FunnelData", "FunnelTestSupport"]),
    .testTarget(name: "FunnelLanguageTests", dependencies: ["FunnelLanguage", "FunnelTestSupport"]),
    .testTarget(
      name: "FunnelEngineTests",
      dependencies: [
        "FunnelEngine", "FunnelData", "FunnelLanguage", "FunnelTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "FunnelRenderTests", dependencies: ["FunnelRender", "FunnelData"]),
    .testTarget(
      name: "FunnelSQLTests",
      dependencies: ["FunnelSQL", "FunnelEngine", "FunnelData", "FunnelLanguage", "FunnelTestSupport"]
    ),
    .testTarget(
      name: "FunnelPostgresTests", dependencies: ["FunnelPostgres", "FunnelSQL", "FunnelData", "FunnelTestSupport"]),
    .testTarget(
      name: "FunnelSparkTests", dependencies: ["FunnelSpark", "FunnelSQL", "FunnelData", "FunnelTestSupport"]),
    .testTarget(
      name: "FunnelShellTests",
      dependencies: ["FunnelShell", "FunnelData", "FunnelEngine", "FunnelLanguage", "FunnelTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
