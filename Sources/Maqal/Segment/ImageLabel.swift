/// Whether an image's alt text or caption says something, or is only what a CMS filled in: a number
/// (`12`, `٣`), a file name (`IMG_2034.JPG`, `صورة-الخبر.jpg`), a camera or upload name
/// (`DSC00123`, `wp-image-4521`, `photo_20230501`) or an id (`5f3a9c2e8b1d`, a UUID). Such text read
/// aloud or shown under a picture is noise, so it is neither alt nor caption.
enum ImageLabel {
    /// Extensions of images and the media a figure may hold.
    static let fileExtensions: Set<String> = [
        "jpg", "jpeg", "jpe", "png", "gif", "webp", "bmp", "svg", "tif", "tiff", "avif", "heic", "jfif", "ico",
        "mp4", "webm", "pdf",
    ]

    /// True when `text` is only a number, a file name or an id.
    static func isIdentifier(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        // Only digits, with the separators numbers are written with.
        if scalars.contains(where: { ArabicScalar.isDigit($0.value) })
            && scalars.allSatisfy({ ArabicScalar.isDigit($0.value) || numberPunctuation.contains($0) })
        {
            return true
        }
        if hasFileExtension(text) { return true }
        // One ASCII token: an upload or camera name with a long run of digits, or a hex id.
        guard !scalars.contains(where: { ArabicScalar.isSpace($0.value) }),
            scalars.allSatisfy({ $0.isASCII && (isASCIIAlphanumeric($0) || tokenPunctuation.contains($0)) })
        else { return false }
        return longestDigitRun(scalars) >= 4 || isHexID(scalars)
    }

    // Arrays, not `Set<Unicode.Scalar>`: the first set of that type costs a process a
    // protocol-conformance scan of the whole binary, more than these short searches cost.
    private static let numberPunctuation: [Unicode.Scalar] = [
        " ", ".", ",", "-", "_", "/", "#", "(", ")", "٫", "٬", "،", "\u{00A0}",
    ]
    private static let tokenPunctuation: [Unicode.Scalar] = ["-", "_", "."]

    /// `name.jpg`: a file extension after a dot, with no space before the dot.
    private static func hasFileExtension(_ text: String) -> Bool {
        guard let dot = text.lastIndex(of: "."), dot > text.startIndex else { return false }
        let before = text[text.index(before: dot)]
        guard !before.isWhitespace else { return false }
        return fileExtensions.contains(text[text.index(after: dot)...].lowercased())
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value)
            || (0x61...0x7A).contains(scalar.value)
    }

    private static func longestDigitRun(_ scalars: [Unicode.Scalar]) -> Int {
        var longest = 0
        var run = 0
        for scalar in scalars {
            run = (0x30...0x39).contains(scalar.value) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// Eight or more hex digits, letters and digits mixed (`5f3a9c2e`), hyphens allowed (a UUID).
    private static func isHexID(_ scalars: [Unicode.Scalar]) -> Bool {
        let hex = scalars.filter { $0 != "-" }
        guard hex.count >= 8, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
        return hex.contains { (0x30...0x39).contains($0.value) } && hex.contains { !(0x30...0x39).contains($0.value) }
    }
}
