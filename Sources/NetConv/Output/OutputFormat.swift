/// The output formats netconv writes. `NetConvYAML` makes a writer for each
/// (`writer(sink:settings:)`); this module writes all but YAML.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// A JSON array of records.
  case json
  /// JSON Lines: one record per line.
  case jsonl
  /// A YAML sequence of mappings, emitted by libyaml.
  case yaml
  /// RFC 4180 CSV with a header row.
  case csv

  /// The file extension for batch outputs.
  public var fileExtension: String { rawValue }

  /// Whether the format can carry the `meta` envelope.
  public var supportsEnvelope: Bool { self == .json || self == .yaml }

  /// Settings that only some formats use.
  public struct Settings: Sendable {
    /// Indent JSON.
    public var pretty = false
    /// Wrap records as `records` + `meta` (JSON and YAML).
    public var envelope = false
    /// Write the CSV header row.
    public var csvHeader = true
    /// Guard CSV cells against spreadsheet formula injection.
    public var csvFormulaGuard = true

    /// Creates settings; the defaults are the CLI's.
    public init(pretty: Bool = false, envelope: Bool = false, csvHeader: Bool = true, csvFormulaGuard: Bool = true) {
      self.pretty = pretty
      self.envelope = envelope
      self.csvHeader = csvHeader
      self.csvFormulaGuard = csvFormulaGuard
    }
  }
}
