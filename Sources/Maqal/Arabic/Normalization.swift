import Foundation

/// Opt-in rewrites of the article's text for people who index, search or train on it.
///
/// The default output is byte-true (white space folded, nothing else); each of these changes
/// the text on purpose, and `source.normalization` records which were applied
/// (ARABIC.md §2.2–2.8 give the code points and the reasons).
public enum Normalization: String, Sendable, CaseIterable, Codable {
    /// Unicode NFC, first: it composes ا + ٔ into أ before anything strips marks.
    case nfc
    /// NFKC on the Arabic presentation forms only (ﻻ → لا, ﷲ → الله), never on the whole text.
    case presentationForms = "presentation-forms"
    /// Zero-width space, word joiner, soft hyphen and stray BOMs removed; NBSP and narrow
    /// spaces become spaces. ZWNJ and ZWJ always stay: they spell Persian words and emoji.
    case invisibles
    /// Bidi embeddings, overrides, isolates and LRM/RLM/ALM removed.
    case bidiControls = "bidi-controls"
    /// Tatweel between letters removed; a tatweel that is a sign (هـ, بـ) stays.
    case tatweel
    /// Harakat (U+064B–0652) and the dagger alef (U+0670) removed.
    case diacritics
    /// Like ``diacritics`` but shadda stays.
    case diacriticsKeepShadda = "diacritics-keep-shadda"
    /// Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
    case digitsASCII = "digits-ascii"
    /// ASCII digits to Arabic-Indic.
    case digitsArabic = "digits-arabic"
    /// With a digits option: decimal and thousands separators between digits too (٫ ↔ . and ٬ ↔ ,).
    case separators
    /// A preset for search keys: every option above (digits to ASCII) plus letter folding
    /// (أ إ آ ٱ → ا, ى → ي, ة → ه). It changes spelling.
    case search

    /// The order steps run in, whatever order they were asked for.
    static let pipelineOrder: [Normalization] = [
        .nfc, .presentationForms, .invisibles, .bidiControls, .tatweel, .diacritics, .diacriticsKeepShadda,
        .digitsASCII, .digitsArabic, .separators, .search,
    ]

    /// One line per option for `--help`.
    package static var helpText: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}

/// Applies a set of ``Normalization`` steps to strings.
struct TextNormalizer: Sendable {
    let steps: Set<Normalization>

    init(_ requested: [Normalization]) {
        var steps = Set(requested)
        if steps.contains(.search) {
            steps.formUnion([.nfc, .presentationForms, .invisibles, .bidiControls, .tatweel, .diacritics, .digitsASCII,
                             .separators])
            steps.remove(.digitsArabic)
            steps.remove(.diacriticsKeepShadda)
        }
        self.steps = steps
    }

    var isEmpty: Bool { steps.isEmpty }

    /// The steps requested, in the order they run.
    static func ordered(_ requested: [Normalization]) -> [Normalization] {
        Normalization.pipelineOrder.filter(Set(requested).contains)
    }

    func apply(_ text: String) -> String {
        guard !steps.isEmpty, !text.isEmpty else { return text }
        var text = text
        if steps.contains(.nfc) { text = text.precomposedStringWithCanonicalMapping }
        var scalars = Array(text.unicodeScalars)
        if steps.contains(.presentationForms) { scalars = foldPresentationForms(scalars) }
        if steps.contains(.invisibles) { scalars = removeInvisibles(scalars) }
        if steps.contains(.bidiControls) { scalars.removeAll { isBidiControl($0.value) } }
        if steps.contains(.tatweel) { scalars = removeDecorativeTatweel(scalars) }
        if steps.contains(.diacritics) {
            scalars.removeAll { ArabicScalar.isHaraka($0.value) }
        } else if steps.contains(.diacriticsKeepShadda) {
            scalars.removeAll { ArabicScalar.isHaraka($0.value) && $0.value != 0x0651 }
        }
        if steps.contains(.digitsASCII) || steps.contains(.digitsArabic) { scalars = convertDigits(scalars) }
        if steps.contains(.search) { scalars = scalars.map(foldLetter) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // MARK: - Steps

    /// Isolated harakat forms decompose to a space plus the mark under NFKC; the mark alone is wanted.
    private func foldPresentationForms(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            let value = scalar.value
            guard (0xFB50...0xFDFF).contains(value) || (0xFE70...0xFEFE).contains(value) else {
                result.append(scalar)
                continue
            }
            if value == 0xFDFC {  // RIAL SIGN: NFKC spells it with Farsi yeh
                result += "ريال".unicodeScalars
                continue
            }
            let folded = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
            let isolatedMark = folded.count == 2 && folded.first == " " && ArabicScalar.isArabicMark(folded.last!.value)
            result += isolatedMark ? [folded.last!] : Array(folded)
        }
        return result
    }

    private func removeInvisibles(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.compactMap { scalar in
            let value = scalar.value
            if value == 0x200B || value == 0x2060 || value == 0x00AD || value == 0xFEFF || value == 0x034F { return nil }
            if value == 0xA0 || value == 0x202F || value == 0x2007 || value == 0x2009 || (0x2000...0x200A).contains(value) {
                return " "
            }
            return scalar
        }
    }

    private func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || value == 0x061C
    }

