/// Bylines, dates, sources and tags written as lines at the top or bottom of an article move into
/// the metadata: the rule for both readers (ARABIC.md §4, M rows).
///
/// The readers reach differently into their edges, and the difference is kept as these parameters
/// so the output stays what it was: the HTML reader counts paragraphs after the lexicon pass (5),
/// the text reader counts logical lines before it, headings and subtitle lines among them (8); only
/// HTML reads a line of several labelled parts part by part and takes a byline that opens a
/// paragraph. Making them one is a change of output, to be made on its own with its fixtures.
struct EdgeMetadata: Sendable {
    /// How many items at the top and at the bottom may be metadata lines.
    let reach: Int
    /// Whether `بقلم: فلان - التاريخ: …` is read part by part (``MetadataLine/readAll(_:)``) or as
    /// one label whose value runs to the end of the line.
    let splitsLabels: Bool
    /// How many leading items may open with a byline (`كتب - فلان: النص…`).
    let leadingBylineReach: Int
    /// Whether a relative date line (`منذ 3 ساعات`, `نشر: أمس`) is taken here, kept as its words
    /// (``Metadata/takeUnplaced(relative:role:)``). A text has no time it was saved at to place
    /// it by; an HTML page's relative date is placed by ``HeadlineDate`` instead.
    let readsRelativeDates: Bool
    /// The first index where a name followed by a date, with no label, is a byline. A text's first
    /// line is where its headline stands, and a headline often ends with its date
    /// (`افتتاح مهرجان الربيع 12 مارس 2024`); a byline stands under the headline, not above it.
    let unlabelledBylineFrom: Int

    /// Paragraphs of an HTML article, counted after the lexicon pass.
    static let html = EdgeMetadata(reach: 5, splitsLabels: true, leadingBylineReach: 3, readsRelativeDates: false, unlabelledBylineFrom: 0)
    /// Logical lines of a text article, counted before the lexicon pass.
    static let text = EdgeMetadata(reach: 8, splitsLabels: false, leadingBylineReach: 0, readsRelativeDates: true, unlabelledBylineFrom: 1)

    /// What became of a line.
    enum Outcome {
        /// Its values went into the metadata; the line goes, removed for `reason`.
        case taken(RemovalReason)
        /// It opened with a byline, now in the metadata: the rest of the line stays.
        case byline(rest: String)
        /// It is article text.
        case kept
    }

    /// Whether the item at `index` of `count` is near enough to an edge to be a metadata line.
    func reaches(_ index: Int, of count: Int) -> Bool {
        index < reach || index >= count - reach
    }

    /// Reads a line at `index` near an edge: labelled values, an opening byline, or a date line of
    /// at most 12 words (a relative one too, when ``readsRelativeDates``), in that order. `label` is the line read as one label
    /// (``MetadataLine/read(_:)``), asked for only when labels are not split; `words` counts the
    /// line's words up to 14 and more (an unlabelled byline has at most 14, a date line 12).
    func take(
        _ text: String, at index: Int, label: () -> MetadataLine?, words: () -> Int, into metadata: inout Metadata
    ) -> Outcome {
        let lines = (splitsLabels ? MetadataLine.readAll(text) : label().map { [$0] } ?? [])
            .flatMap(MetadataLine.splittingDate)
        if readsRelativeDates, lines.count == 1, lines[0].field == .published || lines[0].field == .modified,
            RelativeDate.isDateLine(lines[0].value)
        {
            metadata.takeUnplaced(relative: lines[0].value, role: lines[0].field == .published ? .published : .modified)
            return .taken(.metadataDate)
        }
        if !lines.isEmpty {
            var applied: RemovalReason?
            for line in lines where line.apply(to: &metadata) { applied = applied ?? line.field.removalReason }
            if let applied { return .taken(applied) }
        }
        if index < leadingBylineReach, let byline = MetadataLine.leadingByline(text) {
            if !metadata.authors.contains(byline.author) { metadata.authors.append(byline.author) }
            return .byline(rest: byline.rest)
        }
        if index >= unlabelledBylineFrom, words() <= 14, let byline = MetadataLine.nameAndDate(text) {
            if !metadata.authors.contains(byline.author) { metadata.authors.append(byline.author) }
            metadata.take(byline.date, text: byline.dateText, role: .published)
            return .taken(.metadataByline)
        }
        if words() <= 12, let date = MetadataLine.dateLine(text) {
            metadata.take(date, text: text, role: .published)
            return .taken(.metadataDate)
        }
        if readsRelativeDates, RelativeDate.isDateLine(text) {
            metadata.takeUnplaced(relative: text, role: .published)
            return .taken(.metadataDate)
        }
        return .kept
    }
}

extension TextCues.Field {
    /// Why a line labelled with this field is not in the body.
    var removalReason: RemovalReason {
        switch self {
        case .author: .metadataByline
        case .published, .modified: .metadataDate
        case .source: .metadataSource
        case .tags: .metadataTags
        case .categories: .breadcrumb
        }
    }
}
