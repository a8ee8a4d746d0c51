/// A small table of examples: feature columns and one label (or target) column.
///
/// What a model is trained on in the neuron lab: read from a CSV file (`--data`) or
/// one of the built-in tiny sets (`--dataset`). The label is the last column; every
/// other column is a feature. Checked once, when read, so a bad file is refused in
/// one line before anything is drawn.
public struct DataSet: Hashable, Sendable {
  /// The file's name, or the built-in set's.
  public var name: String
  /// The features' names (the header's, else x1, x2, …; x for a single feature).
  public var featureNames: [String]
  /// The label column's name (the header's, else "label").
  public var labelName: String
  /// One row of features per example.
  public var features: [[Double]]
  /// One label per example: 0 or 1 for classification, any number for regression.
  public var labels: [Double]
  /// The file line each example came from (from 1, the header included), for messages.
  public var lines: [Int]

  /// The most examples a data set may have: more is not a tiny lab, and would make
  /// every frame of the map slow.
  public static let maximumRows = 100_000

  public init(
    name: String, featureNames: [String]? = nil, labelName: String = "label",
    features: [[Double]], labels: [Double]
  ) {
    let count = features.first?.count ?? 0
    self.name = name
    self.featureNames = featureNames ?? Self.standardNames(count: count)
    self.labelName = labelName
    self.features = features
    self.labels = labels
    self.lines = (0..<features.count).map { $0 + 1 }
  }

  /// How many examples there are.
  public var count: Int { labels.count }
  /// How many features each example has.
  public var featureCount: Int { featureNames.count }

  /// x1, x2, …, or x alone for a single feature.
  static func standardNames(count: Int) -> [String] {
    count == 1 ? ["x"] : (0..<count).map { "x\($0 + 1)" }
  }

  /// The examples of a CSV text: comma-separated numbers, one example per line, the label
  /// last; a first line that is not all numbers is the header of column names.
  ///
  /// Blank lines are skipped. Refused, naming the line: an empty file, a missing or
  /// non-numeric (or non-finite) value, a row with another number of values than the
  /// first, fewer than two columns, more than `maximumRows` examples.
  public init(parsing text: String, name: String) throws(DataSetError) {
    var header: [String]?
    var features: [[Double]] = []
    var labels: [Double] = []
    var lines: [Int] = []
    var width: Int?
    var lineNumber = 0
    // "\r\n" is one Character to Swift: split at it as at "\n".
    let allLines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    for line in allLines {
      lineNumber += 1
      if line.trimmingSpaces().isEmpty { continue }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingSpaces()
      }
      if width == nil {
        guard fields.count >= 2 else {
          throw DataSetError(
            source: name, row: lineNumber,
            problem:
              "\(fields.count) column; a data set needs feature columns and a label column last")
        }
        width = fields.count
        if fields.contains(where: { Double($0) == nil }) {
          if let empty = fields.firstIndex(of: "") {
            throw DataSetError(
              source: name, row: lineNumber, problem: "column \(empty + 1) has no name")
          }
          header = fields
          continue
        }
      }
      guard let width, fields.count == width else {
        throw DataSetError(
          source: name, row: lineNumber,
          problem: "\(fields.count) values where the first row has \(width ?? 0)")
      }
      var numbers: [Double] = []
      numbers.reserveCapacity(width)
      for (column, field) in fields.enumerated() {
        let columnName = header.map { "'\($0[column])'" } ?? "\(column + 1)"
        guard !field.isEmpty else {
          throw DataSetError(
            source: name, row: lineNumber, problem: "the value in column \(columnName) is missing")
        }
        guard let number = Double(field), number.isFinite else {
          throw DataSetError(
            source: name, row: lineNumber,
            problem: "'\(Self.shortened(field))' in column \(columnName) is not a finite number")
        }
        numbers.append(number)
      }
      guard labels.count < Self.maximumRows else {
        throw DataSetError(
          source: name, row: lineNumber,
          problem: "more than \(Self.maximumRows) examples; optiscope's labs are tiny")
      }
      labels.append(numbers.removeLast())
      features.append(numbers)
      lines.append(lineNumber)
    }
    guard let width, !labels.isEmpty else {
      throw DataSetError(
        source: name,
        problem: header == nil ? "the file is empty" : "the file has a header but no examples")
    }
    self.name = name
    self.featureNames = header.map { Array($0.dropLast()) } ?? Self.standardNames(count: width - 1)
    self.labelName = header?.last ?? "label"
    self.features = features
    self.labels = labels
    self.lines = lines
  }

  /// Checks the labels for a classifier: each 0 or 1, and both classes present.
  public func checkClasses() throws(DataSetError) {
    for (index, label) in labels.enumerated() where label != 0 && label != 1 {
      throw DataSetError(
        source: name, row: lines[index],
        problem:
          "label \(label) is not 0 or 1, as --model logistic needs (--model linear fits any number)"
      )
    }
    if let only = labels.first, labels.allSatisfy({ $0 == only }) {
      throw DataSetError(
        source: name,
        problem:
          "every label is \(Int(only)): a classifier needs examples of both classes, 0 and 1")
    }
  }

  /// A value as a message may repeat it: at most 20 characters.
  static func shortened(_ text: String) -> String {
    text.count <= 20 ? text : String(text.prefix(20)) + "…"
  }
}
