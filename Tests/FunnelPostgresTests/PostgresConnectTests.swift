import FunnelSQL
import Testing

@testable import FunnelPostgres

@Suite struct PostgresConnectTests {
  @Test func refusedConnectionSaysWhatToDo() {
    // Nothing listens on port 1.
    do {
      let engine = try PostgresEngine.connect(url: "postgres://funnel:secret@127.0.0.1:1/postgres")
      engine.close()
      Issue.record("connected to port 1")
    } catch {
      #expect(error.kind == .connection)
      #expect(error.message == "cannot connect to postgres://funnel@127.0.0.1:1/postgres: connection refused")
      #expect(error.hint == "is the server running? scripts/services start postgres")
    }
  }
}
