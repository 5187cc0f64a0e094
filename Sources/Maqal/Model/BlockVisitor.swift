/// Visits a body in reading order, one call for each block and each part of a block that holds
/// text of its own (a section's heading, a list's items), so a pass over the tree is written
/// once: the facts counted in Structure, the texts a reader sees, the tree dump.
///
/// ``walk(_:)`` calls ``enter(_:)`` for a block, then its parts and children — a section's
/// heading then its children; a list's items, each ``visitItem(_:)`` then the item's children,
/// then ``leaveItem(_:)``; a quote's children — then ``leave(_:)``. Every method does nothing
/// unless the visitor implements it.
public protocol BlockVisitor {
    /// Called for every block before its parts and children.
    mutating func enter(_ block: Block)
    /// Called for every block after its parts and children.
    mutating func leave(_ block: Block)
    /// A section's heading, before the section's children.
    mutating func visitHeading(_ heading: Heading)
    mutating func visitParagraph(_ paragraph: Paragraph)
    /// A list item, before its children.
    mutating func visitItem(_ item: ListItem)
    /// A list item, after its children.
    mutating func leaveItem(_ item: ListItem)
    mutating func visitFigure(_ figure: Figure)
    mutating func visitTable(_ table: Table)
    mutating func visitCode(_ code: CodeBlock)
}

extension BlockVisitor {
    public mutating func enter(_ block: Block) {}
    public mutating func leave(_ block: Block) {}
    public mutating func visitHeading(_ heading: Heading) {}
    public mutating func visitParagraph(_ paragraph: Paragraph) {}
    public mutating func visitItem(_ item: ListItem) {}
    public mutating func leaveItem(_ item: ListItem) {}
    public mutating func visitFigure(_ figure: Figure) {}
    public mutating func visitTable(_ table: Table) {}
    public mutating func visitCode(_ code: CodeBlock) {}

    /// Visits `blocks` and everything under them, in reading order.
    public mutating func walk(_ blocks: [Block]) {
        for block in blocks {
            enter(block)
            switch block {
            case .section(let section):
                visitHeading(section.heading)
                walk(section.children)
            case .paragraph(let paragraph):
                visitParagraph(paragraph)
            case .list(let list):
                for item in list.items {
                    visitItem(item)
                    walk(item.children)
                    leaveItem(item)
                }
            case .figure(let figure):
                visitFigure(figure)
            case .table(let table):
                visitTable(table)
            case .quote(let quote):
                walk(quote.children)
            case .code(let code):
                visitCode(code)
            }
            leave(block)
        }
    }
}

/// Rewrites a body in place, in the order ``BlockVisitor`` visits it: each heading before its
/// section's children, each list item before its own children. Every method leaves its value as
/// it is unless the rewriter implements it.
public protocol BlockRewriter {
    /// A section's heading, before the section's children are rewritten.
    mutating func rewriteHeading(_ heading: inout Heading)
    mutating func rewriteParagraph(_ paragraph: inout Paragraph)
    /// A list item, before its children are rewritten.
    mutating func rewriteItem(_ item: inout ListItem)
    mutating func rewriteFigure(_ figure: inout Figure)
    mutating func rewriteTable(_ table: inout Table)
    mutating func rewriteCode(_ code: inout CodeBlock)
}

extension BlockRewriter {
    public mutating func rewriteHeading(_ heading: inout Heading) {}
    public mutating func rewriteParagraph(_ paragraph: inout Paragraph) {}
    public mutating func rewriteItem(_ item: inout ListItem) {}
    public mutating func rewriteFigure(_ figure: inout Figure) {}
    public mutating func rewriteTable(_ table: inout Table) {}
    public mutating func rewriteCode(_ code: inout CodeBlock) {}

    /// Rewrites `blocks` and everything under them.
    public mutating func rewrite(_ blocks: inout [Block]) {
        for index in blocks.indices {
            switch blocks[index] {
            case .section(var section):
                rewriteHeading(&section.heading)
                rewrite(&section.children)
                blocks[index] = .section(section)
            case .paragraph(var paragraph):
                rewriteParagraph(&paragraph)
                blocks[index] = .paragraph(paragraph)
            case .list(var list):
                for position in list.items.indices {
                    rewriteItem(&list.items[position])
                    rewrite(&list.items[position].children)
                }
                blocks[index] = .list(list)
            case .figure(var figure):
                rewriteFigure(&figure)
                blocks[index] = .figure(figure)
            case .table(var table):
                rewriteTable(&table)
                blocks[index] = .table(table)
            case .quote(var quote):
                rewrite(&quote.children)
                blocks[index] = .quote(quote)
            case .code(var code):
                rewriteCode(&code)
                blocks[index] = .code(code)
            }
        }
    }

    /// `blocks` rewritten.
    public mutating func rewriting(_ blocks: [Block]) -> [Block] {
        var blocks = blocks
        rewrite(&blocks)
        return blocks
    }
}

/// Every text a reader sees in a body, in reading order: headings, paragraphs, items, figure
/// captions, table captions and cells, code.
public struct BlockTexts: BlockVisitor {
    private let visit: (String) -> Void

    /// Calls `visit` with each text under `blocks`.
    public static func forEach(in blocks: [Block], _ visit: (String) -> Void) {
        withoutActuallyEscaping(visit) { visit in
            var walker = BlockTexts(visit: visit)
            walker.walk(blocks)
        }
    }

    public mutating func visitHeading(_ heading: Heading) { visit(heading.text) }
    public mutating func visitParagraph(_ paragraph: Paragraph) { visit(paragraph.text) }
    public mutating func visitItem(_ item: ListItem) { visit(item.text) }
    public mutating func visitFigure(_ figure: Figure) {
        if let caption = figure.caption { visit(caption) }
    }
    public mutating func visitTable(_ table: Table) {
        if let caption = table.caption { visit(caption) }
        for row in table.header { for cell in row { visit(cell) } }
        for row in table.rows { for cell in row { visit(cell) } }
    }
    public mutating func visitCode(_ code: CodeBlock) { visit(code.text) }
}
