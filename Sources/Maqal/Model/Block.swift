/// One block of the article body. Renderers switch over it exhaustively.
public indirect enum Block: Sendable, Equatable {
    case section(Section)
    case paragraph(Paragraph)
    case list(ListBlock)
    case figure(Figure)
    case table(Table)
    case quote(Quote)
    case code(CodeBlock)

    /// The `type` field of the node in JSON.
    public var typeName: String {
        switch self {
        case .section: "section"
        case .paragraph: "paragraph"
        case .list: "list"
        case .figure: "figure"
        case .table: "table"
        case .quote: "quote"
        case .code: "code"
        }
    }
}

/// A heading and everything under it up to the next heading of the same or a higher level.
public struct Section: Sendable, Equatable, Codable {
    public var level: Int
    public var heading: Heading
    public var children: [Block]

    public init(level: Int, heading: Heading, children: [Block] = []) {
        self.level = level
        self.heading = heading
        self.children = children
    }
}

/// A section heading; level 2 is the article's top level (the title is level 1).
public struct Heading: Sendable, Equatable, Codable {
    public var level: Int
    public var text: String
    public var inlines: [Inline]?
    /// Set only where the heading's direction differs from the document's.
    public var dir: TextDirection?

    public init(level: Int, text: String, inlines: [Inline]? = nil, dir: TextDirection? = nil) {
        self.level = level
        self.text = text
        self.inlines = inlines
        self.dir = dir
    }
}

/// A paragraph of running text.
public struct Paragraph: Sendable, Equatable, Codable {
    public var text: String
    /// Present only when the paragraph has links, emphasis, strong or code.
    public var inlines: [Inline]?
    /// Set only where the paragraph's direction differs from the document's.
    public var dir: TextDirection?
    /// Set only where the page marks the paragraph's language and it differs from the page's.
    public var lang: String?

    public init(text: String, inlines: [Inline]? = nil, dir: TextDirection? = nil, lang: String? = nil) {
        self.text = text
        self.inlines = inlines
        self.dir = dir
        self.lang = lang
    }
}

/// A bulleted or numbered list.
public struct ListBlock: Sendable, Equatable, Codable {
    public var ordered: Bool
    /// The first number of an ordered list; `nil` for bullets.
    public var start: Int?
    public var items: [ListItem]

    public init(ordered: Bool, start: Int? = nil, items: [ListItem]) {
        self.ordered = ordered
        self.start = ordered ? (start ?? 1) : nil
        self.items = items
    }
}

/// One list item: its text without the marker, and nested blocks.
public struct ListItem: Sendable, Equatable, Codable {
    public var text: String
    /// The part before the colon when the item reads "term: description".
    public var term: String?
    /// The marker as written (`•`, `١-`, `أ)` …), when the source had one in its text.
    public var marker: String?
    public var inlines: [Inline]?
    /// Set only where the item's direction differs from the document's.
    public var dir: TextDirection?
    public var children: [Block]

    public init(
        text: String, term: String? = nil, marker: String? = nil, inlines: [Inline]? = nil,
        dir: TextDirection? = nil, children: [Block] = []
    ) {
        self.text = text
        self.term = term
        self.marker = marker
        self.inlines = inlines
        self.dir = dir
        self.children = children
    }
}

/// An illustration, with or without a known image address.
public struct Figure: Sendable, Equatable, Codable {
    public var src: String?
    public var alt: String?
    public var caption: String?

    public init(src: String? = nil, alt: String? = nil, caption: String? = nil) {
        self.src = src
        self.alt = alt
        self.caption = caption
    }
}

/// A data table, with spans expanded so every row has one string per column.
public struct Table: Sendable, Equatable, Codable {
    public var caption: String?
    public var header: [[String]]
    public var rows: [[String]]

    public init(caption: String? = nil, header: [[String]] = [], rows: [[String]] = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
    }
}

/// A block quotation.
public struct Quote: Sendable, Equatable, Codable {
    public var children: [Block]

    public init(children: [Block]) {
        self.children = children
    }
}

/// Preformatted code, kept verbatim.
public struct CodeBlock: Sendable, Equatable, Codable {
    public var text: String
    public var language: String?
    /// `ltr` in a right-to-left document: code reads left to right.
    public var dir: TextDirection?

    public init(text: String, language: String? = nil, dir: TextDirection? = nil) {
        self.text = text
        self.language = language
        self.dir = dir
    }
}

// MARK: - Codable with a `type` discriminator

extension Block: Codable {
    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "section": self = .section(try Section(from: decoder))
        case "paragraph": self = .paragraph(try Paragraph(from: decoder))
        case "list": self = .list(try ListBlock(from: decoder))
        case "figure": self = .figure(try Figure(from: decoder))
        case "table": self = .table(try Table(from: decoder))
        case "quote": self = .quote(try Quote(from: decoder))
        case "code": self = .code(try CodeBlock(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: try decoder.container(keyedBy: TypeKey.self),
                debugDescription: "unknown block type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .section(let value): try value.encode(to: encoder)
        case .paragraph(let value): try value.encode(to: encoder)
        case .list(let value): try value.encode(to: encoder)
        case .figure(let value): try value.encode(to: encoder)
        case .table(let value): try value.encode(to: encoder)
        case .quote(let value): try value.encode(to: encoder)
        case .code(let value): try value.encode(to: encoder)
        }
    }
}

// MARK: - Encoding as JSONRenderer writes

/// Keys of the block fields whose encoding is written out by hand below.
private enum BlockKeys: String, CodingKey {
    case type, level, text, inlines, dir, term, marker, children, src, alt, caption, header, rows
}

extension Heading {
    /// With `"type": "heading"`; `inlines` and `dir` only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BlockKeys.self)
        try container.encode("heading", forKey: .type)
        try container.encode(level, forKey: .level)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(inlines, forKey: .inlines)
        try container.encodeIfPresent(dir, forKey: .dir)
    }
}

extension ListItem {
    /// With `"type": "item"`; `term` always (`null` when none), `marker`, `inlines` and `dir` only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BlockKeys.self)
        try container.encode("item", forKey: .type)
        try container.encode(text, forKey: .text)
        try container.encode(term, forKey: .term)
        try container.encodeIfPresent(marker, forKey: .marker)
        try container.encodeIfPresent(inlines, forKey: .inlines)
        try container.encodeIfPresent(dir, forKey: .dir)
        try container.encode(children, forKey: .children)
    }
}

extension Figure {
    /// Every field present, absent values `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BlockKeys.self)
        try container.encode(src, forKey: .src)
        try container.encode(alt, forKey: .alt)
        try container.encode(caption, forKey: .caption)
    }
}

extension Table {
    /// `caption` always (`null` when none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BlockKeys.self)
        try container.encode(caption, forKey: .caption)
        try container.encode(header, forKey: .header)
        try container.encode(rows, forKey: .rows)
    }
}
