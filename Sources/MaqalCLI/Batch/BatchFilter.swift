import Foundation

/// Which files and folders a walk takes: article extensions, `--include` and `--exclude` globs, hidden names.
///
/// A glob with a `/` is matched against the path relative to the input folder (`*` crosses `/`, so
/// `drafts/*` is everything under `drafts`); a glob without one against the name alone, at any depth.
struct BatchFilter: Sendable {
    /// Pages and the files browsers save them as (MHTML, webarchive); each may also end in `.gz`.
    static let articleExtensions: Set<String> = ["html", "htm", "xhtml", "txt", "mhtml", "mht", "webarchive"]

    /// The extensions read by default, as help and messages list them.
    static let readExtensions = ".html .htm .xhtml .txt .mhtml .mht .webarchive (and any of them .gz)"

    var includes: [String] = []
    var excludes: [String] = []

    /// Files: an article extension or an include; hidden names (`.x`) only when included; excludes win.
    func takesFile(name: String, relative: String) -> Bool {
        if matches(excludes, name: name, relative: relative) { return false }
        if matches(includes, name: name, relative: relative) { return true }
        if name.hasPrefix(".") { return false }
        return Self.articleExtension(of: name) != nil
    }

    /// Whether a file is left out only for its extension (not excluded, not hidden): what the
    /// summary counts when a folder held nothing to convert.
    func skipsForExtension(name: String, relative: String) -> Bool {
        !name.hasPrefix(".") && !matches(excludes, name: name, relative: relative)
            && !matches(includes, name: name, relative: relative) && Self.articleExtension(of: name) == nil
    }

    /// The article extension of `name` (`html` for `a.html` and `a.html.gz`), or `nil`.
    static func articleExtension(of name: String) -> String? {
        var stem = Substring(name)
        if stem.lowercased().hasSuffix(".gz") { stem = stem.dropLast(3) }
        guard let dot = stem.lastIndex(of: "."), dot != stem.startIndex else { return nil }
        let suffix = stem[stem.index(after: dot)...].lowercased()
        return articleExtensions.contains(suffix) ? suffix : nil
    }

    /// A browser's folder of a saved page's files ("Webpage, Complete": `a_files` beside `a.html`),
    /// given the names in the folder that holds it: its files are parts of that page, not articles.
    static func isSavedPageFolder(_ name: String, besides names: [String]) -> Bool {
        guard name.hasSuffix("_files") else { return false }
        let page = name.dropLast("_files".count)
        return ["html", "htm", "xhtml"].contains { names.contains(page + "." + $0) }
    }

    /// Folders: all but excluded ones, and hidden ones unless an include names them.
    func entersFolder(name: String, relative: String) -> Bool {
        if matches(excludes, name: name, relative: relative) { return false }
        return !name.hasPrefix(".") || matches(includes, name: name, relative: relative)
    }

    private func matches(_ globs: [String], name: String, relative: String) -> Bool {
        globs.contains { glob in
            fnmatch(glob, glob.contains("/") ? relative : name, 0) == 0
        }
    }
}
