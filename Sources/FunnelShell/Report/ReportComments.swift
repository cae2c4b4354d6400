/// What a script's comments say in an HTML report (`--format html`):
///
/// - the comment lines directly above a statement (no blank line between)
///   describe its result: a short first line with no mark at its end over
///   a line that starts a sentence (`# Channels` then `# Most leads
///   first.`) is the section's heading; otherwise the first sentence (up to
///   the first `: ` or `. `, when it is at most 80 characters) is, and the
///   rest is its text;
/// - the script's opening comment block, when a blank line separates it
///   from what follows, is the page's title and introduction, by the same rule;
/// - a blank `#` line starts a new paragraph, and so does a line starting
///   with a label (`# Answers:    which channels …`: a capitalised word or
///   few and a colon, right after the `# `);
///   the other lines are joined, and runs of spaces become one.
///
/// ```
/// # Slipped deals: open, with an expected close already past.
/// deals | where slipped()
/// ```
/// gives the heading `Slipped deals` and the paragraph `Open, with an
/// expected close already past.`
enum ReportComments {
  /// A heading (nil when the first sentence is too long to be one) and paragraphs.
  struct Described: Equatable {
    var heading: String?
    var paragraphs: [String]
  }

  /// The comment block directly above `line` (1-based) of `lines`, or nil.
  static func above(line: Int, in lines: [Substring]) -> Described? {
    var block = [Substring]()
    var i = min(line - 2, lines.count - 1)
    while i >= 0, let text = comment(lines[i]) {
      if lines[i].hasPrefix("#!") { break }
      block.insert(text, at: 0)
      i -= 1
    }
    return block.isEmpty ? nil : describe(block)
  }

  /// The script's opening comment block (after a `#!` line), when a blank line follows it.
  static func header(in lines: [Substring]) -> Described? {
    var i = lines.first?.hasPrefix("#!") == true ? 1 : 0
    var block = [Substring]()
    while i < lines.count, let text = comment(lines[i]) {
      block.append(text)
      i += 1
    }
    guard !block.isEmpty, i < lines.count, lines[i].allSatisfy(\.isWhitespace) else { return nil }
    return describe(block)
  }

  /// The text of a comment line without its `#`s and the space after them; nil for any other line.
  static func comment(_ line: Substring) -> Substring? {
    let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
    guard trimmed.first == "#" else { return nil }
    let text = trimmed.drop(while: { $0 == "#" })
    return text.first == " " ? text.dropFirst() : text
  }

  static func describe(_ block: [Substring]) -> Described {
    // `# Channels` over `# Most leads first.`: a short first line without a
    // mark at its end, over a line that starts a sentence, is a title.
    if block.count > 1, let first = block.first, let last = first.last, !".,;:!?-(".contains(last),
      !first.contains(": "), !first.contains(". "), first.count <= 80, block[1].first?.isUppercase == true
    {
      let heading = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
      return Described(heading: heading, paragraphs: paragraphs(Array(block.dropFirst())))
    }
    let paragraphs = paragraphs(block)
    guard let first = paragraphs.first else { return Described(heading: nil, paragraphs: []) }
    let (heading, rest) = split(first)
    guard let heading else { return Described(heading: nil, paragraphs: paragraphs) }
    return Described(heading: heading, paragraphs: (rest.map { [$0] } ?? []) + paragraphs.dropFirst())
  }

  /// The lines as paragraphs: split at blank lines and labels, joined, spaces collapsed.
  static func paragraphs(_ block: [Substring]) -> [String] {
    var paragraphs = [String]()
    var current = [Substring]()
    func close() {
      let words = current.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
      if !words.isEmpty { paragraphs.append(words.joined(separator: " ")) }
      current = []
    }
    for line in block {
      if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
        close()
      } else {
        if startsLabel(line) { close() }
        current.append(line)
      }
    }
    close()
    return paragraphs
  }

  /// `Answers:    won so far` (a capitalised label of a few words, a
  /// colon, a space) at the very start of the line.
  static func startsLabel(_ line: Substring) -> Bool {
    guard let colon = line.firstIndex(of: ":"), line.first?.isUppercase == true else { return false }
    let label = line[..<colon]
    guard label.count <= 24, label.allSatisfy({ $0.isLetter || $0 == " " }) else { return false }
    return line[line.index(after: colon)...].first == " "
  }

  /// The first sentence as a heading and the rest, capitalised; no heading
  /// when the sentence is longer than 80 characters.
  static func split(_ text: String) -> (String?, String?) {
    var end = text.endIndex, next = text.endIndex
    for mark in [": ", ". ", "? ", "! "] {
      if let r = text.range(of: mark), r.lowerBound < end {
        end = r.lowerBound
        next = r.upperBound
      }
    }
    var heading = String(text[..<end])
    if end == text.endIndex, heading.hasSuffix(".") { heading.removeLast() }
    guard !heading.isEmpty, heading.count <= 80 else { return (nil, nil) }
    // A sentence that ends in `?` or `!` keeps its mark.
    if next != text.endIndex, let mark = text[end...].first, mark == "?" || mark == "!" { heading.append(mark) }
    let rest = String(text[next...])
    guard let first = rest.first else { return (heading, nil) }
    return (heading, first.uppercased() + rest.dropFirst())
  }
}
