/// A run of the input's visible text that is in neither the body nor the metadata, and why
/// (`--explain`, ``ParseOptions/explain``): `"removed": [{"text", "chars", "reason", "at"}]`.
public struct Removal: Sendable, Equatable, Codable {
    /// The text, white space folded.
    public var text: String
    /// ``text`` in characters (grapheme clusters), as ``Stats/characters`` counts them.
    public var chars: Int
    /// A stable id (``RemovalReason``): `furniture.nav`, `lexicon.box`, `metadata.byline` …
    public var reason: String
    /// Where it was: `line 12` or `lines 12-14` (text input), an element path such as
    /// `body>div.sidebar>ul` (HTML), or, for a block Clean dropped whose element cannot be told
    /// from its text, `block 3` (its place among the article's blocks).
    public var at: String

    public init(text: String, reason: String, at: String) {
        self.text = text
        self.chars = text.count
        self.reason = reason
        self.at = at
    }
}

/// Why text was removed: the stable, dotted ids of ``Removal/reason``, all named here.
public struct RemovalReason: RawRepresentable, Sendable, Hashable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    // Site furniture, by what the markup or the line says it is.
    public static let furnitureNav = Self(rawValue: "furniture.nav")
    public static let furnitureHeader = Self(rawValue: "furniture.header")
    public static let furnitureFooter = Self(rawValue: "furniture.footer")
    public static let furnitureSidebar = Self(rawValue: "furniture.sidebar")
    public static let furnitureShare = Self(rawValue: "furniture.share")
    public static let furnitureComments = Self(rawValue: "furniture.comments")
    public static let furnitureRelated = Self(rawValue: "furniture.related")
    public static let furnitureCookie = Self(rawValue: "furniture.cookie")
    public static let furnitureAds = Self(rawValue: "furniture.ads")
    /// Forum furniture: reply counts, signatures, "last reply by".
    public static let furnitureForum = Self(rawValue: "furniture.forum")
    /// Running headers and footers and page numbers of PDF copies.
    public static let furniturePageHeader = Self(rawValue: "furniture.page-header")
    /// Messaging-app trailers: `منقول`, channel links.
    public static let furnitureForward = Self(rawValue: "furniture.forward")
    /// Furniture the markup names in no way the ids above tell apart (forms, dialogs, meta boxes).
    public static let furnitureOther = Self(rawValue: "furniture.other")

    // The Arabic boilerplate lexicon (``BoilerplateLexicon``), by the kind of entry that matched.
    /// A line or block that is wholly a furniture phrase (`اقرأ أيضا`, `تابعونا على …`).
    public static let lexiconFurniture = Self(rawValue: "lexicon.furniture")
    /// A box a lexicon phrase heads (related posts, comments) and what runs under it.
    public static let lexiconBox = Self(rawValue: "lexicon.box")
    /// A site notice (comment policy, opinion disclaimer, rights).
    public static let lexiconNotice = Self(rawValue: "lexicon.notice")
    /// A `|`-separated line of tools and counters (`طباعة | أرسل لصديق`).
    public static let lexiconToolbar = Self(rawValue: "lexicon.toolbar")
    /// A lexicon entry of another kind: `lexicon.<kind>`.
    public static func lexicon(_ kind: String) -> Self { Self(rawValue: "lexicon." + kind) }

    public static let toc = Self(rawValue: "toc")
    /// Hidden by the markup (`hidden`, `display:none`, `aria-hidden`), or page noise such as
    /// footnote markers and edit links.
    public static let hidden = Self(rawValue: "hidden")
    /// A link-heavy box inside the article (related links, tag clouds, teasers).
    public static let linkDensity = Self(rawValue: "link-density")
    /// Text of the page outside the article's root elements.
    public static let outsideRoot = Self(rawValue: "outside-root")
    public static let breadcrumb = Self(rawValue: "breadcrumb")

    // Lines whose content went into the metadata (the line itself is not in the body).
    public static let metadataTitle = Self(rawValue: "metadata.title")
    /// A block above the title's heading in the article (a kicker, a category line).
    public static let beforeTitle = Self(rawValue: "before-title")
    public static let metadataSubtitle = Self(rawValue: "metadata.subtitle")
    public static let metadataByline = Self(rawValue: "metadata.byline")
    public static let metadataDate = Self(rawValue: "metadata.date")
    public static let metadataTags = Self(rawValue: "metadata.tags")
    public static let metadataSource = Self(rawValue: "metadata.source")

    /// A lead or description the page repeats as its first paragraph.
    public static let duplicateLead = Self(rawValue: "duplicate.lead")
    /// An SEO paragraph in another script than the article's.
    public static let foreignSEO = Self(rawValue: "foreign-seo")
    /// A caption that is only a number, a file name or a CMS id.
    public static let imageLabel = Self(rawValue: "image-label")
    /// The article was judged a listing page (links to other articles) and its blocks dropped.
    public static let listing = Self(rawValue: "listing")
    /// A heading with nothing under it at the end of the body (the title of an emptied box).
    public static let emptyHeading = Self(rawValue: "empty-heading")
    /// A paragraph that is only a number at the article's edge (a CMS counter or id left in the text).
    public static let strayNumber = Self(rawValue: "stray-number")

    // The field tags of a corpus record around a text (`<DOC>`, `<TITLE>…</TITLE>`).
    /// A record's own markers: `<DOC>`, `</DOC>` and stray closing tags.
    public static let wrapperMarker = Self(rawValue: "wrapper.marker")
    /// A field's tags, and the value of a field the metadata has no place for (`<DOCNO>`).
    public static let wrapperField = Self(rawValue: "wrapper.field")
    /// A later record of a file that holds several: only the first is read.
    public static let wrapperRecord = Self(rawValue: "wrapper.record")
}

/// What the stages removed, recorded only when ``ParseOptions/explain`` asks for it: a parse
/// without it builds no removal text at all.
///
///     removals.record(text, .furnitureComments, at: "line 12")
struct Removals: Sendable {
    let enabled: Bool
    private(set) var list: [Removal] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Records `text` (white space folded; nothing when it is blank) as removed for `reason` at `at`.
    mutating func record(_ text: @autoclosure () -> String, _ reason: RemovalReason, at: @autoclosure () -> String) {
        guard enabled else { return }
        var folder = WhitespaceFolder()
        folder.append(text())
        let folded = folder.result
        guard !folded.isEmpty else { return }
        list.append(Removal(text: folded, reason: reason.rawValue, at: at()))
    }

    /// Records each of `texts` under one reason and place.
    mutating func record(all texts: @autoclosure () -> [String], _ reason: RemovalReason, at: @autoclosure () -> String) {
        guard enabled else { return }
        for text in texts() { record(text, reason, at: at()) }
    }

    /// Gives the removals from `start` on the place `place` finds for them, where it finds one.
    mutating func relocate(from start: Int, _ place: (Removal) -> String?) {
        guard enabled else { return }
        for index in list.indices.dropFirst(start) {
            if let found = place(list[index]) { list[index].at = found }
        }
    }

    /// Appends what another part of a stage recorded.
    mutating func append(_ other: Removals) {
        list += other.list
    }
}

/// ``Removals`` shared by values that are copied as they work (the HTML segmenter and the inner
/// segmenters it starts for quotes, list items and headings).
final class RemovalSink {
    var removals: Removals

    init(enabled: Bool) {
        removals = Removals(enabled: enabled)
    }
}
