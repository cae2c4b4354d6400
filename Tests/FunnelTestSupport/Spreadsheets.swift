import Foundation

/// Real spreadsheet writers for the Excel reader's tests: openpyxl (in the
/// package's `.venv`, which scripts/test fills) and LibreOffice (`soffice`,
/// which scripts/test installs). Tests that need one are enabled only when
/// it is installed:
///
///     @Test(.enabled(if: Spreadsheets.python != nil, Comment(rawValue: Spreadsheets.noOpenpyxl)))
public enum Spreadsheets {
  /// The repository: Tests/FunnelTestSupport → Tests → the repository.
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The `.venv` Python, when it can import openpyxl.
  public static let python: String? = {
    let path = packageRoot.appendingPathComponent(".venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: path),
      let result = try? run(path, ["-c", "import openpyxl"]), result.status == 0
    else { return nil }
    return path
  }()

  /// `soffice` on the PATH (LibreOffice).
  public static let soffice: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for folder in folders {
      let path = String(folder) + "/soffice"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }()

  public static let noOpenpyxl = "openpyxl is not installed in .venv (scripts/test installs it)"
  public static let noLibreOffice = "LibreOffice (soffice) is not installed (scripts/test installs it)"

  /// Runs `script` with the `.venv` Python in `directory`; throws with its
  /// output when it fails.
  public static func openpyxl(_ script: String, in directory: String) throws {
    guard let python else { throw ToolFailure(message: noOpenpyxl) }
    let result = try run(python, ["-c", script], in: directory)
    guard result.status == 0 else { throw ToolFailure(message: "python failed: " + result.output) }
  }

  /// Converts `file` (a path in `directory`) to `format` (`xlsx`) with
  /// LibreOffice, which computes every formula and saves its value, into
  /// `directory/converted/`; returns the new file's path.
  public static func convert(_ file: String, to format: String, in directory: String) throws -> String {
    guard let soffice else { throw ToolFailure(message: noLibreOffice) }
    let out = directory + "/converted"
    // A profile of its own, so conversions running at once do not wait on one another's lock.
    let profile = URL(fileURLWithPath: directory + "/lo-profile").absoluteString
    let result = try run(
      soffice,
      ["-env:UserInstallation=" + profile, "--headless", "--convert-to", format, "--outdir", out, file],
      in: directory)
    let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "." + format
    let converted = out + "/" + name
    guard result.status == 0, FileManager.default.fileExists(atPath: converted) else {
      throw ToolFailure(message: "soffice did not convert \(file): " + result.output)
    }
    return converted
  }

  /// Runs a program and collects its output (standard output and error together).
  public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  public struct ToolFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }
}
