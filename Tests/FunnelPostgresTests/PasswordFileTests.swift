import Foundation
import Testing

@testable import FunnelPostgres

@Suite struct PasswordFileTests {
  let file = PasswordFile(
    text: """
      # comments and blank lines are skipped

      db.example.com:5432:crm:ann:first
      db.example.com:*:*:ann:second
      *:*:*:bob:b\\:o\\\\b
      127.0.0.1:55434:postgres:funnel:with:colons
      localhost:5432:*:carl:socket
      """)

  @Test func firstMatchWins() {
    #expect(file.password(host: "db.example.com", port: 5432, database: "crm", user: "ann") == "first")
    #expect(file.password(host: "db.example.com", port: 6000, database: "crm", user: "ann") == "second")
    #expect(file.password(host: "other", port: 5432, database: "crm", user: "ann") == nil)
  }

  @Test func escapesAndWildcards() {
    #expect(file.password(host: "anywhere", port: 1, database: "x", user: "bob") == "b:o\\b")
    #expect(file.password(host: "127.0.0.1", port: 55434, database: "postgres", user: "funnel") == "with:colons")
  }

  @Test func aSocketIsLocalhost() {
    #expect(file.password(host: "/tmp", port: 5432, database: "crm", user: "carl") == "socket")
  }

  @Test func lookupOrder() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("pgpass").path
    try "h:5432:d:ann:from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o600)
    let url = try PostgresURL(parsing: "postgres://ann@h/d")
    #expect(PasswordLookup(url: url, environment: ["PGPASSFILE": path]).password == "from-file")
    #expect(PasswordLookup(url: url, environment: ["PGPASSFILE": path, "PGPASSWORD": "env"]).password == "env")
    let inURL = try PostgresURL(parsing: "postgres://ann:url@h/d")
    #expect(PasswordLookup(url: inURL, environment: ["PGPASSWORD": "env"]).password == "url")
    // ~/.pgpass when PGPASSFILE is not set.
    try FileManager.default.copyItem(atPath: path, toPath: directory.appendingPathComponent(".pgpass").path)
    chmod(directory.appendingPathComponent(".pgpass").path, 0o600)
    #expect(PasswordLookup(url: url, environment: ["HOME": directory.path]).password == "from-file")
    // A file others may read is ignored, as libpq does, and the hint says so.
    chmod(path, 0o644)
    let ignored = PasswordLookup(url: url, environment: ["PGPASSFILE": path])
    #expect(ignored.password == nil)
    #expect(ignored.ignoredFile == "\(path) is ignored because others may read it: chmod 600 \(path)")
  }
}
