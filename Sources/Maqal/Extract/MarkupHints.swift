/// What an element's tag, class, id and attributes say about it: hidden, site furniture, or
/// article content. Patterns come from the themes and plugins named in ARABIC.md §4 (TieLabs
/// Jannah/Sahifa, tagDiv Newspaper, Easy Table of Contents, Blogger, WordPress core) and from
/// the pages in ../shared/corpus.
enum MarkupHints {
    /// Tags that are never article text wherever they stand.
    static let furnitureTags: Set<String> = [
        "nav", "aside", "form", "footer", "menu", "dialog", "fieldset", "legend", "label", "header",
    ]

    /// Parts of class and id names that mark furniture; matched inside a name.
    static let furnitureFragments: [String] = [
        "comment", "sidebar", "breadcrumb", "social", "share-", "sharebar", "share_", "sharing", "related", "newsletter", "subscribe",
        "cookie", "advert", "popup", "modal", "widget", "footer", "navbar", "navigation", "pagination", "pager",
        "ez-toc", "lwptoc", "toc_container", "toc-container", "table-of-contents", "tableofcontents", "author-box",
        "authorbox", "about-author", "author-bio", "authorbio", "post-tags", "tag-links", "tags-links", "entry-tags",
        "post-meta", "entry-meta", "article-meta", "more-stories", "most-read", "mostread", "most-popular",
        "trending", "recommend", "taboola", "outbrain", "tbl-", "promo", "sponsor", "gdpr", "consent", "skip-link",
        "screen-reader", "go-to-top", "back-to-top", "scroll-top", "scrolltop", "gotop", "print-", "rating",
        "login", "signup", "search", "breaking", "ticker", "check-also", "read-also", "readalso", "read-more",
        "readmore", "prev-next", "prev_next", "prevnext", "next-prev", "next_prev", "post-nav", "blog-pager", "post-footer", "masthead",
        "topbar", "top-bar", "follow", "whatsapp", "telegram", "facebook", "twitter", "mobile-menu", "offcanvas",
        "off-canvas", "dropdown", "adsbygoogle", "ad-slot", "adslot", "ads-", "-ads", "advertisement", "dfp",
        "banner", "jeg_share", "td-post-sharing", "td-related", "yarpp", "jp-relatedposts", "sharedaddy",
        "wpdiscuz", "disqus", "respond", "reply", "newsticker", "copyright", "subscription", "app-download",
        "tags_sep", "article_details_tag", "post-categories", "cat-links", "byline", "post-date", "entry-date",
        "publish-date", "meta-date", "tie-date", "article-date", "post-author", "author-name", "author-info",
        "bottom-bar", "logo",
        // MediaWiki (every Wikipedia and most wikis): navigation boxes, category links, notices.
        "navbox", "catlinks", "noprint", "hatnote", "ambox", "sistersitebox", "mw-jump", "authority-control",
    ]

    static let hiddenClasses: Set<String> = ["hidden", "d-none", "sr-only", "screen-reader-text", "visually-hidden",
                                             "hide", "invisible"]
    static let furnitureMatcher = FragmentMatcher(furnitureFragments)
    static let bodyMatcher = FragmentMatcher(bodyFragments)

    /// Whole words of class and id names that mark furniture (matched after splitting on `-`/`_`).
    static let furnitureWords: Set<String> = [
        "nav", "menu", "ad", "ads", "adv", "tags", "toc", "aside", "header", "meta", "hidden", "hide", "print",
        "sharer", "share", "date", "time", "author", "dateline", "caption-credit", "noprint", "more", "sticky",
    ]

    /// Class and id names of article bodies in common templates: a strong positive signal.
    static let bodyFragments: [String] = [
        "entry-content", "post-body", "article-body", "articlebody", "article_body", "post-content",
        "article-content", "story-body", "storybody", "td-post-content", "news-content", "article-text",
        "articletext", "story-content", "storyarea", "story_area", "post-entry", "entry-body", "content-body",
        "news-body", "newsbody", "main-article", "article-details", "articledetails", "details-body",
        "mw-parser-output", "post-text", "single-content", "the-content", "blog-post-body",
    ]

    /// Words that lean towards content.
    static let contentWords: Set<String> = [
        "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story", "news",
        "details", "single",
    ]

    /// WordPress `post_class()` names (`tag-123`, `category-news`) describe the post, not the box.
    private static let descriptivePrefixes = ["tag-", "category-", "post-", "format-", "status-", "type-",
                                              "postid-", "hentry", "page-id"]

    /// The class and id names of an element, lower-cased, WordPress post classes left out
    /// (worked out once per element when the tree is read).
    static func names(of node: HTMLTree.Node) -> [String] {
        node.names
    }

    /// Splits and lower-cases `class` and `id` values (ASCII case only: class names are ASCII
    /// in practice, and full Unicode lower-casing was a measurable cost per element).
    static func classNames(class classes: String?, id: String?) -> [String] {
        var names: [String] = []
        if let classes {
            for name in classes.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                let name = asciiLowercased(name)
                if descriptivePrefixes.contains(where: { name.hasPrefix($0) && name.utf8.count > $0.utf8.count + 1 }) {
                    if !name.hasPrefix("post-") || name.utf8.dropFirst(5).allSatisfy({ (0x30...0x39).contains($0) }) { continue }
                }
                names.append(name)
            }
        }
        if let id, !id.isEmpty { names.append(asciiLowercased(id.utf8[...])) }
        return names
    }

    private static func asciiLowercased(_ bytes: some Collection<UInt8>) -> String {
        if !bytes.contains(where: { (0x41...0x5A).contains($0) }) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// Hidden from readers: `hidden`, `aria-hidden`, `display:none`, screen-reader-only classes.
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style").map({ String($0.lowercased().filter { $0 != " " }) }),
            style.includes("display:none") || style.includes("visibility:hidden")
        {
            return true
        }
        for name in node.names where hiddenClasses.contains(name) { return true }
        return false
    }

    /// Site furniture by tag, role or class/id name.
    static func isFurniture(_ node: HTMLTree.Node) -> Bool {
        if furnitureTags.contains(node.name) { return true }
        if let role = node.attribute("role")?.lowercased(),
            ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
             "alert"].contains(role)
        {
            return true
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return false }
        for name in names(of: node) {
            if bodyMatcher.matches(name) { return false }
            if furnitureMatcher.matches(name) { return true }
            let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" })
            if words.contains(where: { furnitureWords.contains(String($0)) }) { return true }
        }
        return false
    }

    /// A weight from class and id names: body names +50, content words +25, furniture −25.
    static func classWeight(_ node: HTMLTree.Node) -> Double {
        var weight = 0.0
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 50 }
        for name in names(of: node) {
            if bodyMatcher.matches(name) {
                weight += 50
                continue
            }
            let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            if words.contains(where: contentWords.contains) { weight += 25 }
            if furnitureMatcher.matches(name) || words.contains(where: furnitureWords.contains) {
                weight -= 25
            }
        }
        return weight
    }
}
