/// Numbered section heads decided for the whole document, not line by line (a Structure pass for
/// text, before ``TextClassifier`` reads the lines).
///
/// A numbered line that opens its group, is short and unpunctuated, and has prose right after it
/// (`1. المقدمة` then a paragraph) is a section head. When two or more lines of one marker style
/// are section heads that way, the document numbers its sections with that style: a line of the
/// same style that continues their numbering is a head too, whatever follows it — a list under
/// `3. الأنواع` does not make it the first item of a list. A lone numbered line counts only when it
/// stands alone between blank lines, as before.
enum NumberedHeadings {
    typealias Unit = TextSegmenter.Unit

    /// The indices of the units that are numbered section heads. `headingShaped` holds, for each
    /// unit, that it has no marker and ``LineShape/couldBeHeading``.
    static func decide(_ units: [Unit], headingShaped: [Bool]) -> Set<Int> {
        // Lines shaped like numbered heads: a number marker at the margin opening its group, and
        // a short unpunctuated title after it.
        let candidates = units.indices.filter { index in
            guard let marker = units[index].marker, marker.kind == .number, units[index].opensGroup,
                units[index].indent <= 1
            else { return false }
            return LineShape(marker.rest).couldBeHeading
        }
        let evidenced = candidates.filter { followedByProse(units, at: $0, headingShaped) }
        var heads = Set(evidenced.filter { units[$0].standsAlone })

        // The styles that head two or more sections in this document.
        var countByStyle: [String: Int] = [:]
        for index in evidenced { countByStyle[style(of: units[index].marker!), default: 0] += 1 }
        let documentStyles = Set(countByStyle.filter { $0.value >= 2 }.keys)
        guard !documentStyles.isEmpty else { return heads }

        var lastValue: [String: Int] = [:]
        for index in candidates {
            let marker = units[index].marker!
            let markerStyle = style(of: marker)
            guard documentStyles.contains(markerStyle) else { continue }
            // Not evidenced itself, it must take the numbering on from the head before it, and
            // not be followed by the next number of its own style (then it opens a list).
            let continues = lastValue[markerStyle].map { marker.value == $0 + 1 } ?? false
            let opensList = index + 1 < units.count && units[index + 1].marker.map { style(of: $0) == markerStyle } == true
            if evidenced.contains(index) || (continues && !opensList) {
                heads.insert(index)
                lastValue[markerStyle] = marker.value
            }
        }
        return heads
    }

    /// A paragraph comes next: a line without a marker that is not itself heading-shaped, or a long one.
    private static func followedByProse(_ units: [Unit], at index: Int, _ headingShaped: [Bool]) -> Bool {
        let next = index + 1
        guard next < units.count, units[next].marker == nil else { return false }
        return !headingShaped[next] || units[next].shape.words > 16
    }

    /// The marker with its number written as one zero of its digit system: `1.` and `12.` share
    /// `0.`; `1)`, `١.` and `(1)` each have their own.
    static func style(of marker: ListMarker) -> String {
        var style = String.UnicodeScalarView()
        var previousWasDigit = false
        for scalar in marker.text.unicodeScalars {
            guard let digit = ArabicScalar.digitValue(scalar.value) else {
                style.append(scalar)
                previousWasDigit = false
                continue
            }
            if !previousWasDigit, let zero = Unicode.Scalar(scalar.value - UInt32(digit)) { style.append(zero) }
            previousWasDigit = true
        }
        return String(style)
    }
}
