import Foundation
import FunnelData

/// libpq's password file: one line per server, `host:port:database:user:password`,
/// where `*` matches anything, `\:` and `\\` stand for `:` and `\`, and lines
/// starting with `#` are comments. The first line that matches wins.
///
///     # ~/.pgpass
///     127.0.0.1:55434:*:funnel:s3cr\:et
///
/// matches user `funnel` on 127.0.0.1:55434 in any database, password `s3cr:et`.
struct PasswordFile: Sendable {
  struct Entry: Equatable, Sendable {
    var host: String
    var port: String
    var database: String
    var user: String
    var password: String
  }

  var entries: [Entry]

  init(text: String) {
    entries = text.split(whereSeparator: \.isNewline).compactMap { line in
      if line.hasPrefix("#") { return nil }
      let fields = PasswordFile.fields(of: line)
      guard fields.count >= 5 else { return nil }
      // A password may hold an unescaped ':' after the fourth field.
      return Entry(
        host: fields[0], port: fields[1], database: fields[2], user: fields[3],
        password: fields[4...].joined(separator: ":"))
    }
  }

  /// The password of the first entry that matches. A Unix socket's host
  /// matches `localhost`, as in libpq.
  func password(host: String, port: Int, database: String, user: String) -> String? {
    let host = host.hasPrefix("/") ? "localhost" : host
    func matches(_ pattern: String, _ value: String) -> Bool { pattern == "*" || pattern == value }
    return entries.first {
      matches($0.host, host) && matches($0.port, String(port)) && matches($0.database, database)
        && matches($0.user, user)
    }?.password
  }

  /// The fields of one line, split at unescaped colons, escapes removed.
  private static func fields(of line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == ":" {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    fields.append(current)
    return fields
  }
}

/// Where a connection's password comes from, in libpq's order: the URL, then
/// `PGPASSWORD`, then the password file (`PGPASSFILE`, or `~/.pgpass`).
struct PasswordLookup: Sendable {
  /// The password, or nil when none of the places has one.
  var password: String?
  /// Why the password file was not read, for the hint of a failed login:
  /// libpq ignores a file that others may read, and so does Funnel.
  var ignoredFile: String?

  init(url: PostgresURL, environment: [String: String] = ProcessInfo.processInfo.environment) {
    if let password = url.password {
      self.password = password
      return
    }
    if let password = environment["PGPASSWORD"], !password.isEmpty {
      self.password = password
      return
    }
    let path: String
    if let file = environment["PGPASSFILE"], !file.isEmpty {
      path = file
    } else if let home = environment["HOME"], !home.isEmpty {
      path = home + "/.pgpass"
    } else {
      return
    }
    switch PrivateFile.read(path) {
    case .missing: return
    case .readableByOthers(let reason): ignoredFile = reason
    case .text(let text):
      password = PasswordFile(text: text).password(
        host: url.host, port: url.port, database: url.database, user: url.user)
    }
  }
}
