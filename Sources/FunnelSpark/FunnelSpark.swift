/// FunnelSpark: a Spark Connect server as Funnel's remote engine.
///
/// In order of use:
/// 1. `Connect/SparkAddress`: `sc://host:port/;user_id=...` parsed.
/// 2. `Connect/SparkEngine`: a gRPC client (HTTP/2, plaintext) and a Spark
///    session; SQL goes out in an `ExecutePlan` request, as a `SQL` relation
///    (`run`) or a SQL command (`execute`), parameters bound by `:name` as
///    literals (`SQLParameter+Spark`).
/// 3. `Connect/ResponsePipe`: the response stream handed, a few messages
///    at a time, from the asynchronous call to the blocked caller.
/// 4. `Arrow/ArrowStreamReader`: each message's Arrow IPC stream (schema,
///    record batches) read with `FlatBuffer`, checked byte by byte, and
///    decoded column by column (`ArrowColumnDecoder`) into `Table`s.
///
/// `Proto/spark_connect.proto` declares the part of the protocol used;
/// `Generated/` holds its Swift, made by scripts/generate-spark-proto.
///
/// This library never prints.
public enum FunnelSparkLibrary {
  public static let version = "0.1.0"
}
