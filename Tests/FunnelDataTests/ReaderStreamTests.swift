import Foundation
import Testing

@testable import FunnelData

/// Named pipes and devices read once as streams within the memory limit;
/// files that change while they load; loads stopped by `Cancellation`.
@Suite(.timeLimit(.minutes(1)))
struct ReaderStreamTests {
  let scratch = ReaderScratch()

  init() {
    // A writer whose reader has gone must get EPIPE, not end the test run.
    signal(SIGPIPE, SIG_IGN)
  }

  /// A named pipe fed by a thread: opened once (opening it twice waited
  /// for a second writer forever).
  @Test func namedPipeIsReadOnce() throws {
    let path = try fifo("pipe.csv")
    let writer = Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      var text = "id,amount\n"
      for i in 0..<50_000 { text += "\(i),\(i).25\n" }
      _ = text.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let table = try TableReader.read(path: path)
    #expect(table.rowCount == 50_000)
    #expect(table.cells("amount")[49_999] == .decimal(4_999_925, scale: 2))
  }

  /// A stream bigger than its first blocks, with a column that turns to
  /// text at its end: the second pass reads the held blocks, and the table
  /// is the one the same text gives from a regular file.
  @Test func aBigStreamWithASecondPass() throws {
    var text = "id,code\n"
    for i in 0..<250_000 { text += "\(i),\(i % 977)\n" }
    text += "250000,n/a\n"
    let plain = try TableReader.read(path: scratch.file("plain.csv", text))
    let path = try fifo("big.csv")
    feed(path, text)
    let streamed = try TableReader.read(path: path)
    #expect(streamed.rowCount == 250_001)
    #expect(streamed.typeOf("code") == .string)
    #expect(streamed.cells("code") == plain.cells("code"))
  }

