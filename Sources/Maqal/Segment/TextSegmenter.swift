/// Plain-text lines → logical lines (the Segment stage for text): lines are grouped by blank
/// lines, hard-wrapped lines joined, list markers read. Clean then takes out furniture, metadata
/// lines and the title (``TextCleaner``, ``TitleChooser``); Structure reads what is left as
/// headings, lists, figures and paragraphs from its shape and its neighbours (``TextClassifier``).
struct TextSegmenter {
    /// A logical line: one or more physical lines joined, and where it stood.
    struct Unit: Sendable {
        var facts: LineFacts
        var text: String { facts.text }
        var indent: Int
        var marker: ListMarker?
        /// The only logical line of its blank-separated group.
        var standsAlone: Bool
        var group: Int
        /// Starts its group.
        var opensGroup: Bool
        /// A byline, date or other metadata line stood right after it (a subtitle's place).
        var precedesMetadata = false
        /// A short line a narrow column sets apart between a finished sentence and a full line
        /// (``NarrowColumn``): a head with no blank line around it.
        var columnHead = false
        var shape: LineShape
        /// The input line it starts on, from 1.
        var line = 0
        /// The input line it ends on (the last line joined onto it).
        var lastLine = 0
        /// Where it was, for ``Removal/at``: `line 12` or `lines 12-14`.
        var place: String { lastLine > line ? "lines \(line)-\(lastLine)" : "line \(line)" }
    }

    let lexicon = BoilerplateLexicon.shared

    func segment(_ lines: [TextLine?]) -> [Unit] {
        makeUnits(lines)
    }

    // MARK: - Units

    func makeUnits(_ lines: [TextLine?]) -> [Unit] {
        var groups: [[TextLine]] = []
        var current: [TextLine] = []
        for line in lines {
            if let line {
                current.append(line)
            } else if !current.isEmpty {
                groups.append(current)
                current = []
            }
        }
        if !current.isEmpty { groups.append(current) }
        let column = NarrowColumn.width(of: lines)

        var units: [Unit] = []
        for (groupIndex, group) in groups.enumerated() {
            let characters = group.map(\.text.count)
            let widest = characters.max() ?? 0
            // In a narrow column a short line is a wrapped line when a sentence ends further
            // down its group; a run of short lines that never ends one (verse, a list without
            // markers) keeps its lines.
            var sentenceEndsBelow = [Bool](repeating: false, count: group.count)
            if column != nil {
                var ends = false
                for position in group.indices.reversed() {
                    sentenceEndsBelow[position] = ends
                    if LineShape(group[position].text).isTerminated { ends = true }
                }
            }
            var groupUnits: [Unit] = []
            var open: OpenUnit?
            for (position, (line, lineCharacters)) in zip(group, characters).enumerated() {
                let marker = ListMarker.parse(line.text) ?? ListMarker.parseEmoji(line.text)
                var facts = LineFacts(line.text)
                // The first line of the text is its title: never a wrapped line. A breadcrumb
                // trail above it does not count (``BreadcrumbLine``).
                let isFirstLine = groupIndex == 0
                    && (groupUnits.isEmpty || (groupUnits.count == 1 && BreadcrumbLine.crumbs(groupUnits[0].text) != nil))
                if marker == nil, !isFirstLine, open != nil,
                    joins(&open!, next: &facts, indent: line.indent, widest: widest, lines: group.count,
                          column: sentenceEndsBelow[position] || LineShape(line.text).isTerminated ? column : nil)
                {
                    open!.join(line, characters: lineCharacters)
                    continue
                }
                if let done = open { groupUnits.append(done.finished) }
                // Whether this line starts after a finished sentence (or opens its group): where a
                // head of a narrow column may stand (``joins``).
                let afterSentence = open.map { $0.lastLine.isTerminated } ?? true
                open = OpenUnit(
                    Unit(facts: facts, indent: line.indent, marker: marker, standsAlone: false,
                         group: groupIndex, opensGroup: groupUnits.isEmpty, shape: LineShape(line.text),
                         line: line.number, lastLine: line.number),
                    characters: lineCharacters, afterSentence: afterSentence)
            }
            if let done = open { groupUnits.append(done.finished) }
            if groupUnits.count == 1 { groupUnits[0].standsAlone = true }
            units += groupUnits
        }
        return validateEmojiMarkers(validateLetterMarkers(units))
    }

    /// An emoji marker counts only next to another emoji-marked line of its group (`🔹`, `✅` and
    /// keycaps alike): a run of them is a forward's list, a single emoji before a title
    /// (`📋 جدول المحتويات` over its `•` entries) or a line is decoration. A box title the lexicon
    /// knows is never an item.
    private func validateEmojiMarkers(_ units: [Unit]) -> [Unit] {
        guard units.contains(where: { $0.marker?.isEmoji == true }) else { return units }
        let emojiMarked = units.map { unit in
            unit.marker.map { $0.isEmoji || $0.text.unicodeScalars.first!.properties.isEmojiPresentation } ?? false
        }
        var units = units
        for index in units.indices where units[index].marker?.isEmoji == true {
            let group = units[index].group
            let before = index > 0 && emojiMarked[index - 1] && units[index - 1].group == group
            let after = index + 1 < units.count && emojiMarked[index + 1] && units[index + 1].group == group
            if (!before && !after) || lexicon.role(of: units[index].marker!.rest) != nil { units[index].marker = nil }
        }
        return units
    }

