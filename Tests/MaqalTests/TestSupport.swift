import Foundation
import Testing

@testable import Maqal

/// Paths and helpers shared by the suites.
enum TestSupport {
    /// The repository root, found from this file's place in `Tests/MaqalTests/`.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Fixtures")

    /// `../shared/corpus` beside the repository: real pages from the web.
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("SOURCES.md").path)
    }

    /// Says clearly why a corpus test cannot run, instead of passing silently.
    static let corpusMissing = "../shared/corpus is missing: the real-page tests need it beside the repository"

    /// Whether golden files are being re-recorded (`RECORD=1 swift test --filter Golden`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD"] == "1" }

    /// The floors `make eval` holds the real pages to (`Benchmarks/eval-floors.json`): one number per
    /// metric, read by the corpus tests too.
    static func evalFloor(_ name: String) throws -> Double {
        let url = root.appendingPathComponent("Benchmarks/eval-floors.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        guard let value = object?[name] as? Double else {
            throw FloorMissing(name: name)
        }
        return value
    }

    struct FloorMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "Benchmarks/eval-floors.json has no number \"\(name)\"" }
    }

    static func files(in folder: String, extensions: Set<String>) -> [String] {
        let url = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            extensions.contains((name as NSString).pathExtension) && !name.contains(".expected.")
        }.sorted()
    }

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    static func parse(_ text: String, format: ParseOptions.InputFormat = .text, name: String? = nil) throws -> Document {
        try Maqal.parse(Array(text.utf8), name: name, options: ParseOptions(inputFormat: format))
    }

    /// The flat outline of a body: one line per block, headings with their level.
    static func outline(_ blocks: [Block], depth: Int = 0) -> [String] {
        var lines: [String] = []
        let pad = String(repeating: "  ", count: depth)
        for block in blocks {
            switch block {
            case .section(let section):
                lines.append(pad + "h\(section.level) " + section.heading.text)
                lines += outline(section.children, depth: depth + 1)
            case .paragraph(let paragraph):
                lines.append(pad + "p " + paragraph.text)
            case .list(let list):
                lines.append(pad + (list.ordered ? "ol \(list.start ?? 1)" : "ul"))
                for item in list.items {
                    lines.append(pad + "  - " + (item.term.map { "[\($0)] " } ?? "") + item.text)
                    lines += outline(item.children, depth: depth + 2)
                }
            case .figure(let figure):
                lines.append(pad + "figure " + (figure.src ?? "-") + " | " + (figure.caption ?? "-"))
            case .table(let table):
                lines.append(pad + "table \(table.header.count)+\(table.rows.count)")
            case .quote(let quote):
                lines.append(pad + "quote")
                lines += outline(quote.children, depth: depth + 1)
            case .code(let code):
                lines.append(pad + "code " + code.text)
            }
        }
        return lines
    }

    /// Every section heading, depth first.
    static func headings(_ blocks: [Block]) -> [String] {
        all(blocks) { if case .section = $0 { true } else { false } }.compactMap {
            if case .section(let section) = $0 { section.heading.text } else { nil }
        }
    }

    /// Every block of one kind, anywhere in the tree, in reading order (the model's walker).
    static func all(_ blocks: [Block], where match: (Block) -> Bool) -> [Block] {
        struct Collector: BlockVisitor {
            let match: (Block) -> Bool
            var found: [Block] = []
            mutating func enter(_ block: Block) { if match(block) { found.append(block) } }
        }
        return withoutActuallyEscaping(match) { match in
            var collector = Collector(match: match)
            collector.walk(blocks)
            return collector.found
        }
    }

    static func paragraphs(_ blocks: [Block]) -> [Paragraph] {
        all(blocks) { if case .paragraph = $0 { true } else { false } }.compactMap {
            if case .paragraph(let paragraph) = $0 { paragraph } else { nil }
        }
    }

    static func lists(_ blocks: [Block]) -> [ListBlock] {
        all(blocks) { if case .list = $0 { true } else { false } }.compactMap {
            if case .list(let list) = $0 { list } else { nil }
        }
    }

    static func figures(_ blocks: [Block]) -> [Figure] {
        all(blocks) { if case .figure = $0 { true } else { false } }.compactMap {
            if case .figure(let figure) = $0 { figure } else { nil }
        }
    }

    static func bodyText(_ document: Document) -> String {
        var texts: [String] = []
        BlockTexts.forEach(in: document.body) { texts.append($0) }
        return texts.joined(separator: "\n")
    }

    /// Runs a program and returns its exit status, stdout and stderr; `environment` is added to this
    /// process's own.
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        // Output goes to files, so a large output can never block the child on a full pipe.
        let scratch = FileManager.default.temporaryDirectory
        let outURL = scratch.appendingPathComponent("maqal-test-out-\(UUID().uuidString)")
        let errURL = scratch.appendingPathComponent("maqal-test-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = try Data(contentsOf: outURL)
        let err = try Data(contentsOf: errURL)
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// The `maqal` binary that `swift build` put next to the test bundle.
    static var binary: String {
        let candidates = ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/maqal").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func which(_ program: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// Compares `actual` with a golden file (`NAME.expected.EXT`).
///
/// A mismatch writes what came out beside it as `NAME.actual.EXT` (to diff, or to copy over once
/// reviewed) and fails. With `RECORD=1` a golden file whose content changes is rewritten, and the
/// test fails all the same, naming it: a recording run never passes as a checked one.
func expectGolden(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let actualURL = actualFile(for: url)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if TestSupport.recording {
        try? FileManager.default.removeItem(at: actualURL)
        guard expected != actual else { return }
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record(
            "recorded \(url.lastPathComponent): review the change (git diff), then run the tests again without RECORD",
            sourceLocation: sourceLocation)
        return
    }
    guard let expected else {
        try actual.write(to: actualURL, atomically: true, encoding: .utf8)
        Issue.record(
            "golden file \(url.lastPathComponent) is missing; the output is in \(actualURL.lastPathComponent): review it, then RECORD=1 swift test --filter Golden",
            sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else {
        try? FileManager.default.removeItem(at: actualURL)
        return
    }
    try actual.write(to: actualURL, atomically: true, encoding: .utf8)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
    let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
    let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
    Issue.record("""
        \(url.lastPathComponent) differs at line \(firstDifference + 1) (the whole output is in \(actualURL.lastPathComponent)):
          expected: \(want)
          actual:   \(got)
        """, sourceLocation: sourceLocation)
}

/// `NAME.expected.EXT` → `NAME.actual.EXT`, beside it.
private func actualFile(for golden: URL) -> URL {
    let name = golden.lastPathComponent
    let actualName = name.contains(".expected.")
        ? name.replacingOccurrences(of: ".expected.", with: ".actual.") : name + ".actual"
    return golden.deletingLastPathComponent().appendingPathComponent(actualName)
}

/// A random number generator whose run can be repeated: seeded from `MAQAL_TEST_SEED` when set,
/// else at random, and the seed is printed so a failing run can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for the test `name`, printing its seed.
    init(_ name: String) {
        let given = ProcessInfo.processInfo.environment["MAQAL_TEST_SEED"].flatMap { UInt64($0) }
        let seed = given ?? UInt64.random(in: 0...UInt64.max)
        print("\(name): random seed \(seed) (replay with MAQAL_TEST_SEED=\(seed))")
        state = seed
    }

    /// SplitMix64: small, fast, and good enough to spread test inputs.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension HTMLTree {
    /// Elements named `name` anywhere in the page.
    func elements(named name: String) -> [Int] {
        indices.filter { isElement($0) && elementName(at: $0) == name }
    }

    /// One node's fields gathered from the columns, for tests that compare whole nodes.
    struct NodeFields {
        var kind: Kind
        var tag: HTMLTag
        var name: String
        var text: String
        var attributes: [(name: String, value: String)]
        var names: [String]
        var nameFacts: NameFlags
        var parent: Int
        /// How many ancestors the node has.
        var depth: Int

        func attribute(_ name: String) -> String? { HTMLTree.attribute(name, in: attributes[...]) }
    }

    subscript(index: Int) -> NodeFields {
        var depth = 0
        var ancestor = parent(of: index)
        while ancestor >= 0 {
            depth += 1
            ancestor = parent(of: ancestor)
        }
        return NodeFields(kind: kind(at: index), tag: tag(at: index), name: elementName(at: index),
                          text: nodeText(at: index), attributes: Array(attributes(at: index)), names: names(at: index),
                          nameFacts: nameFacts(at: index), parent: parent(of: index), depth: depth)
    }

    /// Every node's fields, in document order.
    var nodes: [NodeFields] { indices.map { self[$0] } }

    /// Parses `html` as the pipeline does (Extract's class-name reader); `options` other than
    /// ``parseOptions`` only in tests that show what libxml2's own defaults would do.
    static func parse(_ html: String, options: Int32 = parseOptions) -> HTMLTree {
        parse(utf8: Array(html.utf8), classNames: MarkupClassNames(), options: options)
    }
}

extension WordBag {
    /// The harmonic mean of precision and recall of `other`'s words against these: how the corpus
    /// tests score extracted text against the truth.
    func f1(with other: WordBag) -> Double {
        let shared = Double(overlap(with: other))
        guard shared > 0 else { return 0 }
        let precision = shared / Double(other.total)
        let recall = shared / Double(total)
        return 2 * precision * recall / (precision + recall)
    }
}
