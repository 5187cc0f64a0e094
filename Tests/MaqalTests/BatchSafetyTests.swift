import Foundation
import Testing

@testable import Maqal

/// `maqal convert` on a full or read-only disk, and against links that point out of the input:
/// one clear error, a non-zero exit, no partial file, nothing written outside `--output-dir`.
///
/// The disks are small tmpfs mounts, which needs root (as CI runs). Where this process may not
/// mount, the two disk tests are skipped, and the test report says why.
@Suite("Batch safety", .serialized)
struct BatchSafetyTests {
    let binary = ConvertSupport.binary

    /// Whether this process may mount a tmpfs (root, with `mount` and the right to use it): tried once.
    static let canMount: Bool = {
        guard let disk = try? mountSmallDisk(kilobytes: 16) else { return false }
        unmount(disk)
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` at a new folder; `nil` when this process may not mount.
    static func mountSmallDisk(kilobytes: Int, readOnly: Bool = false) throws -> URL? {
        guard getuid() == 0, let mount = TestSupport.which("mount") else { return nil }
        let folder = try ConvertSupport.temporaryFolder("disk")
        let options = "size=\(kilobytes)k" + (readOnly ? ",ro" : "")
        let result = try TestSupport.run(mount, ["-t", "tmpfs", "-o", options, "tmpfs", folder.path])
        return result.status == 0 ? folder : nil
    }

    static func unmount(_ folder: URL) {
        if let umount = TestSupport.which("umount") { _ = try? TestSupport.run(umount, [folder.path]) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Thirty pages of about 6 KB: more than a 64 KB disk holds once converted to JSON.
    static func inputs() throws -> URL {
        let folder = try ConvertSupport.temporaryFolder("in")
        for number in 1...30 {
            let title = ArticleTree.title(number)
            let body = String(repeating: "<p>" + ArticleTree.paragraph(title) + "</p>", count: 12)
            let html = "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>\(body)</article></body></html>"
            try ArticleTree.write(html, to: folder.appendingPathComponent("page-\(number).html"))
        }
        return folder
    }

    @Test("a full disk: failures named, exit 1, every file written is whole, no temporary file left",
          .enabled(if: BatchSafetyTests.canMount, "mounting a small tmpfs needs root and the mount tool"))
    func fullDisk() throws {
        let disk = try #require(try Self.mountSmallDisk(kilobytes: 64), "the tmpfs could not be mounted")
        defer { Self.unmount(disk) }
        let input = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: input) }
        let before = try ConvertSupport.files(in: input)
        let result = try TestSupport.run(binary, ["convert", input.path, "-o", disk.path, "--format", "json", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left") || result.stderr.contains("space"), "\(result.stderr)")
        #expect(result.stderr.contains("maqal: stopped: the output disk is full"), "\(result.stderr)")
        let written = try ConvertSupport.files(in: disk)
        #expect(written.count < 30)
        for name in written {
            #expect(name.hasSuffix(".json"), "a temporary or partial file was left: \(name)")
            let data = try Data(contentsOf: disk.appendingPathComponent(name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is not whole")
        }
        #expect(try ConvertSupport.files(in: input) == before)
    }

    @Test("a read-only output disk: a clear error for each file, exit 1, nothing written",
          .enabled(if: BatchSafetyTests.canMount, "mounting a small tmpfs needs root and the mount tool"))
    func readOnlyDisk() throws {
        let disk = try #require(try Self.mountSmallDisk(kilobytes: 64, readOnly: true), "the tmpfs could not be mounted")
        defer { Self.unmount(disk) }
        let input = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: input) }
        let result = try TestSupport.run(binary, ["convert", input.path, "-o", disk.path, "--quiet"])
        #expect(result.status != 0)
        let stderr = result.stderr.lowercased()
        #expect(stderr.contains("read-only") || stderr.contains("read only"), "\(result.stderr)")
        #expect(result.stderr.contains("maqal: stopped: the output disk is read-only"), "\(result.stderr)")
        // One clear error: the run stops at the first refusal instead of failing all thirty files.
        #expect(result.stderr.components(separatedBy: "cannot write").count - 1 <= 2, "\(result.stderr)")
        #expect(try ConvertSupport.files(in: disk).isEmpty)
    }

    @Test("a read-only or full disk under a nested tree: one message, whatever the depth, and the run stops",
          .enabled(if: BatchSafetyTests.canMount, "mounting a small tmpfs needs root and the mount tool"),
          arguments: [true, false])
    func unwritableNested(readOnly: Bool) throws {
        let disk = try #require(try Self.mountSmallDisk(kilobytes: 64), "the tmpfs could not be mounted")
        defer { Self.unmount(disk) }
        // The output folder exists; the folders below it must be made, on a disk that is now
        // read-only, or that a filler file has left without room.
        try FileManager.default.createDirectory(at: disk.appendingPathComponent("out"), withIntermediateDirectories: true)
        if readOnly {
            let remount = try TestSupport.run(try #require(TestSupport.which("mount")), ["-o", "remount,ro", disk.path])
            #expect(remount.status == 0)
        } else {
            let filler = disk.appendingPathComponent("filler").path
            #expect(FileManager.default.createFile(atPath: filler, contents: nil))
            let handle = try #require(FileHandle(forWritingAtPath: filler))
            while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
            try? handle.close()
        }
        let input = try ConvertSupport.temporaryFolder("nested")
        defer { try? FileManager.default.removeItem(at: input) }
        for number in 1...12 {
            let title = ArticleTree.title(number)
            try ArticleTree.write(ArticleTree.html(title), to: input.appendingPathComponent("a/b/c/d\(number)/page.html"))
        }
        let result = try TestSupport.run(binary, [
            "convert", input.path, "-o", disk.appendingPathComponent("out").path, "--jobs", "2",
        ])
        #expect(result.status == 1)
        let reason = readOnly ? "Read-only file system" : "No space left on device"
        #expect(result.stderr.components(separatedBy: reason).count - 1 == 1, "\(result.stderr)")
        let stop = readOnly ? "read-only" : "full"
        #expect(result.stderr.contains("maqal: stopped: the output disk is \(stop)"), "\(result.stderr)")
        #expect(!result.stderr.contains("more failure"), "\(result.stderr)")
    }

    @Test("links and names that point out of the input are not followed, and nothing lands outside the output")
    func escapes() throws {
        let base = try ConvertSupport.temporaryFolder("escape")
        defer { try? FileManager.default.removeItem(at: base) }
        let input = base.appendingPathComponent("in")
        let output = base.appendingPathComponent("out")
        let secret = base.appendingPathComponent("secret.html")
        try ArticleTree.write(ArticleTree.html(ArticleTree.title(1)), to: input.appendingPathComponent("a.html"))
        try ArticleTree.write(ArticleTree.html(ArticleTree.title(2)), to: secret)
        try FileManager.default.createSymbolicLink(
            atPath: input.appendingPathComponent("evil.html").path, withDestinationPath: "../secret.html")
        try FileManager.default.createSymbolicLink(
            atPath: input.appendingPathComponent("up").path, withDestinationPath: "..")
        let before = try ConvertSupport.files(in: base)
        let result = try TestSupport.run(binary, ["convert", input.path, "-o", output.path, "--quiet"])
        #expect(result.status == 0)
        #expect(try ConvertSupport.files(in: output) == ["a.md"])
        // Nothing new anywhere but under the output folder; the inputs are as they were.
        let after = try ConvertSupport.files(in: base).filter { !$0.hasPrefix("out/") }
        #expect(after == before)
    }
}
