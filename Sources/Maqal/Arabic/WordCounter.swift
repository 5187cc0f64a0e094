/// Counts orthographic words the way ARABIC.md §6 defines them.
///
/// A word is a maximal run of letters, marks, digits and tatweel, with ZWNJ/ZWJ allowed inside;
/// clitics are not split, so `وسيكتبونها` is one word. Apostrophes between letters stay inside
/// (`it's`), digit separators between digits stay inside (`1.5`, `٣٫٥`).
enum WordCounter {
    static func count(_ text: some StringProtocol) -> Int {
        if let words = text.utf8.withContiguousStorageIfAvailable(count(utf8:)) { return words }
        return Array(text.utf8).withUnsafeBufferPointer(count(utf8:))
    }

    /// Counts over the text's UTF-8, decoded here: the scalar iterator cost more than the rest
    /// of the count.
    private static func count(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inWord = false
        var previousWasDigit = false
        let arabicBlock = arabicBlockWordScalars
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (value, length) = bytes.scalar(at: index)
            index += length
            let isDigit: Bool
            let isWord: Bool
            if value < 0x80 {
                isDigit = (0x30...0x39).contains(value)
                isWord = isDigit || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            } else if (0x0600...0x06FF).contains(value) {
                isDigit = (0x0660...0x0669).contains(value) || (0x06F0...0x06F9).contains(value)
                isWord = arabicBlock[Int(value - 0x0600)]
            } else {
                isDigit = ArabicScalar.isDigit(value)
                isWord = isDigit || isWordScalar(Unicode.Scalar(value)!)
            }
            if isWord {
                if !inWord { words += 1 }
                inWord = true
            } else if inWord, index < bytes.endIndex, joinsWord(value, previousWasDigit, next: bytes, at: index) {
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
        ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar) || scalar.value == ArabicScalar.tatweel
    }

    /// Which scalars of the Arabic block (U+0600–06FF) are word scalars, digits included, worked
    /// out once by the general rule: most scalars of an Arabic text are looked up here instead.
    private static let arabicBlockWordScalars: [Bool] = (UInt32(0x0600)...0x06FF).map { value in
        let scalar = Unicode.Scalar(value)!
        return ArabicScalar.isDigit(value) || isWordScalar(scalar)
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
