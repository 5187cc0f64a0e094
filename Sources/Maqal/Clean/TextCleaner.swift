/// The clean-up of a text article's logical lines: lines the Arabic lexicon knows as furniture
/// go, with the boxes they head (a table of contents whose entries repeat later headings, a
/// related-posts box up to the next long paragraph), and byline, date and tag lines at the edges
/// move into the metadata (``EdgeMetadata/text``).
///
/// The lexicon boxes end where each reader can tell: here at a long finished line or at entries
/// no longer repeated further down; ``BlockCleaner`` at a heading or a list block.
struct TextCleaner {
    typealias Unit = TextSegmenter.Unit

    let lexicon = BoilerplateLexicon.shared

    /// What is taken out is recorded in `removals`.
    func clean(_ units: [Unit], metadata: inout Metadata, removals: inout Removals) -> [Unit] {
        let edge = EdgeMetadata.text
        var units = units
        var kept: [Unit] = []
        var index = 0
        let count = units.count
        // Where the lines after the article begin: from here on every line is furniture, a
        // metadata line, a share or follow line or part of the comments.
        var tailStart = count
        while tailStart > 0, isAfterArticle(&units[tailStart - 1]) { tailStart -= 1 }
        while index < count {
            // A breadcrumb trail above the title: its crumbs are the categories.
            if index < 2, kept.isEmpty, units[index].marker == nil, let crumbs = BreadcrumbLine.crumbs(units[index].text) {
                for crumb in crumbs where !metadata.categories.contains(crumb) { metadata.categories.append(crumb) }
                removals.record(units[index].text, .breadcrumb, at: units[index].place)
                index += 1
                continue
            }
            // A comments section: its head, the comments under it, and (as the lexicon's box
            // titles) the short lines up to the next long paragraph.
            if units[index].marker == nil, CommentsTail.isHead(units[index].text) {
                let role = units[index].facts.lexiconRole(lexicon)
                removals.record(units[index].text, .furnitureComments, at: units[index].place)
                index += 1
                while index < count, units[index].marker == nil, CommentsTail.isComment(units[index].text)
                    || (role == .boxTitle && !(units[index].shape.words > 25 && units[index].shape.isTerminated))
                {
                    removals.record(units[index].text, .furnitureComments, at: units[index].place)
                    index += 1
                }
                continue
            }
            // Share bars and follow-us lines after the article.
            if index >= tailStart || (edge.reaches(index, of: count) && index >= count / 2), !kept.isEmpty,
                units[index].marker == nil,
                let reason = TailLine.reason(units[index].text)
            {
                removals.record(units[index].text, reason, at: units[index].place)
                index += 1
                continue
            }
            if units[index].marker == nil, let role = units[index].facts.lexiconRole(lexicon) {
                let opening = index
                index += 1
                switch role {
                case .furniture:
                    removals.record(units[opening].text, .lexiconFurniture, at: units[opening].place)
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
                    for unit in units[opening..<index] { removals.record(unit.text, .toc, at: unit.place) }
                case .boxTitle:
                    // A related-posts or comments box runs to the next long paragraph.
                    while index < count {
                        let next = units[index]
                        if next.shape.words > 25 && next.shape.isTerminated { break }
                        index += 1
                    }
                    for unit in units[opening..<index] { removals.record(unit.text, .lexiconBox, at: unit.place) }
                }
                continue
            }
            if edge.reaches(index, of: count), units[index].marker == nil {
                let outcome = edge.take(
                    units[index].text, at: index, label: { units[index].facts.metadataLine() },
                    words: { units[index].shape.words }, into: &metadata)
                if case .taken(let reason) = outcome {
                    removals.record(units[index].text, reason, at: units[index].place)
                    // A byline or date line stood right after it: a subtitle's place.
                    if !kept.isEmpty { kept[kept.count - 1].precedesMetadata = true }
                    index += 1
                    continue
                }
            }
            let unit = units[index]
            kept.append(unit)
            index += 1
        }
        return kept
    }

    /// A line that can only stand after an article's text.
    private func isAfterArticle(_ unit: inout Unit) -> Bool {
        guard unit.marker == nil else { return false }
        return unit.facts.lexiconRole(lexicon) != nil || unit.facts.metadataLine() != nil || unit.facts.isDateLine()
            || TailLine.reason(unit.text) != nil || CommentsTail.isHead(unit.text) || CommentsTail.isComment(unit.text)
    }
}
