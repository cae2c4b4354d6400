import Foundation

/// One file inside a zip archive as a stream of bytes, for `TextInput`:
/// inflated on a thread of its own while the reader parses (through a
/// `BlockPipe`, so a few blocks are held, never the whole file), and read
/// again from the start by inflating it again.
final class ZipEntryOrigin: ByteOrigin {
  private let archivePath: String
  private let entry: String
  let size: Int?
  private(set) var consumed = 0
  private var layer: PipedLayer

  /// `size`: the inflated size the archive declares.
  init(archivePath: String, entry: String, size: Int?) {
    self.archivePath = archivePath
    self.entry = entry
    self.size = size
    layer = ZipEntryOrigin.start(archivePath, entry)
  }

  var isRewindable: Bool { true }

  func read(_ into: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    let got = try layer.read(into, count)
    consumed += got
    return got
  }

  func rewind() throws {
    layer = ZipEntryOrigin.start(archivePath, entry)
    consumed = 0
  }

  /// The inflating thread opens the archive on its own (nothing of the
  /// reader's is shared with it) and hands its blocks to the pipe.
  private static func start(_ archivePath: String, _ entry: String) -> PipedLayer {
    PipedLayer { pipe in
      do {
        let archive = try ZipArchive(path: archivePath)
        try archive.stream(entry) { data in
          guard pipe.put([UInt8](data)) else { throw Abandoned() }
        }
        pipe.finish()
      } catch is Abandoned {
        pipe.finish()
      } catch let error as FileError {
        pipe.finish(error)
      } catch {
        pipe.finish(FileError(path: archivePath, message: "cannot read \(entry) (\(error))"))
      }
    }
  }

  /// The reader stopped taking blocks.
  private struct Abandoned: Error {}
}
