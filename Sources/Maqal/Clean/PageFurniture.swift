/// What a copy of a paginated document (a PDF, a scanned magazine) repeats on every page: a
/// running header or footer (the journal's name, the article's short title) and the page
/// numbers. A pass over the whole text's lines, before they are segmented: the furniture goes
/// (reason `furniture.page-header`), and a paragraph a page break cut in two is whole again.
enum PageFurniture {
    /// `lines` without page furniture, and `removals` with what went.
    static func remove(_ lines: [TextLine?], removals: Removals) -> (lines: [TextLine?], removals: Removals) {
        // Furniture repeats a page apart: a text shorter than two pages' worth of lines has none,
        // and its lines are not keyed and counted (first-use work a one-line text paid in full).
        guard lines.count > pageGap else { return (lines, removals) }
        var drop = Set(pageNumbers(lines))
        drop.formUnion(runningLines(lines))
        guard !drop.isEmpty else { return (lines, removals) }
        // A narrow column's lines are all short: a wide line is one of half its width.
        let wide = NarrowColumn.width(of: lines).map { $0 / 2 } ?? 30
        var kept: [TextLine?] = []
        var removals = removals
        kept.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            guard drop.contains(index), let line = lines[index] else {
                kept.append(lines[index])
                index += 1
                continue
            }
            // A stretch of furniture and the blank lines around it: the page break.
            removals.record(line.text, .furniturePageHeader, at: "line \(line.number)")
            var end = index + 1
            while end < lines.count, lines[end] == nil || drop.contains(end) {
                if let furniture = lines[end] {
                    removals.record(furniture.text, .furniturePageHeader, at: "line \(furniture.number)")
                }
                end += 1
            }
            // The paragraph before the break goes on after it when its last line is unfinished
            // prose and a line of text (no list item) comes next: the break is closed up.
            while let last = kept.last, last == nil { kept.removeLast() }
            let before = kept.last.flatMap { $0 }
            let after = end < lines.count ? lines[end] : nil
            if let before, let after, continues(before, into: after, wide: wide) {
                index = end
                continue
            }
            if !kept.isEmpty { kept.append(nil) }
            index = end
        }
        return (kept, removals)
    }

    /// Whether a page break falls inside a paragraph: the line before it is a wide line of prose
    /// with no final mark, and the line after it is no list item.
    private static func continues(_ before: TextLine, into after: TextLine, wide: Int) -> Bool {
        let shape = LineShape(before.text)
        return !shape.isTerminated && before.text.count >= wide && ListMarker.parse(before.text) == nil
            && ListMarker.parse(after.text) == nil && after.indent <= before.indent + 1
    }

    /// The fewest lines from one page's furniture to the next page's: nearer lines are no pages.
    private static let pageGap = 8

    // MARK: - Page numbers

    /// Words that may stand with a page number: `صفحة 3`, `ص 3`, `3 من 12`, `Page 3 of 12`.
    private static let pageWordKeys: Set<String> = Set(["صفحة", "الصفحة", "ص", "من", "page", "of"].map(ArabicKey.make))

    /// The page number of a line that is only one (`3`, `- 3 -`, `[3]`, `صفحة 3 من 12`), or `nil`.
    static func pageNumber(_ text: String) -> Int? {
        guard text.utf8.count <= 40 else { return nil }
        let words = ArabicKey.make(text).split(separator: " ")
        guard (1...4).contains(words.count) else { return nil }
        var number: Int?
        for word in words {
            if word.allSatisfy(\.isNumber) {
                guard word.count <= 4 else { return nil }
                if number == nil { number = Int(word) }
            } else if !pageWordKeys.contains(String(word)) {
                return nil
            }
        }
        return number
    }

    /// Lines that are page numbers: at least two numbered lines that count up, standing apart.
    private static func pageNumbers(_ lines: [TextLine?]) -> [Int] {
        var found: [(index: Int, number: Int)] = []
        for (index, line) in lines.enumerated() {
            guard let line, line.text.utf8.count <= 40, let number = pageNumber(line.text) else { continue }
            found.append((index, number))
        }
        guard found.count >= 2 else { return [] }
        // Page numbers count up, one page at a time or a few when pages had none printed.
        let counting = zip(found, found.dropFirst()).filter { pair in
            let step = pair.1.number - pair.0.number
            return (1...3).contains(step) && pair.1.index - pair.0.index >= pageGap
        }
        guard counting.count * 2 >= found.count - 1 else { return [] }
        var indices = Set<Int>()
        for pair in counting {
            indices.insert(pair.0.index)
            indices.insert(pair.1.index)
        }
        return indices.sorted()
    }

    // MARK: - Running headers and footers

    /// Short lines repeated on three or more pages (digits aside: `مجلة الزراعة - العدد 24 - ص 3`),
    /// never next to each other. The first line of the text, when prose follows it, is the title
    /// the running header repeats, and stays.
    private static func runningLines(_ lines: [TextLine?]) -> [Int] {
        // Three pages' furniture spans two page gaps.
        guard lines.count > 2 * pageGap else { return [] }
        var byKey: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            guard let line, line.text.utf8.count <= 200, WordCounter.count(line.text, upTo: 13) <= 12,
                ListMarker.parse(line.text) == nil
            else { continue }
            // Digits aside, with the spaces that stood around them and the page word that stood
            // with them at the end: `العنوان        ص 5` is `العنوان`, as on the first page.
            var words = ArabicKey.make(line.text).filter { !$0.isNumber }.split(separator: " ")
            while words.count > 1, let last = words.last, pageWordKeys.contains(String(last)) { words.removeLast() }
            // Joined by hand: `joined(separator:)` over substrings is generic in the standard
            // library, and its first call looks up associated types at run time.
            var key = ""
            for word in words {
                if !key.isEmpty { key += " " }
                key += word
            }
            guard key.contains(where: \.isLetter) else { continue }
            byKey[key, default: []].append(index)
        }
        var indices: [Int] = []
        for (_, occurrences) in byKey where occurrences.count >= 3 {
            let spread = zip(occurrences, occurrences.dropFirst()).allSatisfy { $1 - $0 >= pageGap }
            guard spread else { continue }
            var running = occurrences
            if let first = running.first, isTitle(first, in: lines) { running.removeFirst() }
            indices += running
        }
        return indices
    }

    /// Whether the line at `index` is the text's first line with prose under it.
    private static func isTitle(_ index: Int, in lines: [TextLine?]) -> Bool {
        guard let first = lines.firstIndex(where: { $0 != nil }), first == index else { return false }
        guard let next = lines[(index + 1)...].first(where: { $0 != nil }), let next else { return false }
        return !LineShape(next.text).couldBeHeading
    }
}
