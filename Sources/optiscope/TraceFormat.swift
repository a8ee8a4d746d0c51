/// How `optiscope trace` prints its rows.
enum TraceFormat: String, CaseIterable {
  /// `optimizer,step,x,y,f,status`, one row per optimizer per step.
  case csv
  /// One JSON object per line with the CSV's fields plus the gradient `gx`, `gy`.
  case jsonl
}
