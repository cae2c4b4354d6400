import Foundation

/// The real datasets in shared/data/real, beside the repository (not part of
/// it). Tests that read them are enabled only when the folder is there:
///
///     @Suite(.enabled(if: RealData.isPresent, Comment(rawValue: RealData.absent)))
public enum RealData {
  /// shared/data/real, found from this file: Tests/FunnelTestSupport → the
  /// repository → its parent, where shared/ sits.
  public static let folder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("shared/data/real").path
  }()

  /// Whether the real datasets are there to test against.
  public static var isPresent: Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
  }

  /// Why a real-data test is skipped when the folder is missing.
  public static let absent = "the real datasets are not at \(folder) (shared/ beside the repository)"
}
