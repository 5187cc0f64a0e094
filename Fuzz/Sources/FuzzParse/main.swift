import Foundation
import FuzzDriver
import Maqal

/// One input through the whole `parse` entry, then every renderer.
///
/// A `ParseError` is a correct answer (empty, binary, too large); anything else that goes wrong
/// — a trap, a sanitizer report, a hang, JSON that does not parse back — is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let document: Document
    do {
        document = try Maqal.parse(bytes)
    } catch {
        return 0
    }
    let json = JSONRenderer.render(document)
    guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
        fatalError("JSONRenderer wrote something that is not JSON:\n\(json)")
    }
    let compact = JSONRenderer.render(document, compact: true)
    guard !compact.contains("\n"), (try? JSONDecoder().decode(Document.self, from: Data(compact.utf8))) != nil else {
        fatalError("compact JSON is not one line holding a document:\n\(compact)")
    }
    _ = MarkdownRenderer.render(document, options: .init(frontMatter: true, rtlMarks: true))
    _ = TextRenderer.render(document)
    return 0
}

exit(maqal_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzParse))
