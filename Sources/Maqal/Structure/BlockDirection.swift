/// Marks blocks whose own direction differs from the document's (an English quotation in an
/// Arabic article, a code block): they carry `"dir"`; blocks that follow the document carry nothing.
enum BlockDirection {
    /// The direction a text takes from its letters: `ltr` when Latin (or other left-to-right)
    /// letters are the majority, `rtl` when Arabic-script letters are; `nil` with too few letters.
    static func of(_ text: String) -> TextDirection? { TextFacts(text).direction }

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
    /// document's that direction. `own` holds their own directions in the order a
    /// ``BlockRewriter`` meets them (``BodyFacts`` reads them, in the same order, with the rest of
    /// each text's facts).
    /// In place: the body is not held twice while it is rewritten.
    static func mark(_ blocks: inout [Block], documentDirection: TextDirection, own: [TextDirection?]) {
        var marker = Marker(document: documentDirection, own: own)
        marker.rewrite(&blocks)
        assert(marker.next == own.count, "BodyFacts and BlockDirection walk the body in different orders")
    }

    private struct Marker: BlockRewriter {
        let document: TextDirection
        let own: [TextDirection?]
        var next = 0

        init(document: TextDirection, own: [TextDirection?]) {
            self.document = document
            self.own = own
        }

        private mutating func differs() -> TextDirection? {
            defer { next += 1 }
            guard let direction = own[next], direction != document else { return nil }
            return direction
        }

        /// The page's own `dir` for the block (``HTMLSegmenter``) where it sets the block apart
        /// from the document; else the direction its letters give, where that differs (an English
        /// quotation inside a page-wide `dir="rtl"` wrapper still reads left to right).
        private mutating func resolve(_ markup: TextDirection?) -> TextDirection? {
            let letters = differs()
            if let markup, markup != document { return markup }
            return letters
        }

        mutating func rewriteHeading(_ heading: inout Heading) { heading.dir = resolve(heading.dir) }
        mutating func rewriteParagraph(_ paragraph: inout Paragraph) { paragraph.dir = resolve(paragraph.dir) }
        mutating func rewriteItem(_ item: inout ListItem) { item.dir = differs() }
        mutating func rewriteCode(_ code: inout CodeBlock) {
            // Code reads left to right whatever its comments say.
            code.dir = document == .ltr ? nil : .ltr
        }
    }
}
