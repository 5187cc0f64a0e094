/// A browser's single-file save (Chrome and Edge "Webpage, Single File", `.mhtml`; Internet
/// Explorer and Word, `.mht`): a MIME `multipart/related` message whose `text/html` part is the
/// page and whose other parts are its images, styles and frames.
enum MHTMLArchive {
    /// The message's headers when `bytes` are an MHTML file: MIME headers at the very start whose
    /// `Content-Type` is `multipart/…` (or, for a single-part save, `text/html` with a
    /// `MIME-Version`). A page that merely names MHTML in its text is not one.
    static func headers(of bytes: [UInt8]) -> MIMEHeaders? {
        // A header block the file ends in is kept: `read` says the file is cut off.
        guard let first = bytes.first, first > 0x20 && first < 0x7F, first != 0x3C,
            let headers = MIMEHeaders(bytes, from: 0, strict: true)
        else { return nil }
        guard let type = headers.value("content-type") else { return nil }
        let main = MIMEHeaders.parameters(of: type).main
        if main.hasPrefix("multipart/") { return headers }
        if main == "text/html" && headers.value("mime-version") != nil { return headers }
        return nil
    }

    /// One part: its headers and where its body lies in the file.
    private struct Part {
        let headers: MIMEHeaders
        let body: Range<Int>
        var type: (main: String, parameters: [String: String]) {
            MIMEHeaders.parameters(of: headers.value("content-type") ?? "text/plain")
        }
    }

    /// The page inside, with the charset of its part, the address it was saved from, the
    /// `Subject` as a title to fall back on, and the addresses of the files saved with it.
    static func read(_ bytes: [UInt8], headers: MIMEHeaders, hints: InputHints) throws(ParseError) -> SavedPage {
        guard headers.ended else {
            throw .brokenContainer("this MHTML file is cut off inside its header: it holds no page")
        }
        var page = SavedPage(bytes: [], hints: hints, container: .mhtml)
        let type = MIMEHeaders.parameters(of: headers.value("content-type") ?? "")
        var parts: [Part]
        var cutOff = false
        if type.main.hasPrefix("multipart/") {
            var boundary = type.parameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
            var split = boundary.map { self.split(bytes, from: headers.bodyStart, boundary: $0) }
            if split == nil || split!.parts.isEmpty, let found = firstDelimiter(bytes, from: headers.bodyStart),
                found != boundary
            {
                page.diagnostics.append(ContainerDiagnostic.boundary(named: boundary, found: found))
                boundary = found
                split = self.split(bytes, from: headers.bodyStart, boundary: found)
            }
            guard let split, !split.parts.isEmpty else {
                throw .brokenContainer(boundary.map { "this MHTML file's parts cannot be found: its boundary \"\($0)\" never appears" }
                    ?? "this MHTML file's parts cannot be found: its header names no boundary and none appears")
            }
            parts = split.parts
            cutOff = split.cutOff
        } else {
            parts = [Part(headers: headers, body: headers.bodyStart..<bytes.count)]
        }

        let start = type.parameters["start"].map(contentID)
        let mainIndex = start.flatMap { id in parts.firstIndex { $0.headers.value("content-id").map(contentID) == id } }
            ?? parts.firstIndex { $0.type.main == "text/html" || $0.type.main == "application/xhtml+xml" }
            ?? parts.firstIndex { $0.type.main == "text/plain" }
        guard let mainIndex else {
            throw .brokenContainer("this MHTML file holds no page: none of its \(parts.count) parts is text/html")
        }
        let main = parts[mainIndex]
        let mainType = main.type
        page.pageFormat = mainType.main == "text/plain" ? .text : .html
        let encoding = main.headers.value("content-transfer-encoding")?.trimmingWhitespace().lowercased() ?? ""
        let body = bytes[main.body]
        if cutOff && mainIndex == parts.count - 1 && body.allSatisfy({ $0 <= 0x20 }) {
            throw .brokenContainer("this MHTML file is cut off before the page's content")
        }
        switch encoding {
        case "quoted-printable":
            page.bytes = QuotedPrintable.decode(body)
        case "base64":
            let decoded = Base64.decode(body)
            page.bytes = decoded.bytes
            if !decoded.complete && !(cutOff && mainIndex == parts.count - 1) {
                page.diagnostics.append(ContainerDiagnostic.corrupt("the page's base64 part ends in the middle of a group; its last bytes were dropped"))
            }
        default:
            page.bytes = Array(body)
        }
        if cutOff {
            page.diagnostics.append(ContainerDiagnostic.truncated(mainIndex == parts.count - 1
                ? "the MHTML file ends inside the page's part (no closing boundary): the page is cut off there"
                : "the MHTML file ends inside a part after the page (no closing boundary): the page is whole, some of its files are missing"))
        }

        if let charset = mainType.parameters["charset"], !charset.isEmpty {
            page.hints.charset = charset
            page.hints.charsetFrom = .declared
        }
        let saved = headers.value("snapshot-content-location") ?? main.headers.value("content-location")
        if page.hints.url == nil, let saved, isWebAddress(saved) { page.hints.url = saved }
        if page.hints.title == nil, let subject = headers.value("subject") {
            let title = EncodedWords.decode(subject).trimmingWhitespaceAndNewlines()
            if !title.isEmpty { page.hints.title = title }
        }
        for (index, part) in parts.enumerated() where index != mainIndex {
            guard let id = part.headers.value("content-id").map(contentID), !id.isEmpty,
                let location = part.headers.value("content-location"), isWebAddress(location)
            else { continue }
            page.hints.resources["cid:" + id] = location
        }
        return page
    }

