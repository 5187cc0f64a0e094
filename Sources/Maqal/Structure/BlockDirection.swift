/// Marks blocks whose own direction differs from the document's (an English quotation in an
/// Arabic article, a code block): they carry `"dir"`; blocks that follow the document carry nothing.
enum BlockDirection {
    /// The direction a text takes from its letters: `ltr` when Latin (or other left-to-right)
    /// letters are the majority, `rtl` when Arabic-script letters are; `nil` with too few letters.
    static func of(_ text: String) -> String? { TextFacts(text).direction }

    /// Whether the first letter with a strong direction is left-to-right (Latin).
    static func startsLeftToRight(_ text: String) -> Bool {
        var text = text
        var leftToRight = false
        text.withUTF8 { bytes in
            bytes.forEachClassedScalar { _, scalar, _ in
                guard scalar.contains(.letter) else { return true }
                leftToRight = !scalar.isRightToLeftLetter
                return false
            }
        }
        return leftToRight
    }

    /// Gives each heading, paragraph and list item whose own direction differs from the
    /// document's that direction. `own` holds their own directions in the order this walk meets
    /// them (``BodyFacts`` reads them with the rest of each text's facts).
    static func mark(_ blocks: [Block], documentDirection: String, own: [String?]) -> [Block] {
        var next = 0
        let marked = mark(blocks, documentDirection: documentDirection, own: own, next: &next)
        assert(next == own.count, "BodyFacts and BlockDirection walk the body in different orders")
        return marked
    }

    private static func mark(_ blocks: [Block], documentDirection: String, own: [String?], next: inout Int) -> [Block] {
        func differs() -> String? {
            defer { next += 1 }
            guard let direction = own[next], direction != documentDirection else { return nil }
            return direction
        }
        return blocks.map { block in
            switch block {
            case .section(var section):
                section.heading.dir = differs()
                section.children = mark(section.children, documentDirection: documentDirection, own: own, next: &next)
                return .section(section)
            case .paragraph(var paragraph):
                paragraph.dir = differs()
                return .paragraph(paragraph)
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    item.dir = differs()
                    item.children = mark(item.children, documentDirection: documentDirection, own: own, next: &next)
                    return item
                }
                return .list(list)
            case .quote(var quote):
                quote.children = mark(quote.children, documentDirection: documentDirection, own: own, next: &next)
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
