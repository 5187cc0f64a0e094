/// Collects the inline content of HTML blocks as styled runs, line by line, folding white space
/// as a browser does, and turns finished lines into text plus ``Inline`` spans.
struct InlineBuffer {
    /// A style in force over a run; `owner` is the element that opened it, so two adjacent links
    /// stay two links.
    enum Style: Equatable {
        case strong(owner: Int)
        case emphasis(owner: Int)
        case link(owner: Int, href: String?)
        case code(owner: Int)
    }

    struct Run {
        var text: String
        var styles: [Style]
        /// Set apart by a style that makes no inline span (``StyledHeads``): a `font-size`, a
        /// `<font size>`, a bold `style` attribute. Read only when a line is asked whether it stands out.
        var prominent = false

        /// Spaces only, or empty. Asked of the bytes, not the characters: a text of space bytes
        /// is a text of space characters and back, and breaking it into characters cost more.
        var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 } }
    }

    typealias Line = [Run]

    private(set) var lines: [Line] = []
    private var current: Line = []
    var styles: [Style] = []
    /// How many styled elements that set text apart (``Run/prominent``) are being walked.
    var prominence = 0

    var isEmpty: Bool { lines.allSatisfy(\.isEmpty) && current.isEmpty }
    var currentLineIsEmpty: Bool { current.isEmpty }

    /// Appends text with white space folded. A space between two runs stays with the run it was
    /// written in: `قرأت <a>مقالاً</a> عن` keeps the link text free of edge spaces.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// Appends valid UTF-8 `utf8` as ``append(_:)`` appends a `String`'s.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        // The byte check first; the grapheme check keeps a space joined to a prepended mark apart.
        let endsWithSpace = current.last.map { $0.text.utf8.last == 0x20 && $0.text.last == " " } ?? false
        let spaceAllowed = !current.isEmpty && !endsWithSpace
        var spaceBefore = false
        var pendingSpace = false
        // The UTF-8 bytes are walked and copied straight into the run's storage, which has room
        // for the text and the two spaces that may be added around it: decoding scalars and
        // encoding them again into an array was most of this function's cost.
        let folded = String(unsafeUninitializedCapacity: utf8.count + 2) { out in
            var written = 0
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                // Printable ASCII and the Arabic block (leads D8–DB) hold no space, junk or
                // control character: copied without decoding.
                let plainLength = (0x21...0x7E).contains(lead) ? 1 : (0xD8...0xDB).contains(lead) ? 2 : 0
                if plainLength != 0 {
                    if written == 0 ? spaceBefore && spaceAllowed : pendingSpace {
                        out[written] = 0x20
                        written += 1
                    }
                    pendingSpace = false
                    out[written] = lead
                    if plainLength == 2 { out[written + 1] = utf8[index + 1] }
                    written += plainLength
                    index += plainLength
                    continue
                }
                let (value, length) = utf8.scalar(at: index)
                defer { index += length }
                if ArabicScalar.isSpace(value) {
                    if written == 0 { spaceBefore = true } else { pendingSpace = true }
                    continue
                }
                if ArabicScalar.isHiddenInText(value) { continue }
                // Leading space: written with the first visible scalar, so `written == 0`
                // still means nothing visible came yet.
                if written == 0 ? spaceBefore && spaceAllowed : pendingSpace {
                    out[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                for offset in 0..<length { out[written + offset] = utf8[index + offset] }
                written += length
            }
            if written > 0 && pendingSpace {
                out[written] = 0x20
                written += 1
            }
            return written
        }
        if folded.isEmpty {
            // White space alone: one space after whatever came before.
            if spaceBefore || pendingSpace, spaceAllowed { appendRun(" ") }
            return
        }
        appendRun(folded)
    }

    private mutating func appendRun(_ text: String) {
        if let last = current.last, last.styles == styles, last.prominent == (prominence > 0) {
            current[current.count - 1].text += text
        } else {
            current.append(Run(text: text, styles: styles, prominent: prominence > 0))
        }
    }

    /// Appends text verbatim as one run (inline code keeps its spaces).
    mutating func appendVerbatim(_ text: String) {
        current.append(Run(text: text, styles: styles, prominent: prominence > 0))
    }

    /// A `<br>`: ends the current line; two in a row leave an empty line (a paragraph break).
    mutating func lineBreak() {
        lines.append(current)
        current = []
    }

    /// Hands over the finished lines (trailing spaces trimmed) and starts empty.
    mutating func take() -> [Line] {
        if !current.isEmpty { lines.append(current) }
        current = []
        // Moved out and trimmed in place: most lines have nothing to trim, and mapping them
        // into a new array copied every line.
        var result = lines
        lines = []
        for index in result.indices { Self.trim(&result[index]) }
        return result
    }

    /// Trims `line`'s leading and trailing spaces, changing it only where it has some.
    static func trim(_ line: inout Line) {
        while let last = line.last, last.isBlank { line.removeLast() }
        // Trimmed only when the edge byte could belong to a space: trimming copied every
        // line's first and last run, and folded runs seldom have a space to give up.
        if let last = line.last, last.text.utf8.last == 0x20 {
            line[line.count - 1].text = String(last.text.trimmingTrailingSpaces())
        }
        while let first = line.first, first.isBlank { line.removeFirst() }
        if let first = line.first, let lead = first.text.utf8.first, Self.mayStartSpace(lead) {
            line[0].text = first.text.trimmingLeadingSpaces()
        }
    }

    /// Whether `byte` can be the first UTF-8 byte of a scalar ``ArabicScalar/isSpace(_:)``
    /// accepts (ASCII white space, U+00A0, U+1680, U+2000–205F, U+3000).
    private static func mayStartSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3: true
        default: false
        }
    }

    // MARK: - Runs to text and inlines

    static func text(of runs: [Run]) -> String {
        // One run (an unstyled line, most of them): its text is shared, not joined into a copy.
        if runs.count == 1 { return runs[0].text }
        return runs.map(\.text).joined()
    }

    /// The spans of `runs`, or `nil` when nothing in them is styled (plain text needs none).
    static func inlines(of runs: [Run]) -> [Inline]? {
        guard runs.contains(where: { !$0.styles.isEmpty && !$0.isBlank }) else { return nil }
        return build(runs[...], depth: 0)
    }

    private static func build(_ runs: ArraySlice<Run>, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var index = runs.startIndex
        while index < runs.endIndex {
            let run = runs[index]
            guard depth < run.styles.count else {
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + run.text)
                } else {
                    result.append(.text(run.text))
                }
                index += 1
                continue
            }
            let style = run.styles[depth]
            var end = index + 1
            while end < runs.endIndex, runs[end].styles.count > depth, runs[end].styles[depth] == style { end += 1 }
            let children = build(runs[index..<end], depth: depth + 1)
            switch style {
            case .strong: result.append(.strong(children))
            case .emphasis: result.append(.emphasis(children))
            case .link(_, let href): result.append(.link(href: href, children: children))
            case .code: result.append(.code(children.map(\.plainText).joined()))
            }
            index = end
        }
        return result
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
