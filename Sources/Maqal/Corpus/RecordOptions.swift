/// What `maqal records` and `maqal warc` do with each page besides parsing it.
public struct RecordOptions: Sendable {
    /// How every page is read (a record's `content_type` may narrow the input format).
    public var parse: ParseOptions
    /// Flat columns instead of the whole document; empty for the document.
    public var fields: [RecordField]
    /// Markdown rendering for the `markdown` field.
    public var markdown: MarkdownRenderer.Options
    /// Keep only documents whose text is in this language by its letters (`ar`, `fa`, `ur`).
    public var language: String?
    /// Keep only documents with at least this many words.
    public var minWords: Int

    public init(
        parse: ParseOptions = ParseOptions(), fields: [RecordField] = [],
        markdown: MarkdownRenderer.Options = MarkdownRenderer.Options(), language: String? = nil, minWords: Int = 0
    ) {
        self.parse = parse
        self.fields = fields
        self.markdown = markdown
        self.language = language
        self.minWords = minWords
    }

    /// The languages `--language` can tell apart by their letters.
    public static let languages = ["ar", "fa", "ur"]
}
