/// What libxml2 2.9.14's HTML parser knows about element names when it builds a tree from tag
/// soup, for ``NativeHTMLReader``: which open element a new start tag closes, which open elements
/// an end tag may close on its way, and which elements never have content.
///
/// Each known name has a fixed number (its place in ``names``); rules are looked up by number.
/// The facts are libxml2's (its HTML 4 tables), written out here in our own grouping and checked
/// against libxml2 itself by `NativeReaderTests`, pair by pair.
enum HTMLTreeRules {
    /// Every name a rule mentions, numbered by place. The first ones are named below.
    static let names: [String] = [
        "html", "head", "body", "p", "script", "style", "meta", "link", "title", "base", "noframes", "frame",
        "frameset", "div", "td", "th", "tr", "thead", "tbody", "tfoot", "table",
        // Start tags that close others, or are closed by them.
        "a", "address", "b", "big", "caption", "col", "colgroup", "dd", "dir", "dl", "dt", "font", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "legend", "li", "listing", "menu", "ol", "option", "pre", "s",
        "small", "span", "strike", "tt", "u", "ul", "xmp", "fieldset", "center", "abbr", "acronym", "bdo",
        "blockquote", "br", "cite", "code", "dfn", "em", "iframe", "img", "kbd", "map", "q", "samp", "strong",
        "sub", "sup", "var", "noscript", "optgroup",
        // Elements without content.
        "area", "basefont", "input", "isindex", "param",
    ]

    static let html: Int32 = 0
    static let head: Int32 = 1
    static let body: Int32 = 2
    static let p: Int32 = 3
    static let script: Int32 = 4
    static let style: Int32 = 5
    static let meta: Int32 = 6
    static let link: Int32 = 7
    static let title: Int32 = 8
    static let base: Int32 = 9
    static let noframes: Int32 = 10
    static let frame: Int32 = 11
    static let frameset: Int32 = 12

    /// Which start tags close an open element, by the open element: a start tag of any name in
    /// the list ends it (and, one by one, the innermost elements so closed).
    private static let closedBy: [(open: String, starts: String)] = [
        // The head ends at anything that belongs in a body.
        ("head", "a abbr acronym address b bdo big blockquote body br center cite code dd dfn dir div dl dt em "
            + "fieldset font form frameset h1 h2 h3 h4 h5 h6 hr i iframe img kbd li listing map menu ol p pre q s "
            + "samp small span strike strong sub sup table tt u ul var xmp"),
        ("title", "body frameset"), ("style", "body frameset"), ("link", "body frameset"),
        ("script", "noscript"),
        // A paragraph ends at any block.
        ("p", "address blockquote body caption center col colgroup dd dir div dl dt fieldset form frameset h1 h2 "
            + "h3 h4 h5 h6 head hr li listing menu ol p pre table tbody td tfoot th title tr ul xmp"),
        // Headings and preformatted blocks.
        ("h1", "fieldset form li p table"), ("h2", "fieldset form li p table"), ("h3", "fieldset form li p table"),
        ("h4", "fieldset form li p table"), ("h5", "fieldset form li p table"), ("h6", "fieldset form li p table"),
        ("pre", "dd dl dt fieldset form li table ul"), ("listing", "dd dl dt fieldset form li table ul"),
        ("xmp", "dd dl dt fieldset form li table ul"),
        // Lists.
        ("li", "li"), ("dd", "dt"), ("dt", "dd dl"), ("dl", "form li"), ("ol", "form ul"),
        ("ul", "address form menu ol pre"), ("dir", "dd dl dt form ul"), ("menu", "dd dl dt form ul"),
        ("address", "dd dl dt form li ul"),
        // Forms.
        ("form", "form"), ("hr", "form"), ("legend", "fieldset"), ("option", "optgroup option"),
        // Tables.
        ("caption", "col colgroup tbody tfoot thead tr"), ("col", "col colgroup tbody tfoot thead tr"),
        ("colgroup", "colgroup tbody tfoot thead tr"), ("thead", "tbody tfoot"), ("tbody", "tbody tfoot"),
        ("tfoot", "tbody"), ("tr", "tbody tfoot tr"), ("td", "tbody td tfoot th tr"), ("th", "tbody td tfoot th tr"),
        // Inline elements.
        ("a", "a fieldset table td th"), ("b", "center p td th"), ("i", "center p td th"), ("u", "p td th"),
        ("font", "center td th"), ("span", "td th"), ("big", "p"), ("small", "p"), ("s", "p"), ("strike", "p"),
        ("tt", "p"),
    ]

    /// Elements that never have content: their start tag is also their end.
    private static let empty = "area base basefont br col frame hr img input isindex link meta param"

    /// How far an end tag reaches: it closes the elements opened after its own only if none of
    /// them ranks higher (an unmatched `</p>` inside a `td` leaves the `td` open). 100 for the rest.
    private static let endRanks: [String: UInt8] = [
        "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
        "head": 200, "body": 200, "html": 220,
    ]

    /// The rules as tables by number, made once.
    struct Tables: Sendable {
        /// For each start tag's number, the numbers of the open elements it closes, as bits.
        let closes: [(low: UInt64, high: UInt64)]
        let isEmpty: [Bool]
        let endRank: [UInt8]
    }

    static let tables: Tables = {
        precondition(names.count <= 128 && Set(names).count == names.count)
        let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        var closes = [(low: UInt64, high: UInt64)](repeating: (0, 0), count: names.count)
        for (open, starts) in closedBy {
            let closed = number[open]!
            for start in starts.split(separator: " ") {
                let index = number[String(start)]!
                if closed < 64 { closes[index].low |= 1 << UInt64(closed) } else { closes[index].high |= 1 << UInt64(closed - 64) }
            }
        }
        var isEmpty = [Bool](repeating: false, count: names.count)
        for name in empty.split(separator: " ") { isEmpty[number[String(name)]!] = true }
        var endRank = [UInt8](repeating: 100, count: names.count)
        for (name, rank) in endRanks { endRank[number[name]!] = rank }
        return Tables(closes: closes, isEmpty: isEmpty, endRank: endRank)
    }()
}

extension HTMLTreeRules.Tables {
    /// Whether a start tag numbered `start` closes the open element numbered `open`; names
    /// outside ``HTMLTreeRules/names`` (numbered from there on) take part in no rule.
    @inline(__always)
    func startCloses(_ start: Int32, _ open: Int32) -> Bool {
        guard Int(start) < closes.count, Int(open) < closes.count else { return false }
        let bits = closes[Int(start)]
        return open < 64 ? bits.low & (1 << UInt64(open)) != 0 : bits.high & (1 << UInt64(open - 64)) != 0
    }

    @inline(__always)
    func empty(_ element: Int32) -> Bool { Int(element) < isEmpty.count && isEmpty[Int(element)] }

    @inline(__always)
    func rank(_ element: Int32) -> UInt8 { Int(element) < endRank.count ? endRank[Int(element)] : 100 }
}
