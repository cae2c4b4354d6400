import FunnelSQL

/// A Spark Connect address, `sc://host:port/;name=value;...`, as Spark's
/// clients write it:
///
///     sc://127.0.0.1:15099                   host 127.0.0.1, port 15099
///     sc://spark.internal/;user_id=ana       port 15002 (Spark's default), user ana
///     sc://[::1]:15002                       an IPv6 host
///
/// Parameters other than `user_id` and `session_id` are ignored, except that
/// `token` and `use_ssl=true` are refused: Funnel speaks plaintext only.
public struct SparkAddress: Equatable, Sendable {
  public var host: String
  public var port: Int
  public var userID: String?
  public var sessionID: String?

  public static let defaultPort = 15002

  public init(parsing url: String) throws(RemoteError) {
    func bad(_ why: String) -> RemoteError {
      RemoteError(.connection, "'\(url)' is not a Spark Connect address: \(why)", hint: "write sc://HOST:PORT")
    }
    guard url.lowercased().hasPrefix("sc://") else { throw bad("it does not start with sc://") }
    let rest = url.dropFirst(5)
    let parts = rest.split(separator: ";", omittingEmptySubsequences: false)
    var authority = parts[0]
    if authority.hasSuffix("/") { authority = authority.dropLast() }
    guard !authority.contains("/") else { throw bad("Spark Connect addresses have no path") }

    var hostText = authority
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw bad("the IPv6 host has no closing ]") }
      hostText = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") {
        portText = after.dropFirst()
      } else if !after.isEmpty {
        throw bad("text after the host")
      }
    } else if let colon = authority.lastIndex(of: ":") {
      hostText = authority[..<colon]
      portText = authority[authority.index(after: colon)...]
    }
    guard !hostText.isEmpty else { throw bad("the host is missing") }
    host = String(hostText)
    if let portText {
      guard let p = Int(portText), (1...65535).contains(p) else { throw bad("the port '\(portText)' is not a number") }
      port = p
    } else {
      port = SparkAddress.defaultPort
    }

    for parameter in parts.dropFirst() where !parameter.isEmpty {
      let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = pair[0].lowercased()
      let value = pair.count > 1 ? String(pair[1]) : ""
      switch name {
      case "user_id": userID = value
      case "session_id": sessionID = value
      case "token":
        throw RemoteError(.connection, "Spark Connect with a token needs TLS, which Funnel does not speak yet")
      case "use_ssl" where value.lowercased() == "true":
        throw RemoteError(.connection, "Spark Connect over TLS is not supported yet")
      default: break
      }
    }
  }

  /// The address without its parameters: what the user may see.
  public var display: String {
    host.contains(":") ? "sc://[\(host)]:\(port)" : "sc://\(host):\(port)"
  }
}
