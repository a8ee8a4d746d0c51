/// How (x, y) is held as torch parameters: one 2-vector, two scalar tensors, or one 1×2 matrix.
///
/// Most of torch.optim works element by element, and the shape changes nothing.
/// It does change Adafactor (a matrix's second moment is factored into row and
/// column variances; two scalars each get their own relative step and clipping)
/// and Muon (torch refuses anything but a matrix). `clip=` is the same for every
/// shape (torch's total norm over the tensors' norms), and LBFGS flattens the
/// parameters into one vector whatever their shape. The SPEC option `shape=`
/// chooses it; the default is what torch accepts (`OptimizerKind.defaultShape`).
public enum ParameterShape: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// One tensor of size 2: `torch.tensor([x, y])`.
  case vector
  /// Two 0-dimensional tensors, `torch.tensor(x)` and `torch.tensor(y)`.
  case scalars
  /// One tensor of size 1×2: `torch.tensor([[x, y]])`.
  case matrix
  /// One tensor of size 1, `torch.tensor([x])`: the parameter of a function of one variable.
  ///
  /// Set by the one-variable mode (`OptimizerSpec.holdAsOneVariable`), not by `shape=`:
  /// y stays 0 and its gradient is dropped, so every rule sees only x, as torch does.
  case single

  /// The name as written in a SPEC.
  public var name: String { rawValue }

  public var description: String { rawValue }

  /// Finds a shape by name, ignoring case.
  public init?(name: String) {
    guard let shape = ParameterShape(rawValue: name.lowercased()), shape != .single else {
      return nil
    }
    self = shape
  }

  /// How torch prints the size of one of these parameters, for torch's own refusals.
  public var torchSize: String {
    switch self {
    case .vector: "torch.Size([2])"
    case .scalars: "torch.Size([])"
    case .matrix: "torch.Size([1, 2])"
    case .single: "torch.Size([1])"
    }
  }
}
