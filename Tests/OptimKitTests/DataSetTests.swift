import OptimKit
import Testing

/// Reading a CSV data set: the header, the numbers, and every refusal in one line that names
/// the row and the problem.
@Suite struct DataSetTests {
  @Test func readsHeaderNumbersAndLabelLast() throws {
    let data = try DataSet(
      parsing: "size, weight ,passed\r\n1,2,1\n\n2.5,-1e-3,0\n", name: "marks.csv")
    #expect(data.featureNames == ["size", "weight"])
    #expect(data.labelName == "passed")
    #expect(data.features == [[1, 2], [2.5, -0.001]])
    #expect(data.labels == [1, 0])
    #expect(data.lines == [2, 4])
  }

  @Test func withoutHeaderNamesColumnsXOrXn() throws {
    #expect(try DataSet(parsing: "1,2,3\n4,5,6", name: "a").featureNames == ["x1", "x2"])
    #expect(try DataSet(parsing: "1,2\n4,5", name: "a").featureNames == ["x"])
  }

  static let refusals: [(text: String, message: String)] = [
    ("", "d.csv: the file is empty"),
    ("\n \n", "d.csv: the file is empty"),
    ("x1,x2,label\n", "d.csv: the file has a header but no examples"),
    ("x1,x2,label\n1,,0\n", "d.csv row 2: the value in column 'x2' is missing"),
    ("1,2,0\n1,two,1\n", "d.csv row 2: 'two' in column 2 is not a finite number"),
    ("1,2,0\n1,nan,1\n", "d.csv row 2: 'nan' in column 2 is not a finite number"),
    ("x1,x2,label\n1,2,0\n1,2\n", "d.csv row 3: 2 values where the first row has 3"),
    ("1,2,0\n1,2,0,4\n", "d.csv row 2: 4 values where the first row has 3"),
    ("1\n2\n", "d.csv row 1: 1 column; a data set needs feature columns and a label column last"),
    ("a,,label\n1,2,0\n", "d.csv row 1: column 2 has no name"),
  ]

  @Test(arguments: refusals)
  func refusesInOneLine(_ refusal: (text: String, message: String)) {
    #expect(throws: DataSetError.self) { try DataSet(parsing: refusal.text, name: "d.csv") }
    do {
      _ = try DataSet(parsing: refusal.text, name: "d.csv")
    } catch {
      #expect(error.description == refusal.message)
    }
  }

  @Test func refusesMoreThanTheMostRows() throws {
    let rows = String(repeating: "1,0\n", count: DataSet.maximumRows)
    #expect(try DataSet(parsing: "x,y\n" + rows, name: "big.csv").count == DataSet.maximumRows)
    do {
      _ = try DataSet(parsing: "x,y\n" + rows + "1,1\n", name: "big.csv")
      Issue.record("accepted \(DataSet.maximumRows + 1) rows")
    } catch {
      #expect(
        error.description
          == "big.csv row 100002: more than 100000 examples; optiscope's labs are tiny")
    }
  }

  @Test func logisticRefusesLabelsOtherThanZeroOrOneAndASingleClass() throws {
    let graded = try DataSet(parsing: "x1,x2,grade\n1,2,0\n3,4,1\n5,6,2\n", name: "g.csv")
    do {
      _ = try DataObjective(data: graded, model: .logistic, loss: .nll)
      Issue.record("accepted label 2")
    } catch {
      #expect(
        error.description
          == "g.csv row 4: label 2.0 is not 0 or 1, as --model logistic needs (--model linear fits any number)"
      )
    }
    #expect(try DataObjective(data: graded, model: .linear, loss: .mse).exampleCount == 3)
    let ones = try DataSet(parsing: "1,2,1\n3,4,1\n", name: "o.csv")
    do {
      _ = try DataObjective(data: ones, model: .logistic, loss: .mse)
      Issue.record("accepted one class")
    } catch {
      #expect(
        error.description
          == "o.csv: every label is 1: a classifier needs examples of both classes, 0 and 1")
    }
  }

  @Test func refusesNLLForALinearModelAndBadParameterNames() throws {
    for (model, loss, mapped, message) in [
      (
        DataModel.linear, DataLoss.nll, nil as [String]?,
        "outliers: --loss nll needs --model logistic (a probability to score); use --loss mse"
      ),
      (.linear, .mse, ["w", "w"], "outliers: bad --params 'w,w': expected two different of w, b"),
      (
        .linear, .mse, ["w1", "b"], "outliers: bad --params 'w1,b': expected two different of w, b"
      ),
    ] {
      do {
        _ = try DataObjective(data: .outliers, model: model, loss: loss, mapped: mapped)
        Issue.record("accepted \(model) \(loss) \(mapped ?? [])")
      } catch {
        #expect(error.description == message)
      }
    }
  }

  @Test func namesParametersAndMapsTheChosenTwo() throws {
    let objective = try DataObjective(
      data: .exercise, model: .logistic, loss: .mse, mapped: ["b", "w1"],
      parameters: [0.1, -0.2, 0.3])
    #expect(objective.parameterNames == ["w1", "w2", "b"])
    #expect(objective.mappedParameters == (x: 2, y: 0))
    #expect(objective.parameters(at: Point(x: 5, y: 6)) == [6, -0.2, 5])
    let full = objective.valueAndGradient(parameters: [6, -0.2, 5], examples: nil)
    let slice = objective.valueAndGradient(at: Point(x: 5, y: 6))
    #expect(slice.value == full.value)
    #expect(slice.gradient == Point(x: full.gradient[2], y: full.gradient[0]))
    #expect(objective.sliced(through: [1, 2, 3]).parameters == [1, 2, 3])
    #expect(try objective.scored(by: .nll).loss == .nll)
  }
}
