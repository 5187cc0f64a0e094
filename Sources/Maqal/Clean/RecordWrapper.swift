/// A plain text that is a record of a TREC-style corpus: the article wrapped in field tags, each on
/// its own line —
///
///     <DOC>
///     <DOCNO>…</DOCNO>   <URL>…</URL>   <SRC>…</SRC>   <CAT>…</CAT>
///     <TITLE>…</TITLE>   <TIME>…</TIME>   <AUTHOR>…</AUTHOR>
///     <TEXT>
///     the article's lines
///     </TEXT>
///     </DOC>
///
/// Such files are how Arabic news corpora (ANT, and the TREC collections before it) are shipped,
/// and people parse them one file at a time. The tags are not text a reader sees: the fields go
/// to the metadata where it has a place for them, the tags are removed (`wrapper.marker`,
/// `wrapper.field`), and only the lines of `<TEXT>` (with any loose line outside a field) are the
/// article. A pass over the lines before they are segmented, so no tag can become a title or a
/// paragraph.
///
/// A file of several records is read as its first record: one file is one document here, and
/// the later records are removed (`wrapper.record`) with a `content.records` warning, so a user
/// sees that the file held more than was read.
enum RecordWrapper {
    struct Unwrapped {
        var lines: [TextLine?]
        var metadata: Metadata
        var removals: Removals
        var diagnostics: [Diagnostic]
    }

    /// The article lines and fields of a record, or `nil` when `lines` are no record: the first
    /// line is `<DOC>` and a `</DOC>` or `<TEXT>` line follows it.
    static func unwrap(_ lines: [TextLine?], removals: Removals) -> Unwrapped? {
        guard let firstIndex = lines.firstIndex(where: { $0 != nil }), let first = lines[firstIndex],
            first.text == "<DOC>",
            lines.contains(where: { $0.map { tag($0.text) == .close("DOC") || tag($0.text) == .open("TEXT") } ?? false })
        else { return nil }
        var result = Unwrapped(lines: [], metadata: Metadata(), removals: removals, diagnostics: [])
        var open: (name: String, lines: [TextLine])?
        var records = 0
        var index = firstIndex
        while index < lines.count {
            defer { index += 1 }
            guard let line = lines[index] else {
                if open?.name == "TEXT" { result.lines.append(nil) }
                continue
            }
            if records >= 1 {
                // After the first record: what a later record holds is not this document.
                result.removals.record(line.text, .wrapperRecord, at: "line \(line.number)")
                if line.text == "<DOC>" { records += 1 }
                continue
            }
            if let current = open {
                // Inside a field written over several lines: up to its closing tag.
                if let (value, closing) = closed(line.text, name: current.name) {
                    var content = current.lines
                    if !value.isEmpty { content.append(TextLine(text: value, indent: line.indent, number: line.number)) }
                    open = nil
                    take(current.name, content, into: &result)
                    result.removals.record(closing, .wrapperField, at: "line \(line.number)")
                } else if current.name == "TEXT" {
                    result.lines.append(line)
                } else {
                    open?.lines.append(line)
                }
                continue
            }
            switch tag(line.text) {
            case .open("DOC") where line.text == "<DOC>":
                result.removals.record(line.text, .wrapperMarker, at: "line \(line.number)")
            case .close("DOC"):
                result.removals.record(line.text, .wrapperMarker, at: "line \(line.number)")
                records += 1
            case .open(let name):
                // `<NAME>` alone, or `<NAME>value…` whose value goes on over the next lines.
                let opening = "<" + String(line.text.dropFirst().prefix(name.count)) + ">"
                result.removals.record(opening, .wrapperField, at: "line \(line.number)")
                let rest = String(line.text.dropFirst(opening.count)).trimmingCharacters(in: .whitespaces)
                if name == "TEXT", closed(rest, name: name) == nil {
                    // The article's first line written on the tag's line stays first.
                    if !rest.isEmpty { result.lines.append(TextLine(text: rest, indent: line.indent, number: line.number)) }
                    open = (name, [])
                } else if let (value, closing) = closed(rest, name: name) {
                    let content = value.isEmpty ? [] : [TextLine(text: value, indent: line.indent, number: line.number)]
                    take(name, content, into: &result)
                    result.removals.record(closing, .wrapperField, at: "line \(line.number)")
                } else {
                    let content = rest.isEmpty ? [] : [TextLine(text: rest, indent: line.indent, number: line.number)]
                    open = (name, content)
                }
            case .close:
                // A closing tag with no field open: a stray tag, no text.
                result.removals.record(line.text, .wrapperMarker, at: "line \(line.number)")
            case nil:
                // A loose line between the fields is text the record shows: it stays.
                result.lines.append(line)
            }
        }
        if let current = open {
            // A field never closed (a cut file): what it held is still taken.
            take(current.name, current.lines, into: &result)
        }
        if records > 1 {
            result.diagnostics.append(Diagnostic(
                .warning, .contentRecords,
                "the file holds \(records) <DOC> records; the first was read and the others left out"))
        }
        return result
    }

