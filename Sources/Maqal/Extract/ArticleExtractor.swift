import Foundation

/// What Extract hands on: the page's tree, where its article is, what must be left out of it,
/// and what the page says about itself.
struct ExtractedPage {
    let tree: HTMLTree
    /// The article's top elements, in page order.
    var roots: [Int]
    /// Nodes Segment leaves out: hidden elements, site furniture, link-heavy boxes inside the article.
    var removed: [Bool]
    /// `img` elements under each node, so figure boxes are recognised without walking subtrees.
    var images: NodeCounts
    /// Bold-only lines may be headings: the article has no `h2`–`h6` of its own.
    var boldHeadings: Bool
    /// The address links resolve against.
    var baseURL: String?
    /// What the page says about itself: `<head>`, JSON-LD, marked-up furniture. The title is not
    /// in it yet: Clean chooses it from ``titleCandidates``.
    var metadata: Metadata
    var titleCandidates: TitleCandidates
    /// Breadcrumb link texts (furniture words and labels already left out): the categories when the
    /// page names none, once Clean has dropped the crumb that repeats the title.
    var breadcrumbs: [String]
    /// Headings in the article that are mostly one link (teasers), for Clean's listing verdict.
    var linkedHeadings: Int
    /// A date written near the headline, for Clean to take when no better source dated the article;
    /// looked for only when the page's own metadata gave no publication date.
    var headlineDate: HeadlineDate?
    /// The page text left out so far, when ``ParseOptions/explain`` asks (``ExtractRemovals``).
    var removals: Removals
    /// How many of ``removals`` (the last ones) Segment recorded.
    var segmentRemovals = 0
    /// Addresses of files the page's container carries (``InputHints/resources``).
    var resources: [String: String] = [:]
    /// The folder of the page's saved files beside it (``InputHints/savedFolder``).
    var savedFolder: String?
}

/// A parsed page → its article (the Extract stage): collects the page's metadata, removes hidden
/// elements and furniture, finds the article root and cleans link boxes out of it.
enum ArticleExtractor {
    /// Furniture that holds more than this share of the page's text (and is not mostly links) is
    /// kept: a wrapper whose class merely mentions "sidebar" is not the sidebar.
    static let protectedShare = 0.4

    /// `nil` when the page has no elements; `html` is the page's UTF-8, searched for the time it was
    /// saved; `hints` say where a container or the caller says the page came from, and what its
    /// container carried; `explain` records what is left out (``ExtractedPage/removals``).
    static func extract(_ tree: HTMLTree, html: [UInt8], hints: InputHints = InputHints(), explain: Bool = false) -> ExtractedPage? {
        guard tree.root != nil else { return nil }
        let page = PageMetadata(tree: tree, pageURL: hints.url)
        var metadata = page.metadata
        // A page image inlined as a data: URI (SingleFile rewrites og:image so) is no address.
        if let image = metadata.image, ImageSource.isDataURI(image) { metadata.image = nil }

        let (removed, pageLengths, hidden) = furniture(in: tree)
        let root = ArticleRoot(tree: tree, removed: removed, reusing: pageLengths)
        var roots = root.find()
        if let articleBody = page.jsonLDBody {
            roots = root.crossCheck(roots, against: articleBody)
        }
        if let post = ForumThread.firstPost(in: roots, tree: tree, removed: removed) { roots = [post] }
        let articleEnd = roots.map { tree.descendants(of: $0).last ?? $0 }.max() ?? tree.count
        let furnitureMetadata = FurnitureMetadata(tree, before: articleEnd, hidden: hidden)
        let breadcrumbs = furnitureMetadata.apply(to: &metadata)
        var lead: Int?
        if metadata.subtitles.isEmpty,
            let found = PageLeads.visibleLead(tree, roots: roots, description: metadata.description, hidden: hidden)
        {
            var folder = WhitespaceFolder()
            folder.append(found.text)
            lead = found.index
            metadata.subtitles = [folder.result]
        }
        if metadata.tags.isEmpty { metadata.tags = page.keywords }
        let articleRemoved = cleanInside(roots, root: root, removed: removed)
        let hasHeadings = roots.contains { top in
            tree.descendants(of: top).contains { index in
                let tag = tree.tag(at: index)
                return !articleRemoved[index] && tag != .h1 && tag.headingLevel != nil
            }
        }
        // Clean may still find the date in the article's edge lines; this is its fallback.
        let headlineDate = metadata.published == nil
            ? HeadlineDate.find(tree, textLengths: pageLengths.textLength, roots: roots, html: html, fetched: hints.fetched)
            : nil
        var removals = Removals(enabled: explain)
        if explain {
            ExtractRemovals(tree: tree, hidden: hidden, furniture: removed, removed: articleRemoved, roots: roots, lead: lead)
                .record(into: &removals)
        }
        return ExtractedPage(
            tree: tree, roots: roots, removed: articleRemoved, images: root.imageCount, boldHeadings: !hasHeadings,
            baseURL: page.baseURL, metadata: metadata, titleCandidates: page.titleCandidates,
            breadcrumbs: breadcrumbs, linkedHeadings: linkedHeadings(tree, roots: roots, removed: removed, root: root),
            headlineDate: headlineDate, removals: removals, resources: hints.resources, savedFolder: hints.savedFolder)
    }

