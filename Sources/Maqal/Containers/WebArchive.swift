import Foundation

/// A Safari web archive (`.webarchive`): a property list, usually binary, whose `WebMainResource`
/// holds the page's bytes, its text encoding and its URL. Read through Foundation's
/// `PropertyListDecoder`, which reads binary property lists on Linux too.
enum WebArchive {
    /// Whether `bytes` are a property list: binary (`bplist`), or XML naming the main resource.
    static func looksLike(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: binaryMagic) { return true }
        guard bytes.starts(with: Array("<?xml".utf8)) else { return false }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        return head.includes("<!DOCTYPE plist") && head.includes("WebMainResource")
    }

    private static let binaryMagic = Array("bplist".utf8)

    private struct Archive: Decodable {
        let main: Resource

        enum CodingKeys: String, CodingKey {
            case main = "WebMainResource"
        }
    }

    private struct Resource: Decodable {
        let data: Data?
        let encoding: String?
        let url: String?
        let mimeType: String?

        enum CodingKeys: String, CodingKey {
            case data = "WebResourceData"
            case encoding = "WebResourceTextEncodingName"
            case url = "WebResourceURL"
            case mimeType = "WebResourceMIMEType"
        }
    }

    /// The main resource as the page, its encoding name as the declared charset and its URL as
    /// the page's address. A property list that cannot be read, or holds no main resource, has
    /// nothing to give: that is an error naming what is wrong.
    static func read(_ bytes: [UInt8], hints: InputHints) throws(ParseError) -> SavedPage {
        let archive: Archive
        do {
            archive = try PropertyListDecoder().decode(Archive.self, from: Data(bytes))
        } catch DecodingError.keyNotFound {
            throw .brokenContainer("this property list is not a Safari webarchive: it has no WebMainResource")
        } catch DecodingError.typeMismatch, DecodingError.valueNotFound {
            throw .brokenContainer("this webarchive's WebMainResource is not a resource (no page data in it)")
        } catch {
            throw .brokenContainer("this webarchive is corrupt: its property list cannot be read")
        }
        guard let data = archive.main.data, !data.isEmpty else {
            throw .brokenContainer("this webarchive's main resource holds no data (WebResourceData is missing)")
        }
        var page = SavedPage(bytes: [UInt8](data), hints: hints, container: .webarchive)
        if let encoding = archive.main.encoding, !encoding.isEmpty {
            page.hints.charset = encoding
            page.hints.charsetFrom = .declared
        }
        if page.hints.url == nil, let url = archive.main.url, url.lowercased().hasPrefix("http") {
            page.hints.url = url
        }
        if let type = archive.main.mimeType?.lowercased() {
            page.pageFormat = type == "text/plain" ? .text : type.includes("html") ? .html : nil
        }
        return page
    }
}
