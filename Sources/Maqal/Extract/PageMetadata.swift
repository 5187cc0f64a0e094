import Foundation

/// What a page says about itself in `<head>`, JSON-LD and marked-up elements: title, authors,
/// dates, site, description, language, canonical URL, image, tags and categories.
struct PageMetadata {
    private(set) var metadata = Metadata()
    /// `articleBody` from JSON-LD, a cross-check for the extracted text.
    private(set) var jsonLDBody: String?
    /// The address links resolve against: `<base href>`, else the canonical URL.
    private(set) var baseURL: String?
    /// The `<title>` element's text.
    private(set) var documentTitle: String?
    /// `news_keywords` meta values: tags when the page names none better.
    private(set) var keywords: [String] = []
    /// What the title may be, for ``TitleChooser``.
    private(set) var titleCandidates = TitleCandidates()

    /// `pageURL` is where the page was saved or fetched from, when a container or the caller knows
    /// it: the URL when the page names none, and the base for its relative links.
    init(tree: HTMLTree, pageURL: String? = nil) {
        var meta: [String: [String]] = [:]
        var canonical: String?
        var base: String?
        var htmlLang: String?
        var htmlDir: String?
        // The `dir` of the first `main` or `article` that has one: pages that set the direction
        // on the content wrapper rather than on `html` or `body`.
        var containerDir: String?
        var timeValues: [String] = []
        var classDates: [String] = []
        // The first element of each `itemprop`; its value (often the element's whole text) is read
        // only for the few properties used below.
        var itemprops: [String: Int] = [:]
        var headings: [String] = []

        for index in tree.indices where tree.isElement(index) {
            let attributes = tree.attributes(at: index)
            func attribute(_ wanted: String) -> String? { HTMLTree.attribute(wanted, in: attributes) }
            // The tags asked about again below are told here, once.
            var isTime = false, isBody = false
            switch tree.tag(at: index) {
            case .meta:
                let key = (attribute("property") ?? attribute("name") ?? attribute("itemprop") ?? "")
                    .lowercasedCheaply()
                if let content = attribute("content"), !key.isEmpty {
                    meta[key, default: []].append(content.trimmingWhitespaceAndNewlines())
                }
                continue
            case .link:
                if attribute("rel")?.lowercasedCheaply() == "canonical" { canonical = attribute("href") }
            case .base:
                base = base ?? attribute("href")
            case .html:
                htmlLang = attribute("lang") ?? attribute("xml:lang")
                htmlDir = attribute("dir")
            case .title:
                if documentTitle == nil { documentTitle = tree.text(of: index) }
            case .time:
                isTime = true
                if let value = attribute("datetime"), !value.isEmpty { timeValues.append(value) }
            case .body:
                isBody = true
            case .main, .article:
                if containerDir == nil, let dir = attribute("dir") { containerDir = dir }
            case .h1:
                let text = tree.text(of: index)
                if !text.isEmpty { headings.append(text) }
            default:
                break
            }
            if attributes.isEmpty { continue }
            // The attributes read on every element, found in one pass (the first of a repeated
            // name counts, as in `attribute(_:)`) instead of one search each.
            var titleValue: String?, datetime: String?, dataTime: String?, itemprop: String?
            for position in attributes.indices {
                switch attributes[position].name.utf8.count {
                case 5 where attributes[position].name == "title":
                    titleValue = titleValue ?? attributes[position].value
                case 8 where attributes[position].name == "datetime":
                    datetime = datetime ?? attributes[position].value
                case 8 where attributes[position].name == "itemprop":
                    itemprop = itemprop ?? attributes[position].value
                case 9 where attributes[position].name == "data-time":
                    dataTime = dataTime ?? attributes[position].value
                default:
                    break
                }
            }
            // Blogger's `abbr.published[title]` and other machine dates on elements named for them.
            // The value is looked for first: few elements have one, and the class test reads every name.
            if !isTime, let value = titleValue ?? datetime ?? dataTime,
                !value.isEmpty, let classes = attribute("class")?.lowercasedCheaply(),
                Self.machineDateClasses.matches(classes)
            {
                classDates.append(value)
            }
            if let prop = itemprop?.lowercasedCheaply(), itemprops[prop] == nil {
                itemprops[prop] = index
            }
            if htmlDir == nil, isBody, let dir = attribute("dir") { htmlDir = dir }
        }

        func itemprop(_ name: String) -> String? {
            guard let index = itemprops[name] else { return nil }
            return tree.attribute("datetime", at: index) ?? tree.attribute("content", at: index)
                ?? tree.attribute("title", at: index) ?? tree.text(of: index)
        }

        let ld = JSONLDArticle(scripts: tree.jsonLD)
        jsonLDBody = ld.articleBody
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value } }
            return nil
        }

        // The title is chosen in Clean (``TitleChooser``), which also names the site from the title
        // when nothing here does.
        metadata.site = first("og:site_name", "application-name", "twitter:site:name") ?? ld.publisher
        titleCandidates = TitleCandidates(
            titles: [first("og:title", "twitter:title"), ld.headline, ld.name, documentTitle]
                .compactMap { $0.map(clean) }.filter { !$0.isEmpty },
            headings: headings, documentTitle: documentTitle)
        metadata.description = [first("og:description", "description", "twitter:description"), ld.description]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
        metadata.url = canonical ?? first("og:url") ?? ld.url ?? pageURL
        // A relative <base href> is relative to the address the page was read from, when known.
        baseURL = LinkResolver.base(href: base, page: pageURL ?? metadata.url)
        metadata.image = first("og:image", "og:image:url", "twitter:image") ?? ld.image

        var authors = ld.authors
        if authors.isEmpty {
            authors = (meta["author"] ?? []) + (meta["article:author"] ?? []) + (meta["dc.creator"] ?? [])
                + (meta["sailthru.author"] ?? []) + (meta["parsely-author"] ?? [])
        }
        if authors.isEmpty, let byline = itemprop("author") { authors = [byline] }
        metadata.authors = authors.map(clean).filter { !$0.isEmpty && !$0.contains("://") && $0.count < 80 }

        // Candidates in order of trust (ARABIC.md §5.4), each with where it was found.
        let published: [(String?, DateRecord.Origin)] = [
            (ld.datePublished, .jsonLD), (first("article:published_time", "og:published_time", "datepublished"), .meta),
            (itemprop("datepublished"), .time), (timeValues.first, .time), (classDates.first, .time),
            (first("pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "parsely-pub-date",
                   "sailthru.date", "article.published", "published_time"), .meta),
            (ld.dateCreated, .jsonLD),
        ]
        let modified: [(String?, DateRecord.Origin)] = [
            (ld.dateModified, .jsonLD), (first("article:modified_time", "og:updated_time", "datemodified"), .meta),
            (itemprop("datemodified"), .time), (first("lastmod", "last-modified", "dc.date.modified"), .meta),
        ]
        for (role, candidates) in [(DateRecord.Role.published, published), (.modified, modified)] {
            for case let (text?, from) in candidates {
                guard let date = ArabicDateParser.parseMachine(text) else { continue }
                metadata.dates.append(DateRecord(role: role, value: date.iso, text: text, from: from))
                if role == .published { metadata.published = date.iso } else { metadata.modified = date.iso }
                break
            }
        }

        var tags = meta["article:tag"] ?? []
        if tags.isEmpty { tags = ld.keywords }
        if tags.isEmpty, let parsely = first("parsely-tags") { tags = MetadataLine.splitList(parsely) }
        metadata.tags = tags.map(clean).filter { !$0.isEmpty }
        // Only news_keywords: the plain keywords meta is mostly search-engine filler.
        keywords = first("news_keywords").map { MetadataLine.splitList(clean($0)) } ?? []
        var categories = (meta["article:section"] ?? []) + ld.sections + (meta["parsely-section"] ?? [])
        categories = categories.map(clean).filter { !$0.isEmpty }
        metadata.categories = categories

        let locale = first("og:locale").map { String($0.prefix { $0 != "_" && $0 != "-" }) }
        metadata.language = (htmlLang.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 })
            ?? ld.language ?? locale
        for dir in [htmlDir, containerDir].compactMap({ $0?.lowercased() }) {
            if let direction = TextDirection(rawValue: dir) {
                metadata.direction = direction
                break
            }
        }
    }

    /// Class names (lower-cased) of elements that carry a machine date in an attribute.
    private static let machineDateClasses = FragmentMatcher(["published", "timestamp"])

    private func clean(_ value: String) -> String {
        HTMLEntities.folded(value)
    }
}

/// What a page offers as its title, in order of trust: `og:title`/`twitter:title`, the JSON-LD
/// headline and name, `<title>` (each entity-decoded and white-space folded), plus the page's own
/// `h1` texts and raw `<title>`, which settle between them.
struct TitleCandidates: Sendable {
    var titles: [String] = []
    var headings: [String] = []
    var documentTitle: String?
}
