// swift-tools-version:6.1
import PackageDescription

// The regression guard (scripts/bench-guard): the engine's hot operators
// measured by ordo-one/benchmark, checked against the thresholds in
// Thresholds/. A package of its own so that building Funnel (scripts/test,
// every CI run) never builds the benchmark library and its dependencies.

// SwiftPM names a path dependency after its folder, which is whatever the
// clone is called.
let funnel = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Funnel"

let package = Package(
  name: "FunnelBenchmarks",
  dependencies: [
    .package(path: ".."),
    // Only the malloc interposer: the default traits also take the Swift
    // runtime interposer (retain and release counts), which is not needed here.
    .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // The plugin finds benchmarks by their folder: Benchmarks/<target>.
    .executableTarget(
      name: "Operators",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "FunnelData", package: funnel),
        .product(name: "FunnelLanguage", package: funnel),
        .product(name: "FunnelEngine", package: funnel),
      ],
      path: "Operators",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
