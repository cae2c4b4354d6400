import Foundation

/// libFuzzer's entry for the xlsx target (built by scripts/fuzz). The work is
/// `WorkbookFuzzCase.run`, which FuzzRegressionTests replays over the saved
/// inputs; a broken promise aborts, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let problems = WorkbookFuzzCase.run(bytes)
  if !problems.isEmpty {
    FileHandle.standardError.write(Data(("broken promises:\n" + problems.joined(separator: "\n") + "\n").utf8))
    abort()
  }
  return 0
}
