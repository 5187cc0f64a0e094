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

    init(tree: HTMLTree) {
        var meta: [String: [String]] = [:]
        var canonical: String?
        var base: String?
        var htmlLang: String?
        var htmlDir: String?
        var timeValues: [String] = []
        var classDates: [String] = []
        // The first element of each `itemprop`; its value (often the element's whole text) is read
        // only for the few properties used below.
        var itemprops: [String: Int] = [:]
        var headings: [String] = []

        for index in tree.nodes.indices where tree.nodes[index].kind == .element {
            // The tag and attributes are read in place: a copy of each node cost more than the tests.
            let attributes = tree.nodes[index].attributes
            func attribute(_ wanted: String) -> String? { HTMLTree.Node.attribute(wanted, in: attributes) }
            // The tags asked about again below are told here, once.
            var isTime = false, isBody = false
            switch tree.nodes[index].tag {
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
            let node = tree[index]
            return node.attribute("datetime") ?? node.attribute("content") ?? node.attribute("title") ?? tree.text(of: index)
        }

        let ld = JSONLDArticle(scripts: tree.jsonLD)
        jsonLDBody = ld.articleBody
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value } }
            return nil
        }

        // Site first: the title's suffix is stripped with it.
        metadata.site = first("og:site_name", "application-name", "twitter:site:name") ?? ld.publisher
        let knownSite = metadata.site
        var titles: [(title: String, site: String?)] = [first("og:title", "twitter:title"), ld.headline, ld.name, documentTitle]
            .compactMap { $0.map(clean) }.filter { !$0.isEmpty }
            .map { TitleCleaner.strip($0, site: knownSite) }
        // The page's own h1 settles which candidate is the headline (a JSON-LD headline can be a
        // summary, an og:title can carry the site name).
        let headingKeys = headings.map { ArabicKey.make($0) }
        if let match = titles.first(where: { headingKeys.contains(ArabicKey.make($0.title)) }) {
            titles.insert(match, at: 0)
        } else if let index = headingKeys.firstIndex(where: { key in
            !key.isEmpty && titles.contains { ArabicKey.make($0.title).contains(key) && key.count * 3 >= ArabicKey.make($0.title).count }
        }) {
            titles.insert((title: clean(headings[index]), site: nil), at: 0)
        }
        metadata.title = titles.first?.title
        // "Blog name: post title" in <title> names the site when nothing else does (Blogger).
        if metadata.site == nil, let title = metadata.title, let documentTitle, documentTitle != title,
            let range = documentTitle.range(of: title)
        {
            let rest = (documentTitle[..<range.lowerBound] + documentTitle[range.upperBound...])
                .trimmingCharacters(in: CharacterSet(charactersIn: " :|-–—·«»"))
            if (1...5).contains(WordCounter.count(rest)) { metadata.site = rest }
        }
        metadata.site = metadata.site ?? titles.lazy.compactMap { $0.site }.first
        metadata.description = [first("og:description", "description", "twitter:description"), ld.description]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
        metadata.url = canonical ?? first("og:url") ?? ld.url
        baseURL = LinkResolver.base(href: base, page: metadata.url)
        metadata.image = first("og:image", "og:image:url", "twitter:image") ?? ld.image

        var authors = ld.authors
        if authors.isEmpty {
            authors = (meta["author"] ?? []) + (meta["article:author"] ?? []) + (meta["dc.creator"] ?? [])
                + (meta["sailthru.author"] ?? []) + (meta["parsely-author"] ?? [])
        }
        if authors.isEmpty, let byline = itemprop("author") { authors = [byline] }
        metadata.authors = authors.map(clean).filter { !$0.isEmpty && !$0.contains("://") && $0.count < 80 }

        // Candidates in order of trust (ARABIC.md §5.4), each with where it was found.
        let published: [(String?, String)] = [
            (ld.datePublished, "json-ld"), (first("article:published_time", "og:published_time", "datepublished"), "meta"),
            (itemprop("datepublished"), "time"), (timeValues.first, "time"), (classDates.first, "time"),
            (first("pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "parsely-pub-date",
                   "sailthru.date", "article.published", "published_time"), "meta"),
            (ld.dateCreated, "json-ld"),
        ]
        let modified: [(String?, String)] = [
            (ld.dateModified, "json-ld"), (first("article:modified_time", "og:updated_time", "datemodified"), "meta"),
            (itemprop("datemodified"), "time"), (first("lastmod", "last-modified", "dc.date.modified"), "meta"),
        ]
        for (role, candidates) in [("published", published), ("modified", modified)] {
            for case let (text?, from) in candidates {
                guard let date = ArabicDateParser.parseMachine(text) else { continue }
                metadata.dates.append(DateRecord(role: role, value: date.iso, text: text, from: from))
                if role == "published" { metadata.published = date.iso } else { metadata.modified = date.iso }
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
        if let dir = htmlDir?.lowercased(), dir == "rtl" || dir == "ltr" { metadata.direction = dir }
    }

    /// Class names (lower-cased) of elements that carry a machine date in an attribute.
    private static let machineDateClasses = FragmentMatcher(["published", "timestamp"])

    private func clean(_ value: String) -> String {
        var folder = WhitespaceFolder()
        folder.append(HTMLEntities.decode(value))
        return folder.result
    }
}

