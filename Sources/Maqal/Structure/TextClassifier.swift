/// A text article's logical lines → flat blocks, read from their shape and their neighbours:
/// headings (standing alone, short, unpunctuated; ordinals; numbered lines as ``NumberedHeadings``
/// decides for the document), lists (marker lines, nested by indent), captions and paragraphs.
/// The Structure stage for text, before the sections are nested (``DocumentBuilder``).
struct TextClassifier {
    typealias Unit = TextSegmenter.Unit

    /// The flat blocks of `units`; heading-like lines between the title (when `hasTitle`) and the
    /// first body text are appended to `subtitles` instead, and empty subtitles dropped.
    func blocks(_ units: [Unit], hasTitle: Bool, subtitles: inout [String]) -> [FlatBlock] {
        var units = units
        var blocks: [FlatBlock] = []
        var index = 0
        var sawBody = false
        var sawHeading = false
        // Whether the run of heading-like lines from each unit on holds one that stood right
        // before metadata, worked out once: asking again at every line of the run was quadratic.
        let headingShaped = units.map { $0.marker == nil && $0.shape.couldBeHeading }
        var runPrecedesMetadata = [Bool](repeating: false, count: units.count + 1)
        for position in units.indices.reversed() where headingShaped[position] {
            runPrecedesMetadata[position] = units[position].precedesMetadata || runPrecedesMetadata[position + 1]
        }
        let numberedHeads = NumberedHeadings.decide(units, headingShaped: headingShaped)
        let flushHeads = Self.flushHeads(units, headingShaped: headingShaped)
        // The level of the questions section the lines are in (``QuestionsSection``), if any.
        var questionsLevel: Int?
        while index < units.count {
            if units[index].marker == nil, units[index].opensGroup, index + 1 < units.count,
                QuestionsSection.isHead(units[index].text)
            {
                blocks.append(.heading(Heading(level: 2, text: units[index].text)))
                questionsLevel = 2
                sawHeading = true
                index += 1
                continue
            }
            if let level = questionsLevel, QuestionsSection.isAnswered(units, at: index) {
                blocks.append(.heading(Heading(level: level + 1, text: units[index].text)))
                index += 1
                continue
            }
            if units[index].marker != nil {
                if numberedHeads.contains(index) {
                    blocks.append(.heading(Heading(level: 2, text: units[index].text)))
                    sawHeading = true
                    questionsLevel = nil
                    index += 1
                    continue
                }
                let (list, next) = buildList(units, from: index, indent: units[index].indent, heads: numberedHeads)
                blocks.append(.block(.list(list)))
                sawBody = true
                index = next
                continue
            }
            // A forward's `*bold*` line heads what follows it.
            if let bold = MessagingMarkup.boldLine(units[index].text), index + 1 < units.count,
                LineShape(bold).couldBeHeading || LineShape(bold).endsWithColon
            {
                blocks.append(.heading(Heading(level: 2, text: bold)))
                sawHeading = true
                questionsLevel = nil
                index += 1
                continue
            }
            if units[index].facts.isCaption() {
                blocks.append(.block(.figure(Figure(caption: units[index].text))))
                index += 1
                continue
            }
            if flushHeads.contains(index) || isHeading(&units, at: index, headingShaped) {
                // Heading-like lines between the title and the first body text: all but the
                // last are the title's subtitles (the last heads the first section).
                let beforeMetadata = runPrecedesMetadata[index]
                if !sawBody && !sawHeading && hasTitle, index + 1 < units.count,
                    beforeMetadata || isHeading(&units, at: index + 1, headingShaped)
                {
                    subtitles.append(units[index].text)
                    index += 1
                    continue
                }
                blocks.append(.heading(Heading(level: headingLevel(units[index].text), text: units[index].text)))
                sawHeading = true
                questionsLevel = nil
                index += 1
                continue
            }
            blocks.append(.block(.paragraph(Paragraph(text: units[index].text))))
            sawBody = true
            index += 1
        }
        subtitles = subtitles.filter { !$0.isEmpty }
        return blocks
    }