    /// The last unit of a group while wrapped lines are joined onto it. Its text grows in place
    /// and is measured once, when it is finished: re-measuring and re-copying the whole text at
    /// every line would make a long hard-wrapped paragraph quadratic.
    private struct OpenUnit {
        var unit: Unit
        /// `unit.text.count`, kept as lines are joined.
        var characters: Int
        /// The shape of the last line joined; a joined text ends as its last line does.
        var lastLine: LineShape
        var joined = false
        /// Whether the unit's first line came after a finished sentence or opened its group.
        let afterSentence: Bool

        init(_ unit: Unit, characters: Int, afterSentence: Bool = true) {
            self.unit = unit
            self.characters = characters
            self.afterSentence = afterSentence
            lastLine = unit.shape
        }

        mutating func join(_ line: TextLine, characters lineCharacters: Int) {
            unit.facts.join(line.text)
            // A list item's text is what follows its marker: the wrapped line belongs to it too.
            if unit.marker != nil {
                unit.marker!.rest.append(" ")
                unit.marker!.rest.append(line.text)
            }
            unit.lastLine = line.number
            characters += 1 + lineCharacters
            lastLine = LineShape(line.text)
            joined = true
        }

        var finished: Unit {
            var unit = unit
            if joined { unit.shape = LineShape(unit.text) }
            return unit
        }
    }

    /// A hard-wrapped line continues on the next one: it lacks final punctuation and is about as
    /// wide as the widest line around it (a short unpunctuated line is a heading, not a wrap).
    ///
    /// A line indented under a list item continues the item even after a finished sentence: the
    /// indent says whose it is.
    /// Inside a ``NarrowColumn`` paragraph (`column`, its width) a line of half the column's
    /// width continues on the next however few its characters.
    ///
    /// The first line of a group of three or more, short and unpunctuated and well short of the
    /// widest (under 70 %), is a head set flush on its paragraph, not its first wrapped line:
    /// wrapped text fills its first line. ``TextClassifier`` decides for the document whether
    /// such lines are heads.
    private func joins(_ open: inout OpenUnit, next: inout LineFacts, indent: Int, widest: Int, lines: Int, column: Int?) -> Bool {
        if open.lastLine.isTerminated && !(open.unit.marker != nil && indent > open.unit.indent) { return false }
        // Labelled lines (bylines, sources, tags) and furniture stand on their own lines. A text
        // that has grown by joining was no label line, and more words do not make it one.
        if next.metadataLine() != nil || (!open.joined && open.unit.facts.metadataLine() != nil) { return false }
        if next.isDateLine() || (!open.joined && open.unit.facts.isDateLine()) { return false }
        if QuestionsSection.isLabelled(next.text) { return false }
        if next.shortLineRole(lexicon) != nil || open.unit.facts.shortLineRole(lexicon) != nil { return false }
        if open.unit.marker != nil {
            return indent > open.unit.indent || open.characters * 2 >= widest
        }
        if next.isCaption() || open.unit.facts.isCaption() { return false }
        if let column {
            // A head set in the column with no blank line around it: a line after a finished
            // sentence, without a final mark, shorter than 60 % of the column, over a line that
            // fills the column (80 % or more). Wrapped prose fills each line but its last, and its
            // last ends the sentence; a paragraph's first line starts full, so a short one that
            // opens after a sentence and is followed by a full line is set apart, not wrapped.
            if !open.joined, open.afterSentence, open.unit.shape.couldBeHeading, open.characters * 10 < column * 6,
                next.text.count * 10 >= column * 8
            {
                open.unit.columnHead = true
                return false
            }
            return open.characters * 2 >= column
        }
        if !open.joined, open.unit.opensGroup, lines >= 3, open.characters * 10 < widest * 7, open.unit.shape.couldBeHeading {
            return false
        }
        return open.characters * 2 >= widest && open.characters >= 30
    }

    /// A letter marker counts only in a run that starts at أ (or continues one): a line that
    /// happens to start with "ب." is text.
    private func validateLetterMarkers(_ units: [Unit]) -> [Unit] {
        var units = units
        var previousWasLetter = false
        for index in units.indices {
            if let marker = units[index].marker, marker.kind == .letter {
                if !previousWasLetter && marker.value != 1 {
                    units[index].marker = nil
                    previousWasLetter = false
                    continue
                }
                previousWasLetter = true
            } else if units[index].marker != nil {
                previousWasLetter = false
            } else if units[index].indent == 0 {
                previousWasLetter = false
            }
        }
        return units
    }
}
