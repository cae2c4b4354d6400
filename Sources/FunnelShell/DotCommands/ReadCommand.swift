import Foundation
import FunnelLanguage

extension DotCommand {
  /// `.read PATH`: runs a script in this session (its datasets stay).
  static let read = DotCommand(
    name: "read", arguments: [.path], usage: ".read PATH", summary: "run a script in this session",
    argumentCount: 1...1
  ) { session, invocation in
    let word = invocation.words[0]
    guard session.readDepth < 16 else {
      throw invocation.error("scripts read each other more than 16 deep", at: word)
    }
    let text: String
    do {
      text = try String(contentsOfFile: word.text, encoding: .utf8)
    } catch {
      throw invocation.error("cannot read \(word.text): " + Session.reason(error), at: word)
    }
    session.readDepth += 1
    defer { session.readDepth -= 1 }
    if !session.run(SourceText(name: word.text, text: text)) {
      // The script's own message is out already; this one just stops the caller.
      throw ScriptFailed()
    }
  }
}

/// A script run by `.read` stopped at an error it has already reported.
struct ScriptFailed: Error {}

extension Session {
  /// The operating system's words for a file error, without Foundation's preamble.
  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
    if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadInapplicableStringEncodingError { return "not UTF-8 text" }
    return ns.localizedDescription
  }
}