    /// Headings (`h2`–`h4`) in the article, furniture aside, that are mostly one link.
    private static func linkedHeadings(_ tree: HTMLTree, roots: [Int], removed: [Bool], root: ArticleRoot) -> Int {
        var count = 0
        for top in roots {
            for index in tree.descendants(of: top)
            where !removed[index] && [.h2, .h3, .h4].contains(tree.tag(at: index)) {
                if root.linkDensity(index) > 0.7 { count += 1 }
            }
        }
        return count
    }

    // MARK: - Furniture

    /// Hidden elements and site furniture, except furniture that holds most of the page; and the
    /// text lengths of the page with only hidden elements left out.
    /// The hidden elements alone come third.
    private static func furniture(in tree: HTMLTree) -> (removed: [Bool], lengths: ArticleRoot, hidden: [Bool]) {
        var hidden = [Bool](repeating: false, count: tree.count)
        for index in tree.indices where tree.isElement(index) {
            let parent = tree.parent(of: index)
            if (parent >= 0 && hidden[parent])
                || MarkupHints.isHidden(attributes: tree.attributes(at: index), nameFacts: tree.nameFacts(at: index))
                || isNoise(tag: tree.tag(at: index), attributes: tree.attributes(at: index), names: tree.names(at: index))
            {
                hidden[index] = true
            }
        }
        for index in tree.indices where tree.isText(index) && tree.parent(of: index) >= 0 {
            hidden[index] = hidden[tree.parent(of: index)]
        }
        let lengths = ArticleRoot(tree: tree, removed: hidden)
        let total = Double(max(lengths.textLength[0], 1))
        var removed = hidden
        var furnitureNames = FurnitureNames(lists: tree.nameListCount)
        for index in tree.indices where !removed[index] && tree.isElement(index) {
            let parent = tree.parent(of: index)
            if parent >= 0 && removed[parent] {
                removed[index] = true
                continue
            }
            let tag = tree.tag(at: index)
            guard tag != .html && tag != .body,
                MarkupHints.furnitureByMarkup(tag: tag, attributes: tree.attributes(at: index))
                    ?? furnitureNames.markFurniture(tree, index)
            else { continue }
            let share = Double(lengths.textLength[index]) / total
            if share > 0.9 || (share > protectedShare && lengths.linkDensity(index) < 0.5) { continue }
            // A paragraph of prose is content whatever its class says ("selectionShareable").
            if tag == .p && lengths.proseCount[index] > 0 { continue }
            // A wrapper that holds most of the page's prose (an ASP.NET page-wide <form>) is not furniture.
            let prose = lengths.proseCount[index]
            if prose >= 2 && Double(prose) >= Double(lengths.proseCount[0]) * 0.6 { continue }
            removed[index] = true
        }
        for index in tree.indices where tree.isText(index) && tree.parent(of: index) >= 0 {
            removed[index] = removed[tree.parent(of: index)]
        }
        return (removed, lengths, hidden)
    }

