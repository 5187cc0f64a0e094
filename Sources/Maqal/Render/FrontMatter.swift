/// YAML front matter with the document's metadata, every string double-quoted.
enum FrontMatter {
    static func render(_ metadata: Metadata) -> String {
        var lines = ["---"]
        func scalar(_ key: String, _ value: String?) {
            if let value { lines.append("\(key): \(JSONText.quoted(value))") }
        }
        func list(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            lines.append("\(key):")
            lines += values.map { "  - " + JSONText.quoted($0) }
        }
        scalar("title", metadata.title)
        list("subtitles", metadata.subtitles)
        list("authors", metadata.authors)
        scalar("published", metadata.published)
        scalar("modified", metadata.modified)
        scalar("site", metadata.site)
        scalar("description", metadata.description)
        scalar("lang", metadata.language)
        scalar("dir", metadata.direction?.rawValue)
        scalar("url", metadata.url)
        scalar("image", metadata.image)
        list("tags", metadata.tags)
        list("categories", metadata.categories)
        lines.append("---")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
