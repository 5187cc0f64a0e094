/// Marks blocks whose own direction differs from the document's (an English quotation in an
/// Arabic article, a code block): they carry `"dir"`; blocks that follow the document carry nothing.
enum BlockDirection {
    /// The direction a text takes from its letters: `ltr` when Latin (or other left-to-right)
    /// letters are the majority, `rtl` when Arabic-script letters are; `nil` with too few letters.
    static func of(_ text: String) -> String? {
        var rightToLeft = 0
        var leftToRight = 0
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let (value, length) = utf8.scalar(at: index)
                index += length
                // The plain Arabic letters (ء–غ, ف–ي), most letters of an Arabic text, first.
                if (0x0621...0x063A).contains(value) || (0x0641...0x064A).contains(value) {
                    rightToLeft += 1
                    continue
                }
                guard ArabicScalar.isLetter(Unicode.Scalar(value)!) else { continue }
                if ArabicScalar.isArabicLetter(value) || (0x0590...0x05FF).contains(value) {
                    rightToLeft += 1
                } else {
                    leftToRight += 1
                }
            }
        }
        guard rightToLeft + leftToRight >= 3 else { return nil }
        return leftToRight > rightToLeft ? "ltr" : "rtl"
    }

    /// Whether the first letter with a strong direction is left-to-right (Latin).
    static func startsLeftToRight(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where ArabicScalar.isLetter(scalar) {
            return !ArabicScalar.isArabicLetter(scalar.value) && !(0x0590...0x05FF).contains(scalar.value)
        }
        return false
    }

    static func mark(_ blocks: [Block], documentDirection: String) -> [Block] {
        func differs(_ text: String) -> String? {
            guard let own = of(text), own != documentDirection else { return nil }
            return own
        }
        return blocks.map { block in
            switch block {
            case .section(var section):
                section.heading.dir = differs(section.heading.text)
                section.children = mark(section.children, documentDirection: documentDirection)
                return .section(section)
            case .paragraph(var paragraph):
                paragraph.dir = differs(paragraph.text)
                return .paragraph(paragraph)
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    item.dir = differs(item.text)
                    item.children = mark(item.children, documentDirection: documentDirection)
                    return item
                }
                return .list(list)
            case .quote(var quote):
                quote.children = mark(quote.children, documentDirection: documentDirection)
                return .quote(quote)
            case .code(var code):
                // Code reads left to right whatever its comments say.
                code.dir = documentDirection == "ltr" ? nil : "ltr"
                return .code(code)
            case .figure, .table:
                return block
            }
        }
    }
}
