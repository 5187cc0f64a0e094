import Foundation

extension MetadataLine {
    /// Puts the value where it belongs in `metadata`; `false` when it says nothing usable.
    func apply(to metadata: inout Metadata) -> Bool {
        switch field {
        case .author:
            let names = MetadataLine.authorNames(value)
            guard !names.isEmpty else { return false }
            metadata.authors += names
        case .published, .modified:
            guard let date = ArabicDateParser.find(in: value) ?? ArabicDateParser.parseMachine(value) else {
                return false
            }
            metadata.take(date, text: value, role: field == .published ? .published : .modified)
        case .source:
            metadata.site = metadata.site ?? value
        case .tags:
            metadata.tags += MetadataLine.splitList(value)
        case .categories:
            metadata.categories += MetadataLine.splitList(value)
        }
        return true
    }
}

extension MetadataLine {
    /// The names of a byline's value: split on commas and on the conjunction `و` that joins two
    /// names (`أحمد سالم وليلى حداد`). A `و` opens many names too (`وليد`, `وائل`, `وفاء`), so a
    /// space and `و` join two names only when each side has two words or more. A part that is
    /// another credit (`ترجمة: فلان`, `تصوير فلان`) names no author: a translator or photographer
    /// did not write the article.
    static func authorNames(_ value: String) -> [String] {
        value.split(whereSeparator: { "،,".contains($0) })
            .flatMap { part -> [String] in
                let words = part.split(separator: " ")
                for (position, word) in words.enumerated() where position >= 2 && position <= words.count - 2
                    && word.hasPrefix("و") && word.count > 2
                {
                    let left = words[..<position].joined(separator: " ")
                    let right = String(word.dropFirst()) + " " + words[(position + 1)...].joined(separator: " ")
                    return [left] + authorNames(right)
                }
                return [String(part)]
            }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { name in
                guard !name.isEmpty else { return false }
                let first = ArabicKey.make(name).split(whereSeparator: { $0 == " " || $0 == ":" }).first
                return !(first.map { TextCues.creditLabelKeys.contains(String($0)) } ?? false)
            }
    }
}
