/// Counts over the body text.
public struct Stats: Sendable, Equatable, Codable {
    /// Orthographic words: clitics are not split, a group of digits is one word.
    public var words: Int
    /// User-perceived characters of the body's block texts, spaces inside blocks included.
    public var characters: Int
    /// Minutes at the reading speed in use (180 words a minute by default), rounded up.
    public var readingMinutes: Int
    /// Share of Arabic-script letters among all letters of the body (0…1, three decimals).
    public var arabicShare: Double

    public init(words: Int = 0, characters: Int = 0, readingMinutes: Int = 0, arabicShare: Double = 0) {
        self.arabicShare = arabicShare
        self.words = words
        self.characters = characters
        self.readingMinutes = readingMinutes
    }
}
