import Foundation

/// Where the title is chosen, for both readers: from the page's metadata for HTML (``choose(_:site:)``,
/// then ``dropTitleHeading(_:title:)``), from the first lines for text (``fromFirstLines(_:)``).
///
/// Text subtitles found further down, among the heading-like lines before the body, are named in
/// ``TextClassifier``: telling them needs the lines' classification.
enum TitleChooser {
    // MARK: - HTML

    /// The page's title, with the site name stripped from it, and the site: the one the page named
    /// (`site`), else the one the title's affixes name.
    static func choose(_ candidates: TitleCandidates, site knownSite: String?) -> (title: String?, site: String?) {
        // A title that is only an encoding's name is no headline (``EncodingName``).
        var titles = candidates.titles.filter { !EncodingName.isEncodingName($0) }
            .map { TitleCleaner.strip($0, site: knownSite) }
        // The page's own h1 settles which candidate is the headline (a JSON-LD headline can be a
        // summary, an og:title can carry the site name).
        let headingKeys = candidates.headings.map { ArabicKey.make($0) }
        if let match = titles.first(where: { headingKeys.contains(ArabicKey.make($0.title)) }) {
            titles.insert(match, at: 0)
        } else if let index = headingKeys.firstIndex(where: { key in
            !key.isEmpty && titles.contains { ArabicKey.make($0.title).contains(key) && key.count * 3 >= ArabicKey.make($0.title).count }
        }) {
            titles.insert((title: HTMLEntities.folded(candidates.headings[index]), site: nil), at: 0)
        }
        else if let headline = visibleHeadline(candidates.headings, site: knownSite, untitled: titles.isEmpty),
            titles.first.map({ !stands($0.title, beside: headline) }) ?? true
        {
            // A page with no `<title>` and no og:title (a saved fragment, a CMS export) still
            // shows its headline: the h1 is the title then, as it is when a title agrees with it.
            titles.insert((title: headline, site: nil), at: 0)
        }
        let title = titles.first?.title
        var site = knownSite
        // "Blog name: post title" in <title> names the site when nothing else does (Blogger).
        if site == nil, let title, let documentTitle = candidates.documentTitle, documentTitle != title,
            let range = documentTitle.range(of: title)
        {
            let rest = (documentTitle[..<range.lowerBound] + documentTitle[range.upperBound...])
                .trimmingCharacters(in: CharacterSet(charactersIn: " :|-–—·«»"))
            if (1...5).contains(WordCounter.count(rest)) { site = rest }
        }
        return (title, site ?? titles.lazy.compactMap { $0.site }.first)
    }

    /// The page's first `h1` that reads as a headline: four words or more, not the site's name. On a
    /// page with no title at all (`untitled`), a page's only `h1` of two or three words is its
    /// headline too; with several, a short one may be the logo's, so only the four-word rule holds.
    private static func visibleHeadline(_ headings: [String], site: String?, untitled: Bool = false) -> String? {
        let siteKey = site.map { ArabicKey.make($0) }
        let folded = headings.map { HTMLEntities.folded($0) }
        let minimum = untitled && folded.count == 1 ? 2 : 4
        return folded.first { heading in
            WordCounter.count(heading, upTo: 4) >= minimum && ArabicKey.make(heading) != siteKey
        }
    }

    /// Whether a metadata title holds its place beside the page's visible headline: not when it
    /// is written in another script (an English or transliterated `<title>` over an Arabic
    /// headline), nor when it is only a site's section (`الموقع | حوارات`, one to three words).
    private static func stands(_ title: String, beside headline: String) -> Bool {
        if TextFacts(title).script.arabicShare < 0.5 && TextFacts(headline).script.arabicShare >= 0.5 { return false }
        return WordCounter.count(title, upTo: 4) >= 4
    }

