extension HTMLTree {
    /// The attributes some stage reads, by their lower-case names: ``LeanPage`` drops every other
    /// one before libxml2 reads the page, so a stage that asks for a name missing here gets `nil`.
    /// `ReadAttributesTests` finds the names the sources ask for and fails when one is missing.
    ///
    /// `size`, `face`, `color` and `align` are kept for the styled-heading rules (`<font size>`,
    /// `<p align>`), which read them beside `style`.
    static let readAttributes: Set<String> = [
        // Read: the builder (class and id names, JSON-LD's type, mojibake in metadata fields).
        "class", "id", "type", "content", "alt", "title",
        // Extract: metadata, furniture, hidden elements.
        "role", "rel", "property", "name", "itemprop", "href", "lang", "xml:lang", "dir", "datetime", "data-time",
        "hidden", "aria-hidden", "style",
        // Segment: tables, lists, images (lazy-loading attributes too).
        "colspan", "rowspan", "start", "src", "srcset", "width", "height",
        "data-src", "data-lazy-src", "data-original", "data-url", "data-lazy", "lazy-src", "data-full-url",
        "data-orig-file", "data-srcset", "data-lazy-srcset",
        // Styled headings.
        "size", "face", "color", "align",
    ]
}
