// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "optiscope",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "optiscope", targets: ["optiscope"]),
    // For the separate benchmark package in Benchmarks/, which depends on this one by path.
    .library(name: "OptiscopeLibraries", targets: ["OptimKit", "Plot", "App"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Starts plug-in helper processes. Without its Foundation trait, so the
    // program still links FoundationEssentials only.
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
    // RealModule: exp, log, pow and the rest as `Double.exp(x)`, without a libc import.
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
  ],
  targets: [
    // Pure math: expressions, test functions, torch.optim optimizers, races.
    // The C library for system calls, imported in one place (see Sources/LibC/LibC.swift).
    .target(name: "LibC"),
    .target(
      name: "OptimKit",
      dependencies: ["LibC", .product(name: "RealModule", package: "swift-numerics")]
    ),
    // Pure drawing into an in-memory grid of cells.
    .target(
      name: "Plot",
      dependencies: ["OptimKit", .product(name: "RealModule", package: "swift-numerics")]
    ),
    // The program's state machine: Model, Msg, update, view, Recorder.
    .target(name: "App", dependencies: ["OptimKit", "Plot"]),
    // What App must not do itself: finding and reading theme files (disk, environment).
    .target(name: "Runtime", dependencies: ["App", "Plot"]),
    // Plug-in optimizers: the helper process, its JSON-lines protocol, `check`.
    .target(
      name: "Plugins",
      dependencies: [
        "OptimKit", "LibC", .product(name: "Subprocess", package: "swift-subprocess"),
      ]
    ),
    // ncurses with wide-character support; see Sources/CNCursesW/shim.h.
    .systemLibrary(
      name: "CNCursesW",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // cairo, for the pixel renderer; see Sources/CCairo/shim.h.
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev"])]
    ),
    // giflib, for animated GIFs (Debian ships no pkg-config file for it).
    .systemLibrary(name: "CGIF", providers: [.apt(["libgif-dev"])]),
    // libpng, for the terminal's fast PNGs (cairo writes the files); see Sources/CPNG/shim.h.
    .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    // libsixel, for sixel images in the terminal; see Sources/CSixel/shim.h.
    .systemLibrary(
      name: "CSixel",
      pkgConfig: "libsixel",
      providers: [.apt(["libsixel-dev"])]
    ),
    // The figure as pixels: PNG, SVG, PDF and animated GIF; the only importer of CCairo, CGIF
    // and CPNG.
    .target(
      name: "PlotImage",
      dependencies: [
        "CCairo", "CGIF", "CPNG", "Plot", "OptimKit", "LibC",
        .product(name: "RealModule", package: "swift-numerics"),
      ]
    ),
    // Images in the terminal (kitty, sixel): asking the terminal, encoding, placing;
    // the only importer of CSixel.
    .target(name: "TerminalGraphics", dependencies: ["CSixel", "LibC"]),
    // The only importer of CNCursesW.
    .target(name: "Terminal", dependencies: ["CNCursesW", "Plot", "LibC"]),
    .executableTarget(
      name: "optiscope",
      dependencies: [
        "OptimKit", "Plot", "App", "Runtime", "Terminal", "Plugins", "PlotImage",
        "TerminalGraphics", "LibC",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A release binary linked at a fixed address: the loader then has no
      // position-independent relocations to apply, which saves about 2.5 MB of
      // resident memory and some start-up time (see README "Benchmarks").
      linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(configuration: .release))]
    ),
    // What several test targets share: the fuzz corpus's walker, running outside programs.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "OptimKitTests",
      dependencies: ["OptimKit", "LibC"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "PlotTests", dependencies: ["Plot", "OptimKit"]),
    // Screens/ holds the expected whole screens (read through #filePath, not bundled).
    .testTarget(
      name: "AppTests", dependencies: ["App", "Plot", "OptimKit", "LibC", "TestSupport"],
      exclude: ["Screens"]),
    .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "App", "Plot", "TestSupport"]),
    .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Plot"]),
    .testTarget(name: "PlotImageTests", dependencies: ["PlotImage", "Plot", "OptimKit"]),
    .testTarget(
      name: "TerminalGraphicsTests",
      dependencies: ["TerminalGraphics", "PlotImage", "Plot", "OptimKit", "TestSupport"]),
    // Runs real Python (see Tests/PluginsTests/PythonEnvironment.swift).
    .testTarget(
      name: "PluginsTests", dependencies: ["Plugins", "OptimKit", "LibC"], exclude: ["Fixtures"]),
    // Runs the real binary: headless commands, and the interactive program in tmux.
    .testTarget(name: "EndToEndTests", dependencies: ["optiscope", "TestSupport"]),
  ]
)
