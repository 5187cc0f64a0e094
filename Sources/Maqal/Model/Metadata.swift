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
