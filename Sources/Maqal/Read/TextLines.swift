/// One non-blank line of plain text, whitespace folded, with its indentation kept apart.
struct TextLine: Sendable, Equatable {
    var text: String
    /// Leading white space in columns (a tab counts four).
    var indent: Int
    /// The line's number in the input, from 1 (``Removal/at`` for text).
    var number: Int = 0
}

/// Plain text → lines (the Read stage for text input).
///
/// CRLF, CR, LF, U+2028 and U+2029 all end a line; U+2029 also ends a paragraph. NBSP and the
/// narrow spaces count as spaces; runs of white space fold into one; BOMs, zero-width spaces
/// and soft hyphens are dropped. A whitespace-only line is blank (`nil`).
enum TextLines {
    static func read(_ text: String) -> [TextLine?] {
        var lines: [TextLine?] = []
        var current = String.UnicodeScalarView()
        var indent = 0
        var atLineStart = true
        var pendingSpace = false
        var previousWasCR = false
        var number = 1

        func endLine(paragraph: Bool) {
            lines.append(current.isEmpty ? nil : TextLine(text: String(current), indent: indent, number: number))
            number += 1
            if paragraph { lines.append(nil) }
            current = String.UnicodeScalarView()
            indent = 0
            atLineStart = true
            pendingSpace = false
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = value == 0x0D
            switch value {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028:
                endLine(paragraph: false)
                continue
            case 0x2029:
                endLine(paragraph: true)
                continue
            default:
                break
            }
            if ArabicScalar.isInvisibleJunk(value) { continue }
            if ArabicScalar.isSpace(value) {
                if atLineStart {
                    indent += value == 0x09 ? 4 : 1
                } else {
                    pendingSpace = true
                }
                continue
            }
            if value < 0x20 || (0x7F...0x9F).contains(value) { continue }
            if pendingSpace { current.append(" ") }
            pendingSpace = false
            atLineStart = false
            current.append(scalar)
        }
        if !current.isEmpty { endLine(paragraph: false) }
        return lines
    }
}
