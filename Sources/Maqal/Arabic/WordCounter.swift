/// Counts orthographic words the way ARABIC.md §6 defines them.
///
/// A word is a maximal run of letters, marks, digits and tatweel, with ZWNJ/ZWJ allowed inside;
/// clitics are not split, so `وسيكتبونها` is one word. Apostrophes between letters stay inside
/// (`it's`), digit separators between digits stay inside (`1.5`, `٣٫٥`).
enum WordCounter {
    static func count(_ text: some StringProtocol) -> Int {
        var words = 0
        var inWord = false
        var previousWasDigit = false
        // One scalar of look-ahead for the joiners, instead of copying the text into an array.
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            let value = scalar.value
            let isDigit = ArabicScalar.isDigit(value)
            if isDigit || isWordScalar(scalar) {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, let following = next, joinsWord(value, previousWasDigit, following) {
                // stays inside the word
            } else {
                inWord = false
            }
            previousWasDigit = isDigit
        }
        return words
    }

    /// A letter, mark or tatweel (digits are checked first by the caller).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar) || value == ArabicScalar.tatweel
    }

    private static func joinsWord(_ value: UInt32, _ afterDigit: Bool, _ next: Unicode.Scalar) -> Bool {
        switch value {
        case 0x200C, 0x200D:
            return ArabicScalar.isLetter(next)
        case 0x27, 0x2019:
            return !afterDigit && ArabicScalar.isLetter(next)
        case 0x2E, 0x2C, 0x066B, 0x066C:
            return afterDigit && ArabicScalar.isDigit(next.value)
        default:
            return false
        }
    }
}
