/// Answers the lines of the `maqal records` protocol: each input line becomes exactly one output
/// line — a document, flat fields, a skip or an error — and nothing an input holds ends the stream.
///
/// Output lines, as `maqal schema records` describes them:
/// `{"id", "url", "ok": true, "document": {maqal/1}}`, or with `--fields` the fields in place of
/// `document`; `{"id", "url", "ok": false, "skipped": "language" | "min-words"}` for a filtered
/// page; `{"id", "url", "ok": false, "error": {"kind", "message"}}` for a failure.
public struct RecordProcessor: Sendable {
    public var options: RecordOptions

    public init(options: RecordOptions) {
        self.options = options
    }

    /// How a header line of `maqal records --framed` frames the input after it.
    public enum Frame: Equatable, Sendable {
        /// No `body_bytes`: the record is the line itself, as without `--framed`.
        case inline
        /// The record's page is the next `count` bytes.
        case body(Int)
        /// The line is not a JSON object, or its `body_bytes` is not a count of bytes: where the next
        /// record starts cannot be known. The message says which.
        case unreadable(String)
    }

    /// The frame a header line (without its newline) announces. Only `body_bytes` is read here; the
    /// rest of the header is read by ``answer(line:body:)``, so a header with a wrong field still
    /// frames its body and is answered `invalid-record` in its turn.
    public static func frame(of header: ArraySlice<UInt8>) -> Frame {
        RecordRequest.frame(of: header)
    }

    /// The answer to one input line (without its newline), as one line of JSON without a newline;
    /// `body` is the page framed after a header line (`maqal records --framed`).
    public func answer(line: ArraySlice<UInt8>, body: [UInt8]? = nil) -> [UInt8] {
        let request: RecordRequest
        switch RecordRequest.decode(line) {
        case .success(let decoded): request = decoded
        case .failure(let invalid):
            return Self.errorLine(id: invalid.id, url: nil, .invalidRecord, invalid.message)
        }
        switch request.page(framed: body) {
        case .success(let page):
            var parse = options.parse
            if page.format != .auto && parse.inputFormat == .auto { parse.inputFormat = page.format }
            return answer(id: request.id, url: request.url, bytes: page.bytes, hints: page.hints, parse: parse)
        case .failure(let invalid):
            return Self.errorLine(id: request.id, url: request.url, .invalidRecord, invalid.message)
        }
    }

    /// The answer for one page from a container (a WARC record): `warc` goes into `source.warc`,
    /// `truncated` adds a diagnostic.
    public func answer(
        id: RecordID, url: String?, bytes: [UInt8], hints: InputHints, name: String? = nil,
        warc: Source.WARC? = nil, notes: [String] = []
    ) -> [UInt8] {
        var parse = options.parse
        if parse.inputFormat == .auto { parse.inputFormat = .html }
        return answer(id: id, url: url, bytes: bytes, hints: hints, parse: parse, name: name, warc: warc, notes: notes)
    }

    private func answer(
        id: RecordID, url: String?, bytes: [UInt8], hints: InputHints, parse: ParseOptions, name: String? = nil,
        warc: Source.WARC? = nil, notes: [String] = []
    ) -> [UInt8] {
        var document: Document
        do {
            document = try Maqal.parse(bytes, name: name, hints: hints, options: parse)
        } catch {
            return Self.errorLine(id: id, url: url, RecordFailure(error), error.description)
        }
        if let warc {
            document.source.warc = warc
            if let truncated = warc.truncated {
                document.diagnostics.append(Diagnostic(
                    .warning, "warc.truncated", "the crawler cut this page short (WARC-Truncated: \(truncated))"))
            }
        }
        for note in notes { document.diagnostics.append(Diagnostic(.info, "http.payload", note)) }
        let url = url ?? document.metadata.url
        if let language = options.language, Self.scriptLanguage(of: document) != language {
            return Self.skippedLine(id: id, url: url, reason: "language")
        }
        if options.minWords > 0 && document.stats.words < options.minWords {
            return Self.skippedLine(id: id, url: url, reason: "min-words")
        }
        var writer = JSONWriter(pretty: false, capacity: bytes.count / 2 + 1024)
        Self.begin(id: id, url: url, ok: true, to: &writer)
        if options.fields.isEmpty {
            writer.key("document")
            JSONRenderer.write(document, to: &writer)
        } else {
            RecordField.write(options.fields, of: document, markdown: options.markdown, to: &writer)
        }
        writer.endObject()
        return writer.bytes
    }

    /// The language of the document's own text by its letters (Arabic, Persian or Urdu ones), whatever the page
    /// declares.
    public static func scriptLanguage(of document: Document) -> String? {
        var script = BodyFacts(document.body).script
        if let title = document.metadata.title { script.add(TextFacts(title).script) }
        return ScriptDetector.language(script)
    }

    /// `{"id", "url", "ok": false, "error": {"kind", "message"}}`.
    public static func errorLine(id: RecordID?, url: String?, _ kind: RecordFailure, _ message: String) -> [UInt8] {
        var writer = JSONWriter(pretty: false, capacity: 256)
        begin(id: id, url: url, ok: false, to: &writer)
        writer.key("error")
        writer.beginObject()
        writer.field("kind", kind.rawValue)
        writer.field("message", message)
        writer.endObject()
        writer.endObject()
        return writer.bytes
    }

    static func skippedLine(id: RecordID, url: String?, reason: String) -> [UInt8] {
        var writer = JSONWriter(pretty: false, capacity: 256)
        begin(id: id, url: url, ok: false, to: &writer)
        writer.field("skipped", reason)
        writer.endObject()
        return writer.bytes
    }

    private static func begin(id: RecordID?, url: String?, ok: Bool, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        if let id { id.write(to: &writer) } else { writer.null() }
        writer.field("url", url)
        writer.field("ok", ok)
    }

    /// The id of a record line (or of the first bytes of one too long to read whole), found
    /// without decoding the rest of the line.
    public static func findID(_ line: ArraySlice<UInt8>) -> RecordID? {
        RecordID.find(in: line)
    }
}