  /// A bad row deep in a stream is named by its line in the whole stream.
  @Test func aBadRowInAStreamNamesItsLine() throws {
    var text = "id,name\n"
    for i in 0..<200_000 { text += "\(i),n\(i)\n" }
    text += "1,2,3\n"
    let path = try fifo("bad.csv")
    feed(path, text)
    #expect(throws: FileError(path: path, line: 200_002, message: "this row has 3 fields but the header has 2")) {
      _ = try TableReader.read(path: path)
    }
  }

  /// A pipe of endless text stops at the memory limit with the limit's message.
  @Test func endlessPipeStopsAtTheMemoryLimit() throws {
    let path = try fifo("endless.csv")
    let done = Cancellation()
    endlessWriter(path, until: done)
    defer { done.cancel() }
    var options = ReadOptions()
    options.memoryLimit = MemoryLimit(bytes: 4 << 20)
    do {
      _ = try TableReader.read(path: path, options: options)
      Issue.record("an endless pipe loaded")
    } catch let error as MemoryLimitExceeded {
      #expect(error.description == "memory limit of 4 MiB exceeded while loading \(path)")
    }
  }

  @Test func cancellationStopsAStream() throws {
    let path = try fifo("cancel.csv")
    let done = Cancellation()
    defer { done.cancel() }
    var options = ReadOptions()
    let cancellation = Cancellation()
    options.cancellation = cancellation
    // The writer presses "Ctrl-C" once it has written about 5 MB, so the
    // reader is mid-stream whatever the machine's load; a timer could fire
    // only after the reader had taken in gigabytes.
    endlessWriter(path, until: done, cancelling: cancellation, afterBlocks: 64)
    #expect(throws: Cancelled.self) { _ = try TableReader.read(path: path, options: options) }
  }

  @Test func cancellationStopsAFileBetweenChunks() throws {
    var text = "id\n"
    for i in 0..<10 { text += "\(i)\n" }
    let path = scratch.file("small.csv", text)
    var options = ReadOptions()
    options.cancellation = Cancellation()
    options.cancellation?.cancel()
    #expect(throws: Cancelled.self) { _ = try TableReader.read(path: path, options: options) }
  }

  /// Columns projected past the limit stop the load before they are built.
  @Test func aFileOverTheMemoryLimit() throws {
    var text = "a,b,c\n"
    for i in 0..<200_000 { text += "\(i),\(i * 2),\(i * 3)\n" }
    let path = scratch.file("wide.csv", text)
    var options = ReadOptions()
    options.memoryLimit = MemoryLimit(bytes: 2 << 20)
    #expect(throws: MemoryLimitExceeded(limit: MemoryLimit(bytes: 2 << 20), activity: "loading \(path)")) {
      _ = try TableReader.read(path: path, options: options)
    }
    options.memoryLimit = MemoryLimit(bytes: 1 << 30)
    #expect(try TableReader.read(path: path, options: options).rowCount == 200_000)
  }

  /// A file appended to all through its load (it used to hit a precondition).
  @Test func aFileGrowingDuringTheLoad() throws {
    var text = "id,name\n"
    for i in 0..<300_000 { text += "\(i),n\(i % 100)\n" }
    let path = scratch.file("growing.csv", text)
    let done = Cancellation()
    let started = DispatchSemaphore(value: 0)
    Thread {
      guard let handle = FileHandle(forWritingAtPath: path) else { return }
      handle.seekToEndOfFile()
      started.signal()
      while !done.isCancelled {
        handle.write(Data("1,x\n".utf8))
        usleep(200)
      }
      handle.closeFile()
    }.start()
    started.wait()
    usleep(2000)
    defer { done.cancel() }
    // Small chunks, so the file is read over many steps while it grows.
    let options = ReadOptions()
    let file = ChunkedFile(source: try TextInput(path: path), chunkSize: 1 << 16)
    let reader = DelimitedFileReader(
      file: file, options: options, rules: try FieldRules(options, path: path), budget: LoadBudget(options, path: path))
    #expect(throws: FileError(path: path, message: "changed while it was being loaded; load it again")) {
      _ = try reader.read()
    }
  }

  @Test(arguments: ["append", "truncate", "rewrite"])
  func changesSeenByTheRawFile(_ change: String) throws {
    let path = scratch.file("c.csv", "id\n1\n2\n3\n")
    let file = try RawFile(path: path)
    var buffer = [UInt8](repeating: 0, count: 64)
    let first = try buffer.withUnsafeMutableBufferPointer { try file.read($0.baseAddress.unsafelyUnwrapped, 3) }
    #expect(first == 3)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    switch change {
    case "append":
      handle.seekToEndOfFile()
      handle.write(Data("4\n".utf8))
    case "truncate":
      handle.truncateFile(atOffset: 5)
    default:
      // Same size, new content and modification time.
      var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
      handle.write(Data("x\n".utf8))
      futimens(handle.fileDescriptor, &times)
    }
    handle.closeFile()
    #expect(throws: FileError(path: path, message: "changed while it was being loaded; load it again")) {
      try buffer.withUnsafeMutableBufferPointer { b in
        while try file.read(b.baseAddress.unsafelyUnwrapped, b.count) > 0 {}
      }
    }
  }

  /// A regular file of size 0 with content (those of /proc) is a stream:
  /// its size cannot be held against what is read.
  @Test func procFilesOfSizeZeroAreStreams() throws {
    let file = try RawFile(path: "/proc/self/status")
    #expect(!file.isRewindable)
  }

  // MARK: - Helpers

  func fifo(_ name: String) throws -> String {
    let path = scratch.directory + "/" + name
    try #require(mkfifo(path, 0o600) == 0)
    return path
  }

  /// Writes `text` to the pipe from another thread, then closes it.
  func feed(_ path: String, _ text: String) {
    Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      var text = text
      text.withUTF8 { bytes in
        var done = 0
        while done < bytes.count {
          let n = write(fd, bytes.baseAddress.unsafelyUnwrapped + done, bytes.count - done)
          if n <= 0 { break }
          done += n
        }
      }
      close(fd)
    }.start()
  }

  /// Writes rows to the pipe until `done` or the reader goes away.
  func endlessWriter(
    _ path: String, until done: Cancellation, cancelling other: Cancellation? = nil, afterBlocks: Int = 0
  ) {
    Thread {
      let fd = open(path, O_WRONLY)
      guard fd >= 0 else { return }
      defer { close(fd) }
      let line = Array("123,some text,45.5\n".utf8)
      let block = Array([[UInt8]](repeating: line, count: 4096).joined())
      let header = Array("a,b,c\n".utf8)
      guard write(fd, header, header.count) > 0 else { return }
      var blocks = 0
      while !done.isCancelled {
        if block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) < 0 { return }
        blocks += 1
        if blocks == afterBlocks { other?.cancel() }
      }
    }.start()
  }
}
