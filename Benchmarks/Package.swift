// swift-tools-version: 6.1
// optiscope's benchmarks (ordo-one's package-benchmark), kept in their own package so
// that the main build and `swift test` never fetch or compile the harness.
// Run them with scripts/bench, or here with `swift package benchmark`.
import PackageDescription

let package = Package(
  name: "OptiscopeBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "optiscope", path: ".."),
    // Only the malloc interposer: the default traits also want a runtime interposer
    // package that is not needed for these figures.
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "OptiscopeBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "OptiscopeLibraries", package: "optiscope"),
      ],
      path: "Benchmarks/OptiscopeBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // A plain driver of the same frames for `perf record -g` (see its main.swift).
    .executableTarget(
      name: "ComposeProfile",
      dependencies: [.product(name: "OptiscopeLibraries", package: "optiscope")],
      path: "Benchmarks/ComposeProfile"
    ),
  ]
)
