import Foundation
import FunnelData

/// The values a lesson's text and queries leave to the data: `$quarter`,
/// `$product`, `$region` and the names derived from them.
///
/// A lesson is written against these names, never against "2026-Q2" or
/// "EMEA", so it runs on a teacher's own data as well as on the demo data.
/// Each name takes the value set with `.param NAME VALUE` (or `--param`) when
/// there is one, else a default read from the loaded data by a query. The
/// lesson the student sees has the values written in: a query at the prompt
/// holds `"2026-Q2"`, not `$quarter`, so it runs as typed anywhere.
public enum LessonParameters {
  /// One name a lesson may use.
  public struct Definition: Sendable {
    public let name: String
    /// How the default is chosen, for the line the lesson shows and for `docs/teaching.md`.
    public let meaning: String
    /// The query whose single cell is the default; nil for a name derived from `$quarter`.
    let query: String?
    /// Quarters before (negative) or after `$quarter`, for a derived name.
    let quartersFromQuarter: Int

    init(_ name: String, _ meaning: String, query: String? = nil, quartersFromQuarter: Int = 0) {
      self.name = name
      self.meaning = meaning
      self.query = query
      self.quartersFromQuarter = quartersFromQuarter
    }
  }

  /// Every name, in the order a lesson lists them.
  public static let definitions: [Definition] = [
    Definition(
      "quarter", "the latest quarter in which deals closed",
      query: "deals | where closed_at != null | agg value = max(quarter(closed_at))"),
    Definition("previous_quarter", "the quarter before $quarter", quartersFromQuarter: -1),
    Definition("next_quarter", "the quarter after $quarter", quartersFromQuarter: 1),
    Definition("quarter_year_ago", "$quarter a year earlier", quartersFromQuarter: -4),
    Definition("previous_quarter_year_ago", "$previous_quarter a year earlier", quartersFromQuarter: -5),
    Definition(
      "as_of", "the day after the latest date a deal was created or closed: the day the data was exported",
      query: "deals | agg a = max(created_at), b = max(closed_at) | select value = if(coalesce(b, a) > a, b, a) + 1"),
    Definition(
      "product", "the product with the largest average won deal",
      query:
        "deals | where stage == \"closed_won\" and product != null | agg size = avg(amount) by value = product | sort size desc, value | take 1 | select value"
    ),
    Definition(
      "region", "the region with the most leads",
      query:
        "leads | where region != null | agg n = count() by value = region | sort n desc, value | take 1 | select value"),
    Definition(
      "small_region", "the region with the fewest leads",
      query: "leads | where region != null | agg n = count() by value = region | sort n, value | take 1 | select value"),
  ]

  /// One name's value for one lesson, and where it came from.
  public struct Binding: Equatable, Sendable {
    public let name: String
    public let value: String
    /// True when `.param` or `--param` set it; false for a default from the data.
    public let setByUser: Bool
  }

  /// The names `lesson` uses, in `definitions` order.
  public static func names(in lesson: Lesson) -> [String] {
    let used = Set(lesson.allTexts.flatMap(references(in:)))
    return definitions.map(\.name).filter(used.contains)
  }

  /// `lesson` with its names replaced by their values on `runner`'s data, and
  /// the values used. Throws a `LessonError` saying how to set a name whose
  /// default the data cannot give.
  public static func resolve(_ lesson: Lesson, runner: LessonQueryRunner) throws -> (Lesson, [Binding]) {
    let names = names(in: lesson)
    guard !names.isEmpty else { return (lesson, []) }
    var bindings: [Binding] = []
    var known: [String: Binding] = [:]
    // The quarters around `$quarter` are counted from it: find it once.
    let derived = definitions.filter { $0.query == nil }.map(\.name)
    if names.contains(where: derived.contains) { known["quarter"] = try value(of: "quarter", runner: runner) }
    for name in names {
      let binding = try known[name] ?? value(of: name, runner: runner, known: known)
      bindings.append(binding)
      known[name] = binding
    }
    let values = Dictionary(uniqueKeysWithValues: bindings.map { ($0.name, $0.value) })
    return (lesson.substituting(values), bindings)
  }

