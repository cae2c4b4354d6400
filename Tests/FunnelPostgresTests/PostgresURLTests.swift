import Foundation
import FunnelSQL
import Testing

@testable import FunnelPostgres

@Suite struct PostgresURLTests {
  @Test func readsEveryPart() throws {
    let url = try PostgresURL(parsing: "postgres://ann@db.example.com:5433/crm?schema=sales")
    #expect(url.user == "ann")
    #expect(url.password == nil)
    #expect(url.host == "db.example.com")
    #expect(url.port == 5433)
    #expect(url.database == "crm")
    #expect(url.schema == "sales")
    #expect(url.tls == .prefer)
    #expect(url.address == "postgres://ann@db.example.com:5433/crm?schema=sales")
  }

  @Test func defaults() throws {
    let url = try PostgresURL(parsing: "postgresql://ann@localhost")
    #expect(url.port == 5432)
    #expect(url.database == "ann")
    #expect(url.schema == nil)
    #expect(url.address == "postgres://ann@localhost/ann")
  }

  @Test func passwordNeverInTheAddress() throws {
    let url = try PostgresURL(parsing: "postgres://ann:s%40cret@127.0.0.1:55434/postgres?sslmode=require")
    #expect(url.password == "s@cret")
    #expect(url.tls == .require)
    #expect(url.address == "postgres://ann@127.0.0.1:55434/postgres?sslmode=require")
    #expect(!url.address.contains("cret"))
  }

  @Test func messagesHideThePassword() {
    #expect(PostgresURL.withoutPassword("postgres://ann:pw@h:1/d") == "postgres://ann:***@h:1/d")
    #expect(PostgresURL.withoutPassword("postgres://ann@h/d") == "postgres://ann@h/d")
    do {
      _ = try PostgresURL(parsing: "postgres://ann:topsecret@h:1/d?colour=red")
      Issue.record("an unknown parameter was accepted")
    } catch {
      #expect(error.message == "unknown URL parameter 'colour'")
      #expect(!"\(error)".contains("topsecret"))
    }
  }

  @Test func ipv6AndSockets() throws {
    let v6 = try PostgresURL(parsing: "postgres://ann@[::1]:6000/crm")
    #expect(v6.host == "::1")
    #expect(v6.port == 6000)
    #expect(v6.address == "postgres://ann@[::1]:6000/crm")
    let socket = try PostgresURL(parsing: "postgres://ann@%2Ftmp:55434/crm")
    #expect(socket.host == "/tmp")
    #expect(socket.socketPath == "/tmp/.s.PGSQL.55434")
    #expect(socket.address == "postgres://ann@%2Ftmp:55434/crm")
  }

  @Test(arguments: [
    ("mysql://ann@h/d", "not a PostgreSQL URL: mysql://ann@h/d"),
    ("postgres://h:5432/d", "the URL names no user: postgres://h:5432/d"),
    ("postgres://ann@h:99999/d", "the port '99999' is not a number from 1 to 65535"),
    ("postgres://ann@h:x/d", "the port 'x' is not a number from 1 to 65535"),
    ("postgres://ann@h/d?sslmode=maybe", "unknown sslmode 'maybe'"),
    ("postgres://ann@h/d%zz", "a '%' in postgres://ann@h/d%zz is not followed by two hex digits"),
  ])
  func refused(text: String, message: String) {
    #expect(throws: RemoteError.self) { try PostgresURL(parsing: text) }
    do {
      _ = try PostgresURL(parsing: text)
    } catch {
      #expect(error.kind == .connection)
      #expect(error.message == message)
    }
  }
}
