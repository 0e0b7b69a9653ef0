internal import CYaml

/// The libyaml system library the YAML writer is built on.
public enum LibYAML {
  /// The version of the linked libyaml (`0.2.5`).
  ///
  /// The corresponding C function is `yaml_get_version_string`.
  public static var version: String {
    String(cString: yaml_get_version_string())
  }
}
