/// A breadcrumb trail copied with an article as its first line: `الرئيسية » أخبار » اقتصاد`.
/// It is no title; its crumbs, the home crumb left out, are the article's categories.
enum BreadcrumbLine {
    /// Separators that only trails use: a line with two of them, or one after a home crumb, is a trail.
    private static let arrows: [String] = ["»", "›", ">", "«", "‹", "<", "←", "→"]
    /// Separators that titles use too (`العنوان | الموقع`): a trail only when it starts at home.
    private static let bars: [String] = [" / ", " | ", " \\ "]

    /// The crumbs of `text` without the home crumb, or `nil` when the line is not a trail.
    static func crumbs(_ text: String) -> [String]? {
        guard text.utf8.count <= 300 else { return nil }
        // Foundation's search (which compares whole characters) runs only where the separator's
        // bytes occur: no character holds them otherwise, and most lines have none of them.
        for separator in arrows + bars where text.includes(separator) && text.contains(separator) {
            let parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, parts.allSatisfy(isCrumb) else { continue }
            let startsHome = isHome(parts[0])
            let isArrow = arrows.contains(separator)
            guard startsHome || (isArrow && parts.count >= 3) else { continue }
            return parts.filter { !isHome($0) }
        }
        return nil
    }

    /// A crumb is a short name: a few words, no sentence mark; an icon alone stands for home.
    private static func isCrumb(_ part: String) -> Bool {
        if part.isEmpty { return false }
        let shape = LineShape(part)
        return WordCounter.count(part, upTo: 7) <= 6 && !shape.endsWithPeriod && !shape.endsWithComma
            && !shape.endsWithColon
    }

    private static func isHome(_ crumb: String) -> Bool {
        let key = ArabicKey.make(crumb)
        return key.isEmpty || BoilerplateLexicon.homeCrumbKeys.contains(key)
    }
}