    // MARK: - Fields

    /// Puts a field's lines where they belong: the article's lines, a metadata value, or removed.
    private static func take(_ name: String, _ content: [TextLine], into result: inout Unwrapped) {
        if name == "TEXT" {
            result.lines += content.map { Optional($0) }
            return
        }
        guard !content.isEmpty else { return }
        var folder = WhitespaceFolder()
        for line in content { folder.append(line.text + " ") }
        let value = folder.result
        let place = content.count == 1 ? "line \(content[0].number)" : "lines \(content[0].number)-\(content[content.count - 1].number)"
        var metadata = result.metadata
        switch name {
        case "TITLE", "HEADLINE", "HEAD":
            if metadata.title == nil { metadata.title = value } else { metadata.subtitles.append(value) }
        case "TIME", "DATE", "DATELINE", "PUBDATE":
            if let date = ArabicDateParser.find(in: value) {
                metadata.take(date, text: value, role: .published)
            } else if !metadata.dates.contains(where: { $0.role == .published }) {
                // Words no parser reads stay as the record wrote them, with no invented value.
                metadata.dates.append(DateRecord(role: .published, value: nil, text: value, from: .text))
            }
        case "AUTHOR", "BYLINE":
            if !metadata.authors.contains(value) { metadata.authors.append(value) }
        case "URL":
            if metadata.url == nil { metadata.url = value }
        case "SRC", "SOURCE", "SITE":
            if metadata.site == nil { metadata.site = value }
        case "CAT", "CATEGORY", "SECTION":
            if !metadata.categories.contains(value) { metadata.categories.append(value) }
        case "ABSTRACT", "SUMMARY", "LEAD":
            if metadata.description == nil { metadata.description = value }
        default:
            // An id (`DOCNO`) or a field the model has no place for: shown nowhere, removed.
            result.removals.record(value, .wrapperField, at: place)
            return
        }
        result.metadata = metadata
    }

    // MARK: - Tags

    enum Tag: Equatable {
        case open(String)
        case close(String)
    }

    /// The tag a line opens with, when the whole line is a field tag or starts with an opening
    /// one: a name of capital Latin letters (the corpora write them so; `<p>` is HTML, not a field).
    static func tag(_ text: String) -> Tag? {
        guard text.first == "<" else { return nil }
        var rest = text.dropFirst()
        let closing = rest.first == "/"
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
        guard let first = name.first, first.isLetter, rest.dropFirst(name.count).first == ">" else { return nil }
        if closing {
            // A closing tag stands alone on its line.
            return rest.count == name.count + 1 ? .close(String(name)) : nil
        }
        return .open(String(name))
    }

    /// The value before `</NAME>` and the closing tag, when `text` ends with it.
    private static func closed(_ text: String, name: String) -> (value: String, closing: String)? {
        let closing = "</" + name + ">"
        guard text.hasSuffix(closing) else { return nil }
        return (String(text.dropLast(closing.count)).trimmingCharacters(in: .whitespaces), closing)
    }
}
