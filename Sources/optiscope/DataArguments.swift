import App
import ArgumentParser
import OptimKit

/// `--data FILE.csv | --dataset NAME` with `--model`, `--loss`, `--params`, `--batch` and
/// `--train-all`: a tiny model's loss on data as the function a command works on.
struct DataArguments: ParsableArguments {
  // duplicates: ArgumentParser's declarations (an @Option with its help, a var), alike in
  // shape to each other and to Render's and SceneArguments' options only.
  @Option(
    help: ArgumentHelp(
      "Train a model on a CSV file (features x1,x2,…, the label last; a header row is optional).",
      valueName: "file.csv"))
  var data: String?

  @Option(
    help: ArgumentHelp(
      "Train on a built-in data set: exercise, separable, overlapping or outliers.",
      valueName: "name"))
  var dataset: String?

  @Option(
    help:
      "With --data/--dataset: logistic (a sigmoid neuron) or linear (default: logistic for 0/1 labels)."
  )
  var model: String?

  @Option(
    help: "With --data/--dataset: nll (binary cross-entropy) or mse (default: nll for logistic).")
  var loss: String?

  @Option(
    help: ArgumentHelp(
      "With --data/--dataset: the two parameters on the map, e.g. w1,w2 or w,b (default: the first two).",
      valueName: "p,q"))
  var params: String?

  @Option(
    help: ArgumentHelp(
      "With --data/--dataset: examples per gradient step: full (default), N, or 1 (stochastic).",
      valueName: "size"))
  var batch: String?

  @Flag(help: "With --data/--dataset: train the parameters off the map (the bias) too.")
  var trainAll = false

  /// Whether a data set was named.
  var isGiven: Bool { data != nil || dataset != nil }

  /// The options, the file read and parsed; nil when no data set was named.
  ///
  /// Throws a one-line `Refusal`: both options given, a file that cannot be read,
  /// or the file's first bad row. A data-only option without data is refused too, so it is
  /// not silently ignored.
  func options() throws -> DataOptions? {
    guard isGiven else {
      if let stray = firstDataOnlyOption {
        throw CommandError("\(stray) needs --data FILE.csv or --dataset NAME")
      }
      return nil
    }
    if data != nil && dataset != nil {
      throw CommandError("give either --data or --dataset, not both")
    }
    var options = DataOptions(
      source: data ?? dataset ?? "", isFile: data != nil, model: model, loss: loss,
      params: params, batch: batch, trainsAll: trainAll)
    if let data { options.dataSet = try Self.read(data) }
    return options
  }

  /// The first option given that only means something with data (`--batch` …), or nil.
  var firstDataOnlyOption: String? {
    [("--model", model), ("--loss", loss), ("--params", params), ("--batch", batch)]
      .first { $0.1 != nil }?.0 ?? (trainAll ? "--train-all" : nil)
  }

  /// `base` (a scene's data) with the data-only options given on the command line on top,
  /// so `--scene lab.txt --batch 8` changes the batch of the lab's own data set.
  func applied(to base: DataOptions) -> DataOptions {
    var options = base
    if let model { options.model = model }
    if let loss { options.loss = loss }
    if let params { options.params = params }
    if let batch { options.batch = batch }
    if trainAll { options.trainsAll = true }
    return options
  }

  /// The examples of the CSV file at `path`, or a one-line refusal.
  static func read(_ path: String) throws -> DataSet {
    // A line per example of a few numbers: 100,000 of them fit well within 64 MiB.
    let limit = 64 << 20
    let bytes: [UInt8]
    do {
      bytes = try FileContents.read(path, limit: limit + 1)
    } catch {
      throw CommandError(
        "--data '\(path)' \(error == .missing ? "does not exist" : "cannot be read")")
    }
    guard bytes.count <= limit else {
      throw CommandError("--data '\(path)' is larger than 64 MiB; optiscope's labs are tiny")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw CommandError("--data '\(path)' is not UTF-8 text")
    }
    return try DataSet(parsing: text, name: path)
  }
}
