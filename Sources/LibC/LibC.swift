// The platform's C library, imported in this one place: the modules that make system
// calls (files, pipes, signals, the terminal, printf's number formatting) write
// `import LibC` instead of an `#if canImport(Glibc) … #elseif canImport(Darwin)` block
// in every file. Math does not come from here but from swift-numerics' RealModule
// (`Double.exp(x)`, and `Double.power` in OptimKit for C's `pow`).
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Darwin)
  @_exported import Darwin
#endif
