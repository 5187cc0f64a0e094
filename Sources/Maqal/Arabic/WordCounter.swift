/// Counts orthographic words the way ARABIC.md §6 defines them.
///
/// A word is a maximal run of letters, marks, digits and tatweel, with ZWNJ/ZWJ allowed inside;
/// clitics are not split, so `وسيكتبونها` is one word. Apostrophes between letters stay inside
/// (`it's`), digit separators between digits stay inside (`1.5`, `٣٫٥`).
enum WordCounter {
    static func count(_ text: some StringProtocol) -> Int {
        count(text, upTo: .max)
    }

    /// The count up to `limit`, or `limit + 1` for text with more words: for tests of a bound
    /// (a byline has at most 8 words), where counting a long paragraph to its end was most of
    /// the test.
    static func count(_ text: some StringProtocol, upTo limit: Int) -> Int {
        let count = { (bytes: UnsafeBufferPointer<UInt8>) in Self.count(utf8: bytes, stopAfter: limit) }
        if let words = text.utf8.withContiguousStorageIfAvailable(count) { return words }
        return Array(text.utf8).withUnsafeBufferPointer(count)
    }

    /// Counts over the text's UTF-8, decoded here: the scalar iterator cost more than the rest
    /// of the count. Stops once the count passes `limit`.
    private static func count(utf8 bytes: UnsafeBufferPointer<UInt8>, stopAfter limit: Int) -> Int {
        var words = Words()
        bytes.forEachClassedScalar { value, scalar, next in
            words.add(value, scalar, next: bytes, at: next)
            return words.count <= limit
        }
        return words.count
    }

    /// The count fed one scalar at a time, so that a walk reading more than words (the
    /// Structure stage's ``TextFacts``) decodes the text once.
    struct Words {
        private(set) var count = 0
        private var inWord = false
        private var previousWasDigit = false

        /// Counts `value`, whose class is `scalar`; `index` is where the next scalar starts in `bytes`.
        @inline(__always)
        mutating func add(_ value: UInt32, _ scalar: ScalarClass, next bytes: UnsafeBufferPointer<UInt8>, at index: Int) {
            if scalar.contains(.word) {
                if !inWord { count += 1 }
                inWord = true
            } else if inWord, index < bytes.endIndex, joinsWord(value, previousWasDigit, next: bytes, at: index) {
                // stays inside the word
            } else {
                inWord = false
            }
            previousWasDigit = scalar.contains(.digit)
        }
    }

    /// Whether `value` stays inside the word, given the scalar at `index`: that scalar is decoded
    /// only for the few joiners, not after every space.
    private static func joinsWord(_ value: UInt32, _ afterDigit: Bool, next bytes: UnsafeBufferPointer<UInt8>,
                                  at index: Int) -> Bool {
        func next() -> Unicode.Scalar { Unicode.Scalar(bytes.scalar(at: index).value)! }
        switch value {
        case 0x200C, 0x200D:
            return ArabicScalar.isLetter(next())
        case 0x27, 0x2019:
            return !afterDigit && ArabicScalar.isLetter(next())
        case 0x2E, 0x2C, 0x066B, 0x066C:
            return afterDigit && ArabicScalar.isDigit(next().value)
        default:
            return false
        }
    }
}
