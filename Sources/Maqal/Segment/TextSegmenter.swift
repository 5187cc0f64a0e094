/// Plain-text lines → flat blocks, title, subtitles and metadata (the Segment stage for text).
///
/// Works in passes: lines are grouped by blank lines and hard-wrapped lines joined; furniture
/// and metadata lines are taken out; the first line becomes the title; what is left is read as
/// headings, lists, figures and paragraphs from its shape and its neighbours.
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
        var shape: LineShape
    }

    /// How many units at the top and bottom may hold bylines, dates, tags and sources.
    static let metadataReach = 8

    let lexicon = BoilerplateLexicon.shared

    func segment(_ lines: [TextLine?]) -> Segmentation {
        var result = Segmentation()
        var units = makeUnits(lines)
        units = removeFurniture(units, into: &result)
        if let first = units.first, first.marker == nil, isTitle(LineShape(first.text)) {
            result.title = first.text
            units.removeFirst()
            // Short lines written right under the title, in its own group, are its subtitles.
            while let next = units.first, next.group == first.group, next.marker == nil, next.shape.couldBeHeading {
                result.subtitles.append(next.text)
                units.removeFirst()
            }
        }
        classify(&units, into: &result)
        return result
    }

    /// The first line is the title unless it reads as prose: long, or a finished sentence.
    private func isTitle(_ shape: LineShape) -> Bool {
        shape.words <= 30 && !shape.endsWithPeriod && !shape.hasInnerSentenceBreak && !shape.endsWithColon
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

        var units: [Unit] = []
        for (groupIndex, group) in groups.enumerated() {
            let characters = group.map(\.text.count)
            let widest = characters.max() ?? 0
            var groupUnits: [Unit] = []
            var open: OpenUnit?
            for (line, lineCharacters) in zip(group, characters) {
                let marker = ListMarker.parse(line.text)
                var facts = LineFacts(line.text)
                // The first line of the text is its title: never a wrapped line.
                let isFirstLine = groupIndex == 0 && groupUnits.isEmpty
                if marker == nil, !isFirstLine, open != nil,
                    joins(&open!, next: &facts, indent: line.indent, widest: widest)
                {
                    open!.join(line, characters: lineCharacters)
                    continue
                }
                if let done = open { groupUnits.append(done.finished) }
                open = OpenUnit(
                    Unit(facts: facts, indent: line.indent, marker: marker, standsAlone: false,
                         group: groupIndex, opensGroup: groupUnits.isEmpty, shape: LineShape(line.text)),
                    characters: lineCharacters)
            }
            if let done = open { groupUnits.append(done.finished) }
            if groupUnits.count == 1 { groupUnits[0].standsAlone = true }
            units += groupUnits
        }
        return validateLetterMarkers(units)
    }

    /// The last unit of a group while wrapped lines are joined onto it. Its text grows in place
    /// and is measured once, when it is finished: re-measuring and re-copying the whole text at
    /// every line made a long hard-wrapped paragraph quadratic (2,000 lines took 47 s).
    private struct OpenUnit {
        var unit: Unit
        /// `unit.text.count`, kept as lines are joined.
        var characters: Int
        /// The shape of the last line joined; a joined text ends as its last line does.
        var lastLine: LineShape
        var joined = false

        init(_ unit: Unit, characters: Int) {
            self.unit = unit
            self.characters = characters
            lastLine = unit.shape
        }

        mutating func join(_ line: TextLine, characters lineCharacters: Int) {
            unit.facts.join(line.text)
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
    private func joins(_ open: inout OpenUnit, next: inout LineFacts, indent: Int, widest: Int) -> Bool {
        if open.lastLine.isTerminated { return false }
        // Labelled lines (bylines, sources, tags) and furniture stand on their own lines. A text
        // that has grown by joining was no label line, and more words do not make it one.
        if next.metadataLine() != nil || (!open.joined && open.unit.facts.metadataLine() != nil) { return false }
        if next.shortLineRole(lexicon) != nil || open.unit.facts.shortLineRole(lexicon) != nil { return false }
        if open.unit.marker != nil {
            return indent > open.unit.indent || open.characters * 2 >= widest
        }
        if next.isCaption() || open.unit.facts.isCaption() { return false }
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

    // MARK: - Furniture and metadata

    private func removeFurniture(_ units: [Unit], into result: inout Segmentation) -> [Unit] {
        var units = units
        var kept: [Unit] = []
        var index = 0
        let count = units.count
        while index < count {
            let nearEdge = index < Self.metadataReach || index >= count - Self.metadataReach
            if units[index].marker == nil, let role = units[index].facts.lexiconRole(lexicon) {
                index += 1
                switch role {
                case .furniture:
                    break
                case .tableOfContents:
                    // The entries repeat headings further down; they go, the headings stay.
                    let first = index
                    var textKeys: [String] = []
                    var restKeys: [String?] = []
                    for later in index..<count {
                        textKeys.append(units[later].facts.matchingKey())
                        restKeys.append(units[later].marker.map { ArabicKey.make($0.rest) })
                    }
                    let laterKeys = Set(textKeys + restKeys.compactMap { $0 })
                    while index < count {
                        let entry = units[index]
                        let entryKey = entry.marker == nil ? textKeys[index - first] : restKeys[index - first]!
                        let repeated = ((index + 1)..<count).contains { later in
                            textKeys[later - first] == entryKey || restKeys[later - first] == entryKey
                        }
                        guard repeated, laterKeys.contains(entryKey), entry.shape.words <= 16 else { break }
                        index += 1
                    }
                case .boxTitle:
                    // A related-posts or comments box runs to the next long paragraph.
                    while index < count {
                        let next = units[index]
                        if next.shape.words > 25 && next.shape.isTerminated { break }
                        index += 1
                    }
                }
                continue
            }
            if nearEdge, units[index].marker == nil, let line = units[index].facts.metadataLine() {
                if line.apply(to: &result.metadata) {
                    if !kept.isEmpty { kept[kept.count - 1].precedesMetadata = true }
                    index += 1
                    continue
                }
            }
            let unit = units[index]
            if nearEdge, unit.marker == nil, unit.shape.words <= 12, let date = MetadataLine.dateLine(unit.text) {
                result.metadata.take(date, text: unit.text, role: "published")
                if !kept.isEmpty { kept[kept.count - 1].precedesMetadata = true }
                index += 1
                continue
            }
            kept.append(unit)
            index += 1
        }
        return kept
    }

    // MARK: - Classification

    private func classify(_ units: inout [Unit], into result: inout Segmentation) {
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
        while index < units.count {
            if units[index].marker != nil {
                if isNumberedHeading(units, at: index, headingShaped) {
                    result.blocks.append(.heading(Heading(level: 2, text: units[index].text)))
                    sawHeading = true
                    index += 1
                    continue
                }
                let (list, next) = buildList(units, from: index, indent: units[index].indent)
                result.blocks.append(.block(.list(list)))
                sawBody = true
                index = next
                continue
            }
            if units[index].facts.isCaption() {
                result.blocks.append(.block(.figure(Figure(caption: units[index].text))))
                index += 1
                continue
            }
            if isHeading(&units, at: index, headingShaped) {
                // Heading-like lines between the title and the first body text: all but the
                // last are the title's subtitles (the last heads the first section).
                let beforeMetadata = runPrecedesMetadata[index]
                if !sawBody && !sawHeading && result.title != nil, index + 1 < units.count,
                    beforeMetadata || isHeading(&units, at: index + 1, headingShaped)
                {
                    result.subtitles.append(units[index].text)
                    index += 1
                    continue
                }
                result.blocks.append(.heading(Heading(level: headingLevel(units[index].text), text: units[index].text)))
                sawHeading = true
                index += 1
                continue
            }
            result.blocks.append(.block(.paragraph(Paragraph(text: units[index].text))))
            sawBody = true
            index += 1
        }
        result.subtitles = result.subtitles.filter { !$0.isEmpty }
    }

    /// A heading stands alone between blank lines (or opens its group with an ordinal such as
    /// `أولاً:`), is short and unpunctuated, and has something after it.
    /// `headingShaped` holds, for each unit, that it has no marker and ``LineShape/couldBeHeading``.
    private func isHeading(_ units: inout [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        guard units[index].marker == nil, headingShaped[index] || isOrdinalHeading(&units[index]) else {
            return false
        }
        guard units[index].standsAlone || (units[index].opensGroup && isOrdinalHeading(&units[index])) else {
            return false
        }
        if units[index].facts.isCaption() { return false }
        return index + 1 < units.count
    }

    /// `أولاً: …`, `ثانيًا - …`: an adverbial ordinal then a short title.
    private func isOrdinalHeading(_ unit: inout Unit) -> Bool {
        let firstWord = unit.facts.matchingKey().prefix { $0 != " " }
        guard !firstWord.isEmpty, TextCues.ordinalKeys.contains(String(firstWord)) else {
            return false
        }
        return unit.shape.words <= 16 && !unit.shape.endsWithPeriod && !unit.shape.hasInnerSentenceBreak
    }

    /// A numbered line standing alone, short, and followed by a paragraph is a numbered heading.
    private func isNumberedHeading(_ units: [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        guard let marker = units[index].marker, marker.kind == .number, units[index].standsAlone else { return false }
        let shape = LineShape(marker.rest)
        guard shape.couldBeHeading else { return false }
        let next = index + 1
        guard next < units.count, units[next].marker == nil else { return false }
        return !headingShaped[next] || units[next].shape.words > 16
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
    /// another kind at the same depth.
    private func buildList(_ units: [Unit], from start: Int, indent: Int) -> (ListBlock, Int) {
        guard let first = units[start].marker else { return (ListBlock(ordered: false, items: []), start + 1) }
        var items: [ListItem] = []
        var index = start
        while index < units.count, let marker = units[index].marker {
            let unitIndent = units[index].indent
            if unitIndent < indent - 1 { break }
            if unitIndent > indent + 1 {
                guard !items.isEmpty else { break }
                let (nested, next) = buildList(units, from: index, indent: unitIndent)
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