    /// ``MarkupHints/namesMarkFurniture(_:)`` of a tree's lists of class and id names, each list
    /// worked out once: the elements that share a class value share one list in the tree
    /// (``HTMLTree/nameList(at:)``), and a verdict depends only on the names.
    private struct FurnitureNames {
        /// By list number: 0 not yet asked, 1 furniture, 2 not.
        private var verdicts: [UInt8]

        init(lists: Int) { verdicts = [UInt8](repeating: 0, count: lists) }

        mutating func markFurniture(_ tree: HTMLTree, _ index: Int) -> Bool {
            let list = tree.nameList(at: index)
            if verdicts[list] == 0 {
                let names = tree.names(at: index)
                verdicts[list] = !names.isEmpty && MarkupHints.namesMarkFurniture(names) ? 1 : 2
            }
            return verdicts[list] == 1
        }
    }

    /// Footnote markers and edit links that only make noise in the text.
    private static func isNoise(tag: HTMLTag, attributes: HTMLTree.Attributes, names: [String]) -> Bool {
        switch tag {
        case .sup:
            let names = names.joined(separator: " ")
            return names.includes("reference") || names.includes("mw-ref") || names.includes("noprint")
        case .head, .title:
            return true
        case .span:
            guard let classes = HTMLTree.attribute("class", in: attributes)
            else { return false }
            // MediaWiki's edit links and a reference's back-links (`^ أ ب`; Parsoid's `↑`) to where it was cited.
            return classes.includes("mw-editsection") || classes.includes("mw-cite-backlink")
                || classes.includes("mw-linkback-text")
        default:
            return false
        }
    }

    /// The heading that opens `index`, an HTML5 `<section>`, as its first element, when it is an
    /// `h2`–`h6` that is not itself mostly a link (a teaser's headline is a link; a section's
    /// heading is not). Boxes of `div`s under a heading are still judged whole: most are widgets.
    private static func sectionHeading(_ index: Int, in tree: HTMLTree, removed: [Bool], root: ArticleRoot) -> Int? {
        guard tree.tag(at: index) == .section, let first = tree.children(of: index).first(where: {
            tree.isElement($0) && !removed[$0]
        }), [.h2, .h3, .h4, .h5, .h6].contains(tree.tag(at: first)), root.textLength[first] > 0,
            root.linkDensity(first) < 0.5
        else { return nil }
        return first
    }

    /// Whether `index` is a list (or a box that holds only a list, as a wiki's column wrapper does)
    /// that the article's prose announces: the element right before it is a paragraph of at least
    /// three words that ends with a colon (`من أهم مطوري الرياضيات نجد:`), is not mostly links and
    /// is no boilerplate line (`اقرأ أيضاً:`). A writer introduces the list of names or terms that
    /// is part of the article; menus and "related" boxes are not introduced by a sentence, so a
    /// list of bare links is content then, however dense its links.
    private static func introducedList(_ index: Int, in tree: HTMLTree, removed: [Bool], root: ArticleRoot) -> Bool {
        func visibleElements(of parent: Int) -> [Int] {
            tree.children(of: parent).filter { child in
                guard !removed[child] else { return false }
                if tree.isText(child) { return !tree.nodeText(at: child).allSatisfy(\.isWhitespace) }
                return tree.isElement(child)
            }
        }
        var list = index
        if tree.tag(at: index) == .div {
            let inside = visibleElements(of: index)
            guard inside.count == 1 else { return false }
            list = inside[0]
        }
        guard [.ul, .ol].contains(tree.tag(at: list)),
            tree.children(of: list).filter({ tree.tag(at: $0) == .li }).count >= 2
        else { return false }
        let parent = tree.parent(of: index)
        guard parent >= 0 else { return false }
        let siblings = visibleElements(of: parent)
        guard let position = siblings.firstIndex(of: index), position > 0 else { return false }
        let before = siblings[position - 1]
        guard tree.isElement(before), tree.tag(at: before) == .p, root.linkDensity(before) < 0.35
        else { return false }
        let text = tree.text(of: before).trimmingWhitespaceAndNewlines()
        let shape = LineShape(text)
        return shape.endsWithColon && shape.words >= 3 && BoilerplateLexicon.shared.role(of: text) == nil
    }

