/// FunnelEngine: from syntax to result tables.
///
/// Stages, in order:
/// 1. `Catalog/`: the session's datasets, `let` scalars, parameters and user
///    metrics (`Catalog`, `UserMetric`).
/// 2. `Binder/`: syntax (`Statement`, `Pipeline`, `Expr`) → typed, bound
///    expressions (`BoundExpr`) and a plan; every unknown name and type error
///    is found here, before anything runs, as a `Diagnostic` with a span.
/// 3. `Plan/`: `Plan`, a plain tree of bound steps (scan, filter, project,
///    aggregate, sort, limit, distinct, join, compare, vocabulary, save, chart)
///    that `explain()` prints in words.
/// 4. `Operators/` and `Functions/`: column-at-a-time kernels over typed
///    arrays: filters through selection vectors, hash aggregation and hash
///    joins keyed on integers and dictionary codes, sorts on normalised keys.
/// 5. `Execution/`: `Engine` (prepare, run, columns), the executor that walks
///    the plan in batches, `Outcome`, `Cancellation`.
///
/// The funnel vocabulary (`Vocabulary/`) and the metrics (`Metrics/`) are
/// called from the binder and the operators.
///
/// This library never prints.
public enum FunnelEngineLibrary {}
