import Foundation

/// Where an image really is (lazy-load attributes first) and whether it is worth a figure.
enum ImageSource {
    /// Attributes lazy-loading scripts put the real address in, most specific first.
    static let lazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-url", "data-lazy", "lazy-src",
                                 "data-full-url", "data-orig-file"]
    /// Attributes that list candidate addresses (`srcset`), most specific first.
    static let srcsetAttributes = ["srcset", "data-srcset", "data-lazy-srcset"]

    /// The image address, or `nil` for placeholders, tracking pixels and icons.
    static func source(of index: Int, in tree: HTMLTree) -> String? {
        if isDecoration(index, in: tree) { return nil }
        for name in lazyAttributes {
            if let value = tree.attribute(name, at: index), usable(value) { return value.trimmingWhitespace() }
        }
        if let src = tree.attribute("src", at: index), usable(src) { return src.trimmingWhitespace() }
        for name in srcsetAttributes {
            if let set = tree.attribute(name, at: index), let first = firstCandidate(set), usable(first) { return first }
        }
        // <picture><source srcset> around the image.
        if tree.parent(of: index) >= 0, tree.tag(at: tree.parent(of: index)) == .picture {
            for sibling in tree.children(of: tree.parent(of: index)) where tree.tag(at: sibling) == .source {
                if let set = tree.attribute("srcset", at: sibling), let first = firstCandidate(set), usable(first) { return first }
            }
        }
        // The picture itself inlined (SingleFile saves every image so); a short one is a
        // lazy-loading placeholder (a 1×1 GIF, an empty SVG box), not a picture.
        if let src = tree.attribute("src", at: index), isDataURI(src),
            src.utf8.count >= minimumInlinedImage || InlinedData.index(in: src) != nil,
            startsWith(src.utf8.drop { $0 <= 0x20 }, "data:image/")
        {
            return src.trimmingWhitespace()
        }
        return nil
    }

    /// Characters below which a `data:` image is a placeholder: a 1×1 GIF is under 100, an empty
    /// SVG box a few hundred; a photo is tens of thousands.
    static let minimumInlinedImage = 1024

    /// Whether `value` is a `data:` URI (leading white space and letter case aside), read from its
    /// first bytes only: an inlined image can be megabytes long.
    static func isDataURI(_ value: String) -> Bool {
        startsWith(value.utf8.drop { $0 <= 0x20 }, "data:")
    }

    private static func startsWith(_ bytes: some Sequence<UInt8>, _ prefix: String) -> Bool {
        var iterator = bytes.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = iterator.next(), byte | 0x20 == expected | 0x20 else { return false }
        }
        return true
    }

    /// The alt (or title) text, white space folded; `nil` when it is only a number, a file name
    /// or an id (``ImageLabel``).
    static func alt(of index: Int, in tree: HTMLTree) -> String? {
        guard let alt = tree.attribute("alt", at: index) ?? tree.attribute("title", at: index) else { return nil }
        var folder = WhitespaceFolder()
        folder.append(alt)
        return ImageLabel.isIdentifier(folder.result) ? nil : folder.result
    }

    private static func firstCandidate(_ srcset: String) -> String? {
        let first = srcset.split(separator: ",").first?.trimmingWhitespace() ?? ""
        let url = first.split(separator: " ").first.map(String.init)
        return url?.isEmpty == false ? url : nil
    }

    private static func usable(_ value: String) -> Bool {
        if isDataURI(value) { return false }
        let trimmed = value.trimmingWhitespace().lowercased()
        if trimmed.isEmpty || trimmed.hasPrefix("data:") || trimmed.hasPrefix("javascript:") || trimmed == "#" { return false }
        let placeholders = ["blank.gif", "spacer.gif", "pixel.gif", "transparent.gif", "placeholder", "lazy.gif",
                            "1x1", "loading.gif", "grey.gif", "gray.gif"]
        return !placeholders.contains(where: trimmed.includes)
    }

    /// Tracking pixels (1×1), icons and emoji are not figures.
    private static func isDecoration(_ index: Int, in tree: HTMLTree) -> Bool {
        let width = Int(tree.attribute("width", at: index)?.filter(\.isNumber) ?? "")
        let height = Int(tree.attribute("height", at: index)?.filter(\.isNumber) ?? "")
        if let width, width <= 48 { return true }
        if let height, height <= 48 { return true }
        let names = tree.names(at: index).joined(separator: " ")
        if ["icon", "emoji", "avatar", "logo", "smiley", "wp-smiley", "sprite", "badge"].contains(where: names.includes) {
            return true
        }
        // An inlined image's base64 can hold any of these words by chance.
        guard let rawSource = tree.attribute("src", at: index), !isDataURI(rawSource) else { return false }
        let src = rawSource.lowercased()
        if ["/icons/", "/icon/", "/emoji/", "pixel", "tracking", "/track", "analytics", "doubleclick", "/logo",
            "favicon", "gravatar", "avatar"].contains(where: src.includes)
        {
            return true
        }
        return false
    }
}
