#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's functions of doubles, by a name that no member can shadow.
///
/// Inside a type with a case or method called `log` or `pow` (an expression
/// node, an operation), a bare `log(x)` means the member; these are the C
/// library's, whichever platform's library that is.
public enum CMath {
  #if canImport(Glibc)
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inline(__always) public static func atan2(_ y: Double, _ x: Double) -> Double {
      Glibc.atan2(y, x)
    }
    @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) public static func tan(_ x: Double) -> Double { Glibc.tan(x) }
    @inline(__always) public static func asin(_ x: Double) -> Double { Glibc.asin(x) }
    @inline(__always) public static func acos(_ x: Double) -> Double { Glibc.acos(x) }
    @inline(__always) public static func atan(_ x: Double) -> Double { Glibc.atan(x) }
    @inline(__always) public static func sinh(_ x: Double) -> Double { Glibc.sinh(x) }
    @inline(__always) public static func cosh(_ x: Double) -> Double { Glibc.cosh(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
  #elseif canImport(Darwin)
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double {
      Darwin.pow(x, y)
    }
    @inline(__always) public static func atan2(_ y: Double, _ x: Double) -> Double {
      Darwin.atan2(y, x)
    }
    @inline(__always) public static func log(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Darwin.log1p(x) }
    @inline(__always) public static func exp(_ x: Double) -> Double { Darwin.exp(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { Darwin.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Darwin.cos(x) }
    @inline(__always) public static func tan(_ x: Double) -> Double { Darwin.tan(x) }
    @inline(__always) public static func asin(_ x: Double) -> Double { Darwin.asin(x) }
    @inline(__always) public static func acos(_ x: Double) -> Double { Darwin.acos(x) }
    @inline(__always) public static func atan(_ x: Double) -> Double { Darwin.atan(x) }
    @inline(__always) public static func sinh(_ x: Double) -> Double { Darwin.sinh(x) }
    @inline(__always) public static func cosh(_ x: Double) -> Double { Darwin.cosh(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Darwin.tanh(x) }
  #endif
}
