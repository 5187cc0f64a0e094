/// A span of text inside a block: plain text, a link, emphasis, strong, code or a line break.
public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case link(href: String?, children: [Inline])
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case lineBreak

    /// The `type` field of the span in JSON.
    public var typeName: String {
        switch self {
        case .text: "text"
        case .link: "link"
        case .emphasis: "emphasis"
        case .strong: "strong"
        case .code: "code"
        case .lineBreak: "break"
        }
    }

    /// The span's text as a reader sees it.
    public var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .link(_, let children), .emphasis(let children), .strong(let children):
            children.map(\.plainText).joined()
        case .lineBreak: "\n"
        }
    }
}

extension Inline: Codable {
    private enum Key: String, CodingKey { case type, text, href, children }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "text": self = .text(try container.decode(String.self, forKey: .text))
        case "code": self = .code(try container.decode(String.self, forKey: .text))
        case "link":
            self = .link(
                href: try container.decodeIfPresent(String.self, forKey: .href),
                children: try container.decode([Inline].self, forKey: .children))
        case "emphasis": self = .emphasis(try container.decode([Inline].self, forKey: .children))
        case "strong": self = .strong(try container.decode([Inline].self, forKey: .children))
        case "break": self = .lineBreak
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown inline type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .text(let text), .code(let text): try container.encode(text, forKey: .text)
        case .link(let href, let children):
            try container.encode(href, forKey: .href)
            try container.encode(children, forKey: .children)
        case .emphasis(let children), .strong(let children):
            try container.encode(children, forKey: .children)
        case .lineBreak: break
        }
    }
}
