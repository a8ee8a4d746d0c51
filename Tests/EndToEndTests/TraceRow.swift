/// One CSV row of `optiscope trace`: `optimizer,step,x,y,f,status`.
struct TraceRow: Equatable {
  let optimizer: String
  let step: Int
  let x: Double
  let y: Double
  let f: Double
  let status: String

  /// Parses the CSV output, checking the header; nil when anything is malformed.
  static func parse(csv: String) -> [TraceRow]? {
    var lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == "optimizer,step,x,y,f,status", lines.last == "" else { return nil }
    lines.removeFirst()
    lines.removeLast()
    var rows: [TraceRow] = []
    for line in lines {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 6, let step = Int(fields[1]), let x = Double(fields[2]),
        let y = Double(fields[3]), let f = Double(fields[4])
      else { return nil }
      rows.append(TraceRow(optimizer: fields[0], step: step, x: x, y: y, f: f, status: fields[5]))
    }
    return rows
  }
}
