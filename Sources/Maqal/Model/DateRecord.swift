/// A date the page states, kept with the words it was written in and where it was found.
public struct DateRecord: Sendable, Equatable, Codable {
    /// Which of the article's dates a ``DateRecord`` gives.
    public enum Role: String, Sendable, Codable, CaseIterable {
        case published, modified
    }

    /// Where on the page a date was found.
    public enum Origin: String, Sendable, Codable, CaseIterable {
        /// A JSON-LD `datePublished`, `dateModified` or `dateCreated`.
        case jsonLD = "json-ld"
        /// A `<meta>` tag.
        case meta
        /// A `<time>` element or another element that carries a machine date.
        case time
        /// Visible words of the page.
        case text
    }

    /// The calendar the page wrote a date in.
    public enum Calendar: String, Sendable, Codable, CaseIterable {
        case gregorian, hijri
        /// The Solar Hijri (Persian) calendar.
        case persian
    }

    public var role: Role
    /// ISO 8601 with only the precision the source gives; `nil` when the text cannot be resolved
    /// (a relative date on a page that carries no save time).
    public var value: String?
    /// The date as the page wrote it.
    public var text: String
    public var from: Origin
    /// ``Calendar/hijri`` / ``Calendar/persian`` when the page wrote a Hijri / Solar Hijri date and
    /// `value` is its Gregorian conversion.
    public var calendar: Calendar
    /// True for relative dates ("منذ ساعتين", "أمس") resolved against the page's save time.
    public var approximate: Bool

    public init(role: Role, value: String?, text: String, from: Origin, calendar: Calendar = .gregorian,
                approximate: Bool = false) {
        self.role = role
        self.value = value
        self.text = text
        self.from = from
        self.calendar = calendar
        self.approximate = approximate
    }
}

extension DateRecord {
    private enum EncodingKeys: String, CodingKey { case role, value, text, from, calendar, approximate }

    /// As ``JSONRenderer`` writes it: an unresolved `value` is `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(value, forKey: .value)
        try container.encode(text, forKey: .text)
        try container.encode(from, forKey: .from)
        try container.encode(calendar, forKey: .calendar)
        try container.encode(approximate, forKey: .approximate)
    }
}
