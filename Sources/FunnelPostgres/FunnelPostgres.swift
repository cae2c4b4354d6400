/// FunnelPostgres: a PostgreSQL server as Funnel's `RemoteEngine`, over
/// postgres-nio (the wire protocol, TLS, SCRAM).
///
/// In order of use:
/// 1. `PostgresURL`: `postgres://USER@HOST:PORT/DB?schema=S` read; the
///    password from the URL, `PGPASSWORD` or `PasswordFile` (`~/.pgpass`).
/// 2. `PostgresEngine.connect`: one connection on an event loop of one
///    thread; `BlockingBridge` turns each async call into a blocking one.
/// 3. `tables()`: `information_schema.columns`, typed by `PostgresType`.
/// 4. `run`: `ParameterBinding` binds `$1, $2, ...`; `ResultReader` reads the
///    rows a batch at a time into `ResultColumn`s (exact decimals through
///    `PostgresNumeric`) and stops the server when the caller has enough.
/// 5. `load`: FunnelData's readers, then `CopyEncoder` for `COPY ... FROM STDIN`.
/// 6. `cancel`: `pg_cancel_backend` from a second connection.
/// 7. Errors: `RemoteError+Postgres` keeps the server's message, detail and hint.
///
/// This library never prints.
public enum FunnelPostgresLibrary {}
