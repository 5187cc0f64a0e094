/// Renders a ``Document`` as CommonMark with GFM tables.
///
/// Headings are `#` by section depth, lists use `-` and ASCII `1.` (CommonMark knows no other
/// ordered markers; the original marker stays in JSON), strong is `**` (never `__`, which cannot
/// open inside an Arabic word with a clitic attached), and all text is escaped.
public enum MarkdownRenderer {
    public struct Options: Sendable {
        /// Put the metadata in YAML front matter at the top.
        public var frontMatter: Bool
        /// Put U+200F (RLM) before headings, paragraphs and items that are Arabic overall but
        /// start with a Latin word, so `dir=auto` renderers (GitHub) show them right to left.
        public var rtlMarks: Bool

        public init(frontMatter: Bool = false, rtlMarks: Bool = false) {
            self.frontMatter = frontMatter
            self.rtlMarks = rtlMarks
        }
    }

    public static func render(_ document: Document, options: Options = Options()) -> String {
        var blocks: [String] = []
        let body = options.rtlMarks ? RightToLeftMarks.apply(to: document.body) : document.body
        if options.frontMatter { blocks.append(FrontMatter.render(document.metadata)) }
        if let title = document.metadata.title { blocks.append("# " + MarkdownEscaper.escape(title, atLineStart: false)) }
        for subtitle in document.metadata.subtitles {
            blocks.append("*" + MarkdownEscaper.escape(subtitle, atLineStart: false) + "*")
        }
        for block in body { render(block, into: &blocks) }
        // Joined by hand: the standard library's `joined(separator:)` is not specialised for an
        // array of strings, and its first call in a process looks up an associated type and
        // checks its conformances at run time (a quarter of a one-line text's own work).
        var document = ""
        document.reserveCapacity(blocks.reduce(blocks.count * 2) { $0 + $1.utf8.count })
        for index in blocks.indices {
            if index > 0 { document += "\n\n" }
            document += blocks[index]
        }
        return document + "\n"
    }

    // MARK: - Blocks

