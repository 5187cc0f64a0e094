import Foundation

/// A flat column `--fields` asks for instead of the whole document, so a corpus job needs no JSON
/// walking.
public enum RecordField: String, Sendable, CaseIterable {
    /// The article as plain text: title, subtitles, then each block (``TextRenderer``).
    case text
    /// The article as Markdown (``MarkdownRenderer``).
    case markdown
    /// `metadata.title`.
    case title
    /// `metadata.language`.
    case language
    /// `metadata.published`.
    case published
    /// `stats.words`.
    case words
    /// `stats.arabicShare`.
    case arabicShare
    /// The whole `maqal/1` document beside the flat fields (for steps that keep the structure).
    case document

    /// A comma-separated list of names; `nil` names the first unknown one.
    public static func list(_ text: String) -> Result<[RecordField], UnknownName> {
        var fields: [RecordField] = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let field = RecordField(rawValue: trimmed) else { return .failure(UnknownName(name: trimmed)) }
            if !fields.contains(field) { fields.append(field) }
        }
        return .success(fields)
    }

    /// A name in a `--fields` list that is not a field.
    public struct UnknownName: Error, Sendable {
        public var name: String
    }

    static func write(_ fields: [RecordField], of document: Document, markdown: MarkdownRenderer.Options,
                      to writer: inout JSONWriter) {
        for field in fields {
            writer.key(field.rawValue)
            switch field {
            case .text: writer.value(TextRenderer.render(document))
            case .markdown: writer.value(MarkdownRenderer.render(document, options: markdown))
            case .title: writer.value(document.metadata.title)
            case .language: writer.value(document.metadata.language)
            case .published: writer.value(document.metadata.published)
            case .words: writer.value(document.stats.words)
            case .arabicShare: writer.value(decimal: document.stats.arabicShare)
            case .document: JSONRenderer.write(document, to: &writer)
            }
        }
    }
}
