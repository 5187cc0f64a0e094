import Foundation
/// A saved page → the article's flat blocks and metadata: reads the DOM, collects metadata,
/// removes furniture, finds the article root and segments it.
struct HTMLArticleReader {
    /// Text runs whose mojibake was repaired.
    private(set) var repairedRuns = 0

    /// Furniture that holds more than this share of the page's text (and is not mostly links) is
    /// kept: a wrapper whose class merely mentions "sidebar" is not the sidebar.
    static let protectedShare = 0.4

    mutating func read(_ html: String) -> Segmentation {
        var tree = HTMLTree.parse(html)
        repairedRuns = tree.repairMojibake()
        var result = Segmentation()
        if tree.flattened > 0 {
            result.diagnostics.append(Diagnostic(
                .warning, "html.deep-nesting",
                "the page nests elements more than \(HTMLTree.maxDepth) deep; \(tree.flattened) deeper elements were flattened"))
        }
        guard tree.root != nil else {
            result.diagnostics.append(Diagnostic(.warning, "html.empty", "the page has no elements"))
            return result
        }
        let page = PageMetadata(tree: tree)
        result.metadata = page.metadata

        let removed = furniture(in: tree)
        collectFurnitureMetadata(tree, removed: removed, into: &result.metadata)
        let root = ArticleRoot(tree: tree, removed: removed)
        let roots = root.find()
        if ProcessInfo.processInfo.environment["MAQAL_DEBUG"] != nil {
            for r in roots { FileHandle.standardError.write(Data("root \(r) <\(tree[r].name) class=\(tree[r].attribute("class") ?? "") id=\(tree[r].attribute("id") ?? "")> text=\(root.textLength[r])\n".utf8)) }
        }
        let articleRemoved = cleanInside(roots, root: root, removed: removed)
        let hasHeadings = roots.contains { top in
            tree.descendants(of: top).contains { index in
                !articleRemoved[index] && ["h2", "h3", "h4", "h5", "h6"].contains(tree[index].name)
            }
        }
        var segmenter = HTMLSegmenter(
            tree: tree, removed: articleRemoved, links: LinkResolver(base: page.baseURL), boldHeadings: !hasHeadings)
        var blocks = segmenter.segment(roots)
        blocks = BlockCleaner.clean(blocks, title: result.metadata.title, metadata: &result.metadata)

        if result.metadata.published == nil {
            result.metadata.published = visibleDate(tree, removed: removed, roots: roots)?.iso
        }
        if ListingDetector.isListing(tree, roots: roots, removed: articleRemoved, blocks: blocks, root: root) {
            result.diagnostics.append(Diagnostic(
                .warning, "content.listing",
                "the page is a list of links to other articles (a category or archive page), not an article"))
            blocks = []
        }
        if result.metadata.image == nil {
            result.metadata.image = blocks.lazy.compactMap { flat -> String? in
                if case .block(.figure(let figure)) = flat { return figure.src }
                return nil
            }.first
        }
        result.blocks = blocks
        return result
    }

    // MARK: - Furniture

    /// Hidden elements and site furniture, except furniture that holds most of the page.
    private func furniture(in tree: HTMLTree) -> [Bool] {
        var hidden = [Bool](repeating: false, count: tree.nodes.count)
        for index in tree.nodes.indices where tree[index].kind == .element {
            let parent = tree[index].parent
            if (parent >= 0 && hidden[parent]) || MarkupHints.isHidden(tree[index]) || isNoise(tree[index]) {
                hidden[index] = true
            }
        }
        for index in tree.nodes.indices where tree[index].kind == .text && tree[index].parent >= 0 {
            hidden[index] = hidden[tree[index].parent]
        }
        let lengths = ArticleRoot(tree: tree, removed: hidden)
        let total = Double(max(lengths.textLength[0], 1))
        var removed = hidden
        for index in tree.nodes.indices where !removed[index] && tree[index].kind == .element {
            let parent = tree[index].parent
            if parent >= 0 && removed[parent] {
                removed[index] = true
                continue
            }
            let node = tree[index]
            guard node.name != "html" && node.name != "body" && MarkupHints.isFurniture(node) else { continue }
            let share = Double(lengths.textLength[index]) / total
            if share > 0.9 || (share > Self.protectedShare && lengths.linkDensity(index) < 0.5) { continue }
            // A paragraph of prose is content whatever its class says ("selectionShareable").
            if node.name == "p" && lengths.proseCount[index] > 0 { continue }
            // A wrapper that holds most of the page's prose (an ASP.NET page-wide <form>) is not furniture.
            let prose = lengths.proseCount[index]
            if prose >= 2 && Double(prose) >= Double(lengths.proseCount[0]) * 0.6 { continue }
            removed[index] = true
            if ProcessInfo.processInfo.environment["MAQAL_DEBUG"] != nil, share > 0.1 { FileHandle.standardError.write(Data("furniture \(index) <\(node.name) class=\(node.attribute("class") ?? "") id=\(node.attribute("id") ?? "")> share=\(share) prose=\(lengths.proseCount[index])/\(lengths.proseCount[0])\n".utf8)) }
        }
        for index in tree.nodes.indices where tree[index].kind == .text && tree[index].parent >= 0 {
            removed[index] = removed[tree[index].parent]
        }
        return removed
    }

