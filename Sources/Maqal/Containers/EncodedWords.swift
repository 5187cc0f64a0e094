/// Header text with its RFC 2047 encoded words decoded (`=?utf-8?B?…?=`, `=?windows-1256?Q?…?=`):
/// the `Subject` of an MHTML file, which browsers write this way when the title is not ASCII.
enum EncodedWords {
    /// `value` with every encoded word in a charset maqal reads decoded. Neighbouring words are
    /// joined before their charset is applied (a writer may split one character's bytes between
    /// two words), and the white space between two encoded words is dropped, as RFC 2047 says.
    /// A word that is malformed or names an unknown charset stays as written.
    static func decode(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count >= 8, value.includes("=?") else { return value }
        enum Token {
            case word(TextEncoding, [UInt8])
            case text([UInt8])
        }
        var tokens: [Token] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let word = word(in: bytes, at: index) else {
                literal.append(bytes[index])
                index += 1
                continue
            }
            let betweenWords = literal.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if case .word(let encoding, let earlier) = tokens.last, betweenWords, encoding == word.encoding {
                tokens[tokens.count - 1] = .word(encoding, earlier + word.bytes)
            } else if case .word = tokens.last, betweenWords {
                tokens.append(.word(word.encoding, word.bytes))
            } else {
                if !literal.isEmpty { tokens.append(.text(literal)) }
                tokens.append(.word(word.encoding, word.bytes))
            }
            literal.removeAll()
            index = word.end
        }
        if !literal.isEmpty { tokens.append(.text(literal)) }
        return tokens.map { token in
            switch token {
            case .word(let encoding, let decoded): ByteDecoder.decode(decoded[...], as: encoding)
            case .text(let text): String(decoding: text, as: UTF8.self)
            }
        }.joined()
    }

    /// RFC 2047 allows 75 characters a word; writers that ignore it stay far below these.
    private static let maxCharset = 64
    private static let maxText = 4096

    /// The encoded word `=?charset?B|Q?text?=` starting at `start`, decoded to bytes.
    private static func word(in bytes: [UInt8], at start: Int) -> (encoding: TextEncoding, bytes: [UInt8], end: Int)? {
        guard start + 1 < bytes.count, bytes[start] == 0x3D, bytes[start + 1] == 0x3F else { return nil }
        // Bounded scans: a header full of `=?` that never close must not cost the square of its length.
        guard let charsetEnd = bytes[(start + 2)..<min(bytes.count, start + 2 + maxCharset)].firstIndex(of: 0x3F),
            charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == 0x3F
        else { return nil }
        var textEnd = charsetEnd + 3
        let textLimit = min(bytes.count - 1, textEnd + maxText)
        while textEnd < textLimit && !(bytes[textEnd] == 0x3F && bytes[textEnd + 1] == 0x3D) {
            if bytes[textEnd] == 0x20 { return nil }
            textEnd += 1
        }
        guard textEnd + 1 < bytes.count, bytes[textEnd] == 0x3F, bytes[textEnd + 1] == 0x3D else { return nil }
        // RFC 2231 lets a language follow the charset: `utf-8*ar`.
        let label = String(decoding: bytes[(start + 2)..<charsetEnd], as: UTF8.self).split(separator: "*").first ?? ""
        guard let encoding = TextEncoding(label: label) else { return nil }
        let text = bytes[(charsetEnd + 3)..<textEnd]
        let decoded: [UInt8]
        switch bytes[charsetEnd + 1] {
        case 0x42, 0x62: decoded = Base64.decode(text).bytes
        case 0x51, 0x71: decoded = QuotedPrintable.decode(text, underscoreIsSpace: true)
        default: return nil
        }
        return (encoding, decoded, textEnd + 2)
    }
}
