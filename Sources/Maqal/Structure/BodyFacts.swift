/// The ``TextFacts`` of every text a reader sees in a body (``BlockTexts``' texts), added up,
/// and the own direction of each block that can carry one.
struct BodyFacts: BlockVisitor {
    var words = 0
    var characters = 0
    var script = ScriptDetector.Counts()
    /// The own direction of each heading, paragraph and list item, in the order ``BlockVisitor``
    /// meets them (which ``BlockDirection``, a ``BlockRewriter``, follows too): read with the other
    /// facts, so that no text is decoded a second time for it.
    private(set) var directions: [TextDirection?] = []

    init(_ body: [Block]) { walk(body) }

    mutating func visitHeading(_ heading: Heading) { directions.append(add(heading.text).direction) }
    mutating func visitParagraph(_ paragraph: Paragraph) { directions.append(add(paragraph.text).direction) }
    mutating func visitItem(_ item: ListItem) { directions.append(add(item.text).direction) }
    mutating func visitFigure(_ figure: Figure) {
        if let caption = figure.caption { add(caption) }
    }
    mutating func visitTable(_ table: Table) {
        if let caption = table.caption { add(caption) }
        for row in table.header { for cell in row { add(cell) } }
        for row in table.rows { for cell in row { add(cell) } }
    }
    mutating func visitCode(_ code: CodeBlock) { add(code.text) }

    @discardableResult
    private mutating func add(_ text: String) -> TextFacts {
        let facts = TextFacts(text)
        words += facts.words
        characters += facts.characters ?? text.count
        script.add(facts.script)
        return facts
    }
}
