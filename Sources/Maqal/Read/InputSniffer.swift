/// Decides whether an input is HTML or plain text: the user's word, the file extension, then
/// the first bytes.
enum InputSniffer {
    static func format(of bytes: [UInt8], name: String?, requested: ParseOptions.InputFormat) -> Source.Format {
        switch requested {
        case .html: return .html
        case .text: return .text
        case .auto: break
        }
        if let name, let dot = name.lastIndex(of: ".") {
            switch name[name.index(after: dot)...].lowercased() {
            case "html", "htm", "xhtml", "shtml", "php", "asp", "aspx": return .html
            case "txt", "text", "md": return .text
            default: break
            }
        }
        return looksLikeHTML(bytes) ? .html : .text
    }

    /// Markup near the start: a doctype or one of the tags every page has. NUL bytes are skipped
    /// so UTF-16 pages are recognised too.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var head: [UInt8] = []
        head.reserveCapacity(2048)
        for byte in bytes.prefix(4096) where byte != 0 {
            head.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        let text = String(decoding: head, as: UTF8.self)
        // A corpus record (`<DOC>` … `<TITLE>` … `<TEXT>`, ``RecordWrapper``) has tags HTML has
        // too, and is plain text.
        if text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).hasPrefix("<doc>") { return false }
        let markers = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<div", "<p>", "<p ", "<table",
                       "<article", "<br", "<script", "<link "]
        return markers.contains { text.includes($0) }
    }
}
