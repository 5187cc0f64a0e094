import CLibXML2

/// libxml2, loaded the first time a page needs its parser (`Sources/CLibXML2/LibXML2.h` says why).
///
/// maqal's own reader (``NativeHTMLReader``) reads the common pages without libxml2; a page it hands
/// on, and the benchmarks' floors, load the library here, once for the process.
enum LibXML2 {
    /// The library's functions, loaded on first use; `nil` when it cannot be loaded.
    static var functions: UnsafePointer<MaqalLibXML2>? { maqal_libxml2() }

    /// Why the library could not be loaded (empty when it was).
    static var failure: String { String(cString: maqal_libxml2_failure()) }

    /// The version of the headers maqal was built with (`2.9.14`).
    static let headerVersion = LIBXML_DOTTED_VERSION
}
