/// User-perceived characters (extended grapheme clusters), found fast for the scripts maqal
/// meets most: `String.count` walks grapheme-break rules scalar by scalar and was most of the
/// Structure stage. ``TextFacts`` counts them with these rules.
///
/// In ASCII, Latin-1, the Arabic blocks and the usual punctuation, the rules reduce to: an
/// extending mark (harakat, ZWNJ, ZWJ) joins the character before it, unless it stands first or
/// after a control; a control (line feed, bidi marks, BOM) stands alone, with CR LF as one. Text
/// with any other scalar (other scripts, emoji and the few emoji bases among the punctuation,
/// Arabic's prefixed number signs) is left to the standard library.
enum CharacterCount {
    /// `text.prefix(count)`, its end found on the bytes by the same rules when they cover the
    /// text that far: `prefix` walks grapheme-break rules character by character, which was
    /// most of the time spent reading a line's label.
    static func prefix(_ count: Int, of text: String) -> Substring {
        var text = text
        let length: Int? = text.withUTF8 { bytes in
            var characters = 0
            var breaks = Breaks()
            var end: Int? = bytes.count
            var start = 0
            bytes.forEachClassedScalar { value, scalar, next in
                // The scalar after the last character is read too: it may extend that character.
                guard let starts = breaks.startsCharacter(value, scalar.kind) else {
                    end = nil
                    return false
                }
                if starts {
                    if characters == count {
                        end = start
                        return false
                    }
                    characters += 1
                }
                start = next
                return true
            }
            return end
        }
        guard let length else { return text.prefix(count) }
        return text[..<text.utf8.index(text.startIndex, offsetBy: length)]
    }

    /// The grapheme-break rules for the scalars this type covers, fed one scalar at a time
    /// with its ``Kind`` (from ``ScalarClass``, which looks up the low scalars' kinds).
    struct Breaks {
        private var afterControl = true
        private var afterCR = false

        /// Whether `value` starts a new character; `nil` for a scalar the rules here do not cover.
        @inline(__always)
        mutating func startsCharacter(_ value: UInt32, _ kind: Kind) -> Bool? {
            let starts: Bool
            switch kind {
            case .base: starts = true
            case .extend: starts = afterControl
            case .control: starts = !(afterCR && value == 0x0A)
            case .other: return nil
            }
            afterControl = kind == .control
            afterCR = value == 0x0D
            return starts
        }
    }

    /// Raw values fit the two bits ``ScalarClass`` keeps them in.
    enum Kind: UInt8 { case base, extend, control, other }

    static func kind(_ value: UInt32) -> Kind {
        switch value {
        // © ® ‼ ⁉ (U+A9, AE, 203C, 2049) are left out of the ranges: they are emoji, which a ZWJ
        // joins to the next emoji.
        case 0x20...0x7E, 0xA0...0xA8, 0xAA...0xAC, 0xAF...0xFF: .base
        case 0x00...0x1F, 0x7F...0x9F, 0xAD: .control
        case 0x0600...0x06FF: arabicKind(value)
        case 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFE: .base
        case 0x200C, 0x200D: .extend
        case 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF: .control
        case 0x2010...0x2027, 0x2030...0x203B, 0x203D...0x2048, 0x204A...0x205F: .base
        default: .other
        }
    }

    private static func arabicKind(_ value: UInt32) -> Kind {
        switch value {
        // Number signs and the end-of-ayah mark attach to what follows (Prepend): left to the standard library.
        case 0x0600...0x0605, 0x06DD: .other
        case 0x061C: .control
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8,
            0x06EA...0x06ED:
            .extend
        default: .base
        }
    }
}
