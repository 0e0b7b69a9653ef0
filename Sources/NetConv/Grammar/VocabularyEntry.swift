/// A word or phrase of a dialect's vocabulary, with the language (and evidence level) it
/// comes from: `de [RUN]`.
struct VocabularyWord: Sendable {
  let text: String
  let language: String

  init(_ text: String, language: String) {
    self.text = text
    self.language = language
  }
}

/// A state word's canonical state, with the first language that uses the word.
struct VocabularyState: Sendable {
  let state: SocketState
  let language: String

  init(_ state: SocketState, language: String) {
    self.state = state
    self.language = language
  }
}
