/// What Clean hands Structure: the article's flat blocks, its metadata with the title chosen, and
/// what Clean noticed.
struct CleanArticle: Sendable {
    var blocks: [FlatBlock] = []
    var metadata = Metadata()
    var diagnostics: [Diagnostic] = []
    /// What Extract and Clean took out of the input's visible text (``ParseOptions/explain``).
    var removals = Removals(enabled: false)
}

/// A text article's logical lines after Clean: furniture and metadata lines out, the title and
/// the subtitles under it in ``metadata``. ``TextClassifier`` makes them blocks.
struct CleanLines: Sendable {
    var units: [TextSegmenter.Unit]
    var metadata: Metadata
    var removals: Removals
}

/// The Clean stage, one for both readers: what is not article text leaves the segmented article —
/// boilerplate the Arabic lexicon knows, byline, date, source and tag lines at the edges
/// (``EdgeMetadata``), the title (``TitleChooser``) — and what it says goes into the metadata.
enum ArticleCleaner {
    /// An HTML article's blocks, with what Extract found on the page.
    static func clean(_ blocks: [FlatBlock], page: ExtractedPage) -> CleanArticle {
        var metadata = page.metadata
        let chosen = TitleChooser.choose(page.titleCandidates, site: metadata.site)
        metadata.title = chosen.title
        metadata.site = chosen.site
        if metadata.categories.isEmpty {
            // The crumb that names the article itself is no category.
            let titleKey = metadata.title.map { ArabicKey.make($0) }
            metadata.categories = page.breadcrumbs.filter {
                ArabicKey.make($0) != titleKey && WordCounter.count($0, upTo: 5) <= 5
            }
        }
        var removals = page.removals
        let segmentStart = page.removals.list.count - page.segmentRemovals
        let blockCount = blocks.count
        var blocks = ProseHeading.demote(blocks)
        blocks = TitleChooser.dropTitleHeading(blocks, title: metadata.title, removals: &removals)
        if blocks.count < blockCount, metadata.subtitles.isEmpty {
            // The title's heading was there: a heading right under it may be its deck.
            blocks = TitleChooser.takeDeck(blocks, subtitles: &metadata.subtitles, removals: &removals)
            if metadata.subtitles.isEmpty {
                blocks = TitleChooser.takeParagraphDeck(blocks, subtitles: &metadata.subtitles, removals: &removals)
            }
        }
        blocks = DuplicateLead.dropSubtitleRepeat(blocks, subtitles: metadata.subtitles, removals: &removals)
        blocks = BlockCleaner.removeBoilerplate(blocks, offset: blockCount - blocks.count, removals: &removals)
        blocks = BlockCleaner.dropForeignTail(blocks, removals: &removals)
        blocks = BlockCleaner.takeMetadata(blocks, metadata: &metadata, removals: &removals)
        blocks = DuplicateLead.drop(blocks, description: metadata.description, removals: &removals)
        blocks = BlockCleaner.rebase(blocks)
        // `authors` is never the site's name, wherever the byline came from.
        metadata.authors.removeAll { SiteCredit.isSite($0, site: metadata.site) }
        if metadata.published == nil, let date = page.headlineDate { date.take(into: &metadata) }

        var article = CleanArticle()
        if ListingDetector.isListing(linkedHeadings: page.linkedHeadings, blocks: blocks) {
            article.diagnostics.append(Diagnostic(
                .warning, .contentListing,
                "the page is a list of links to other articles (a category or archive page), not an article"))
            for (position, block) in blocks.enumerated() {
                removals.record(all: block.texts, .listing, at: "block \(position + 1)")
            }
            blocks = []
            // Dates and bylines on a listing belong to the teasers, not to the page.
            metadata.published = nil
            metadata.modified = nil
            metadata.dates = []
            metadata.authors = []
        }
        if metadata.image == nil {
            // An inlined image kept in a figure (keepDataImages) is not repeated here.
            metadata.image = blocks.lazy.compactMap { flat -> String? in
                if case .block(.figure(let figure)) = flat { return figure.src }
                return nil
            }.first { !ImageSource.isDataURI($0) }
        }
        article.blocks = blocks
        article.metadata = metadata
        if removals.enabled {
            // Segment and Clean know blocks, not elements: their removals are placed by their text.
            let finder = ElementFinder(page)
            removals.relocate(from: segmentStart) { removal in
                removal.at.hasPrefix("block ") || removal.at == "signature" ? finder.path(of: removal.text) : nil
            }
        }
        article.removals = removals
        return article
    }

    /// A text article's logical lines. `given` is what a wrapper around the text said of it
    /// (``RecordWrapper``): a title given there is the title, and the first line is text.
    static func clean(_ units: [TextSegmenter.Unit], removals: Removals, metadata given: Metadata = Metadata()) -> CleanLines {
        var metadata = given
        var removals = removals
        var units = TextCleaner().clean(units, metadata: &metadata, removals: &removals)
        if metadata.title == nil {
            let chosen = TitleChooser.fromFirstLines(&units)
            metadata.title = chosen.title
            metadata.subtitles += chosen.subtitles
        }
        // The crumb that names the article itself is no category.
        if let title = metadata.title {
            let titleKey = ArabicKey.make(title)
            metadata.categories.removeAll { ArabicKey.make($0) == titleKey }
        }
        return CleanLines(units: units, metadata: metadata, removals: removals)
    }
}
