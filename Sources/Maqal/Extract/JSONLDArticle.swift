import Foundation

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
        guard let value else { return nil }
        // Arrays, objects and nulls are told by their type before any cast: `as? String` of one
        // of them looks for a bridge from it, a protocol-conformance scan of the whole binary for
        // each type in a process's first page. Any other type goes on to the casts.
        let valueType = type(of: value)
        if valueType == [Any].self || valueType == [String: Any].self || valueType == NSNull.self { return nil }
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
