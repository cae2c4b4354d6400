import Foundation
import FunnelData
import FunnelSQL
import GRPCCore

/// How the failures of a Spark Connect call read to the user.
extension RemoteError {
  /// A failed call: the server's own message (it opens with Spark's error
  /// class, `[TABLE_OR_VIEW_NOT_FOUND] The table or view ...`), or what
  /// went wrong with the connection; `.cancelled` once the user asked.
  static func spark(_ error: any Error, address: String, cancelled: Bool) -> RemoteError {
    if let e = error as? RemoteError { return e }
    if cancelled || error is CancellationError { return RemoteError(.cancelled, "the statement was cancelled") }
    guard let rpc = error as? RPCError else {
      return RemoteError(.connection, "the connection to \(address) failed: \(error)")
    }
    switch rpc.code {
    case .unavailable, .deadlineExceeded:
      return RemoteError(
        .connection, "cannot reach Spark Connect at \(address)" + (rpc.message.isEmpty ? "" : ": \(rpc.message)"),
        hint: "is the server running? (start-connect-server.sh)")
    case .cancelled:
      return RemoteError(.cancelled, "the statement was cancelled")
    default:
      return RemoteError(.server, sparkMessage(rpc.message))
    }
  }

  /// The first paragraph of Spark's message: the plan it appends after a
  /// blank line or a `;` and a newline is for Spark's developers.
  static func sparkMessage(_ text: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces).isEmpty, !lines.isEmpty { break }
      lines.append(line)
      if line.hasSuffix(";") { break }
    }
    let message = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    return message.isEmpty ? "Spark failed without saying why" : message
  }

  /// What the caller's batch handler threw, as the engine must report it.
  static func handler(_ error: any Error) -> RemoteError {
    if let e = error as? RemoteError { return e }
    if error is Cancelled { return RemoteError(.cancelled, "the statement was cancelled") }
    return RemoteError(.unsupported, String(describing: error))
  }
}
