/// FunnelData: the values, typed columns and tables every other target shares,
/// and everything that touches files.
///
/// In order of use:
/// 1. `Values/`: `DataType`, `Value`, civil dates, periods, durations.
/// 2. `Columns/`: `Bitmap` (validity), `StringDictionary`, `Column`.
/// 3. `Table/`: `Table`, a list of named columns of one length.
/// 4. `IO/`: `TextInput` (a file opened once, as it is: gzip inflated,
///    UTF-16/32 transcoded, binary refused, streams read once), the readers
///    (CSV, TSV, JSON, JSONL) with type inference over it; the writers (csv,
///    tsv, json, jsonl, markdown) and `SafeFileWriter`, through which every
///    file is written: complete or not at all.
/// 5. `Demo/`: the deterministic generator of the five standard datasets.
///
/// This library never prints.
public enum FunnelDataLibrary {
  public static let version = "0.1.0"
}
