/// Inserts U+200F before blocks that renderers would otherwise lay out left to right:
/// Arabic overall, but their first strong letter is Latin (`ChatGPT يتفوق على…`), ARABIC.md §7.
enum RightToLeftMarks {
    static let mark = "\u{200F}"

    static func needsMark(_ text: String) -> Bool {
        BlockDirection.of(text) == "rtl" && BlockDirection.startsLeftToRight(text)
    }

    static func apply(to blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case .section(var section):
                if needsMark(section.heading.text) {
                    section.heading.text = mark + section.heading.text
                    section.heading.inlines = section.heading.inlines.map { [.text(mark)] + $0 }
                }
                section.children = apply(to: section.children)
                return .section(section)
            case .paragraph(var paragraph):
                if needsMark(paragraph.text) {
                    paragraph.text = mark + paragraph.text
                    paragraph.inlines = paragraph.inlines.map { [.text(mark)] + $0 }
                }
                return .paragraph(paragraph)
            case .list(var list):
                list.items = list.items.map { item in
                    var item = item
                    if needsMark(item.text) {
                        item.text = mark + item.text
                        item.term = item.term.map { mark + $0 }
                        item.inlines = item.inlines.map { [.text(mark)] + $0 }
                    }
                    item.children = apply(to: item.children)
                    return item
                }
                return .list(list)
            case .quote(var quote):
                quote.children = apply(to: quote.children)
                return .quote(quote)
            case .figure, .table, .code:
                return block
            }
        }
    }
}