  /// The value of `name`: the one set by the user, else the default from the
  /// data. `known` holds the names already found (`$quarter`, which the
  /// quarters around it are counted from), so no query runs twice.
  public static func value(of name: String, runner: LessonQueryRunner, known: [String: Binding] = [:]) throws
    -> Binding
  {
    if let set = runner.lessonParameter(name), !set.isEmpty {
      if name.hasSuffix("quarter"), Quarter(set) == nil {
        throw LessonError("$\(name) is '\(set)', which is not a quarter; write it as 2026-Q2")
      }
      return Binding(name: name, value: set, setByUser: true)
    }
    guard let definition = definitions.first(where: { $0.name == name }) else {
      throw LessonError("the lesson uses $\(name), which is not set; set it with .param \(name) VALUE")
    }
    if let query = definition.query {
      let found: Value
      do {
        let table = try runner.lessonResult(of: query)
        guard table.rowCount == 1, let column = table.column("value") else {
          throw LessonError("the loaded data has no \(definition.meaning.replacingOccurrences(of: "the ", with: ""))")
        }
        found = column.value(at: 0)
      } catch {
        throw LessonError(
          "the lesson uses $\(name), \(definition.meaning), and the loaded data does not give it ("
            + ExerciseCheck.describe(error) + "); set it with .param \(name) VALUE")
      }
      guard !found.isNull else {
        throw LessonError(
          "the lesson uses $\(name), \(definition.meaning), and the loaded data has none; set it with .param \(name) VALUE"
        )
      }
      return Binding(name: name, value: found.rawText, setByUser: false)
    }
    let base = try known["quarter"] ?? value(of: "quarter", runner: runner)
    guard let quarter = Quarter(base.value) else {
      throw LessonError("$quarter is '\(base.value)', which is not a quarter; write it as 2026-Q2")
    }
    return Binding(
      name: name, value: quarter.adding(definition.quartersFromQuarter).description, setByUser: base.setByUser)
  }

  /// The line a lesson shows under its title: what each name stands for here.
  public static func describe(_ bindings: [Binding]) -> String {
    guard !bindings.isEmpty else { return "" }
    let parts = bindings.map { binding -> String in
      let definition = definitions.first { $0.name == binding.name }
      // A quarter counted from `$quarter` says so, whoever set `$quarter`.
      let derived = definition.map { $0.query == nil } ?? false
      let meaning = definition?.meaning ?? ""
      return "$\(binding.name) is \(binding.value)"
        + (binding.setByUser && !derived ? " (set with .param)" : meaning.isEmpty ? "" : " (\(meaning))")
    }
    let first = bindings[0]
    return "On this data " + parts.joined(separator: "; ") + ". To use other values: .param \(first.name) "
      + (first.name.hasSuffix("quarter") ? "2025-Q4" : "VALUE") + ", then open the lesson again."
  }

  /// The `$name` references in `text`: a `$` then a letter, then letters, digits and `_`.
  static func references(in text: String) -> [String] {
    var found: [String] = []
    var chars = Substring(text)
    while let dollar = chars.firstIndex(of: "$") {
      chars = chars[chars.index(after: dollar)...]
      guard let first = chars.first, first.isLetter else { continue }
      let name = chars.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      found.append(String(name))
      chars = chars[name.endIndex...]
    }
    return found
  }

  /// `text` with each known `$name` replaced: by `"value"` in a query, where
  /// it is a string literal, and by the bare value in prose.
  static func substitute(_ text: String, _ values: [String: String], inQuery: Bool) -> String {
    var out = ""
    var chars = Substring(text)
    while let dollar = chars.firstIndex(of: "$") {
      out += chars[..<dollar]
      let rest = chars[chars.index(after: dollar)...]
      let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      if let first = name.first, first.isLetter, let value = values[String(name)] {
        out += inQuery ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
        chars = rest[name.endIndex...]
      } else {
        out += "$"
        chars = rest
      }
    }
    return out + chars
  }
}

/// A calendar quarter written `2026-Q2`: the ordinal `Periods` keeps for a
/// quarter, so a quarter n later is the ordinal plus n.
struct Quarter: CustomStringConvertible, Equatable {
  private let ordinal: Int32

  init?(_ text: String) {
    guard let ordinal = Periods.parse(text.trimmingCharacters(in: .whitespaces).uppercased(), unit: .quarter)
    else { return nil }
    self.ordinal = ordinal
  }

  private init(ordinal: Int32) { self.ordinal = ordinal }

  func adding(_ quarters: Int) -> Quarter { Quarter(ordinal: ordinal + Int32(quarters)) }

  var description: String { Periods.format(ordinal, unit: .quarter) }
}

extension Lesson {
  /// Every text of the lesson, prose and queries, to look for `$name` in.
  var allTexts: [String] {
    [title, summary] + pages.flatMap { [$0.text, $0.query, $0.question] }
      + exercises.flatMap { [$0.question, $0.hint, $0.solution] }
  }

  /// The lesson with `values` written in place of its `$name`s.
  func substituting(_ values: [String: String]) -> Lesson {
    func prose(_ s: String) -> String { LessonParameters.substitute(s, values, inQuery: false) }
    func query(_ s: String) -> String { LessonParameters.substitute(s, values, inQuery: true) }
    var copy = self
    copy.title = prose(title)
    copy.summary = prose(summary)
    copy.pages = pages.map { page in
      var p = page
      p.text = prose(page.text)
      p.query = query(page.query)
      p.question = prose(page.question)
      return p
    }
    copy.exercises = exercises.map { exercise in
      var e = exercise
      e.question = prose(exercise.question)
      e.hint = prose(exercise.hint)
      e.solution = query(exercise.solution)
      return e
    }
    return copy
  }
}
