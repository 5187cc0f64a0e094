/// Counts over the body text.
public struct Stats: Sendable, Equatable, Codable {
    /// Orthographic words: clitics are not split, a group of digits is one word.
    public var words: Int
    /// User-perceived characters of the body's block texts, spaces inside blocks included.
    public var characters: Int
    /// Minutes at the reading speed in use (180 words a minute by default), rounded up.
    public var readingMinutes: Int

    public init(words: Int = 0, characters: Int = 0, readingMinutes: Int = 0) {
        self.words = words
        self.characters = characters
        self.readingMinutes = readingMinutes
    }
}
