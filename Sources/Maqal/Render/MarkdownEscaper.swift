/// Escapes text so CommonMark reads it back as the same text, never as markup.
///
/// Inline: `\` `*` `_` `` ` `` `[` `]` `<` `|` and entity-like `&`. At the start of a line: `#`,
/// `>`, `+`/`-`/`*` bullets, `1.`/`1)` ordered markers, and `=`/`-` setext underlines.
///
/// Every character it looks for is ASCII, so it reads UTF-8 bytes: a byte of a multi-byte
/// character is never mistaken for one.
enum MarkdownEscaper {
    static func escape(_ text: String, atLineStart: Bool = true) -> String {
        var result = escapeInline(text)
        if atLineStart { result = escapeLineStart(result) }
        return result
    }

    private static func escapeInline(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var iterator = utf8.makeIterator()
        var current = iterator.next()
        while let byte = current {
            let next = iterator.next()
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "&"):
                // `&` before `#` or an ASCII letter could read as an entity.
                if let next, next == UInt8(ascii: "#") || isASCIILetter(next) { out.append(UInt8(ascii: "\\")) }
            default:
                break
            }
            out.append(byte)
            current = next
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "&"):
            true
        default:
            false
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Escapes what would open a block if it stood at the start of a line.
    static func escapeLineStart(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first else { return text }
        switch first {
        case UInt8(ascii: ">"):
            return "\\" + text
        case UInt8(ascii: "#"):
            return "\\" + text
        case UInt8(ascii: "="):
            return utf8.allSatisfy({ $0 == first || $0 == 0x20 }) ? "\\" + text : text
        case UInt8(ascii: "~"):
            return utf8.prefix(3).allSatisfy({ $0 == first }) ? "\\" + text : text
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            let second = utf8.dropFirst().first ?? 0x20
            return second == 0x20 || utf8.allSatisfy({ $0 == first || $0 == 0x20 }) ? "\\" + text : text
        default:
            break
        }
        // "1." or "1)" followed by a space (or nothing) opens an ordered list.
        let digits = utf8.prefix(10).prefix { (0x30...0x39).contains($0) }.count
        guard digits > 0 else { return text }
        let rest = utf8.dropFirst(digits)
        guard let mark = rest.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else { return text }
        let after = rest.dropFirst().first
        guard after == nil || after == 0x20 else { return text }
        var escaped = Array(utf8.prefix(digits))
        escaped.append(UInt8(ascii: "\\"))
        escaped.append(contentsOf: rest)
        return String(decoding: escaped, as: UTF8.self)
    }
}
