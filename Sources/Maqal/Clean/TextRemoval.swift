/// Text a Clean rule took out of a text article, with why and where, so that nothing leaves the
/// article untraced: what `--explain` reports (issue 16 §1). `reason` is one of the shared dotted
/// ids (`breadcrumb`, `furniture.comments`, `furniture.share`, `furniture.forward`,
/// `furniture.page-header` …).
struct TextRemoval: Sendable, Equatable {
    var text: String
    var reason: String
    /// The 1-based number of the input line it starts on.
    var line: Int
}
