import FunnelData
import FunnelRender

/// An answer typed out: a name, or a number read as the kind of number the
/// answer is.
extension ExerciseCheck {
  static func compare(typed: String, with expected: ExpectedAnswer) -> Verdict {
    guard let number = expected.answer.number else { return compare(label: typed, with: expected) }
    let shown = NumberFormat.display(expected.answer.value, hint: expected.answer.hint)
    let kind = expected.kind
    guard let typedNumber = TypedNumber(typed) else {
      return (
        false,
        "'\(typed)' does not read as a number; answer with a number such as 12.5%, 0.125 or 1,234, or with a query."
      )
    }
    if let problem = mismatch(typedNumber, typed: typed, kind: kind, expected: number) {
      return (false, "Not quite: \(problem) Try .hint.")
    }
    let (reading, note) = read(typedNumber, typed: typed, as: kind, expected: number)
    let said = typed.trimmingCharacters(in: .whitespaces) + note
    switch reading.match(number, isRate: kind.isPercentLike && abs(number) <= 1) {
    case .equal:
      return (true, "Right\(note): the data gives \(shown).")
    case .tooRough:
      return (false, "Close, but give more digits: \(typed) is too rough to tell.")
    case .nearlyLower, .nearlyHigher:
      return (
        false,
        "Close: \(said) is \(kind.gap(from: reading.value, to: number)): check the rounding, or give one more digit."
      )
    case .lower, .higher:
      return (false, "Not quite: \(said) is \(kind.gap(from: reading.value, to: number)). Try .hint.")
    }
  }

  /// A name typed for a ranking (or any label) question: the top row's, or
  /// one tied with it.
  private static func compare(label typed: String, with expected: ExpectedAnswer) -> Verdict {
    if expected.acceptedLabels.contains(where: { sameLabel(typed, $0) }) {
      return (true, "Right: \(unquoted(typed)).")
    }
    let what = expected.column ?? "name"
    if TypedNumber(typed) != nil {
      return (
        false, "Not quite: the answer is \(aOrAn(what)), a name, not a number. Try .hint, or answer with a query."
      )
    }
    if expected.ranking != nil, let labels = expected.solved.column(what),
      !(0..<labels.count).contains(where: { sameLabel(typed, labels.value(at: $0).rawText) })
    {
      return (
        false,
        "Not quite: '\(unquoted(typed))' is not one of the \(what) names the question ranks. Check the spelling, "
          + "or answer with a query."
      )
    }
    return (false, "Not quite: '\(unquoted(typed))' is not the answer on this data. Try .hint, or answer with a query.")
  }

  /// Why a typed number cannot be the kind of number asked for (a count for
  /// a percentage, a percentage for an amount), or nil when it can.
  private static func mismatch(_ n: TypedNumber, typed: String, kind: AnswerKind, expected: Double) -> String? {
    let typed = typed.trimmingCharacters(in: .whitespaces)
    let unit = n.unit
    let isDays = unit.map(TypedNumber.dayUnits.contains) ?? false
    let otherUnit = unit != nil && !isDays && !n.isPoints && unit != "x"
    switch kind {
    case .percentage, .points:
      if isDays { return "the answer is \(kind.described), not a number of days." }
      let countLike = !n.isPercent && !n.isPoints && !n.isRatio && n.isWhole && abs(n.value) > 100
      if otherUnit || (countLike && abs(expected) <= 1) {
        return "\(typed) reads as a count, but the answer is \(kind.described): "
          + "divide by the number it is a share of."
      }
    case .count:
      if n.isPercent || n.isPoints { return "the answer is \(kind.described), not a percentage." }
      if isDays { return "the answer is \(kind.described), not a number of days." }
      if !n.isWhole, abs(n.value) < 1 { return "\(typed) reads as a share, but the answer is \(kind.described)." }
    case .money:
      if n.isPercent || n.isPoints { return "the answer is \(kind.described), not a percentage." }
      if isDays { return "the answer is \(kind.described), not a number of days." }
    case .days:
      if n.isPercent || n.isPoints { return "the answer is \(kind.described), not a percentage." }
      if otherUnit { return "give the answer in days (\(typed) is in \(unit ?? "another unit"))." }
    case .number:
      break
    }
    return nil
  }

  /// The typed number as the kind asks: a percentage typed without `%` (31.5)
  /// or in points (9.9 pp) is read as a percentage, and the note says so.
  private static func read(_ n: TypedNumber, typed: String, as kind: AnswerKind, expected: Double) -> (
    TypedNumber, String
  ) {
    guard kind.isPercentLike, !n.isPercent, !n.isRatio else { return (n, "") }
    if n.isPoints { return (n.asPercent, "") }
    guard abs(n.value) > 1 else { return (n, "") }
    // Above 100% a bare 1.5 may be the fraction: the reading that is right wins.
    if abs(expected) > 1, n.match(expected, isRate: true) == .equal { return (n, "") }
    let unit = kind == .points ? " points" : "%"
    return (n.asPercent, " (read as \(typed.trimmingCharacters(in: .whitespaces))\(unit))")
  }
}
