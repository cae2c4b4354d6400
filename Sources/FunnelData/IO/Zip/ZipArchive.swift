import CFunnelZlib
import Foundation
import ZIPFoundation

/// A zip archive opened for reading: an Excel workbook (`.xlsx` is a zip of
/// XML parts) or a `.zip` holding a data file. Every problem is a
/// `FileError` naming the archive:
///
///     export.zip: is not a zip archive that can be read (it may be cut short)
///     export.zip: the part leads.csv is damaged (its checksum does not match)
struct ZipArchive {
  let path: String
  private let archive: Archive

  /// Whether the file at `path` starts as a zip archive does (a regular
  /// file only: a stream cannot be read twice, and is refused as binary later).
  static func looksLikeZip(_ path: String) -> Bool {
    // Looked at before opening: opening a named pipe would wait for its
    // writer, and closing it again would lose what the writer sent.
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
    guard let raw = try? RawFile(path: path), raw.isRewindable, let head = try? raw.head(4) else { return false }
    return head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06]
  }

  init(path: String) throws {
    self.path = path
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw FileError(path: path, message: "is not a zip archive that can be read (it may be cut short or damaged)")
    }
  }

  /// The files in the archive, in the order it lists them (folders left out).
  var files: [String] {
    archive.compactMap { $0.type == .file ? $0.path : nil }
  }

  /// Whether the archive holds a file at `part`.
  func contains(_ part: String) -> Bool { archive[part] != nil }

  /// The size `part` has once inflated, as the archive says.
  func size(of part: String) -> Int? {
    archive[part].map { Int(clamping: $0.uncompressedSize) }
  }

  /// The whole of `part`, inflated; nil when the archive has no such part.
  /// `limit`: the most bytes it may take (a memory budget), checked before
  /// inflating from the size the archive declares, and while inflating.
  func read(_ part: String, limit: Int = Int.max) throws -> Data? {
    guard let entry = archive[part] else { return nil }
    if entry.uncompressedSize > UInt64(limit) { throw tooBig(part, limit) }
    var data = Data()
    data.reserveCapacity(Int(clamping: entry.uncompressedSize))
    try extract(entry, part) { chunk in
      data.append(chunk)
      if data.count > limit { throw tooBig(part, limit) }
    }
    return data
  }

  /// Inflates `part` a block at a time into `consumer`.
  func stream(_ part: String, _ consumer: (Data) throws -> Void) throws {
    guard let entry = archive[part] else {
      throw FileError(path: path, message: "has no part \(part)")
    }
    try extract(entry, part, consumer)
  }

  private func extract(_ entry: Entry, _ part: String, _ consumer: (Data) throws -> Void) throws {
    // What the consumer throws (a budget, a reader that stopped) passes
    // through as it is; the archive's own errors say what is wrong with it.
    var thrown: Error?
    // The checksum is zlib's (ZIPFoundation's own, used where it cannot
    // import zlib as on Linux, takes longer than inflating).
    var checksum: UInt = 0
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { chunk in
        checksum = chunk.withUnsafeBytes { bytes in
          crc32(checksum, bytes.bindMemory(to: UInt8.self).baseAddress, UInt32(bytes.count))
        }
        do {
          try consumer(chunk)
        } catch {
          thrown = error
          throw error
        }
      }
    } catch Archive.ArchiveError.invalidCRC32 {
      throw FileError(path: path, message: "the part \(part) is damaged (its checksum does not match)")
    } catch Archive.ArchiveError.invalidCompressionMethod {
      throw FileError(path: path, message: "the part \(part) is compressed in a way Funnel cannot inflate")
    } catch {
      if let thrown { throw thrown }
      throw FileError(path: path, message: "the part \(part) is damaged (it cannot be inflated)")
    }
    if entry.type == .file, UInt32(truncatingIfNeeded: checksum) != entry.checksum {
      throw FileError(path: path, message: "the part \(part) is damaged (its checksum does not match)")
    }
  }

  private func tooBig(_ part: String, _ limit: Int) -> FileError {
    FileError(path: path, message: "the part \(part) is bigger than the memory left for loading it")
  }
}
