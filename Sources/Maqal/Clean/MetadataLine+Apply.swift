import Foundation

extension MetadataLine {
    /// Puts the value where it belongs in `metadata`; `false` when it says nothing usable.
    func apply(to metadata: inout Metadata) -> Bool {
        switch field {
        case .author:
            let names = value.split(whereSeparator: { "،,".contains($0) })
                .flatMap { $0.components(separatedBy: " و") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