    /// Footnote markers and edit links that only make noise in the text.
    private func isNoise(_ node: HTMLTree.Node) -> Bool {
        if node.name == "sup" {
            let names = MarkupHints.names(of: node).joined(separator: " ")
            return names.contains("reference") || names.contains("mw-ref") || names.contains("noprint")
        }
        if node.name == "head" || node.name == "title" { return true }
        if node.name == "span", let names = node.attribute("class"), names.contains("mw-editsection") { return true }
        return false
    }

    /// Readability's conditional clean-up inside the article: link-heavy boxes without prose
    /// (related links, tag clouds, share bars) are dropped.
    private func cleanInside(_ roots: [Int], root: ArticleRoot, removed: [Bool]) -> [Bool] {
        var result = removed
        let tree = root.tree
        for top in roots {
            for index in tree.descendants(of: top) where index != top && !result[index] {
                let node = tree[index]
                guard ["div", "ul", "ol", "section", "table", "aside", "span", "p"].contains(node.name) else { continue }
                let density = root.linkDensity(index)
                let length = root.textLength[index]
                guard length > 0 else { continue }
                let words = WordCounter.count(tree.text(of: index))
                let linkHeavy = density > 0.6 && words < 120
                let teaserBox = density > 0.35 && words < 40 && node.name != "p"
                if linkHeavy || teaserBox {
                    for descendant in tree.descendants(of: index) { result[descendant] = true }
                    for child in tree[index].children { result[child] = true }
                }
            }
        }
        return result
    }

    // MARK: - Metadata from the page's furniture

    /// Tag boxes, breadcrumbs and bylines are furniture in the body but metadata all the same.
    private func collectFurnitureMetadata(_ tree: HTMLTree, removed: [Bool], into metadata: inout Metadata) {
        var tags: [String] = []
        var crumbs: [String] = []
        var authors: [String] = []
        for index in tree.nodes.indices where tree[index].kind == .element {
            let node = tree[index]
            let names = MarkupHints.names(of: node).joined(separator: " ")
            let rel = node.attribute("rel")?.lowercased() ?? ""
            if node.name == "a", rel.split(separator: " ").contains("tag") {
                tags.append(tree.text(of: index))
            } else if node.name == "a", rel.split(separator: " ").contains("author") {
                authors.append(tree.text(of: index))
            } else if ["post-tags", "tag-links", "tags-links", "entry-tags", "article-tags", "tags_sep",
                       "article_details_tag", "tagcloud", "news-tags", "keywords"].contains(where: names.contains) {
                tags += linkTexts(under: index, in: tree)
                if tags.isEmpty, let line = MetadataLine.read(tree.text(of: index)), line.field == .tags {
                    tags += MetadataLine.splitList(line.value)
                }
            } else if names.contains("breadcrumb") && crumbs.isEmpty {
                crumbs = linkTexts(under: index, in: tree)
            } else if ["author-name", "byline", "post-author", "author_name", "writer"].contains(where: names.contains),
                WordCounter.count(tree.text(of: index)) <= 8
            {
                let text = tree.text(of: index)
                authors.append(MetadataLine.read(text).map(\.value) ?? text)
            }
        }
        let lexicon = BoilerplateLexicon.shared
        func keep(_ value: String) -> Bool {
            !value.isEmpty && value.count < 80 && lexicon.role(of: value) == nil
                && MetadataLine.read(value) == nil
        }
        if metadata.tags.isEmpty { metadata.tags = tags.filter(keep) }
        if metadata.categories.isEmpty {
            let titleKey = metadata.title.map { ArabicKey.make($0) }
            metadata.categories = crumbs.filter { keep($0) && ArabicKey.make($0) != titleKey && WordCounter.count($0) <= 5 }
        }
        if metadata.authors.isEmpty { metadata.authors = authors.filter(keep) }
    }

    private func linkTexts(under index: Int, in tree: HTMLTree) -> [String] {
        tree.descendants(of: index).filter { tree[$0].name == "a" }.map { tree.text(of: $0) }.filter { !$0.isEmpty }
    }

    /// A visible Arabic date: first in elements named for dates, then in the article's first
    /// blocks (bylines and datelines sit there).
    private func visibleDate(_ tree: HTMLTree, removed: [Bool], roots: [Int]) -> ArabicDate? {
        for index in tree.nodes.indices where tree[index].kind == .element {
            let names = MarkupHints.names(of: tree[index]).joined(separator: " ")
            guard ["date", "time", "publish", "posted", "meta"].contains(where: names.contains) || tree[index].name == "time"
            else { continue }
            let text = tree.text(of: index)
            guard WordCounter.count(text) <= 20, let date = ArabicDateParser.find(in: text), date.day != nil else { continue }
            return date
        }
        for top in roots {
            for index in tree.descendants(of: top).prefix(60) where tree[index].name == "p" || tree[index].name == "div" {
                let text = tree.text(of: index)
                if WordCounter.count(text) <= 20, let date = ArabicDateParser.find(in: text), date.day != nil { return date }
            }
        }
        return nil
    }
}
