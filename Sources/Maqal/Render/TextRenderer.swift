/// Renders a ``Document`` as plain text: the title, then each block as a reader would copy it.
public enum TextRenderer {
    public static func render(_ document: Document) -> String {
        var blocks: [String] = []
        if let title = document.metadata.title { blocks.append(title) }
        blocks += document.metadata.subtitles
        for block in document.body { render(block, indent: "", into: &blocks) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private static func render(_ block: Block, indent: String, into blocks: inout [String]) {
        switch block {
        case .section(let section):
            blocks.append(indent + section.heading.text)
            for child in section.children { render(child, indent: indent, into: &blocks) }
        case .paragraph(let paragraph):
            blocks.append(indent + paragraph.text)
        case .list(let list):
            blocks.append(lines(of: list, indent: indent).joined(separator: "\n"))
        case .figure(let figure):
            if let caption = figure.caption ?? figure.alt { blocks.append(indent + caption) }
        case .table(let table):
            var rows: [String] = []
            if let caption = table.caption { rows.append(indent + caption) }
            rows += (table.header + table.rows).map { indent + $0.joined(separator: "\t") }
            blocks.append(rows.joined(separator: "\n"))
        case .quote(let quote):
            for child in quote.children { render(child, indent: indent + "    ", into: &blocks) }
        case .code(let code):
            blocks.append(code.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + $0 }.joined(separator: "\n"))
        }
    }

    private static func lines(of list: ListBlock, indent: String) -> [String] {
        var lines: [String] = []
        var number = list.start ?? 1
        for item in list.items {
            lines.append(indent + (list.ordered ? "\(number). " : "• ") + item.text)
            number += 1
            for child in item.children {
                if case .list(let nested) = child {
                    lines += self.lines(of: nested, indent: indent + "  ")
                } else {
                    var inner: [String] = []
                    render(child, indent: indent + "  ", into: &inner)
                    lines += inner
                }
            }
        }
        return lines
    }
}
