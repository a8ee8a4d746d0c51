/// How `optiscope trace` prints its rows (and `--trace` writes them: CSV).
public enum TraceFormat: String, CaseIterable, Sendable {
  /// `optimizer,step,x,y,f,status`, one row per optimizer per step.
  case csv
  /// One JSON object per line with the CSV's fields plus the gradient `gx`, `gy`.
  case jsonl
}
