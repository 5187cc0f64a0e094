extension Document: CustomDebugStringConvertible {
    /// The document as an indented tree, one line per node: the title, then each block with
    /// its kind, its fields that are set, and its text in quotes. For reading a parse in a test
    /// failure or a debugger, not a format to parse: the JSON is that.
    ///
    ///     Document "العنوان"
    ///       Section level: 2 "قسم"
    ///         Paragraph "نص الفقرة"
    ///         List ordered: true start: 1
    ///           Item "البند الأول"
    public var debugDescription: String {
        var dumper = TreeDumper()
        dumper.line("Document" + (metadata.title.map { " " + TreeDumper.quoted($0) } ?? ""))
        dumper.depth = 1
        dumper.walk(body)
        return dumper.lines.joined(separator: "\n")
    }
}

/// Writes one line per node at its depth.
private struct TreeDumper: BlockVisitor {
    var lines: [String] = []
    var depth = 0

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    mutating func line(_ text: String) {
        lines.append(String(repeating: "  ", count: depth) + text)
    }

    private static func fields(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { " \(name): \($0)" } }.joined()
    }

    mutating func enter(_ block: Block) {
        switch block {
        case .section(let section):
            line("Section" + Self.fields([("level", String(section.level)), ("dir", section.heading.dir?.rawValue)])
                 + " " + Self.quoted(section.heading.text))
        case .paragraph(let paragraph):
            line("Paragraph" + Self.fields([("dir", paragraph.dir?.rawValue), ("lang", paragraph.lang)])
                 + (paragraph.inlines == nil ? "" : " (inlines)") + " " + Self.quoted(paragraph.text))
        case .list(let list):
            line("List" + Self.fields([("ordered", String(list.ordered)), ("start", list.start.map(String.init))]))
        case .figure(let figure):
            line("Figure" + Self.fields([("src", figure.src), ("alt", figure.alt.map(Self.quoted)),
                                         ("caption", figure.caption.map(Self.quoted))]))
        case .table(let table):
            line("Table" + Self.fields([("caption", table.caption.map(Self.quoted))])
                 + " \(table.header.count) header rows, \(table.rows.count) rows")
        case .quote:
            line("Quote")
        case .code(let code):
            line("Code" + Self.fields([("language", code.language), ("dir", code.dir?.rawValue)]) + " " + Self.quoted(code.text))
        }
        depth += 1
    }

    mutating func leave(_ block: Block) { depth -= 1 }

    mutating func visitItem(_ item: ListItem) {
        line("Item" + Self.fields([("marker", item.marker.map(Self.quoted)), ("term", item.term.map(Self.quoted)),
                                   ("dir", item.dir?.rawValue)]) + " " + Self.quoted(item.text))
        depth += 1
    }

    mutating func leaveItem(_ item: ListItem) { depth -= 1 }
}
