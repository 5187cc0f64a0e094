/// A parsed article: where it came from, what it is about, and its body as a typed tree.
///
/// The shape is the `maqal/1` JSON contract described in the README; field names change
/// only with a schema version bump.
public struct Document: Sendable, Equatable, Codable {
    /// The JSON contract this value follows.
    public static let schemaVersion = "maqal/1"

    public var schema: String
    public var source: Source
    public var metadata: Metadata
    public var stats: Stats
    public var body: [Block]
    /// What was odd about the input: repaired encodings, missing article, truncated input.
    public var diagnostics: [Diagnostic]
    /// What of the input's visible text is in neither ``body`` nor ``metadata``, and why; `nil`
    /// unless the parse was asked to explain (``ParseOptions/explain``).
    public var removed: [Removal]?

    public init(
        source: Source, metadata: Metadata = Metadata(), stats: Stats = Stats(),
        body: [Block] = [], diagnostics: [Diagnostic] = [], removed: [Removal]? = nil
    ) {
        self.removed = removed
        self.schema = Document.schemaVersion
        self.source = source
        self.metadata = metadata
        self.stats = stats
        self.body = body
        self.diagnostics = diagnostics
    }
}
