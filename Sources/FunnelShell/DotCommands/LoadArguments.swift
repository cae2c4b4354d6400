import FunnelData
import FunnelLanguage

/// What `.load` was asked to do, parsed from its words:
///
/// ```
/// .load deals "crm export.csv" with sep=";", null="unknown", date="%d/%m/%Y",
///       decimal=",", bool="yes/no", types amount=decimal closed=date
///       map amount = close_value, owner = sales_agent
/// .load deals "Pipeline.xlsx" with sheet = "Deals", skip = 2
/// .load leads export.zip with entry = "leads.csv"
/// ```
public struct LoadRequest {
  public var name: String
  public var path: String
  public var options: ReadOptions
  /// Columns to rename after reading, `new = old` as in `rename`.
  public var map: [(new: String, old: String)]
}

/// The grammar of `.load`'s arguments and of `--with`.
public enum LoadArguments {
  /// The option keys `with` takes.
  public static let optionKeys = ["sep", "null", "date", "decimal", "bool", "types", "sheet", "skip", "entry"]

  /// `NAME PATH [with k=v, ...] [map new = old, ...]`; throws a Diagnostic
  /// placed under the offending word.
  /// `NAME = PATH` reads as `NAME PATH`, as a `let` is written.
  public static func parse(_ words: [CommandWord], usage: String, at span: Span) throws -> LoadRequest {
    var words = words
    if words.count >= 3, !words[0].isPunctuation, words[1].isPunctuation, words[1].text == "=" {
      words.remove(at: 1)
    }
    guard words.count >= 2, !words[0].isPunctuation, !words[1].isPunctuation else {
      throw Diagnostic(
        message: ".load needs a name and a path", span: words.first?.span ?? span, hints: ["usage: " + usage])
    }
    var request = LoadRequest(name: words[0].text, path: words[1].text, options: ReadOptions(), map: [])
    var rest = words[2...]
    while let clause = rest.first {
      rest = rest.dropFirst()
      switch clause.quoted ? "" : clause.text {
      case "with": request.options = try options(&rest, into: request.options)
      case "map": request.map += try renamings(&rest)
      default:
        var d = Diagnostic(message: "expected 'with' or 'map', found '\(clause.text)'", span: clause.span)
        if clause.text.count > 2 { d.suggest(clause.text, among: ["with", "map"]) }
        d.hints.append("usage: " + usage)
        throw d
      }
    }
    return request
  }

  /// The options of a `--with` flag: `sep=";", null="NA"` (the words of `with`).
  public static func readOptions(_ text: String) throws -> ReadOptions {
    let words = CommandWord.split(text, at: Span(line: 1, column: 1, offset: 0, length: 0), punctuation: true)
    var slice = words[...]
    let options = try options(&slice, into: ReadOptions())
    if let extra = slice.first { throw Diagnostic(message: "unexpected '\(extra.text)'", span: extra.span) }
    return options
  }

  /// `k=v` items separated by commas or spaces, up to `map` or the end.
  static func options(_ words: inout ArraySlice<CommandWord>, into start: ReadOptions) throws -> ReadOptions {
    var options = start
    var sawOne = false
    while let key = words.first {
      if key.text == "," && !key.quoted {
        words = words.dropFirst()
        continue
      }
      if !key.quoted && key.text == "map" { break }
      words = words.dropFirst()
      if key.text == "types" && !key.quoted {
        try types(&words, into: &options)
        sawOne = true
        continue
      }
      let value = try assigned(to: key, &words)
      try apply(key, value, to: &options)
      sawOne = true
    }
    if !sawOne, let last = words.first {
      throw Diagnostic(message: "expected an option such as sep=\";\"", span: last.span)
    }
    return options
  }

