/// Column names as a file gives them, made usable: an empty name becomes
/// `column3` (its place, from 1), and a name met before gets `_2`, `_3` ...,
/// since duplicate names would make columns unreachable by name. Shared by
/// the delimited reader's header and an Excel sheet's header row.
enum ColumnNames {
  /// `text` as the name of column `index` (0-based), given the names `seen` so far.
  static func unique(_ text: String, at index: Int, seen: inout Set<String>) -> String {
    let base = text.isEmpty ? "column\(index + 1)" : text
    var name = base
    var suffix = 2
    while seen.contains(name) {
      name = "\(base)_\(suffix)"
      suffix += 1
    }
    seen.insert(name)
    return name
  }
}
