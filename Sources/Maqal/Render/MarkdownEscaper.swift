/// Escapes text so CommonMark reads it back as the same text, never as markup.
///
/// Inline: `\` `*` `_` `` ` `` `[` `]` `<` `|` and entity-like `&`. At the start of a line: `#`,
/// `>`, `+`/`-`/`*` bullets, `1.`/`1)` ordered markers, and `=`/`-` setext underlines.
enum MarkdownEscaper {
    static func escape(_ text: String, atLineStart: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "*", "_", "`", "[", "]", "<", "|":
                out.append("\\")
            case "&":
                if index + 1 < scalars.count, scalars[index + 1] == "#" || scalars[index + 1].properties.isAlphabetic,
                    scalars[index + 1].isASCII
                {
                    out.append("\\")
                }
            default:
                break
            }
            out.append(scalar)
        }
        var result = String(out)
        if atLineStart { result = escapeLineStart(result) }
        return result
    }

    /// Escapes what would open a block if it stood at the start of a line.
    static func escapeLineStart(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return text }
        switch first {
        case "#", ">", "+", "-", "=", "~":
            if first == "-" || first == "+" || first == "=" || first == "#" || first == "~" {
                let second = scalars.count > 1 ? scalars[1] : " "
                let startsBlock: Bool
                switch first {
                case "#": startsBlock = true
                case "=": startsBlock = scalars.allSatisfy { $0 == "=" || $0 == " " }
                case "~": startsBlock = scalars.prefix(3).allSatisfy { $0 == "~" }
                default: startsBlock = second == " " || scalars.allSatisfy { $0 == first || $0 == " " }
                }
                return startsBlock ? "\\" + text : text
            }
            return "\\" + text
        default:
            break
        }
        // "1." or "1)" followed by a space (or nothing) opens an ordered list.
        var index = 0
        while index < scalars.count, index < 10, ("0"..."9").contains(scalars[index]) { index += 1 }
        if index > 0, index < scalars.count, scalars[index] == "." || scalars[index] == ")" {
            if index + 1 == scalars.count || scalars[index + 1] == " " {
                var result = String.UnicodeScalarView(scalars[..<index])
                result.append("\\")
                result.append(contentsOf: scalars[index...])
                return String(result)
            }
        }
        return text
    }
}
