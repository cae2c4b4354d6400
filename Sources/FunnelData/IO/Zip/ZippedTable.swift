/// Reads a zip archive: an Excel workbook (it holds `xl/workbook.xml`) as
/// one of its sheets, or a `.zip` holding a data file as that file, inflated
/// as it is read (never unpacked to disk).
///
/// A zip of several files reads the one data file among them (`.csv`,
/// `.tsv`, `.txt`, `.json`, `.jsonl`, `.ndjson`, or those gzipped); with
/// more than one, `entry` (`with entry = "leads.csv"`) picks it:
///
///     export.zip: holds 2 data files: leads.csv, deals.csv; pick one with entry = "leads.csv"
///
/// Messages about the file's content name it inside the archive:
/// `export.zip/leads.csv:7: this row has 5 fields but the header has 6`.
enum ZippedTable {
  static let dataExtensions = ["csv", "tsv", "txt", "json", "jsonl", "ndjson"]

  static func read(path: String, options: ReadOptions) throws -> Table {
    let archive = try ZipArchive(path: path)
    if archive.contains("xl/workbook.xml") {
      if options.entry != nil {
        throw FileError(path: path, message: "is an Excel workbook: pick a sheet with sheet = \"Name\", not an entry")
      }
      return try WorkbookReader(archive: archive, options: options).read()
    }
    if options.sheet != nil || options.skip != nil {
      let option = options.sheet != nil ? "sheet" : "skip"
      throw FileError(
        path: path, message: "is a zip archive, not an Excel workbook: the option '\(option)' is for workbooks")
    }
    let entry = try choose(in: archive, options.entry)
    let shown = path + "/" + entry
    let size = archive.size(of: entry)
    return try TableReader.read(path: shown, format: FileFormat.contentExtension(entry), options: options) {
      try TextInput(path: shown) { ZipEntryOrigin(archivePath: path, entry: entry, size: size) }
    }
  }

  /// The entry named by `wanted` (its path in the archive, or its file name
  /// when that is unique), else the only data file.
  static func choose(in archive: ZipArchive, _ wanted: String?) throws -> String {
    // Folders of resource forks and Finder's files are not data (macOS puts them in zips).
    let files = archive.files.filter { file in
      let name = file.split(separator: "/").last.map(String.init) ?? file
      return !file.hasPrefix("__MACOSX/") && !name.hasPrefix("._") && name != ".DS_Store"
    }
    func listed(_ names: [String]) -> String {
      names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + ", ..."
    }
    if let wanted {
      if files.contains(wanted) { return wanted }
      let byName = files.filter { $0.split(separator: "/").last.map(String.init) == wanted }
      if byName.count == 1 { return byName[0] }
      var message = "has no file '\(wanted)'"
      message += files.isEmpty ? " (it is empty)" : "; it holds " + listed(files)
      throw FileError(path: archive.path, message: message)
    }
    if files.count == 1 { return files[0] }
    let data = files.filter { dataExtensions.contains(FileFormat.contentExtension($0)) }
    if data.count == 1 { return data[0] }
    if files.isEmpty { throw FileError(path: archive.path, message: "is an empty zip archive") }
    let shown = data.isEmpty ? files : data
    let kind = data.isEmpty ? "files" : "data files"
    let example = shown[0].split(separator: "/").last.map(String.init) ?? shown[0]
    throw FileError(
      path: archive.path,
      message: "holds \(shown.count) \(kind): \(listed(shown)); pick one with entry = \"\(example)\"")
  }
}
