import Foundation
import FuzzDriver
@_spi(Benchmark) import Maqal

/// One input parsed twice: with maqal's own HTML reader (the default) and with libxml2 alone.
///
/// The native reader promises libxml2's tree or none (it hands the page to libxml2 where it
/// cannot read it exactly), so the two documents must render the same bytes. A difference, as
/// well as a trap or a sanitizer report, is a finding: the input is a page on which the two
/// readers disagree, to be kept as a test of `NativeReaderTests`.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzReaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    func rendered() -> String? {
        guard let document = try? Maqal.parse(bytes) else { return nil }
        return JSONRenderer.render(document) + "\n" + MarkdownRenderer.render(document)
    }
    Maqal.readWithLibXML2Only(false)
    let native = rendered()
    Maqal.readWithLibXML2Only(true)
    let libxml2 = rendered()
    Maqal.readWithLibXML2Only(false)
    if native != libxml2 {
        fatalError("the readers disagree\n--- native:\n\(native ?? "(no document)")\n--- libxml2:\n\(libxml2 ?? "(no document)")")
    }
    return 0
}

exit(maqal_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv, fuzzReaders))
