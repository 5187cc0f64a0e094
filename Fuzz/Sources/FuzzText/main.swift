import Foundation
import FuzzDriver
import Maqal

/// The plain-text path alone: every input is read as text (lines, list markers, headings,
/// wrapped lines, metadata lines), never sniffed as HTML.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let document: Document
    do {
        document = try Maqal.parse(bytes, options: ParseOptions(inputFormat: .text))
    } catch {
        return 0
    }
    precondition(document.source.format == .text, "text was asked for, the document says \(document.source.format)")
    let json = JSONRenderer.render(document, compact: true)
    guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
        fatalError("JSONRenderer wrote something that is not JSON:\n\(json)")
    }
    _ = MarkdownRenderer.render(document)
    return 0
}

exit(maqal_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzText))