    private static func render(_ block: Block, into blocks: inout [String]) {
        switch block {
        case .section(let section):
            let level = min(max(section.heading.level, 1), 6)
            let text = inlineText(section.heading.text, section.heading.inlines)
            blocks.append(String(repeating: "#", count: level) + " " + text)
            for child in section.children { render(child, into: &blocks) }
        case .paragraph(let paragraph):
            blocks.append(inlineText(paragraph.text, paragraph.inlines, atLineStart: true))
        case .list(let list):
            blocks.append(renderList(list))
        case .figure(let figure):
            var lines: [String] = []
            if let src = figure.src {
                lines.append("![" + MarkdownEscaper.escape(figure.alt ?? "", atLineStart: false) + "](" + destination(src) + ")")
            }
            if let caption = figure.caption {
                if !lines.isEmpty { lines.append("") }
                lines.append("*" + MarkdownEscaper.escape(caption, atLineStart: false) + "*")
            }
            if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
        case .table(let table):
            blocks.append(renderTable(table))
        case .quote(let quote):
            var inner: [String] = []
            for child in quote.children { render(child, into: &inner) }
            let quoted = inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }
            blocks.append(quoted.joined(separator: "\n"))
        case .code(let code):
            let fence = String(repeating: "`", count: max(3, longestRun(of: UInt8(ascii: "`"), in: code.text) + 1))
            blocks.append(fence + (code.language ?? "") + "\n" + code.text + "\n" + fence)
        }
    }

    private static func renderList(_ list: ListBlock, indent: String = "") -> String {
        var lines: [String] = []
        var number = list.start ?? 1
        for item in list.items {
            let marker = list.ordered ? "\(number). " : "- "
            number += 1
            let continuation = indent + String(repeating: " ", count: marker.count)
            var text: String
            if let term = item.term, item.inlines == nil, item.text.hasPrefix(term) {
                let rest = item.text.dropFirst(term.count).drop { $0 == ":" || $0 == "：" || $0 == " " }
                text = "**" + MarkdownEscaper.escape(term, atLineStart: false) + ":** "
                    + MarkdownEscaper.escape(String(rest), atLineStart: false)
            } else {
                text = inlineText(item.text, item.inlines, atLineStart: false)
            }
            text = replacingNewlines(in: text, with: "\n" + continuation)
            lines.append(indent + marker + text)
            for child in item.children {
                switch child {
                case .list(let nested):
                    lines.append(renderList(nested, indent: continuation))
                default:
                    var inner: [String] = []
                    render(child, into: &inner)
                    let body = inner.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.isEmpty ? "" : continuation + $0 }.joined(separator: "\n")
                    lines.append("")
                    lines.append(body)
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func renderTable(_ table: Table) -> String {
        var header = table.header.first ?? []
        var rows = table.header.dropFirst() + table.rows
        if header.isEmpty, !rows.isEmpty { header = rows.removeFirst() }
        let columns = max(header.count, rows.map(\.count).max() ?? 0, 1)
        func line(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            return "| " + padded.map { cell in
                MarkdownEscaper.escape(replacingNewlines(in: cell, with: " "), atLineStart: false)
            }.joined(separator: " | ") + " |"
        }
        var lines = [line(header), "|" + Array(repeating: " --- |", count: columns).joined()]
        lines += rows.map { line(Array($0)) }
        var result = lines.joined(separator: "\n")
        if let caption = table.caption {
            result = "*" + MarkdownEscaper.escape(caption, atLineStart: false) + "*\n\n" + result
        }
        return result
    }

    // MARK: - Inlines

    private static func inlineText(_ text: String, _ inlines: [Inline]?, atLineStart: Bool = false) -> String {
        guard let inlines else { return MarkdownEscaper.escape(text, atLineStart: atLineStart) }
        let rendered = render(inlines)
        return atLineStart ? MarkdownEscaper.escapeLineStart(rendered) : rendered
    }

    static func render(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let text):
                out += MarkdownEscaper.escape(text, atLineStart: false)
            case .code(let code):
                let ticks = String(repeating: "`", count: longestRun(of: UInt8(ascii: "`"), in: code) + 1)
                let pad = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
                out += ticks + pad + code + pad + ticks
            case .link(let href, let children):
                let label = render(children)
                let core = label.trimmingWhitespace()
                if let href, !href.isEmpty, !core.isEmpty {
                    // Spaces written inside the anchor go outside the brackets.
                    let spaces = edgeSpaces(of: label)
                    out += spaces.leading + "[" + core + "](" + destination(href) + ")" + spaces.trailing
                } else {
                    out += label
                }
            case .emphasis(let children):
                out += wrap(render(children), "*")
            case .strong(let children):
                out += wrap(render(children), "**")
            case .lineBreak:
                out += "\\\n"
            }
        }
        return out
    }

    /// Wraps with emphasis delimiters, keeping edge spaces outside so the delimiters can open
    /// and close.
    private static func wrap(_ text: String, _ delimiter: String) -> String {
        let core = text.trimmingWhitespace()
        guard !core.isEmpty else { return text }
        let spaces = edgeSpaces(of: text)
        return spaces.leading + delimiter + core + delimiter + spaces.trailing
    }

    /// The characters that are a space at the start and at the end of `text` (the same run
    /// twice when `text` is all spaces), counted on the bytes: a `String` made from the reversed
    /// characters was most of the cost of rendering links and emphasis.
    ///
    /// A space is a character of its own unless a mark after it extends it or a prepended sign
    /// (U+0600…) before it takes it in: the characters are walked only when the run borders a
    /// scalar other than ASCII or an Arabic letter, the scalars known to do neither.
    private static func edgeSpaces(of text: String) -> (leading: String, trailing: String) {
        var text = text
        let counted: (leading: Int, trailing: Int)? = text.withUTF8 { bytes in
            var leading = 0
            while leading < bytes.count && bytes[leading] == 0x20 { leading += 1 }
            var trailing = 0
            while trailing < bytes.count && bytes[bytes.count - 1 - trailing] == 0x20 { trailing += 1 }
            let end = bytes.count - trailing
            if leading > 0 && leading < end && !isPlainBase(bytes.scalar(at: leading).value) { return nil }
            if trailing > 0 && end > leading {
                var start = end - 1
                while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                if !isPlainBase(bytes.scalar(at: start).value) { return nil }
            }
            return (leading, trailing)
        }
        // Each character counted is one space: the run is rebuilt, not copied out of the text.
        let leading = counted?.leading ?? text.prefix { $0 == " " }.count
        let trailing = counted?.trailing ?? text.reversed().prefix { $0 == " " }.count
        return (String(repeating: " ", count: leading), String(repeating: " ", count: trailing))
    }

    /// ASCII and the Arabic letters U+0621…U+064A: scalars that neither extend the character
    /// before them nor take in the one after.
    private static func isPlainBase(_ value: UInt32) -> Bool {
        value < 0x80 || (0x0621...0x064A).contains(value)
    }

    /// A link destination: spaces as `%20`, and in `<…>` (with `<` `>` encoded) when it holds
    /// parentheses or angle brackets.
    private static func destination(_ url: String) -> String {
        // A `switch`, not a `Set`: building the set for every link cost more than the scan.
        let isSpecial: (UInt8) -> Bool = { byte in
            switch byte {
            case 0x20, 0x28, 0x29, 0x3C, 0x3E: true
            default: false
            }
        }
        guard url.utf8.contains(where: isSpecial) else { return url }
        let bracketed = url.utf8.contains { $0 == 0x28 || $0 == 0x29 || $0 == 0x3C || $0 == 0x3E }
        var out: [UInt8] = bracketed ? [0x3C] : []
        for byte in url.utf8 {
            switch byte {
            case 0x20: out += Array("%20".utf8)
            case 0x3C: out += Array("%3C".utf8)
            case 0x3E: out += Array("%3E".utf8)
            default: out.append(byte)
            }
        }
        if bracketed { out.append(0x3E) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func replacingNewlines(in text: String, with replacement: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0x0A { out += replacement.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func longestRun(of character: UInt8, in text: String) -> Int {
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}
