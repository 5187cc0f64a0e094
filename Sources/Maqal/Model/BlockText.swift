/// Walks the text a reader sees in a body: headings, paragraphs, items, captions, cells, code.
enum BlockText {
    static func forEachText(in blocks: [Block], _ visit: (String) -> Void) {
        for block in blocks {
            switch block {
            case .section(let section):
                visit(section.heading.text)
                forEachText(in: section.children, visit)
            case .paragraph(let paragraph):
                visit(paragraph.text)
            case .list(let list):
                for item in list.items {
                    visit(item.text)
                    forEachText(in: item.children, visit)
                }
            case .figure(let figure):
                if let caption = figure.caption { visit(caption) }
            case .table(let table):
                if let caption = table.caption { visit(caption) }
                for row in table.header + table.rows { for cell in row { visit(cell) } }
            case .quote(let quote):
                forEachText(in: quote.children, visit)
            case .code(let code):
                visit(code.text)
            }
        }
    }
}
