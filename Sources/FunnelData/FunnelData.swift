/// FunnelData: the values, typed columns and tables every other target shares,
/// and everything that touches files.
///
/// In order of use:
/// 1. `Values/`: `DataType`, `Value`, civil dates, periods, durations.
/// 2. `Columns/`: `Bitmap` (validity), `StringDictionary`, `Column`.
/// 3. `Table/`: `Table`, a list of named columns of one length.
/// 4. `IO/`: readers (CSV, TSV, JSON, JSONL) with type inference; writers
///    (csv, tsv, json, jsonl, markdown), always atomic.
/// 5. `Demo/`: the deterministic generator of the four standard datasets.
///
/// This library never prints.
public enum FunnelDataLibrary {
  public static let version = "0.1.0"
}
