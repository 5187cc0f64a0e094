import Foundation

/// Walks the inputs of `maqal convert` lazily and hands out each file to convert, in name order.
///
/// One folder is listed at a time, depth first, so memory holds the names of the folders on the
/// current path, never the whole tree. Symbolic links are followed only when they resolve inside
/// an input; every folder reached is remembered by device and inode, so a link loop (or a second
/// way into a folder already walked) is noticed and not followed.
struct BatchWalker {
    enum Event {
        /// A file to convert: its path as the user would spell it, and its place inside its input.
        case file(path: String, relative: String)
        /// An input or folder that cannot be read.
        case failure(path: String, reason: String)
        /// A symbolic link left alone.
        case notFollowed(path: String, reason: NotFollowed)
        /// A file left out because its extension is not one convert reads.
        case skippedForExtension(path: String)
    }

    enum NotFollowed {
        /// It resolves outside every input.
        case outside
        /// It leads to a folder already walked: a loop, or a second way in.
        case loop
    }

    let inputs: [String]
    let filter: BatchFilter
    /// The output folder: never walked, even when it lies inside an input.
    let outputFolder: BatchFileStatus.Identity?

    /// The inputs with links resolved: a link is followed only into these.
    private let realInputs: [String]
    /// The files named as inputs themselves: each is handed out once, also when its folder is an input.
    private let namedFiles: Set<BatchFileStatus.Identity>
    /// The folders named as inputs: met again inside another input, they are no loop, only walked already.
    private let namedFolders: Set<BatchFileStatus.Identity>

    init(inputs: [String], filter: BatchFilter, outputFolder: BatchFileStatus.Identity?) {
        self.inputs = inputs
        self.filter = filter
        self.outputFolder = outputFolder
        realInputs = inputs.compactMap(BatchFileStatus.realPath)
        let statuses = inputs.compactMap { BatchFileStatus(path: $0) }
        namedFiles = Set(statuses.filter { $0.kind == .regular }.map(\.identity))
        namedFolders = Set(statuses.filter { $0.kind == .directory }.map(\.identity))
    }

    private struct Folder {
        let path: String
        let relative: String
        let names: [String]
        var next = 0
    }

    /// Calls `visit` with each event in walk order, until it returns false; true when every input was walked.
    @discardableResult
    func walk(_ visit: (Event) -> Bool) -> Bool {
        var walked: Set<BatchFileStatus.Identity> = []
        var handedOut: Set<BatchFileStatus.Identity> = []
        /// False for a named file already handed out (as itself, or from its folder).
        func firstTime(_ status: BatchFileStatus) -> Bool {
            !namedFiles.contains(status.identity) || handedOut.insert(status.identity).inserted
        }
        for input in inputs {
            guard let status = BatchFileStatus(path: input) else {
                if !visit(.failure(path: input, reason: "no such file")) { return false }
                continue
            }
            switch status.kind {
            case .regular:
                guard firstTime(status) else { continue }
                if !visit(.file(path: input, relative: (input as NSString).lastPathComponent)) { return false }
            case .directory:
                // The same folder named twice (or through a link) is walked once.
                guard walked.insert(status.identity).inserted else { continue }
                if !walkFolder(input, walked: &walked, firstTime: firstTime, visit) { return false }
            case .symbolicLink, .other:
                if !visit(.failure(path: input, reason: "is not a file or a folder")) { return false }
            }
        }
        return true
    }

    private func walkFolder(
        _ root: String, walked: inout Set<BatchFileStatus.Identity>, firstTime: (BatchFileStatus) -> Bool,
        _ visit: (Event) -> Bool
    ) -> Bool {
        guard let names = Self.list(root) else {
            return visit(.failure(path: root, reason: "the folder cannot be read: \(InputFile.reason(errno))"))
        }
        var stack = [Folder(path: root, relative: "", names: names)]
        while let top = stack.last {
            guard top.next < top.names.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            let name = top.names[top.next]
            let path = Self.join(top.path, name)
            let relative = top.relative.isEmpty ? name : top.relative + "/" + name
            guard let entry = BatchFileStatus(linkAt: path) else { continue }
            var status = entry
            if entry.kind == .symbolicLink {
                // A dangling link is no article: nothing to say about it.
                guard let target = BatchFileStatus(path: path) else { continue }
                status = target
            }
            switch status.kind {
            case .regular:
                guard filter.takesFile(name: name, relative: relative) else {
                    if filter.skipsForExtension(name: name, relative: relative),
                        !visit(.skippedForExtension(path: path))
                    {
                        return false
                    }
                    continue
                }
                if entry.kind == .symbolicLink && !leadsInside(path) {
                    if !visit(.notFollowed(path: path, reason: .outside)) { return false }
                    continue
                }
                guard firstTime(status) else { continue }
                if !visit(.file(path: path, relative: relative)) { return false }
            case .directory:
                guard filter.entersFolder(name: name, relative: relative), status.identity != outputFolder,
                    !BatchFilter.isSavedPageFolder(name, besides: top.names)
                else {
                    continue
                }
                if entry.kind == .symbolicLink && !leadsInside(path) {
                    if !visit(.notFollowed(path: path, reason: .outside)) { return false }
                    continue
                }
                guard walked.insert(status.identity).inserted else {
                    if namedFolders.contains(status.identity) { continue }
                    if !visit(.notFollowed(path: path, reason: .loop)) { return false }
                    continue
                }
                guard let names = Self.list(path) else {
                    if !visit(.failure(path: path, reason: "the folder cannot be read: \(InputFile.reason(errno))")) {
                        return false
                    }
                    continue
                }
                stack.append(Folder(path: path, relative: relative, names: names))
            case .symbolicLink, .other:
                continue
            }
        }
        return true
    }

    private func leadsInside(_ link: String) -> Bool {
        guard let real = BatchFileStatus.realPath(link) else { return false }
        return realInputs.contains { BatchFileStatus.isInside(real, $0) }
    }

    /// The names in a folder in byte order, so runs and reports come out the same each time.
    /// `nil` with `errno` set when the folder cannot be listed.
    private static func list(_ folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
