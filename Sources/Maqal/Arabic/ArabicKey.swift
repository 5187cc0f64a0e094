/// Matching keys for Arabic phrases: the lossy folding of ARABIC.md §2.8, for lookups only.
///
/// `اقرأ أيضاً`, `إقرأ أيضًا` and `اقرا ايضا` all give the key `اقرا ايضا`. Output text is never
/// folded; only the keys that are compared against lexicons are.
enum ArabicKey {
    /// Folds `text` to a key: harakat and tatweel dropped, alef, yeh and teh marbuta forms
    /// folded, presentation forms decomposed, digits made ASCII, and every run of anything that
    /// is not a letter or digit (punctuation, emoji, spaces) turned into one space.
    static func make(_ text: some StringProtocol) -> String {
        var builder = Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars { builder.append(scalar) }
        return builder.key
    }

    /// Whether `key` holds only spaces, ASCII letters and digits and the plain Arabic letters
    /// (U+0621–063A, U+0641–064A): none of them combines with its neighbours or has another
    /// spelling, so its words compare as bytes exactly as Swift compares them as strings, which
    /// normalises every non-ASCII comparison.
    static func isPlain(_ key: String) -> Bool {
        var utf8 = key.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x20, 0x30...0x39, 0x61...0x7A: continue
            case 0xD8: guard let next = utf8.next(), (0xA1...0xBA).contains(next) else { return false }
            case 0xD9: guard let next = utf8.next(), (0x81...0x8A).contains(next) else { return false }
            default: return false
            }
        }
        return true
    }

    /// A key built scalar by scalar, so a text and its key can be walked together.
    struct Builder {
        private var bytes: [UInt8] = []
        private var pendingSpace = false

        init() {}

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        /// The key of the scalars appended so far.
        var key: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            // ASCII, most of the scalars in keys of Latin text and all of the spaces: letters
            // lower-cased, digits kept, anything else a separator (as the general path below does).
            if value < 0x80 {
                switch value {
                case 0x30...0x39, 0x61...0x7A: appendKey(value)
                case 0x41...0x5A: appendKey(value + 0x20)
                default: pendingSpace = true
                }
                return
            }
            if ArabicScalar.isHaraka(value) || value == ArabicScalar.tatweel
                || (0x0653...0x0655).contains(value)
            {
                return
            }
            if value == 0x200C || value == 0x200D { return }
            if (0xFB50...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value) {
                let folded = String(scalar).precomposedStringWithCompatibilityMapping
                for inner in folded.unicodeScalars where inner.value != 0x20 {
                    if let mapped = fold(inner.value) { appendKey(mapped) }
                }
                return
            }
            if let digit = ArabicScalar.digitValue(value) {
                appendKey(0x30 + UInt32(digit))
                return
            }
            if ArabicScalar.isLetter(scalar) {
                if let mapped = fold(value) { appendKey(mapped) }
                return
            }
            pendingSpace = true
        }

        private mutating func appendKey(_ value: UInt32) {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.appendUTF8(Unicode.Scalar(value)!)
        }
    }

    private static func fold(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x0623, 0x0625, 0x0622, 0x0671: 0x0627  // أ إ آ ٱ → ا
        case 0x0649, 0x06CC: 0x064A  // ى ی → ي
        case 0x0629: 0x0647  // ة → ه
        case 0x06A9: 0x0643  // ک → ك
        case 0x41...0x5A: value + 0x20  // Latin to lower case
        default: value
        }
    }
}