    /// Whether an `li` holds `index`, below the article root `top`.
    private static func insideListItem(_ index: Int, below top: Int, in tree: HTMLTree) -> Bool {
        var node = tree.parent(of: index)
        while node >= 0 && node != top {
            if tree.tag(at: node) == .li { return true }
            node = tree.parent(of: node)
        }
        return false
    }

    /// Whether `index` is the only element beside `heading` among its parent's visible children.
    private static func onlyContent(_ index: Int, besides heading: Int, in tree: HTMLTree, removed: [Bool]) -> Bool {
        let parent = tree.parent(of: index)
        guard parent >= 0 else { return false }
        return tree.children(of: parent).allSatisfy { child in
            if child == index || child == heading || removed[child] { return true }
            return tree.isText(child) && tree.nodeText(at: child).allSatisfy(\.isWhitespace)
        }
    }

    /// Readability's conditional clean-up inside the article: link-heavy boxes without prose
    /// (related links, tag clouds, share bars) are dropped.
    /// Text that ends a sentence with a full stop and runs to more than one clause.
    private static func isSentences(_ text: String) -> Bool {
        let shape = LineShape(text.trimmingWhitespaceAndNewlines())
        return shape.endsWithPeriod && shape.words >= 15
    }

    private static func cleanInside(_ roots: [Int], root: ArticleRoot, removed: [Bool]) -> [Bool] {
        var result = removed
        let tree = root.tree
        // Lists the article's own prose introduces, with everything in them (see `introducedList`).
        var introduced = [Bool](repeating: false, count: tree.count)
        for top in roots {
            for index in tree.descendants(of: top) where index != top && !result[index] {
                if introduced[index] { continue }
                let tag = tree.tag(at: index)
                guard [.div, .ul, .ol, .section, .table, .aside, .span, .p].contains(tag) else { continue }
                if introducedList(index, in: tree, removed: result, root: root) {
                    for descendant in tree.descendants(of: index) { introduced[descendant] = true }
                    continue
                }
                // A section of the article under its own heading is judged by its parts, and the
                // one table, list or picture it holds beside the heading is its content (a wiki
                // section of formulas, of pictures, of "see also" links).
                if sectionHeading(index, in: tree, removed: result, root: root) != nil { continue }
                // The parts of a list item are judged with their list: a reference's citation is
                // mostly its link, and dropping it emptied the item (mawdoo3's references).
                if insideListItem(index, below: top, in: tree) { continue }
                let parent = tree.parent(of: index)
                if parent >= 0, let heading = sectionHeading(parent, in: tree, removed: result, root: root),
                    onlyContent(index, besides: heading, in: tree, removed: result)
                {
                    continue
                }
                let density = root.linkDensity(index)
                guard root.textLength[index] > 0, density > 0.35 else { continue }
                // Five visible characters a word is close enough to tell a box from prose.
                let words = root.textLength[index] / 5
                // A paragraph of finished sentences is prose however many of its words are links
                // (a wiki paragraph that links every field it names); a box of links is no sentence.
                if tag == .p, density < 0.9, words >= 15, isSentences(tree.text(of: index)) { continue }
                let linkHeavy = density > 0.6 && words < 120
                let teaserBox = words < 40 && tag != .p
                if linkHeavy || teaserBox {
                    for descendant in tree.descendants(of: index) { result[descendant] = true }
                    for child in tree.children(of: index) { result[child] = true }
                }
            }
        }
        return result
    }
}
