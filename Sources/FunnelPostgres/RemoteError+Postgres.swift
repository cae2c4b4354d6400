import Foundation
import FunnelData
import FunnelSQL
import PostgresNIO

/// postgres-nio's errors as the user reads them: the server's own message,
/// detail and hint, never a dump of the Swift value.
extension RemoteError {
  /// PostgreSQL's code for a statement stopped by a cancel request.
  static let queryCanceledState = "57014"

  /// An error of a statement. `cancelled` says whether the user asked to
  /// stop it, so that a statement timeout (the same code) keeps its message.
  static func statement(_ error: any Error, cancelled: Bool, address: String) -> RemoteError {
    if let remote = error as? RemoteError { return remote }
    if error is Cancelled || error is CancellationError { return RemoteError(.cancelled, "cancelled") }
    guard let error = error as? PSQLError else {
      return RemoteError(.server, "internal error: \(String(describing: error)) (this is a bug)")
    }
    if let info = error.serverInfo {
      if cancelled, info[.sqlState] == queryCanceledState { return RemoteError(.cancelled, "cancelled") }
      return server(info)
    }
    if cancelled, error.code == .queryCancelled { return RemoteError(.cancelled, "cancelled") }
    return connection(error, address: address)
  }

  /// The server's message, with its detail; the hint as the hint.
  static func server(_ info: PSQLError.ServerInfo) -> RemoteError {
    var message = info[.message] ?? "the server refused the statement"
    if let detail = info[.detail], !detail.isEmpty { message += " (\(detail))" }
    return RemoteError(.server, message, hint: info[.hint])
  }

  /// A failure to reach or keep the server.
  static func connection(_ error: PSQLError, address: String) -> RemoteError {
    let start = "is the server running? scripts/services start postgres"
    switch error.code {
    case .server:
      guard let info = error.serverInfo else { break }
      var remote = server(info)
      remote.kind = .connection
      switch info[.sqlState] {
      case "28P01", "28000":
        remote.hint = remote.hint ?? "check the password: PGPASSWORD, or ~/.pgpass (host:port:database:user:password)"
      case "3D000": remote.hint = remote.hint ?? "is the database name in the URL right?"
      default: break
      }
      return remote
    case .authMechanismRequiresPassword:
      return RemoteError(
        .connection, "\(address) asks for a password and none was given",
        hint: "put it in ~/.pgpass (host:port:database:user:password, chmod 600) or in PGPASSWORD")
    case .sslUnsupported:
      return RemoteError(
        .connection, "\(address) does not offer TLS", hint: "sslmode=require needs a server with ssl = on")
    case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
      return RemoteError(
        .connection, "the connection to \(address) was closed", hint: "reconnect; \(start)")
    case .connectionError:
      return RemoteError(
        .connection, "cannot connect to \(address): \(reason(error.underlying))", hint: start)
    default: break
    }
    return RemoteError(.connection, "cannot talk to \(address): \(error.code)", hint: start)
  }

  /// Why a socket could not be opened, in a few words.
  private static func reason(_ underlying: (any Error)?) -> String {
    guard let underlying else { return "no reason given" }
    if let nio = underlying as? NIOConnectionError {
      if nio.dnsAError != nil || nio.dnsAAAAError != nil, nio.connectionErrors.isEmpty {
        return "the host name '\(nio.host)' does not resolve"
      }
      if let first = nio.connectionErrors.first { return reason(first.error) }
    }
    if let io = underlying as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
    if let channel = underlying as? ChannelError, case .connectTimeout = channel { return "timed out" }
    return String(describing: underlying)
  }
}
