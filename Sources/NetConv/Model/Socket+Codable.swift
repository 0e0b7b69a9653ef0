// `Socket`'s `Codable` conformance is generated field by field into `Record.generated.swift`;
// these are the pieces it calls for values that are not plain scalars. Codable is not in
// Embedded Swift (the WebAssembly build), where nothing uses it.
#if !hasFeature(Embedded)

extension Socket {
  /// Details as the JSON object the writers write, `nil` when there are none.
  static func detailTable(_ details: [SocketDetail]) -> [String: String]? {
    details.isEmpty ? nil : Dictionary(details.map { ($0.key, $0.value) }) { $1 }
  }

  /// Details read back from their JSON object, sorted by key as the parsers hand them out.
  static func decodeDetails(_ key: FieldKey, in container: KeyedDecodingContainer<FieldKey>) throws -> [SocketDetail] {
    let table = try container.decodeIfPresent([String: String].self, forKey: key) ?? [:]
    return table.sorted { $0.key < $1.key }.map { SocketDetail(key: $0.key, value: $0.value) }
  }

  /// An optional word of the model (`state`, `family`); a word netconv does not write is an error.
  static func decodeWord<Word: RawRepresentable<String>>(
    _ type: Word.Type, _ key: FieldKey, in container: KeyedDecodingContainer<FieldKey>
  ) throws -> Word? {
    guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let word = Word(rawValue: text) else {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not a \(key.rawValue) netconv writes")
    }
    return word
  }

  /// A list of field keys (`inferred`); a name that is no field is an error.
  static func decodeFieldList(_ key: FieldKey, in container: KeyedDecodingContainer<FieldKey>) throws -> [FieldKey] {
    try (container.decodeIfPresent([String].self, forKey: key) ?? []).map { name in
      guard let field = FieldKey(rawValue: name) else {
        throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(name)' is not a record key")
      }
      return field
    }
  }
}
#endif
