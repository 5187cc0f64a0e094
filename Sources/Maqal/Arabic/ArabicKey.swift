/// Matching keys for Arabic phrases: the lossy folding of ARABIC.md §2.8, for lookups only.
///
/// `اقرأ أيضاً`, `إقرأ أيضًا` and `اقرا ايضا` all give the key `اقرا ايضا`. Output text is never
/// folded; only the keys that are compared against lexicons are.
enum ArabicKey {
    /// Folds `text` to a key: harakat and tatweel dropped, alef, yeh and teh marbuta forms
    /// folded, presentation forms decomposed, digits made ASCII, and every run of anything that
    /// is not a letter or digit (punctuation, emoji, spaces) turned into one space.
    static func make(_ text: some StringProtocol) -> String {
        if let key = text.utf8.withContiguousStorageIfAvailable(fastKey), let key { return key }
        var builder = Builder(capacity: text.utf8.count)
        for scalar in text.unicodeScalars { builder.append(scalar) }
        return builder.key
    }

    /// ``make(_:)`` over UTF-8 bytes straight into the key's storage, or `nil` for text with
    /// presentation forms (which ``Builder`` decomposes). Every other scalar gives at most as
    /// many bytes as it has, and a space stands for at least one dropped byte, so the key fits
    /// in the text's length. The scalars are sorted exactly as ``Builder/append(_:)`` sorts them.
    private static func fastKey(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        if utf8.isEmpty { return "" }
        var decomposes = false
        let arabicBlock = arabicBlockStored
        let key = String(unsafeUninitializedCapacity: utf8.count) { out in
            var written = 0
            var pendingSpace = false
            var index = 0
            @inline(__always) func put(_ value: UInt32) {
                if pendingSpace, written > 0 {
                    out[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                written += out.writeUTF8(value, at: written)
            }
            while index < utf8.count {
                let lead = utf8[index]
                // The Arabic block (U+0600–06FF, leads D8–DB), most scalars of an Arabic text,
                // is looked up in one table built by the general rule below.
                if (0xD8...0xDB).contains(lead) {
                    let folded = arabicBlock[Int(lead & 0x03) << 6 | Int(utf8[index + 1] & 0x3F)]
                    index += 2
                    switch folded {
                    case Self.dropped: continue
                    case Self.separator: pendingSpace = true
                    default: put(folded)
                    }
                    continue
                }
                let (value, length) = utf8.scalar(at: index)
                index += length
                switch part(value) {
                case .keep(let kept): put(kept)
                case .drop: continue
                case .separate: pendingSpace = true
                case .decompose:
                    decomposes = true
                    return 0
                }
            }
            return written
        }
        return decomposes ? nil : key
    }

    /// What a scalar gives in a key: the rule of the whole fold, shared by ``fastKey(_:)``, its
    /// Arabic-block table and ``Builder``.
    private enum Part {
        case keep(UInt32)
        case drop
        case separate
        /// A presentation form, decomposed by ``Builder``.
        case decompose
    }

    @inline(__always)
    private static func part(_ value: UInt32) -> Part {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return .keep(value)
        case 0x41...0x5A: return .keep(value + 0x20)
        case 0..<0x80: return .separate
        case 0x200C, 0x200D, 0x0653...0x0655, ArabicScalar.tatweel: return .drop
        case 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .decompose
        default: break
        }
        if ArabicScalar.isHaraka(value) { return .drop }
        if let digit = ArabicScalar.digitValue(value) { return .keep(0x30 + UInt32(digit)) }
        if ArabicScalar.isLetter(Unicode.Scalar(value)!) { return fold(value).map(Part.keep) ?? .drop }
        return .separate
    }

    /// What a scalar of the Arabic block (U+0600–06FF) gives in a key (``part(_:)``), as the
    /// folded scalar, ``dropped`` or ``separator``: the rule of ``arabicBlockStored``
    /// (`ArabicKey+Table.swift`), where most scalars of an Arabic text are looked up.
    static func arabicBlockKey(_ value: UInt32) -> UInt32 {
        switch part(value) {
        case .keep(let kept): kept
        case .drop: dropped
        case .separate, .decompose: separator
        }
    }

    /// Table entries of ``arabicBlockStored`` for scalars a key drops and scalars that separate words.
    static let dropped: UInt32 = 0xFFFF_FFFF
    static let separator: UInt32 = 0xFFFF_FFFE

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

    /// The words of a key (``make(_:)``), as `key.split(separator: " ")` gives them. A plain key
    /// (``isPlain(_:)``), as most are, is split on its bytes: each of its scalars is a character of
    /// its own, and splitting by characters (grapheme breaking, scalar by scalar) cost more than the
    /// lookups of the words after it.
    static func words(of key: String) -> [Substring] {
        guard isPlain(key) else { return key.split(separator: " ") }
        var words: [Substring] = []
        let utf8 = key.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if index != start { words.append(key[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { words.append(key[start...]) }
        return words
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
            switch ArabicKey.part(scalar.value) {
            case .keep(let kept): appendKey(kept)
            case .drop: return
            case .separate: pendingSpace = true
            case .decompose:
                let folded = String(scalar).precomposedStringWithCompatibilityMapping
                for inner in folded.unicodeScalars where inner.value != 0x20 {
                    if let mapped = fold(inner.value) { appendKey(mapped) }
                }
            }
        }

        private mutating func appendKey(_ value: UInt32) {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: Unicode.Scalar(value)!.utf8)
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
