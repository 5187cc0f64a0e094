/// The elements the pipeline tells apart by name, as one byte on each node: the stages compare
/// tags for every element, and a `String` comparison made a call for every pair that differed.
///
/// A case's name is the tag's lower-case name; every element not listed is ``other``.
enum HTMLTag: UInt8, CaseIterable, Sendable {
    /// Any element not listed below, and text nodes.
    case other
    case a, address, article, aside, b, base, blockquote, body, br, caption, center, cite, code, dd, details, dfn
    case dialog, dir, div, dl, dt, em, fieldset, figcaption, figure, font, footer, form, h1, h2, h3, h4, h5, h6, head
    case header, hgroup, hr, html, i, img, kbd, label, legend, li, link, main, menu, meta, nav, noframes, ol, p
    case picture, pre, samp, section, source, span, strong, summary, sup, table, tbody, td, tfoot, th, thead, time
    case title, tr, tt, ul

    /// The tag of the element named `name` (lower case, as the tree keeps names).
    init(name: String) {
        self = Self.byName[name] ?? .other
    }

    /// Written out rather than made from `allCases`: naming a case with `"\(tag)"` goes through
    /// reflection, a cost every process paid on its first page (a test in `HTMLTreeTests` keeps the two equal).
    static let byName: [String: HTMLTag] = [
        "a": .a, "address": .address, "article": .article, "aside": .aside, "b": .b, "base": .base,
        "blockquote": .blockquote, "body": .body, "br": .br, "caption": .caption, "center": .center, "cite": .cite,
        "code": .code, "dd": .dd, "details": .details, "dfn": .dfn, "dialog": .dialog, "dir": .dir, "div": .div,
        "dl": .dl, "dt": .dt, "em": .em, "fieldset": .fieldset, "figcaption": .figcaption, "figure": .figure,
        "font": .font, "footer": .footer, "form": .form, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5,
        "h6": .h6, "head": .head, "header": .header, "hgroup": .hgroup, "hr": .hr, "html": .html, "i": .i,
        "img": .img, "kbd": .kbd, "label": .label, "legend": .legend, "li": .li, "link": .link, "main": .main,
        "menu": .menu, "meta": .meta, "nav": .nav, "noframes": .noframes, "ol": .ol, "p": .p, "picture": .picture,
        "pre": .pre, "samp": .samp, "section": .section, "source": .source, "span": .span, "strong": .strong,
        "summary": .summary, "sup": .sup, "table": .table, "tbody": .tbody, "td": .td, "tfoot": .tfoot, "th": .th,
        "thead": .thead, "time": .time, "title": .title, "tr": .tr, "tt": .tt, "ul": .ul,
    ]

    /// Elements that start a new line in a browser.
    var isBlock: Bool {
        switch self {
        case .address, .article, .aside, .blockquote, .body, .center, .dd, .details, .dialog, .dir, .div, .dl, .dt,
             .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup, .hr,
             .html, .li, .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody, .td, .tfoot, .th,
             .thead, .tr, .ul, .caption, .legend, .noframes:
            true
        default:
            false
        }
    }

    /// The level of a heading tag, 1 for `h1` to 6 for `h6`; `nil` for any other tag.
    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }
}
