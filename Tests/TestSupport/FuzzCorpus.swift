import Foundation

/// The crafted inputs of `Fuzz/corpus`, one folder a kind (`log`, `theme`): walked by the
/// suites that check each is read or refused in one line.
public enum FuzzCorpus {
  /// `Fuzz/corpus` in the source tree, from this file's place in `Tests/TestSupport`.
  public static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/corpus")

  /// The paths of the files in the corpus's `kind` folder, sorted by name; none when the
  /// folder is missing (each suite checks that it holds enough).
  public static func files(_ kind: String) -> [String] {
    let url = folder.appendingPathComponent(kind)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    return names.sorted().map { url.appendingPathComponent($0).path }
  }
}