/// Strips the site name from a page title: `العنوان - اسم الموقع`, `اسم الموقع | العنوان`,
/// `اسم الموقع :: العنوان`; returns the site name it found when none was known.
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " || ", ": "]

    static func strip(_ title: String, site: String?) -> (title: String, site: String?) {
        let siteKey = site.map { ArabicKey.make($0) }
        for separator in separators {
            let parts = components(of: title, separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let first = parts.first!, last = parts.last!
            if let siteKey, !siteKey.isEmpty {
                if ArabicKey.make(last).contains(siteKey) {
                    return (parts.dropLast().joined(separator: separator), nil)
                }
                if ArabicKey.make(first) == siteKey {
                    return (parts.dropFirst().joined(separator: separator), nil)
                }
                continue
            }
            // ": " is part of many headlines; it separates a site only when a site is known.
            if separator == ": " { continue }
            // No known site name: a short part at either end beside a long headline is the site.
            let head = parts.dropLast().joined(separator: separator)
            let tail = parts.dropFirst().joined(separator: separator)
            if WordCounter.count(last) <= 4, WordCounter.count(head) >= max(WordCounter.count(last) * 2, 3) {
                return (head, last)
            }
            if WordCounter.count(first) <= 4, WordCounter.count(tail) >= max(WordCounter.count(first) * 2, 3) {
                return (tail, first)
            }
        }
        return (title, nil)
    }

    /// `title` cut at each `separator`, as Foundation's `components(separatedBy:)` cuts it (whole
    /// characters matched), but found on the bytes: Foundation's search was most of this
    /// function's cost while mostly finding nothing. A byte match counts only when it starts and
    /// ends on character boundaries, so a separator's space followed by a combining mark is no
    /// separator, as before.
    private static func components(of title: String, separatedBy separator: String) -> [String] {
        // The only scalar canonically equal to one of the separators' is GREEK ANO TELEIA
        // (U+0387), a middle dot: only Foundation's comparison sees it as " · ".
        if title.includes("\u{387}") { return title.components(separatedBy: separator) }
        var haystack = title
        var needle = separator
        let cuts: [Range<Int>] = haystack.withUTF8 { bytes in
            needle.withUTF8 { needle in
                var cuts: [Range<Int>] = []
                var from = 0
                while from < bytes.count,
                    let found = ByteSearch.offset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...]))
                {
                    let cut = from + found..<from + found + needle.count
                    if isCharacterBoundary(cut.lowerBound, in: title) && isCharacterBoundary(cut.upperBound, in: title) {
                        cuts.append(cut)
                        from = cut.upperBound
                    } else {
                        from = cut.lowerBound + 1
                    }
                }
                return cuts
            }
        }
        guard !cuts.isEmpty else { return [title] }
        var parts: [String] = []
        var start = 0
        for cut in cuts + [title.utf8.count..<title.utf8.count] {
            parts.append(String(title[index(title, cut: start)..<index(title, cut: cut.lowerBound)]))
            start = cut.upperBound
        }
        return parts
    }

    private static func index(_ text: String, cut offset: Int) -> String.Index {
        text.utf8.index(text.startIndex, offsetBy: offset)
    }

    private static func isCharacterBoundary(_ offset: Int, in text: String) -> Bool {
        index(text, cut: offset).samePosition(in: text) != nil
    }
}

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, inside a
/// Yoast `@graph` or not).
struct JSONLDArticle {
    var headline: String?
    /// `name`, which some pages fill with the headline when `headline` holds a summary.
    var name: String?
    var description: String?
    var articleBody: String?
    var datePublished: String?
    var dateModified: String?
    var dateCreated: String?
    var authors: [String] = []
    var publisher: String?
    var image: String?
    var url: String?
    var keywords: [String] = []
    var sections: [String] = []
    var language: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "scholarlyarticle", "techarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "medicalwebpage",
    ]

    init(scripts: [String]) {
        var candidates: [[String: Any]] = []
        for script in scripts {
            var cleaned = script.trimmingWhitespaceAndNewlines()
            // Neither marker can be there without a "--" (Foundation's search, which matches
            // canonically equivalent text, is slow on a long script and mostly finds nothing).
            if cleaned.includes("--") {
                cleaned = cleaned.replacingOccurrences(of: "<!--", with: "").replacingOccurrences(of: "-->", with: "")
            }
            guard let data = cleaned.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            collect(json, into: &candidates)
        }
        // Prefer a real article type over a WebPage.
        let ranked = candidates.sorted { rank($0) < rank($1) }
        guard let article = ranked.first(where: { rank($0) < 2 }) else { return }
        headline = string(article["headline"]) ?? string(article["name"])
        name = string(article["name"])
        description = string(article["description"])
        articleBody = string(article["articleBody"])
        datePublished = string(article["datePublished"])
        dateModified = string(article["dateModified"])
        dateCreated = string(article["dateCreated"])
        authors = names(article["author"]) + names(article["creator"])
        publisher = names(article["publisher"]).first
        image = urlString(article["image"]) ?? urlString(article["thumbnailUrl"])
        url = string(article["url"]) ?? urlString(article["mainEntityOfPage"])
        if let keywordList = article["keywords"] as? [Any] {
            keywords = keywordList.compactMap(string)
        } else if let keywordText = string(article["keywords"]) {
            keywords = MetadataLine.splitList(keywordText)
        }
        if let sectionList = article["articleSection"] as? [Any] {
            sections = sectionList.compactMap(string)
        } else if let section = string(article["articleSection"]) {
            sections = [section]
        }
        language = string(article["inLanguage"])
    }

    private func rank(_ object: [String: Any]) -> Int {
        let types: [String]
        if let type = object["@type"] as? String { types = [type] } else { types = (object["@type"] as? [String]) ?? [] }
        let lowered = types.map { $0.lowercased() }
        if lowered.contains(where: { $0 != "webpage" && JSONLDArticle.articleTypes.contains($0) }) { return 0 }
        if lowered.contains("webpage") { return 1 }
        return 2
    }

    private func collect(_ json: Any, into list: inout [[String: Any]]) {
        if let array = json as? [Any] {
            for item in array { collect(item, into: &list) }
        } else if let object = json as? [String: Any] {
            list.append(object)
            if let graph = object["@graph"] { collect(graph, into: &list) }
        }
    }

    private func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let decoded = HTMLEntities.decode(text).trimmingWhitespaceAndNewlines()
            return decoded.isEmpty ? nil : decoded
        }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }

    private func names(_ value: Any?) -> [String] {
        if let text = string(value) { return [text] }
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }

    private func urlString(_ value: Any?) -> String? {
        if let text = string(value) { return text }
        if let object = value as? [String: Any] { return string(object["url"]) ?? string(object["@id"]) }
        if let array = value as? [Any] { return array.lazy.compactMap { urlString($0) }.first }
        return nil
    }
}

/// Decodes the character references that survive in attribute values and JSON-LD strings.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "laquo": "«", "raquo": "»",
        "hellip": "…", "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    static func decode(_ text: String) -> String {
        guard text.includes("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") {
                let name = String(text[text.index(after: index)..<semicolon])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[name]
                }
                if let replacement {
                    result += replacement
                    index = text.index(after: semicolon)
                    continue
                }
            }
            result.append(character)
            index = text.index(after: index)
        }
        return result
    }
}
