import Foundation

/// Which files and folders a walk takes: article extensions, `--include` and `--exclude` globs, hidden names.
///
/// A glob with a `/` is matched against the path relative to the input folder (`*` crosses `/`, so
/// `drafts/*` is everything under `drafts`); a glob without one against the name alone, at any depth.
struct BatchFilter: Sendable {
    static let articleExtensions: Set<String> = ["html", "htm", "xhtml", "txt"]

    var includes: [String] = []
    var excludes: [String] = []

    /// Files: an article extension or an include; hidden names (`.x`) only when included; excludes win.
    func takesFile(name: String, relative: String) -> Bool {
        if matches(excludes, name: name, relative: relative) { return false }
        if matches(includes, name: name, relative: relative) { return true }
        if name.hasPrefix(".") { return false }
        let dot = name.lastIndex(of: ".")
        guard let dot, dot != name.startIndex else { return false }
        return Self.articleExtensions.contains(name[name.index(after: dot)...].lowercased())
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
