/// JSON string literals, for callers that write small JSON (or YAML) by hand.
package enum JSONText {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as is (UTF-8). Also a valid YAML double-quoted scalar.
    package static func quoted(_ text: String) -> String {
        var writer = JSONWriter(pretty: false, capacity: text.utf8.count + 2)
        writer.appendQuoted(text)
        return writer.string
    }
}