  /// `col=type` pairs after `types`, while the value names a type.
  static func types(_ words: inout ArraySlice<CommandWord>, into options: inout ReadOptions) throws {
    var count = 0
    while words.count >= 3 {
      let column = words[words.startIndex]
      let equals = words[words.startIndex + 1]
      let type = words[words.startIndex + 2]
      guard !column.isPunctuation, equals.text == "=", !equals.quoted else { break }
      guard let forced = forcedType(type.text) else {
        if count == 0 {
          var d = Diagnostic(message: "unknown type '\(type.text)'", span: type.span)
          d.suggest(type.text, among: ForcedType.allCases.map(\.rawValue))
          throw d
        }
        break
      }
      options.types[column.text] = forced
      words = words.dropFirst(3)
      count += 1
      if let comma = words.first, comma.text == ",", !comma.quoted { words = words.dropFirst() }
    }
    if count == 0 {
      throw Diagnostic(
        message: "'types' needs column=type pairs", span: words.first?.span,
        hints: ["types are " + ForcedType.allCases.map(\.rawValue).joined(separator: ", ")])
    }
  }

  static func forcedType(_ text: String) -> ForcedType? {
    if text == "string" { return .text }
    if text == "integer" { return .int }
    return ForcedType(rawValue: text)
  }

  /// The value after `key =`.
  static func assigned(to key: CommandWord, _ words: inout ArraySlice<CommandWord>) throws -> CommandWord {
    guard let equals = words.first, equals.text == "=", !equals.quoted else {
      throw Diagnostic(message: "expected '=' after '\(key.text)'", span: words.first?.span ?? key.span)
    }
    words = words.dropFirst()
    guard let value = words.first, !value.isPunctuation else {
      throw Diagnostic(message: "expected a value after '\(key.text) ='", span: words.first?.span ?? equals.span)
    }
    words = words.dropFirst()
    return value
  }

  static func apply(_ key: CommandWord, _ value: CommandWord, to options: inout ReadOptions) throws {
    switch key.text {
    case "sep", "separator":
      let text = value.text == "tab" || value.text == "\\t" ? "\t" : value.text
      guard text.utf8.count == 1, let byte = text.utf8.first, byte < 128 else {
        throw Diagnostic(message: "a separator is one character, such as \";\" or \"tab\"", span: value.span)
      }
      options.separator = byte
    case "null":
      options.nullTokens.append(value.text)
    case "date":
      options.dateFormat = value.text
    case "decimal":
      switch value.text {
      case ",": options.decimalComma = true
      case ".": options.decimalComma = false
      default: throw Diagnostic(message: "decimal is \",\" or \".\"", span: value.span)
      }
    case "bool":
      let parts = value.text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw Diagnostic(
          message: "bool is written \"yes/no\": the true word, a slash, the false word", span: value.span)
      }
      options.boolTokens = (String(parts[0]), String(parts[1]))
    case "sheet":
      options.sheet = value.text
    case "skip":
      guard let rows = Int(value.text), rows >= 0 else {
        throw Diagnostic(message: "skip is a number of rows, such as skip = 2", span: value.span)
      }
      options.skip = rows
    case "entry":
      options.entry = value.text
    default:
      var d = Diagnostic(message: "unknown option '\(key.text)'", span: key.span)
      d.suggest(key.text, among: optionKeys)
      d.hints.append("options are " + optionKeys.joined(separator: ", "))
      throw d
    }
  }

  /// `new = old` pairs separated by commas.
  static func renamings(_ words: inout ArraySlice<CommandWord>) throws -> [(new: String, old: String)] {
    var pairs: [(new: String, old: String)] = []
    while let new = words.first {
      if new.text == "," && !new.quoted {
        words = words.dropFirst()
        continue
      }
      if !new.quoted && new.text == "with" { break }
      words = words.dropFirst()
      let old = try assigned(to: new, &words)
      pairs.append((new.text, old.text))
    }
    if pairs.isEmpty {
      throw Diagnostic(
        message: "'map' needs new = old pairs", span: words.first?.span, hints: ["map amount = close_value"])
    }
    return pairs
  }
}
