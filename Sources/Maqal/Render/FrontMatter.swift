/// YAML front matter with the document's metadata, every string double-quoted.
enum FrontMatter {
    static func render(_ metadata: Metadata) -> String {
        var lines = ["---"]
        func scalar(_ key: String, _ value: String?) {
            if let value { lines.append("\(key): \(quote(value))") }
        }
        func list(_ key: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            lines.append("\(key):")
            lines += values.map { "  - " + quote($0) }
        }
        scalar("title", metadata.title)
        list("subtitles", metadata.subtitles)
        list("authors", metadata.authors)
        scalar("published", metadata.published)
        scalar("modified", metadata.modified)
        scalar("site", metadata.site)
        scalar("description", metadata.description)
        scalar("lang", metadata.language)
        scalar("dir", metadata.direction)
        scalar("url", metadata.url)
        scalar("image", metadata.image)
        list("tags", metadata.tags)
        list("categories", metadata.categories)
        lines.append("---")
        return lines.joined(separator: "\n")
    }

    private static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
