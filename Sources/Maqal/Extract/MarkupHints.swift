/// What an element's tag, class, id and attributes say about it: hidden, site furniture, or
/// article content. Patterns come from the themes and plugins named in ARABIC.md §4 (TieLabs
/// Jannah/Sahifa, tagDiv Newspaper, Easy Table of Contents, Blogger, WordPress core) and from
/// the pages in ../shared/corpus.
enum MarkupHints {
    /// Tags that are never article text wherever they stand.
    static func isFurnitureTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .nav, .form, .menu, .aside, .label, .footer, .dialog, .legend, .header, .fieldset: true
        default: false
        }
    }

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
                                             "hide", "invisible",
                                             // Utility-class spellings (SUIT CSS `u-`, state `is-`): lbcgroup.tv's cookie banner.
                                             "u-hide", "u-hidden", "is-hidden"]
    /// Body and furniture fragments in one matcher: both are looked for in every name, and one
    /// scan finds both (bits ``bodySet`` and ``furnitureSet``).
    private static let classFragments = FragmentMatcher(sets: [bodyFragments, furnitureFragments])
    private static let bodySet: UInt32 = 1 << 0
    private static let furnitureSet: UInt32 = 1 << 1

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

    /// What an element's class and id names say, for the questions asked of every element with
    /// attributes: worked out when the tree is built, once per distinct class value (see
    /// ``HTMLTree/Node/nameFacts``), instead of matching every name each time it is asked.
    typealias NameFacts = NameFlags

    static func facts(of names: [String]) -> NameFacts {
        var facts: NameFacts = []
        if names.contains(where: { metadataBoxMatcher.matches($0) }) { facts.insert(.metadataBox) }
        // A closure, not `hiddenClassList.contains` itself, which copies the list for every call.
        if names.contains(where: { hiddenClassList.contains($0) }) { facts.insert(.hiddenClass) }
        return facts
    }

    /// Fragments of the class names of the boxes metadata is read from in the page's furniture
    /// (tag boxes, breadcrumbs, bylines, post-meta boxes, standfirsts): a quick filter before the
    /// closer look.
    static let metadataBoxMatcher = FragmentMatcher(["tag", "keyword", "label", "topic", "breadcrumb", "byline",
                                                     "username", "writer", "author", "fn", "standfirst", "dek",
                                                     "subtitle", "subhead", "strapline", "deck", "sub-title",
                                                     "meta"])

    /// Splits and lower-cases `class` and `id` values (ASCII case only: class names are ASCII
    /// in practice, and full Unicode lower-casing was a measurable cost per element).
    ///
    /// Runs once per element while the tree is copied, so it works on the UTF-8 bytes; a name
    /// with non-ASCII bytes takes the `String` path, whose prefix test compares characters.
    static func classNames(class classes: String?, id: String?) -> [String] {
        var names: [String] = []
        if var classes {
            let whole: Bool = classes.withUTF8 { bytes in
                // One allocation for the list instead of one per growth.
                var count = 0
                var previous: UInt8 = 0x20
                for byte in bytes {
                    if isClassSeparator(previous) && !isClassSeparator(byte) { count += 1 }
                    previous = byte
                }
                names.reserveCapacity(count + 1)
                var start = 0
                while start < bytes.count {
                    if isClassSeparator(bytes[start]) {
                        start += 1
                        continue
                    }
                    var end = start + 1
                    var ascii = bytes[start] < 0x80
                    var upper = isUppercase(bytes[start])
                    while end < bytes.count && !isClassSeparator(bytes[end]) {
                        let byte = bytes[end]
                        if byte >= 0x80 { ascii = false }
                        if isUppercase(byte) { upper = true }
                        end += 1
                    }
                    let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if ascii {
                        if !isPostClass(ascii: name) {
                            // A class attribute of one lower-case name is that name: no new string.
                            if !upper && start == 0 && end == bytes.count { return true }
                            names.append(upper ? asciiLowercased(name) : String(decoding: name, as: UTF8.self))
                        }
                    } else {
                        let name = upper ? asciiLowercased(name) : String(decoding: name, as: UTF8.self)
                        if !isPostClass(name) { names.append(name) }
                    }
                    start = end
                }
                return false
            }
            if whole { names.append(classes) }
        }
        if var id, !id.isEmpty {
            // Most ids are already lower-case, and then the value itself is the name.
            let upper = id.withUTF8 { $0.contains(where: isUppercase) }
            names.append(upper ? id.withUTF8 { asciiLowercased($0) } : id)
        }
        return names
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte &- 0x41 < 26
    }

    private static func isClassSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a lower-cased class name is a WordPress post class (see ``descriptivePrefixes``).
    private static func isPostClass(_ name: String) -> Bool {
        guard descriptivePrefixes.contains(where: { name.hasPrefix($0) && name.utf8.count > $0.utf8.count + 1 }) else {
            return false
        }
        return !name.hasPrefix("post-") || name.utf8.dropFirst(5).allSatisfy({ (0x30...0x39).contains($0) })
    }

    /// ``isPostClass(_:)`` for an ASCII name not yet lower-cased, on its bytes.
    private static func isPostClass(ascii name: UnsafeBufferPointer<UInt8>) -> Bool {
        // Every prefix starts with one of these letters; most names start with none of them.
        guard name.count > 4, postClassInitials & (1 << UInt32(lowercased(name[0]) & 31)) != 0,
            descriptivePrefixBytes.contains(where: { name.count > $0.count + 1 && startsLowercased(name, with: $0) })
        else { return false }
        return !startsLowercased(name, with: postPrefix) || name.dropFirst(5).allSatisfy({ (0x30...0x39).contains($0) })
    }

    private static let descriptivePrefixBytes = descriptivePrefixes.map { Array($0.utf8) }
    /// The first letters of ``descriptivePrefixes`` as bits of their low five bits
    /// (letters only, so no two share a bit).
    private static let postClassInitials: UInt32 = descriptivePrefixes.reduce(0) { $0 | 1 << UInt32($1.utf8.first! & 31) }
    private static let postPrefix = Array("post-".utf8)

    /// Whether ASCII `bytes`, lower-cased, start with the lower-case `prefix`.
    static func startsLowercased(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for offset in prefix.indices where lowercased(bytes[offset]) != prefix[offset] { return false }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices { buffer[index] = lowercased(bytes[index]) }
            return bytes.count
        }
    }

    /// Hidden from readers: `hidden`, `aria-hidden`, `display:none`, screen-reader-only classes.
    static func isHidden(attributes: HTMLTree.Attributes, nameFacts: NameFacts) -> Bool {
        // One pass over the attributes; as `attribute(_:)` does, the first of a repeated name counts.
        var ariaHidden: String?
        var style: String?
        // Lengths first: a `switch` on the names compared each unequal name the slow way. Read by
        // position: taking each (name, value) pair out retained and released both strings.
        for position in attributes.indices {
            switch attributes[position].name.utf8.count {
            case 6 where attributes[position].name == "hidden": return true
            case 11 where attributes[position].name == "aria-hidden": ariaHidden = ariaHidden ?? attributes[position].value
            case 5 where attributes[position].name == "style": style = style ?? attributes[position].value
            default: break
            }
        }
        if ariaHidden?.lowercased() == "true" { return true }
        if let style, styleHides(style) { return true }
        return nameFacts.contains(.hiddenClass)
    }

    private static let hiddenClassList = WordList(hiddenClasses)

    /// Whether an inline style says `display:none` or `visibility:hidden`, spaces and case aside.
    private static func styleHides(_ style: String) -> Bool {
        var style = style
        let ascii: Bool? = style.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return containsIgnoringSpaces(bytes, displayNone) || containsIgnoringSpaces(bytes, visibilityHidden)
        }
        if let ascii { return ascii }
        // Full lower-casing and character comparison, for the rare style with non-ASCII text.
        let folded = String(style.lowercased().filter { $0 != " " })
        return folded.includes("display:none") || folded.includes("visibility:hidden")
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Whether ASCII `bytes` with their spaces removed and lower-cased contain `needle`
    /// (lower-case, without spaces), found without building that copy.
    private static func containsIgnoringSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        for start in bytes.indices where lowercased(bytes[start]) == needle[0] {
            var index = start + 1
            var matched = 1
            while matched < needle.count && index < bytes.count {
                if bytes[index] == 0x20 {
                    index += 1
                    continue
                }
                guard lowercased(bytes[index]) == needle[matched] else { break }
                matched += 1
                index += 1
            }
            if matched == needle.count { return true }
        }
        return false
    }

    /// Site furniture by tag, role or class/id name: what the tag, `role` and `itemprop` say, or
    /// `nil` when they leave it to the class and id names (``namesMarkFurniture(_:)``).
    static func furnitureByMarkup(tag: HTMLTag, attributes: HTMLTree.Attributes) -> Bool? {
        if isFurnitureTag(tag) { return true }
        // Both attributes found in one pass; as `attribute(_:)` does, the first of a repeated name counts.
        var role: String?
        var itemprop: String?
        for position in attributes.indices {
            switch attributes[position].name.utf8.count {
            case 4 where attributes[position].name == "role": role = role ?? attributes[position].value
            case 8 where attributes[position].name == "itemprop": itemprop = itemprop ?? attributes[position].value
            default: break
            }
        }
        if let role = role?.lowercased(),
            ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
             "alert"].contains(role)
        {
            return true
        }
        if itemprop?.lowercased() == "articlebody" { return false }
        return nil
    }

    /// Whether the class and id names, read in order, name furniture before any article body.
    static func namesMarkFurniture(_ names: [String]) -> Bool {
        for name in names {
            let found = classFragments.sets(in: name)
            if found & bodySet != 0 { return false }
            if found & furnitureSet != 0 { return true }
            if hasWord(of: furnitureWordList, in: name) { return true }
        }
        return false
    }

    /// A weight from class and id names: body names +50, content words +25, furniture −25.
    static func classWeight(_ index: Int, in tree: HTMLTree) -> Double {
        var weight = 0.0
        if tree.attribute("itemprop", at: index)?.lowercased() == "articlebody" { weight += 50 }
        for name in tree.names(at: index) {
            let found = classFragments.sets(in: name)
            if found & bodySet != 0 {
                weight += 50
                continue
            }
            if hasWord(of: contentWordList, in: name) { weight += 25 }
            if found & furnitureSet != 0 || hasWord(of: furnitureWordList, in: name) {
                weight -= 25
            }
        }
        return weight
    }

    private static let furnitureWordList = WordList(furnitureWords)
    private static let contentWordList = WordList(contentWords)

    /// Whether one of the `-`/`_`-separated words of `name` is in `list`.
    ///
    /// ASCII names are split on their bytes; others as characters, where `-` followed by a
    /// combining mark is not a separator.
    static func hasWord(of list: WordList, in name: String) -> Bool {
        var name = name
        let ascii: Bool? = name.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x2D && bytes[end] != 0x5F { end += 1 }
                if end > start && list.contains(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
                start = end + 1
            }
            return false
        }
        if let ascii { return ascii }
        return name.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains { list.words.contains(String($0)) }
    }
}

extension NameFlags {
    /// A name may mark a tag box, breadcrumb, byline or standfirst (``MarkupHints/metadataBoxMatcher``).
    static let metadataBox = NameFlags(rawValue: 1)
    /// A name is one of ``MarkupHints/hiddenClasses``.
    static let hiddenClass = NameFlags(rawValue: 2)
}

/// How the tree builder reads class and id values: ``MarkupHints/classNames(class:id:)`` and
/// ``MarkupHints/facts(of:)``, handed to Read (``HTMLTree/parse(utf8:classNames:options:)``).
struct MarkupClassNames: ClassNameReader {
    func names(class classes: String?, id: String?) -> [String] {
        MarkupHints.classNames(class: classes, id: id)
    }

    func flags(of names: [String]) -> NameFlags {
        MarkupHints.facts(of: names)
    }
}
