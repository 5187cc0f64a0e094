/// The ``TextFacts`` of every text a reader sees in a body (``BlockText``'s texts), added up,
/// and the own direction of each block that can carry one.
struct BodyFacts {
    var words = 0
    var characters = 0
    var script = ScriptDetector.Counts()
    /// The own direction of each heading, paragraph and list item, in the order
    /// ``BlockDirection/mark(_:documentDirection:own:)`` walks them: read with the other facts,
    /// so that no text is decoded a second time for it.
    private(set) var directions: [String?] = []

    init(_ body: [Block]) { add(body) }

    private mutating func add(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .section(let section):
                directions.append(add(section.heading.text).direction)
                add(section.children)
            case .paragraph(let paragraph):
                directions.append(add(paragraph.text).direction)
            case .list(let list):
                for item in list.items {
                    directions.append(add(item.text).direction)
                    add(item.children)
                }
            case .figure(let figure):
                if let caption = figure.caption { add(caption) }
            case .table(let table):
                if let caption = table.caption { add(caption) }
                for row in table.header { for cell in row { add(cell) } }
                for row in table.rows { for cell in row { add(cell) } }
            case .quote(let quote):
                add(quote.children)
            case .code(let code):
                add(code.text)
            }
        }
    }

    @discardableResult
    private mutating func add(_ text: String) -> TextFacts {
        let facts = TextFacts(text)
        words += facts.words
        characters += facts.characters ?? text.count
        script.add(facts.script)
        return facts
    }
}
