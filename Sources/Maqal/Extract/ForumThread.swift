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

    private static func isMessageBox(_ index: Int, in tree: HTMLTree) -> Bool {
        if let id = tree.attribute("id", at: index)?.lowercased(),
            messageIDPrefixes.contains(where: { prefix in
                id.hasPrefix(prefix) && !id.dropFirst(prefix.count).isEmpty
                    && id.dropFirst(prefix.count).allSatisfy(\.isNumber)
            })
        {
            return true
        }
        guard let classes = tree.attribute("class", at: index)?.lowercased() else { return false }
        return classes.split(separator: " ").contains { messageClasses.contains(String($0)) }
    }
}
