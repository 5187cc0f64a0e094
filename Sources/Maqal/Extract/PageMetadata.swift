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

    init(tree: HTMLTree) {
        var meta: [String: [String]] = [:]
        var canonical: String?
        var base: String?
        var htmlLang: String?
        var htmlDir: String?
        var timeValues: [String] = []
        var itemprops: [String: String] = [:]

        for index in tree.nodes.indices where tree[index].kind == .element {
            let node = tree[index]
            switch node.name {
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "")
                    .lowercased()
                if let content = node.attribute("content"), !key.isEmpty {
                    meta[key, default: []].append(content.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            case "link":
                if node.attribute("rel")?.lowercased() == "canonical" { canonical = node.attribute("href") }
            case "base":
                base = base ?? node.attribute("href")
            case "html":
                htmlLang = node.attribute("lang") ?? node.attribute("xml:lang")
                htmlDir = node.attribute("dir")
            case "title":
                if documentTitle == nil { documentTitle = tree.text(of: index) }
            case "time":
                if let value = node.attribute("datetime"), !value.isEmpty { timeValues.append(value) }
            default:
                break
            }
            if node.name != "meta", let prop = node.attribute("itemprop")?.lowercased(), itemprops[prop] == nil {
                itemprops[prop] = node.attribute("datetime") ?? node.attribute("content") ?? tree.text(of: index)
            }
            if htmlDir == nil, node.name == "body", let dir = node.attribute("dir") { htmlDir = dir }
        }

        let ld = JSONLDArticle(scripts: tree.jsonLD)
        jsonLDBody = ld.articleBody
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = meta[key]?.first(where: { !$0.isEmpty }) { return value } }
            return nil
        }

        // Site first: the title's suffix is stripped with it.
        metadata.site = first("og:site_name", "application-name", "twitter:site:name") ?? ld.publisher
        metadata.title = [first("og:title", "twitter:title"), ld.headline, documentTitle]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
            .map { TitleCleaner.strip($0, site: metadata.site) }
        metadata.description = [first("og:description", "description", "twitter:description"), ld.description]
            .compactMap { $0.map(clean) }.first { !$0.isEmpty }
        metadata.url = canonical ?? first("og:url") ?? ld.url
        baseURL = base ?? metadata.url
        metadata.image = first("og:image", "og:image:url", "twitter:image") ?? ld.image

        var authors = ld.authors
        if authors.isEmpty {
            authors = (meta["author"] ?? []) + (meta["article:author"] ?? []) + (meta["dc.creator"] ?? [])
                + (meta["sailthru.author"] ?? [])
        }
        if authors.isEmpty, let byline = itemprops["author"] { authors = [byline] }
        metadata.authors = authors.map(clean).filter { !$0.isEmpty && !$0.contains("://") && $0.count < 80 }

        let published = [ld.datePublished, first("article:published_time", "og:published_time", "datepublished"),
                         itemprops["datepublished"], timeValues.first,
                         first("pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date",
                               "parsely-pub-date", "sailthru.date", "article.published", "published_time"),
                         ld.dateCreated]
        metadata.published = published.compactMap { $0.flatMap(ArabicDateParser.parseMachine)?.iso }.first
        let modified = [ld.dateModified, first("article:modified_time", "og:updated_time", "datemodified"),
                        itemprops["datemodified"], first("lastmod", "last-modified", "dc.date.modified")]
        metadata.modified = modified.compactMap { $0.flatMap(ArabicDateParser.parseMachine)?.iso }.first

        var tags = meta["article:tag"] ?? []
        if tags.isEmpty { tags = ld.keywords }
        if tags.isEmpty, let keywords = first("news_keywords") { tags = MetadataLine.splitList(keywords) }
        metadata.tags = tags.map(clean).filter { !$0.isEmpty }
        var categories = (meta["article:section"] ?? []) + ld.sections
        categories = categories.map(clean).filter { !$0.isEmpty }
        metadata.categories = categories

        let locale = first("og:locale").map { String($0.prefix { $0 != "_" && $0 != "-" }) }
        metadata.language = (htmlLang.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 })
            ?? ld.language ?? locale
        if let dir = htmlDir?.lowercased(), dir == "rtl" || dir == "ltr" { metadata.direction = dir }
    }

    private func clean(_ value: String) -> String {
        var folder = WhitespaceFolder()
        folder.append(HTMLEntities.decode(value))
        return folder.result
    }
}

/// Strips the site name from a page title: `العنوان - اسم الموقع`, `اسم الموقع | العنوان`.
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " || "]

    static func strip(_ title: String, site: String?) -> String {
        let siteKey = site.map { ArabicKey.make($0) }
        for separator in separators where title.contains(separator) {
            var parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if let siteKey, !siteKey.isEmpty {
                if ArabicKey.make(parts.last!) == siteKey || ArabicKey.make(parts.last!).contains(siteKey) {
                    parts.removeLast()
                    return parts.joined(separator: separator)
                }
                if ArabicKey.make(parts.first!) == siteKey {
                    parts.removeFirst()
                    return parts.joined(separator: separator)
                }
            }
            // No known site name: a short last part after a long title is the site.
            let last = parts.last!
            let head = parts.dropLast().joined(separator: separator)
            if WordCounter.count(last) <= 4, WordCounter.count(head) >= WordCounter.count(last) * 2 {
                return head
            }
        }
        return title
    }
}

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, inside a
/// Yoast `@graph` or not).
struct JSONLDArticle {
    var headline: String?
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
            let cleaned = script.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "<!--", with: "").replacingOccurrences(of: "-->", with: "")
            guard let data = cleaned.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            collect(json, into: &candidates)
        }
        // Prefer a real article type over a WebPage.
        let ranked = candidates.sorted { rank($0) < rank($1) }
        guard let article = ranked.first(where: { rank($0) < 2 }) else { return }
        headline = string(article["headline"]) ?? string(article["name"])
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
            let decoded = HTMLEntities.decode(text).trimmingCharacters(in: .whitespacesAndNewlines)
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
        guard text.contains("&") else { return text }
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
