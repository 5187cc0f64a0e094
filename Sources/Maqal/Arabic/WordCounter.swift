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
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            let isDigit = ArabicScalar.isDigit(value)
            let isWordScalar =
                isDigit || ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar)
                || value == ArabicScalar.tatweel
            if isWordScalar {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, index + 1 < scalars.count, joinsWord(value, previousWasDigit, scalars[index + 1]) {
                // stays inside the word
            } else {
                inWord = false
            }
            previousWasDigit = isDigit
            index += 1
        }
        return words
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
