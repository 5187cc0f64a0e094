/// What word counting, character counting, script detection and block direction each ask of
/// one scalar, answered together.
///
/// The Structure stage reads every block's text for all four; asked one at a time, each
/// decoded the text again and ran its own chain of range tests. The answers are
/// worked out by the definitions in ``ArabicScalar``, ``ScriptDetector`` and ``CharacterCount``,
/// so this type only caches them.
struct ScalarClass: OptionSet {
    let rawValue: UInt16

    /// Inside a word (ARABIC.md §6): a letter, mark, digit or tatweel.
    static let word = ScalarClass(rawValue: 1 << 0)
    static let digit = ScalarClass(rawValue: 1 << 1)
    /// A letter of any script (``ArabicScalar/isLetter(_:)``).
    static let letter = ScalarClass(rawValue: 1 << 2)
    /// A letter of the Arabic script.
    static let arabicLetter = ScalarClass(rawValue: 1 << 3)
    /// A Hebrew letter: right to left, but not Arabic script.
    static let hebrewLetter = ScalarClass(rawValue: 1 << 4)
    static let persianLetter = ScalarClass(rawValue: 1 << 5)
    static let urduLetter = ScalarClass(rawValue: 1 << 6)

    /// The grapheme-break kind sits in two bits above the flags.
    private static let kindShift: UInt16 = 8

    /// How the scalar takes part in forming user-perceived characters.
    var kind: CharacterCount.Kind { CharacterCount.Kind(rawValue: UInt8(truncatingIfNeeded: rawValue >> Self.kindShift))! }

    /// A letter written right to left: Arabic script or Hebrew.
    var isRightToLeftLetter: Bool { !isDisjoint(with: [.arabicLetter, .hebrewLetter]) }

    static func of(_ value: UInt32) -> ScalarClass { Table.shared[value] }

    /// The classes of the scalars below U+0700 (ASCII, Latin-1, Greek, Cyrillic, Hebrew, the
    /// Arabic block), nearly every scalar of an Arabic article, looked up instead of tested.
    /// A loop takes ``shared`` once: reading a global asks each time whether it is made yet.
    struct Table {
        static let shared = Table()
        private let low: [UInt16] = ScalarClass.stored.count == storedCount
            ? ScalarClass.stored : (0..<storedCount).map { classify($0).rawValue }

        @inline(__always)
        subscript(value: UInt32) -> ScalarClass {
            value < ScalarClass.storedCount ? ScalarClass(rawValue: low[Int(value)]) : classify(value)
        }
    }

    /// The scalars whose classes ``stored`` holds: U+0000–06FF.
    static let storedCount: UInt32 = 0x0700

    /// The class of one scalar, by the definitions; ``Table`` answers for the scalars it stores.
    static func classify(_ value: UInt32) -> ScalarClass {
        let scalar = Unicode.Scalar(value)!
        var result = ScalarClass(rawValue: UInt16(CharacterCount.kind(value).rawValue) << kindShift)
        let isDigit = ArabicScalar.isDigit(value)
        if isDigit { result.insert(.digit) }
        if isDigit || ArabicScalar.isLetter(scalar) || ArabicScalar.isMark(scalar) || value == ArabicScalar.tatweel {
            result.insert(.word)
        }
        guard ArabicScalar.isLetter(scalar) else { return result }
        result.insert(.letter)
        if ArabicScalar.isArabicLetter(value) {
            result.insert(.arabicLetter)
            if ScriptDetector.persianLetters.contains(value) { result.insert(.persianLetter) }
            if ScriptDetector.urduLetters.contains(value) { result.insert(.urduLetter) }
        } else if (0x0590...0x05FF).contains(value) {
            result.insert(.hebrewLetter)
        }
        return result
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Walks the scalars of valid UTF-8 with their classes, the loop every reader of
    /// ``ScalarClass`` runs: `body` gets a scalar's value, its class and the offset where the
    /// next scalar starts, and returns false to stop the walk.
    @inline(__always)
    func forEachClassedScalar(_ body: (_ value: UInt32, _ scalar: ScalarClass, _ next: Int) -> Bool) {
        // Taken once: reading the global in the loop asks each time whether it is made yet.
        let classes = ScalarClass.Table.shared
        var index = 0
        while index < count {
            let (value, length) = scalar(at: index)
            index += length
            if !body(value, classes[value], index) { return }
        }
    }
}
