/// Inserts U+200F before blocks that renderers would otherwise lay out left to right:
/// Arabic overall, but their first strong letter is Latin (`ChatGPT يتفوق على…`), ARABIC.md §7.
enum RightToLeftMarks {
    static let mark = "\u{200F}"

    static func needsMark(_ text: String) -> Bool {
        BlockDirection.of(text) == .rtl && BlockDirection.startsLeftToRight(text)
    }

    static func apply(to blocks: [Block]) -> [Block] {
        var marker = Marker()
        return marker.rewriting(blocks)
    }

    private struct Marker: BlockRewriter {
        mutating func rewriteHeading(_ heading: inout Heading) {
            guard needsMark(heading.text) else { return }
            heading.text = mark + heading.text
            heading.inlines = heading.inlines.map { [.text(mark)] + $0 }
        }

        mutating func rewriteParagraph(_ paragraph: inout Paragraph) {
            guard needsMark(paragraph.text) else { return }
            paragraph.text = mark + paragraph.text
            paragraph.inlines = paragraph.inlines.map { [.text(mark)] + $0 }
        }

        mutating func rewriteItem(_ item: inout ListItem) {
            guard needsMark(item.text) else { return }
            item.text = mark + item.text
            item.term = item.term.map { mark + $0 }
            item.inlines = item.inlines.map { [.text(mark)] + $0 }
        }
    }
}
