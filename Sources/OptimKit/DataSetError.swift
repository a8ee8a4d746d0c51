/// Why a data set was refused: one line naming the file, the row and the problem.
///
/// A CSV typed by hand goes wrong in one place; the line says where (the row as an
/// editor numbers it, the header included) so it can be fixed without a second run.
public struct DataSetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file's name as given, or the built-in data set's.
  public let source: String
  /// The line of the file (from 1, the header included), or nil for the whole file.
  public let row: Int?
  public let problem: String

  public init(source: String, row: Int? = nil, problem: String) {
    self.source = source
    self.row = row
    self.problem = problem
  }

  public var description: String {
    if let row { return "\(source) row \(row): \(problem)" }
    return "\(source): \(problem)"
  }
}
