/// What the article says about itself: title, people, dates, site and topics.
///
/// Absent values are `nil` or empty, never invented.
public struct Metadata: Sendable, Equatable, Codable {
    public var title: String?
    /// Deks and sub-titles that stand right under the title.
    public var subtitles: [String]
    public var authors: [String]
    /// ISO 8601, with only the precision the source gives.
    public var published: String?
    public var modified: String?
    public var site: String?
    public var description: String?
    /// BCP 47 language tag (`ar`, `fa`, `ur` …).
    public var language: String?
    /// `rtl` or `ltr`.
    public var direction: TextDirection?
    public var url: String?
    public var image: String?
    public var tags: [String]
    public var categories: [String]
    /// Every date behind `published` and `modified`, with its original text and source.
    public var dates: [DateRecord]

    public init(
        title: String? = nil, subtitles: [String] = [], authors: [String] = [],
        published: String? = nil, modified: String? = nil, site: String? = nil,
        description: String? = nil, language: String? = nil, direction: TextDirection? = nil,
        url: String? = nil, image: String? = nil, tags: [String] = [], categories: [String] = [],
        dates: [DateRecord] = []
    ) {
        self.dates = dates
        self.title = title
        self.subtitles = subtitles
        self.authors = authors
        self.published = published
        self.modified = modified
        self.site = site
        self.description = description
        self.language = language
        self.direction = direction
        self.url = url
        self.image = image
        self.tags = tags
        self.categories = categories
    }
}

extension Metadata {
    private enum EncodingKeys: String, CodingKey {
        case title, subtitles, authors, published, modified, site, description, language, direction, url, image, tags
        case categories, dates
    }

    /// As ``JSONRenderer`` writes it: every field present, absent values `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EncodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(subtitles, forKey: .subtitles)
        try container.encode(authors, forKey: .authors)
        try container.encode(published, forKey: .published)
        try container.encode(modified, forKey: .modified)
        try container.encode(site, forKey: .site)
        try container.encode(description, forKey: .description)
        try container.encode(language, forKey: .language)
        try container.encode(direction, forKey: .direction)
        try container.encode(url, forKey: .url)
        try container.encode(image, forKey: .image)
        try container.encode(tags, forKey: .tags)
        try container.encode(categories, forKey: .categories)
        try container.encode(dates, forKey: .dates)
    }
}
