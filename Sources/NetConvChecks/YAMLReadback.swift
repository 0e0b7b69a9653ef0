import CYaml
import Foundation

/// Reads YAML with libyaml's parser into plain values, resolving plain scalars the way a YAML
/// 1.1 reader does (null, booleans, integers), so a missing quote shows up as a wrong type.
public enum YAMLReadback {
  public enum Failure: Error { case parser(String) }

  /// Parses `bytes` into nested arrays, dictionaries, strings, numbers, booleans and NSNull.
  public static func parse(_ bytes: [UInt8]) throws -> Any {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { throw Failure.parser("initialize") }
    defer { yaml_parser_delete(&parser) }
    return try bytes.withUnsafeBufferPointer { buffer -> Any in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var stack: [Any] = []  // containers under construction: [Any] or (dict, pending key)
      var keys: [String?] = []
      var result: Any = NSNull()
      /// Whether the next scalar is a mapping key (keys are taken as written, never resolved).
      func expectsKey() -> Bool { !stack.isEmpty && stack.last is [String: Any] && keys[keys.count - 1] == nil }
      func add(_ value: Any) {
        guard !stack.isEmpty else { result = value; return }
        if var array = stack.last as? [Any] {
          array.append(value)
          stack[stack.count - 1] = array
        } else if var dict = stack.last as? [String: Any], let key = keys[keys.count - 1] {
          dict[key] = value
          keys[keys.count - 1] = nil
          stack[stack.count - 1] = dict
        }
      }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
          throw Failure.parser(parser.problem.map { String(cString: $0) } ?? "parse error")
        }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT: return result
        case YAML_SEQUENCE_START_EVENT:
          stack.append([Any]())
          keys.append(nil)
        case YAML_MAPPING_START_EVENT:
          stack.append([String: Any]())
          keys.append(nil)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          let done = stack.removeLast()
          keys.removeLast()
          add(done)
        case YAML_SCALAR_EVENT:
          let scalar = event.data.scalar
          let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
          let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
          if expectsKey() {
            keys[keys.count - 1] = text
          } else {
            add(plain ? resolve(text) : text)
          }
        default: break
        }
      }
    }
  }

  /// YAML 1.1 resolution of a plain scalar, with PyYAML's resolver patterns: a plain scalar
  /// that matches one of them is not a string, so netconv must have quoted it.
  public static func resolve(_ text: String) -> Any {
    switch text {
    case "", "~", "null", "Null", "NULL": return NSNull()
    case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
    case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
    default:
      if matches(text, intPattern) { return Int(text.replacingOccurrences(of: "_", with: "")) ?? "int:\(text)" }
      if matches(text, floatPattern) { return "float:\(text)" }
      if matches(text, timestampPattern) { return "timestamp:\(text)" }
      if text == "<<" || text == "=" { return "special:\(text)" }
      return text
    }
  }

  private static let intPattern =
    #"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"#
  private static let floatPattern =
    #"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+)$"#
  private static let timestampPattern = #"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"#

  private static let compiled: [String: NSRegularExpression] = Dictionary(
    uniqueKeysWithValues: [intPattern, floatPattern, timestampPattern].map { ($0, try! NSRegularExpression(pattern: $0)) })

  private static func matches(_ text: String, _ pattern: String) -> Bool {
    // Every pattern starts with a digit, a sign or a dot: skip the regex for anything else.
    guard let first = text.unicodeScalars.first, "0123456789+-.".unicodeScalars.contains(first),
      let regex = compiled[pattern]
    else { return false }
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }
}