    // MARK: - Parts

    /// The parts between `--boundary` lines; `cutOff` when the closing `--boundary--` never came.
    private static func split(_ bytes: [UInt8], from start: Int, boundary: String) -> (parts: [Part], cutOff: Bool) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        var partStart: Int?
        var lineStart = start
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let closing = delimiterLine(bytes, lineStart, lineEnd, delimiter) {
                if let open = partStart {
                    parts.append(part(bytes, open, bodyEnd(bytes, before: lineStart)))
                }
                if closing { return (parts, false) }
                partStart = Swift.min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        if let open = partStart, open < bytes.count { parts.append(part(bytes, open, bytes.count)) }
        return (parts, partStart != nil)
    }

    private static func part(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Part {
        // Not strict: it always reads.
        let headers = MIMEHeaders(bytes, from: start, to: end, strict: false)!
        return Part(headers: headers, body: Swift.min(headers.bodyStart, end)..<end)
    }

    /// Whether the line is `--boundary` (`false`) or `--boundary--` (`true`), trailing white space aside.
    private static func delimiterLine(_ bytes: [UInt8], _ start: Int, _ end: Int, _ delimiter: [UInt8]) -> Bool? {
        guard end - start >= delimiter.count, bytes[start..<(start + delimiter.count)].elementsEqual(delimiter) else {
            return nil
        }
        var index = start + delimiter.count
        var closing = false
        if index + 1 < end && bytes[index] == 0x2D && bytes[index + 1] == 0x2D {
            closing = true
            index += 2
        }
        while index < end {
            guard bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D else { return nil }
            index += 1
        }
        return closing
    }

    /// The end of a body: the line break before a delimiter line belongs to the delimiter.
    private static func bodyEnd(_ bytes: [UInt8], before lineStart: Int) -> Int {
        var end = lineStart
        if end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0 && bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The boundary of the first line that looks like a delimiter (`--` and at least a few more
    /// characters), for a file whose header names no boundary or a wrong one.
    private static func firstDelimiter(_ bytes: [UInt8], from start: Int) -> String? {
        var lineStart = start
        var lines = 0
        while lineStart < bytes.count && lines < 64 {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > lineStart && (bytes[contentEnd - 1] == 0x0D || bytes[contentEnd - 1] == 0x20) { contentEnd -= 1 }
            if contentEnd - lineStart >= 8 && bytes[lineStart] == 0x2D && bytes[lineStart + 1] == 0x2D {
                let line = bytes[(lineStart + 2)..<contentEnd]
                if line.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                    return String(decoding: line, as: UTF8.self)
                }
            }
            if contentEnd > lineStart { lines += 1 }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// A `Content-ID` without its angle brackets (`<frame-1@mhtml.blink>` → `frame-1@mhtml.blink`).
    private static func contentID(_ value: String) -> String {
        var id = Substring(value.trimmingWhitespace())
        if id.hasPrefix("<") { id = id.dropFirst() }
        if id.hasSuffix(">") { id = id.dropLast() }
        if id.lowercased().hasPrefix("cid:") { id = id.dropFirst(4) }
        return String(id)
    }

    private static func isWebAddress(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