    /// Removes runs of tatweel that join two letters (decoration); keeps one at a word's edge.
    private func removeDecorativeTatweel(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index].value == ArabicScalar.tatweel else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end].value == ArabicScalar.tatweel { end += 1 }
            let before = result.last { !ArabicScalar.isArabicMark($0.value) }
            let after = scalars[end...].first { !ArabicScalar.isArabicMark($0.value) }
            let joinsLetters = before.map { ArabicScalar.isArabicLetter($0.value) } == true
                && after.map { ArabicScalar.isArabicLetter($0.value) } == true
            if !joinsLetters { result += scalars[index..<end] }
            index = end
        }
        return result
    }

    private func convertDigits(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let toASCII = steps.contains(.digitsASCII)
        let separators = steps.contains(.separators)
        var result = scalars
        for index in result.indices {
            let value = result[index].value
            if toASCII {
                if let digit = ArabicScalar.digitValue(value), value > 0x7F {
                    result[index] = Unicode.Scalar(0x30 + UInt32(digit))!
                } else if separators, value == 0x066B || value == 0x066C, isBetweenDigits(result, index) {
                    result[index] = value == 0x066B ? "." : ","
                }
            } else {
                if (0x30...0x39).contains(value) {
                    result[index] = Unicode.Scalar(0x0660 + value - 0x30)!
                } else if separators, value == 0x2E || value == 0x2C, isBetweenDigits(result, index) {
                    result[index] = value == 0x2E ? "\u{066B}" : "\u{066C}"
                }
            }
        }
        return result
    }

    private func isBetweenDigits(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index > 0 && index + 1 < scalars.count && ArabicScalar.isDigit(scalars[index - 1].value)
            && ArabicScalar.isDigit(scalars[index + 1].value)
    }

    private func foldLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0623, 0x0625, 0x0622, 0x0671: "\u{0627}"
        case 0x0649: "\u{064A}"
        case 0x0629: "\u{0647}"
        default: scalar
        }
    }

    // MARK: - Documents

    /// Applies the steps to every text of a document: blocks, inlines, captions, cells and the
    /// metadata people read (not URLs, not code).
    func apply(to document: inout Document) {
        guard !isEmpty else { return }
        var metadata = document.metadata
        metadata.title = metadata.title.map(apply)
        metadata.subtitles = metadata.subtitles.map(apply)
        metadata.authors = metadata.authors.map(apply)
        metadata.site = metadata.site.map(apply)
        metadata.description = metadata.description.map(apply)
        metadata.tags = metadata.tags.map(apply)
        metadata.categories = metadata.categories.map(apply)
        document.metadata = metadata
        var rewriter = Rewriter(normalizer: self)
        rewriter.rewrite(&document.body)
    }

    /// Every text a reader sees, normalised; URLs and code stay as they are.
    private struct Rewriter: BlockRewriter {
        let normalizer: TextNormalizer

        func apply(_ text: String) -> String { normalizer.apply(text) }
        func apply(_ inlines: [Inline]?) -> [Inline]? { inlines.map { $0.map(normalizer.apply) } }

        mutating func rewriteHeading(_ heading: inout Heading) {
            heading.text = apply(heading.text)
            heading.inlines = apply(heading.inlines)
        }

        mutating func rewriteParagraph(_ paragraph: inout Paragraph) {
            paragraph.text = apply(paragraph.text)
            paragraph.inlines = apply(paragraph.inlines)
        }

        mutating func rewriteItem(_ item: inout ListItem) {
            item.text = apply(item.text)
            item.term = item.term.map(apply)
            item.inlines = apply(item.inlines)
        }

        mutating func rewriteFigure(_ figure: inout Figure) {
            figure.alt = figure.alt.map(apply)
            figure.caption = figure.caption.map(apply)
        }

        mutating func rewriteTable(_ table: inout Table) {
            table.caption = table.caption.map(apply)
            table.header = table.header.map { $0.map(apply) }
            table.rows = table.rows.map { $0.map(apply) }
        }
    }

    fileprivate func apply(_ inline: Inline) -> Inline {
        switch inline {
        case .text(let text): .text(apply(text))
        case .link(let href, let children): .link(href: href, children: children.map(apply))
        case .emphasis(let children): .emphasis(children.map(apply))
        case .strong(let children): .strong(children.map(apply))
        case .code, .lineBreak: inline
        }
    }
}
