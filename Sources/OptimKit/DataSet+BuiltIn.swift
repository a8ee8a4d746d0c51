/// The tiny data sets the neuron lab runs on without a file (`--dataset NAME`).
extension DataSet {
  /// The course exercise's three points: one sigmoid neuron, two features, labels 1, 0, 0.
  public static let exercise = DataSet(
    name: "exercise", features: [[1, 2], [2, 1], [-1, -2]], labels: [1, 0, 0])

  /// Two clusters a line separates: the logistic loss has no minimum, only a direction
  /// in which it falls forever, and NLL and MSE pull along it differently.
  public static let separable = DataSet(
    name: "separable",
    features: [
      [-1.5, -1.0], [-1.0, -1.8], [-2.0, -0.6], [-0.6, -1.2], [-1.2, -0.3], [-0.4, -2.0],
      [1.2, 1.0], [0.8, 1.7], [1.8, 0.5], [0.5, 0.9], [1.4, 1.9], [2.1, 1.2],
    ],
    labels: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])

  /// Two clusters that overlap (two points on the wrong side each): the logistic loss has
  /// a finite minimum, and MSE's surface flattens where NLL's keeps its slope.
  public static let overlapping = DataSet(
    name: "overlapping",
    features: [
      [-1.5, -1.0], [-1.0, -1.8], [-2.0, -0.6], [-0.6, -1.2], [0.9, 0.4], [0.3, 1.1],
      [1.2, 1.0], [0.8, 1.7], [1.8, 0.5], [0.5, 0.9], [-0.7, -0.2], [-0.2, -1.0],
    ],
    labels: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1])

  /// Points on the line y = 0.5·x + 1 but two far off it: a regression (w, b) whose squared
  /// error the outliers drag.
  public static let outliers = DataSet(
    name: "outliers", featureNames: ["x"], labelName: "y",
    features: [[-2], [-1.5], [-1], [-0.5], [0], [0.5], [1], [1.5], [2], [-1.2], [1.8]],
    labels: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 4, -2])

  /// Every built-in data set, in the order `--help` and the README list them.
  public static let builtIns: [DataSet] = [exercise, separable, overlapping, outliers]

  /// The built-in data set called `name` (any case), if there is one.
  public static func builtIn(named name: String) -> DataSet? {
    builtIns.first { $0.name == name.lowercased() }
  }

  /// The model a data set is for when none is named: logistic when every label is 0 or 1,
  /// linear otherwise.
  public var standardModel: DataModel {
    labels.allSatisfy { $0 == 0 || $0 == 1 } ? .logistic : .linear
  }
}
