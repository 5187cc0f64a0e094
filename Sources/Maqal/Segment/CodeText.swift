import Foundation

/// The verbatim text of a `<pre>` block and the language its class names, if any.
enum CodeText {
    static func read(_ index: Int, in tree: HTMLTree) -> (text: String, language: String?) {
        var text = ""
        var language: String?
        var stack = [index]
        while let current = stack.popLast() {
            if tree.isText(current) {
                text += tree.nodeText(at: current)
                continue
            }
            if tree.tag(at: current) == .br { text += "\n" }
            if language == nil, let classes = tree.attribute("class", at: current) {
                for name in classes.split(separator: " ") {
                    for prefix in ["language-", "lang-"] where name.hasPrefix(prefix) {
                        language = String(name.dropFirst(prefix.count))
                    }
                }
            }
            stack.append(contentsOf: tree.children(of: current).reversed())
        }
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return (lines.map { String($0.trimmingTrailingSpaces()) }.joined(separator: "\n"), language)
    }
}
