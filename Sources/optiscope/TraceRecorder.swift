import App
import OptimKit

/// Writes every optimizer's trajectory during a recording (`--trace FILE.csv`), in the
/// columns of `optiscope trace`: optimizer,step,x,y,f,status.
///
/// A frame may take many steps at once, and the race keeps only a thinned
/// trail, so the rows are not read back from the race: whenever a message
/// advanced the race by k steps, a copy of the race as it was before takes
/// those k steps one at a time, printing each (the race is deterministic, so
/// the copy ends where the real one did). A restart (new start point, new
/// function, `r`) prints step 0 again for every optimizer. Each batch of
/// rows goes out in one write.
struct TraceRecorder {
  private let sink: FileSink
  /// Why writing failed, once it has.
  private(set) var failure: String?

  init(sink: FileSink) {
    self.sink = sink
  }

  /// The file's path as given.
  var path: String { sink.path }

  /// Writes the header and every optimizer's start (step 0).
  mutating func begin(race: Race) throws {
    var output = TraceTable.csvHeader
    for racer in race.racers { TraceTable.append(racer, format: .csv, to: &output) }
    try write(output)
  }

  /// Writes the rows for whatever one message did to the race: new steps, or a restart.
  mutating func observe(before: Race, after: Race) throws {
    guard failure == nil else { return }
    var output = ""
    if after.stepCount > before.stepCount {
      var copy = before
      for _ in 0..<(after.stepCount - before.stepCount) {
        guard copy.isRunning else { break }
        let active = copy.racers.map(\.isActive)
        copy.step()
        for (index, racer) in copy.racers.enumerated() where active[index] {
          TraceTable.append(racer, format: .csv, to: &output)
        }
      }
    } else if after.stepCount == 0, after.racers.count == before.racers.count,
      !zip(after.racers, before.racers).allSatisfy({ Self.same($0.current, $1.current) })
    {
      for racer in after.racers { TraceTable.append(racer, format: .csv, to: &output) }
    }
    guard !output.isEmpty else { return }
    try write(output)
  }

  /// Puts the file in place (see `FileSink.commit`), once its start is written.
  func commit() throws(FileSink.Failure) {
    try sink.commit()
  }

  /// Closes the file.
  func finish() {
    sink.close()
  }

  /// Closes the file and, unless it was committed, leaves `path` as it was.
  func discard() {
    sink.discard()
  }

  /// Whether two samples are the same bit for bit (NaN equals NaN here).
  private static func same(_ a: Sample, _ b: Sample) -> Bool {
    a.step == b.step && a.position.x.bitPattern == b.position.x.bitPattern
      && a.position.y.bitPattern == b.position.y.bitPattern
      && a.value.bitPattern == b.value.bitPattern
  }

  private mutating func write(_ text: String) throws {
    do {
      try sink.write(Array(text.utf8))
    } catch {
      failure = "\(error)"
      sink.close()
      throw error
    }
  }
}