    /// A heading stands alone between blank lines (or opens its group with an ordinal such as
    /// `أولاً:`), is short and unpunctuated, and has something after it.
    /// `headingShaped` holds, for each unit, that it has no marker and ``LineShape/couldBeHeading``.
    private func isHeading(_ units: inout [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        guard units[index].marker == nil, headingShaped[index] || isOrdinalHeading(&units[index]) else {
            return false
        }
        guard units[index].standsAlone || (units[index].opensGroup && isOrdinalHeading(&units[index]))
            || isRunInHeading(units, at: index, headingShaped) || isColumnHead(units, at: index, headingShaped)
        else {
            return false
        }
        if units[index].facts.isCaption() { return false }
        return index + 1 < units.count
    }

    /// Heads set flush on the first line of their paragraph's group, prose right under them with
    /// no blank line between (copies of pages whose subheads had no margin of their own): short,
    /// unpunctuated, not the group's only line, followed by a finished sentence of prose. One
    /// such line may be a salutation or a label; the document decides, and they are heads when
    /// at least two groups open so.
    static func flushHeads(_ units: [Unit], headingShaped: [Bool]) -> Set<Int> {
        var found = Set<Int>()
        for index in units.indices where headingShaped[index] && units[index].opensGroup && !units[index].standsAlone {
            guard index + 1 < units.count, units[index].shape.words <= 10 else { continue }
            let next = units[index + 1]
            guard next.group == units[index].group, next.marker == nil, !headingShaped[index + 1],
                next.shape.isTerminated, next.shape.words >= 12
            else { continue }
            found.insert(index)
        }
        return found.count >= 2 ? found : []
    }

    /// A head the narrow column set apart (``TextSegmenter/Unit/columnHead``), over prose of its
    /// group: the column's widths already told it from a wrapped line, so the prose before it
    /// need not be long.
    private func isColumnHead(_ units: [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        guard units[index].columnHead, headingShaped[index], index + 1 < units.count else { return false }
        let next = units[index + 1]
        return next.group == units[index].group && next.marker == nil && !headingShaped[index + 1]
    }

    /// A heading inside a run of lines with no blank lines between them, as PDF copies and pasted
    /// pages have it: a short heading-shaped line after a finished paragraph and before prose of
    /// the same group.
    private func isRunInHeading(_ units: [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        guard headingShaped[index], index > 0, index + 1 < units.count, units[index].shape.words <= 10 else { return false }
        let previous = units[index - 1]
        let next = units[index + 1]
        guard previous.group == units[index].group, next.group == units[index].group, next.marker == nil else { return false }
        let previousIsProse = previous.marker == nil && previous.shape.isTerminated && previous.shape.words > 16
        let nextIsProse = !headingShaped[index + 1] && next.shape.words > 16
        return previousIsProse && nextIsProse
    }

    /// `أولاً: …`, `ثانيًا - …`: an adverbial ordinal then a short title.
    private func isOrdinalHeading(_ unit: inout Unit) -> Bool {
        let firstWord = unit.facts.matchingKey().prefix { $0 != " " }
        guard !firstWord.isEmpty, TextCues.ordinalKeys.contains(firstWord) else {
            return false
        }
        return unit.shape.words <= 16 && !unit.shape.endsWithPeriod && !unit.shape.hasInnerSentenceBreak
    }

    /// `1.2 …` heads a subsection; everything else is a top-level section.
    private func headingLevel(_ text: String) -> Int {
        let scalars = Array(text.unicodeScalars.prefix(8))
        var dots = 0
        var index = 0
        while index < scalars.count, ArabicScalar.isDigit(scalars[index].value) || scalars[index] == "." {
            if scalars[index] == ".", index + 1 < scalars.count, ArabicScalar.isDigit(scalars[index + 1].value) {
                dots += 1
            }
            index += 1
        }
        return min(2 + dots, 6)
    }

    // MARK: - Lists

    /// Builds one list from consecutive marker lines at `indent`, nesting deeper ones under the
    /// item before them; stops at a line that is not an item, a shallower item, or a marker of
    /// another kind at the same depth, or a numbered section head (`heads`).
    private func buildList(_ units: [Unit], from start: Int, indent: Int, heads: Set<Int>) -> (ListBlock, Int) {
        guard let first = units[start].marker else { return (ListBlock(ordered: false, items: []), start + 1) }
        var items: [ListItem] = []
        var index = start
        while index < units.count, let marker = units[index].marker, !heads.contains(index) {
            let unitIndent = units[index].indent
            if unitIndent < indent - 1 { break }
            if unitIndent > indent + 1 {
                guard !items.isEmpty else { break }
                let (nested, next) = buildList(units, from: index, indent: unitIndent, heads: heads)
                items[items.count - 1].children.append(.list(nested))
                index = next
                continue
            }
            if marker.kind != first.kind { break }
            items.append(ListItem(text: marker.rest, term: ItemTerm.term(of: marker.rest), marker: marker.text))
            index += 1
        }
        return (ListBlock(ordered: first.isOrdered, start: first.isOrdered ? first.value : nil, items: items), index)
    }
}
