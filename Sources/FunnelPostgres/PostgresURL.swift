import FunnelSQL

/// Where and as whom to connect, read from a URL such as
/// `postgres://funnel@127.0.0.1:5432/crm?schema=sales`.
///
/// `postgresql://` is the same scheme. A password may be written
/// `USER:PASSWORD@` but is better kept in `PGPASSWORD` or `~/.pgpass` (see
/// `PasswordFile`); `address` never shows it. A host that starts with `/`
/// once decoded (`postgres://funnel@%2Ftmp/crm`) is the directory of a Unix
/// socket, as in libpq.
///
///     try PostgresURL(parsing: "postgres://ann:secret@db:5433/crm?sslmode=require").address
///     // "postgres://ann@db:5433/crm?sslmode=require"
struct PostgresURL: Equatable, Sendable {
  /// Whether to use TLS, as libpq's `sslmode` says it (`prefer` by default).
  enum TLSMode: String, Equatable, Sendable, CaseIterable {
    /// Never.
    case disable
    /// When the server offers it; the certificate is not checked.
    case prefer
    /// Always; the certificate is not checked.
    case require
    /// Always, with the certificate checked against the system's roots and the host name.
    case verifyFull = "verify-full"
  }

  var user: String
  var password: String?
  var host: String
  var port: Int
  var database: String
  /// The schema `tables()` lists; nil is the server's `current_schema()`.
  var schema: String?
  var tls: TLSMode = .prefer

  static let defaultPort = 5432
  static let parameters = ["schema", "sslmode"]

  /// The directory of the Unix socket, when the host is one.
  var socketPath: String? {
    guard host.hasPrefix("/") else { return nil }
    return (host.hasSuffix("/") ? host : host + "/") + ".s.PGSQL.\(port)"
  }

  init(parsing text: String) throws(RemoteError) {
    var rest = Substring(text)
    guard let colon = rest.range(of: "://"),
      ["postgres", "postgresql"].contains(rest[..<colon.lowerBound].lowercased())
    else {
      throw RemoteError(
        .connection, "not a PostgreSQL URL: \(PostgresURL.withoutPassword(text))",
        hint: "write postgres://USER@HOST:PORT/DATABASE")
    }
    rest = rest[colon.upperBound...]
    var query: Substring = ""
    if let q = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: q)...]
      rest = rest[..<q]
    }
    var path: Substring = ""
    if let slash = rest.firstIndex(of: "/") {
      path = rest[rest.index(after: slash)...]
      rest = rest[..<slash]
    }
    var userInfo: Substring?
    if let at = rest.lastIndex(of: "@") {
      userInfo = rest[..<at]
      rest = rest[rest.index(after: at)...]
    }
    if let info = userInfo {
      if let c = info.firstIndex(of: ":") {
        user = try PostgresURL.decoded(info[..<c], text)
        password = try PostgresURL.decoded(info[info.index(after: c)...], text)
      } else {
        user = try PostgresURL.decoded(info, text)
      }
    } else {
      user = ""
    }
    if user.isEmpty {
      throw RemoteError(
        .connection, "the URL names no user: \(PostgresURL.withoutPassword(text))",
        hint: "write postgres://USER@HOST:PORT/DATABASE")
    }
    (host, port) = try PostgresURL.hostAndPort(rest, text)
    database = path.isEmpty ? user : try PostgresURL.decoded(path, text)
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1)
      let key = String(parts[0]).lowercased()
      let value = parts.count > 1 ? try PostgresURL.decoded(parts[1], text) : ""
      switch key {
      case "schema": schema = value.isEmpty ? nil : value
      case "sslmode":
        guard let mode = TLSMode(rawValue: value.lowercased()) else {
          throw RemoteError(
            .connection, "unknown sslmode '\(value)'",
            hint: "sslmode is one of " + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        tls = mode
      default:
        throw RemoteError(
          .connection, "unknown URL parameter '\(key)'",
          hint: "the parameters are " + PostgresURL.parameters.joined(separator: ", "))
      }
    }
  }

  /// The URL as the user may see it: no password.
  var address: String {
    var hostText = host.contains(":") ? "[\(host)]" : host
    // A socket directory is written encoded in a URL: /tmp is %2Ftmp.
    if host.hasPrefix("/") {
      hostText = host.split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
    }
    var text = "postgres://\(user)@\(hostText)"
    if port != PostgresURL.defaultPort { text += ":\(port)" }
    text += "/\(database)"
    var parameters: [String] = []
    if let schema { parameters.append("schema=\(schema)") }
    if tls != .prefer { parameters.append("sslmode=\(tls.rawValue)") }
    if !parameters.isEmpty { text += "?" + parameters.joined(separator: "&") }
    return text
  }

  private static func hostAndPort(_ text: Substring, _ url: String) throws(RemoteError) -> (String, Int) {
    var hostPart = text
    var portPart: Substring?
    if hostPart.hasPrefix("[") {
      // An IPv6 address: [::1]:5432.
      guard let close = hostPart.firstIndex(of: "]") else {
        throw RemoteError(.connection, "unclosed '[' in the host of \(withoutPassword(url))")
      }
      let after = hostPart[hostPart.index(after: close)...]
      if after.hasPrefix(":") { portPart = after.dropFirst() }
      hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
    } else if let c = hostPart.lastIndex(of: ":") {
      portPart = hostPart[hostPart.index(after: c)...]
      hostPart = hostPart[..<c]
    }
    let host = hostPart.isEmpty ? "localhost" : try decoded(hostPart, url)
    guard let portPart else { return (host, defaultPort) }
    guard let port = Int(portPart), (1...65535).contains(port) else {
      throw RemoteError(.connection, "the port '\(portPart)' is not a number from 1 to 65535")
    }
    return (host, port)
  }

  /// Percent-decodes one part of the URL (`%40` is `@`).
  private static func decoded(_ part: Substring, _ url: String) throws(RemoteError) -> String {
    guard part.contains("%") else { return String(part) }
    var bytes: [UInt8] = []
    var i = part.utf8.startIndex
    let utf8 = part.utf8
    while i < utf8.endIndex {
      let b = utf8[i]
      if b == UInt8(ascii: "%") {
        let h = utf8.index(after: i)
        let l = h < utf8.endIndex ? utf8.index(after: h) : h
        guard l < utf8.endIndex, let hi = hexValue(utf8[h]), let lo = hexValue(utf8[l]) else {
          throw RemoteError(.connection, "a '%' in \(withoutPassword(url)) is not followed by two hex digits")
        }
        bytes.append(hi << 4 | lo)
        i = utf8.index(after: l)
      } else {
        bytes.append(b)
        i = utf8.index(after: i)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// A URL as it may appear in a message: the password replaced by `***`.
  static func withoutPassword(_ url: String) -> String {
    guard let scheme = url.range(of: "://") else { return url }
    let afterScheme = url[scheme.upperBound...]
    let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" } ?? afterScheme.endIndex
    let authority = afterScheme[..<authorityEnd]
    guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
    return String(url[..<colon]) + ":***" + String(url[at...])
  }
}
