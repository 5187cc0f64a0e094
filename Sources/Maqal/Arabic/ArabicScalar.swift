/// Facts about single Unicode scalars that Arabic text handling needs.
///
/// Unicode scalar properties have no Script property, so "is Arabic" is decided by code-point
/// ranges (ARABIC.md §2.1).
enum ArabicScalar {
    /// Arabic-script letters in the Arabic, Supplement and Extended blocks (not marks or digits).
    static func isArabicLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x0621...0x063A, 0x0641...0x064A, 0x066E...0x066F, 0x0671...0x06D3, 0x06D5,
            0x06EE...0x06EF, 0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x0870...0x0887,
            0x08A0...0x08C9, 0xFB50...0xFDFB, 0xFE70...0xFEFC:
            true
        default:
            false
        }
    }

    /// Harakat as a matching key strips them: U+064B–0652 and the dagger alef U+0670.
    static func isHaraka(_ value: UInt32) -> Bool {
        (0x064B...0x0652).contains(value) || value == 0x0670
    }

    /// Any Arabic combining mark: harakat, Quranic marks, honorific signs.
    static func isArabicMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4,
            0x06E7...0x06E8, 0x06EA...0x06ED, 0x08CA...0x08E1, 0x08E3...0x08FF:
            true
        default:
            false
        }
    }

    static let tatweel: UInt32 = 0x0640

    /// The value of an ASCII, Arabic-Indic (U+0660) or Eastern Arabic-Indic (U+06F0) digit.
    static func digitValue(_ value: UInt32) -> Int? {
        switch value {
        case 0x30...0x39: Int(value - 0x30)
        case 0x0660...0x0669: Int(value - 0x0660)
        case 0x06F0...0x06F9: Int(value - 0x06F0)
        default: nil
        }
    }

    static func isDigit(_ value: UInt32) -> Bool { digitValue(value) != nil }

    /// Letters of any script, for word counting and "does this line have words" checks.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if isArabicLetter(value) { return true }
        // Harakat and Arabic punctuation (، ؛ ؟) come in every Arabic text; their general
        // category, asked of Unicode each time, cost more than the rest of a letter test.
        if (0x0600...0x06FF).contains(value) { return arabicBlockLetters[Int(value - 0x0600)] }
        return isLetterByCategory(scalar)
    }

    /// ``isLetter(_:)`` for each scalar of the Arabic block (U+0600–06FF), worked out once.
    private static let arabicBlockLetters: [Bool] = (UInt32(0x0600)...0x06FF).map { value in
        isArabicLetter(value) || isLetterByCategory(Unicode.Scalar(value)!)
    }

    /// A letter by its Unicode general category.
    private static func isLetterByCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
            return true
        default:
            return false
        }
    }

    /// Marks of any script (harakat included), which stay inside the word they follow.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if isArabicMark(scalar.value) { return true }
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// White space as HTML and plain text use it, NBSP and the narrow spaces included.
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            true
        default:
            false
        }
    }

    /// Dropped from shown text: invisible junk and control characters (C0, DEL, C1); white
    /// space is checked first by the callers.
    static func isHiddenInText(_ value: UInt32) -> Bool {
        isInvisibleJunk(value) || value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Characters that are never content: BOM, zero-width space, word joiner, soft hyphen, CGJ.
    static func isInvisibleJunk(_ value: UInt32) -> Bool {
        value == 0xFEFF || value == 0x200B || value == 0x2060 || value == 0x00AD || value == 0x034F
            || value == 0xFFFC
    }
}