    /// The blocks without the title's own heading: the first heading among the first four blocks
    /// that reads as the title goes, with anything before it (recorded in `removals`).
    static func dropTitleHeading(_ blocks: [FlatBlock], title: String?, removals: inout Removals) -> [FlatBlock] {
        guard let title else { return blocks }
        let titleKey = ArabicKey.make(title)
        guard let first = blocks.prefix(4).firstIndex(where: {
            if case .heading(let heading) = $0 { return ArabicKey.make(heading.text) == titleKey }
            return false
        }) else { return blocks }
        if removals.enabled {
            for position in 0..<first { removals.record(all: blocks[position].texts, .beforeTitle, at: "block \(position + 1)") }
            removals.record(all: blocks[first].texts, .metadataTitle, at: "block \(first + 1)")
        }
        var blocks = blocks
        blocks.removeSubrange(...first)
        return blocks
    }

    /// The deck under the headline: a heading right after the title's own heading, short (at most
    /// 20 words), with body under it and no other heading of its level or above in the article, is
    /// no section head — a section that is the whole article is no section — but the line the
    /// page prints under its headline: a subtitle (recorded in `removals` as `metadata.subtitle`).
    static func takeDeck(_ blocks: [FlatBlock], subtitles: inout [String], removals: inout Removals) -> [FlatBlock] {
        guard case .heading(let deck) = blocks.first, blocks.count >= 2,
            WordCounter.count(deck.text, upTo: 21) <= 20, !LineShape(deck.text).endsWithColon
        else { return blocks }
        if case .heading = blocks[1] { return blocks }
        let alone = !blocks.dropFirst().contains { block in
            if case .heading(let other) = block { return other.level <= deck.level }
            return false
        }
        guard alone else { return blocks }
        subtitles.append(deck.text)
        removals.record(deck.text, .metadataSubtitle, at: "block 1")
        return Array(blocks.dropFirst())
    }

    /// The deck printed as a plain paragraph under the headline, as the text reader takes a
    /// subtitle: the first block, a paragraph of 3 to 20 words without a final mark, stands right
    /// above a byline or date line (``MetadataLine``), which says the headline's block is not over
    /// yet — prose does not sit between a headline and its byline. Recorded in `removals` as
    /// `metadata.subtitle`.
    static func takeParagraphDeck(_ blocks: [FlatBlock], subtitles: inout [String], removals: inout Removals) -> [FlatBlock] {
        guard blocks.count >= 3, case .block(.paragraph(let deck)) = blocks[0],
            case .block(.paragraph(let next)) = blocks[1]
        else { return blocks }
        let shape = LineShape(deck.text)
        guard (3...20).contains(WordCounter.count(deck.text, upTo: 21)), !shape.isTerminated, shape.hasLetters,
            MetadataLine.read(deck.text) == nil, MetadataLine.dateLine(deck.text) == nil
        else { return blocks }
        let bylineWords = WordCounter.count(next.text, upTo: 15)
        guard bylineWords <= 14, MetadataLine.read(next.text).map({ $0.field == .author || $0.field == .published }) ?? false
            || MetadataLine.nameAndDate(next.text) != nil || (bylineWords <= 12 && MetadataLine.dateLine(next.text) != nil)
        else { return blocks }
        subtitles.append(deck.text)
        removals.record(deck.text, .metadataSubtitle, at: "block 1")
        return Array(blocks.dropFirst())
    }

    // MARK: - Text

    /// The first line is the title unless it is a list item or reads as prose; short lines written
    /// right under it, in its own group, are its subtitles. Both are taken out of `units`.
    static func fromFirstLines(_ units: inout [TextSegmenter.Unit]) -> (title: String?, subtitles: [String]) {
        guard let first = units.first, first.marker == nil else { return (nil, []) }
        // A forwarded text's title is often `*bold*`: the asterisks are markup, not title.
        let title = MessagingMarkup.boldLine(first.text) ?? first.text
        guard isTitle(LineShape(title)) || LeadLineTitle.accepts(first) else { return (nil, []) }
        units.removeFirst()
        var subtitles: [String] = []
        while let next = units.first, next.group == first.group, next.marker == nil, next.shape.couldBeHeading {
            subtitles.append(next.text)
            units.removeFirst()
        }
        return (title, subtitles)
    }

    /// A first line is the title unless it reads as prose: long, or a finished sentence.
    private static func isTitle(_ shape: LineShape) -> Bool {
        shape.words <= 30 && !shape.endsWithPeriod && !shape.hasInnerSentenceBreak && !shape.endsWithColon
    }
}
