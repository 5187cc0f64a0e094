/// A forum thread is no article: its first post is (ARABIC.md's forum pages; vBulletin, phpBB,
/// XenForo, MyBB). Replies, quoted replies, signatures, reply counts and the board's copyright
/// line around the posts are left out by taking the first post's message box as the root.
enum ForumThread {
    /// `id` prefixes of a post's message box, followed by the post's number (vBulletin's
    /// `post_message_1001`, SMF's `msg_1001`).
    static let messageIDPrefixes = ["post_message_", "msg_"]
    /// Class names of a post's message box (phpBB `postbody`, XenForo `bbWrapper`, MyBB `post_body`,
    /// IP.Board `post_body`/`post entry-content`, vBulletin 4 `postcontent`), lower-cased.
    static let messageClasses: Set<String> = ["postbody", "post_body", "bbwrapper", "messagetext", "postcontent",
                                               "post_message", "postmessage"]

    /// The first post's message box when the article holds two or more posts' boxes, none inside
    /// another; `nil` otherwise (a single post, or no forum markup).
    static func firstPost(in roots: [Int], tree: HTMLTree, removed: [Bool]) -> Int? {
        var boxes: [Int] = []
        for top in roots {
            var insideUntil = -1
            for index in tree.subtree(of: top) where tree.isElement(index) && !removed[index] {
                if index <= insideUntil { continue }
                guard isMessageBox(index, in: tree) else { continue }
                boxes.append(index)
                insideUntil = tree.descendants(of: index).last ?? index
            }
        }
        return boxes.count >= 2 ? boxes[0] : nil
    }

    /// Asked of every element of the article: ASCII `id` and `class` values (all of them in
    /// practice) are looked at on their bytes, case aside, with no lower-cased copy or split
    /// list made; other values take the `String` path, whose lower-casing is Unicode's.
    private static func isMessageBox(_ index: Int, in tree: HTMLTree) -> Bool {
        if var id = tree.attribute("id", at: index) {
            let ascii: Bool? = id.withUTF8 { bytes in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
                return messageIDPrefixBytes.contains { prefix in
                    bytes.count > prefix.count && MarkupHints.startsLowercased(bytes, with: prefix)
                        && bytes[prefix.count...].allSatisfy { (0x30...0x39).contains($0) }
                }
            }
            if ascii ?? isMessageID(id) { return true }
        }
        guard var classes = tree.attribute("class", at: index) else { return false }
        let ascii: Bool? = classes.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return bytes.split(separator: 0x20).contains { word in
                let word = UnsafeBufferPointer(rebasing: word)
                return messageClassBytes.contains { $0.count == word.count && MarkupHints.startsLowercased(word, with: $0) }
            }
        }
        if let ascii { return ascii }
        return classes.lowercased().split(separator: " ").contains { messageClasses.contains(String($0)) }
    }

    private static func isMessageID(_ id: String) -> Bool {
        let id = id.lowercased()
        return messageIDPrefixes.contains { prefix in
            id.hasPrefix(prefix) && !id.dropFirst(prefix.count).isEmpty
                && id.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
    }

    private static let messageIDPrefixBytes = messageIDPrefixes.map { Array($0.utf8) }
    private static let messageClassBytes = messageClasses.map { Array($0.utf8) }
}
