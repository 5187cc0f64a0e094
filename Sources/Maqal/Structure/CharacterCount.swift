/// User-perceived characters (extended grapheme clusters), counted fast for the scripts maqal
/// meets most: `String.count` walks grapheme-break rules scalar by scalar and was most of the
/// Structure stage (callgrind).
///
/// In ASCII, Latin-1, the Arabic blocks and the usual punctuation, the rules reduce to: an
/// extending mark (harakat, ZWNJ, ZWJ) joins the character before it, unless it stands first or
/// after a control; a control (line feed, bidi marks, BOM) stands alone, with CR LF as one. Text
/// with any other scalar (other scripts, emoji, Arabic's prefixed number signs) is counted by
/// `String.count`.
enum CharacterCount {
    static func of(_ text: String) -> Int {
        var text = text
        // On the UTF-8 bytes, decoded here: the scalar view's iterator was most of this count.
        let counted: Int? = text.withUTF8 { bytes in
            var count = 0
            var afterControl = true
            var afterCR = false
            var index = 0
            while index < bytes.count {
                let (value, length) = bytes.scalar(at: index)
                index += length
                switch kind(value) {
                case .base:
                    count += 1
                    afterControl = false
                    afterCR = false
                case .extend:
                    if afterControl { count += 1 }
                    afterControl = false
                    afterCR = false
                case .control:
                    if !(afterCR && value == 0x0A) { count += 1 }
                    afterControl = true
                    afterCR = value == 0x0D
                case .other:
                    return nil
                }
            }
            return count
        }
        return counted ?? text.count
    }

    private enum Kind { case base, extend, control, other }

    private static func kind(_ value: UInt32) -> Kind {
        switch value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0xFF: .base
        case 0x00...0x1F, 0x7F...0x9F, 0xAD: .control
        case 0x0600...0x06FF: arabicKind(value)
        case 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFE: .base
        case 0x200C, 0x200D: .extend
        case 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF: .control
        case 0x2010...0x2027, 0x2030...0x205F: .base
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
