import FunnelSQL
import Testing

@testable import FunnelSpark

struct SparkAddressTests {
  @Test(
    arguments: [
      ("sc://127.0.0.1:15099", "127.0.0.1", 15099, nil),
      ("sc://spark.internal", "spark.internal", 15002, nil),
      ("sc://spark.internal/;user_id=ana", "spark.internal", 15002, "ana"),
      ("sc://h:1/;user_id=bo;session_id=x", "h", 1, "bo"),
      ("SC://[::1]:15003", "::1", 15003, nil),
    ] as [(String, String, Int, String?)])
  func addresses(url: String, host: String, port: Int, user: String?) throws {
    let a = try SparkAddress(parsing: url)
    #expect(a.host == host)
    #expect(a.port == port)
    #expect(a.userID == user)
  }

  @Test func theDisplayedAddressHasNoParameters() throws {
    #expect(try SparkAddress(parsing: "sc://h:1/;user_id=bo").display == "sc://h:1")
    #expect(try SparkAddress(parsing: "sc://[::1]:2").display == "sc://[::1]:2")
  }

  @Test(arguments: [
    ("http://h:1", "does not start with sc://"),
    ("sc://:15002", "the host is missing"),
    ("sc://h:port", "the port 'port' is not a number"),
    ("sc://h:1/db", "have no path"),
    ("sc://h:1/;token=abc", "needs TLS"),
    ("sc://h:1/;use_ssl=true", "TLS is not supported"),
  ])
  func badAddresses(url: String, message: String) {
    let error = #expect(throws: RemoteError.self) { try SparkAddress(parsing: url) }
    #expect(error?.kind == .connection)
    #expect(error?.message.contains(message) == true)
  }
}
