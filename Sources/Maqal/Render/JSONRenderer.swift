/// Renders a ``Document`` as `maqal/1` JSON, keys in contract order.
public enum JSONRenderer {
    /// Pretty-printed with two-space indent by default; `compact` gives one line (NDJSON).
    public static func render(_ document: Document, compact: Bool = false) -> String {
        var writer = JSONWriter(pretty: !compact, capacity: document.source.bytes / 2 + 1024)
        write(document, to: &writer)
        return writer.string
    }

    /// The same JSON as ``render(_:compact:)``, as UTF-8 bytes, with a line feed after it when
    /// `newline` is set: for writing to a file or a socket without making a `String` of the
    /// whole output (and copying it again to add the line feed).
    public static func utf8(_ document: Document, compact: Bool = false, newline: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: !compact, capacity: document.source.bytes / 2 + 1024)
        write(document, to: &writer)
        if newline { writer.appendRaw(UInt8(ascii: "\n")) }
        return writer.bytes
    }

    /// The same bytes as ``utf8(_:compact:newline:)``, handed to `sink` in pieces of about
    /// `chunkSize` bytes as they are written: the output of a large page is never whole in memory.
    package static func write(
        _ document: Document, compact: Bool = false, newline: Bool = false, chunkSize: Int = 1 << 16,
        to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var writer = JSONWriter(pretty: !compact, chunkSize: chunkSize, sink: sink)
        write(document, to: &writer)
        if newline { writer.appendRaw(UInt8(ascii: "\n")) }
        writer.finish()
    }

    static func write(_ document: Document, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("schema", document.schema)
        writer.key("source")
        writer.beginObject()
        writer.field("name", document.source.name)
        writer.field("format", document.source.format.rawValue)
        writer.field("encoding", document.source.encoding.rawValue)
        writer.field("encodingFrom", document.source.encodingFrom.rawValue)
        writer.field("bytes", document.source.bytes)
        writer.field("normalization", strings: document.source.normalization.map(\.rawValue))
        if let compression = document.source.compression { writer.field("compression", compression.rawValue) }
        if let warc = document.source.warc {
            writer.key("warc")
            writer.beginObject()
            writer.field("recordId", warc.recordId)
            writer.field("targetURI", warc.targetURI)
            writer.field("date", warc.date)
            writer.field("truncated", warc.truncated)
            writer.endObject()
        }
        writer.endObject()
        writeMetadata(document.metadata, to: &writer)
        writer.key("stats")
        writer.beginObject()
        writer.field("words", document.stats.words)
        writer.field("characters", document.stats.characters)
        writer.field("readingMinutes", document.stats.readingMinutes)
        writer.key("arabicShare")
        writer.value(decimal: document.stats.arabicShare)
        writer.endObject()
        writer.key("body")
        writeBlocks(document.body, to: &writer)
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in document.diagnostics {
            writer.beginObject()
            writer.field("severity", diagnostic.severity.rawValue)
            writer.field("id", diagnostic.id.description)
            writer.field("message", diagnostic.message)
            writer.endObject()
        }
        writer.endArray()
        // Only a parse asked to explain has it: without, the output is what it always was.
        if let removed = document.removed {
            writer.key("removed")
            writer.beginArray()
            for removal in removed {
                writer.beginObject()
                writer.field("text", removal.text)
                writer.field("chars", removal.chars)
                writer.field("reason", removal.reason)
                writer.field("at", removal.at)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private static func writeMetadata(_ metadata: Metadata, to writer: inout JSONWriter) {
        writer.key("metadata")
        writer.beginObject()
        writer.field("title", metadata.title)
        writer.field("subtitles", strings: metadata.subtitles)
        writer.field("authors", strings: metadata.authors)
        writer.field("published", metadata.published)
        writer.field("modified", metadata.modified)
        writer.field("site", metadata.site)
        writer.field("description", metadata.description)
        writer.field("language", metadata.language)
        writer.field("direction", metadata.direction?.rawValue)
        writer.field("url", metadata.url)
        writer.field("image", metadata.image)
        writer.field("tags", strings: metadata.tags)
        writer.field("categories", strings: metadata.categories)
        writer.key("dates")
        writer.beginArray()
        for date in metadata.dates {
            writer.beginObject()
            writer.field("role", date.role.rawValue)
            writer.field("value", date.value)
            writer.field("text", date.text)
            writer.field("from", date.from.rawValue)
            writer.field("calendar", date.calendar.rawValue)
            writer.field("approximate", date.approximate)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func writeBlocks(_ blocks: [Block], to writer: inout JSONWriter) {
        writer.beginArray()
        for block in blocks { writeBlock(block, to: &writer) }
        writer.endArray()
    }

    private static func writeBlock(_ block: Block, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("type", block.typeName)
        switch block {
        case .section(let section):
            writer.field("level", section.level)
            writer.key("heading")
            writer.beginObject()
            writer.field("type", "heading")
            writer.field("level", section.heading.level)
            writeText(section.heading.text, section.heading.inlines, section.heading.dir, to: &writer)
            writer.endObject()
            writer.key("children")
            writeBlocks(section.children, to: &writer)
        case .paragraph(let paragraph):
            writeText(paragraph.text, paragraph.inlines, paragraph.dir, to: &writer)
            if let lang = paragraph.lang { writer.field("lang", lang) }
        case .list(let list):
            writer.field("ordered", list.ordered)
            if list.ordered { writer.field("start", list.start ?? 1) }
            writer.key("items")
            writer.beginArray()
            for item in list.items {
                writer.beginObject()
                writer.field("type", "item")
                writer.field("text", item.text)
                writer.field("term", item.term)
                if let marker = item.marker { writer.field("marker", marker) }
                if let inlines = item.inlines { writeInlines(inlines, to: &writer) }
                if let dir = item.dir { writer.field("dir", dir.rawValue) }
                writer.key("children")
                writeBlocks(item.children, to: &writer)
                writer.endObject()
            }
            writer.endArray()
        case .figure(let figure):
            writer.field("src", figure.src)
            writer.field("alt", figure.alt)
            writer.field("caption", figure.caption)
        case .table(let table):
            writer.field("caption", table.caption)
            writeRows("header", table.header, to: &writer)
            writeRows("rows", table.rows, to: &writer)
        case .quote(let quote):
            writer.key("children")
            writeBlocks(quote.children, to: &writer)
        case .code(let code):
            writer.field("text", code.text)
            if let language = code.language { writer.field("language", language) }
            if let dir = code.dir { writer.field("dir", dir.rawValue) }
        }
        writer.endObject()
    }

    private static func writeText(_ text: String, _ inlines: [Inline]?, _ dir: TextDirection?, to writer: inout JSONWriter) {
        writer.field("text", text)
        if let inlines { writeInlines(inlines, to: &writer) }
        if let dir { writer.field("dir", dir.rawValue) }
    }

    private static func writeRows(_ name: StaticString, _ rows: [[String]], to writer: inout JSONWriter) {
        writer.key(name)
        writer.beginArray()
        for row in rows {
            writer.beginArray()
            for cell in row { writer.value(cell) }
            writer.endArray()
        }
        writer.endArray()
    }

    private static func writeInlines(_ inlines: [Inline], to writer: inout JSONWriter) {
        writer.key("inlines")
        writeInlineArray(inlines, to: &writer)
    }

    private static func writeInlineArray(_ inlines: [Inline], to writer: inout JSONWriter) {
        writer.beginArray()
        for inline in inlines {
            writer.beginObject()
            writer.field("type", inline.typeName)
            switch inline {
            case .text(let text), .code(let text):
                writer.field("text", text)
            case .link(let href, let children):
                writer.field("href", href)
                writer.key("children")
                writeInlineArray(children, to: &writer)
            case .emphasis(let children), .strong(let children):
                writer.key("children")
                writeInlineArray(children, to: &writer)
            case .lineBreak:
                break
            }
            writer.endObject()
        }
        writer.endArray()
    }
}
