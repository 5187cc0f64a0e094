import Foundation
import Testing

@testable import Maqal

/// One contract, not two: `Codable` encoding of a ``Document`` gives what ``JSONRenderer`` writes
/// (every field, `null` where the renderer writes `null`, `"type"` on headings and items).
@Suite("Codable contract")
struct CodableContractTests {
    /// Every input in `Fixtures/` that parses to a document.
    static let inputs: [String] = ["html", "text", "robustness"].flatMap { folder in
        TestSupport.files(in: folder, extensions: ["html", "htm", "txt"]).map { "\(folder)/\($0)" }
    }

    @Test("there are fixtures of every kind to compare")
    func inputCount() {
        #expect(Self.inputs.count >= 30)
    }

    @Test("JSONEncoder gives the same JSON value as JSONRenderer", arguments: inputs)
    func encoderMatchesRenderer(_ path: String) throws {
        let url = TestSupport.fixtures.appendingPathComponent(path)
        let document: Document
        do {
            document = try Maqal.parse(TestSupport.bytes(url), name: url.lastPathComponent)
        } catch {
            // Inputs maqal refuses (a binary file under an article's name) have no document to
            // encode; the robustness tests check the refusal itself.
            #expect(path.hasPrefix("robustness/"), "\(path) was refused: \(error)")
            return
        }
        let rendered = try JSONSerialization.jsonObject(with: Data(JSONRenderer.render(document).utf8))
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document))
        let renderedObject = try #require(rendered as? NSDictionary)
        let encodedObject = try #require(encoded as? NSDictionary)
        #expect(encodedObject == renderedObject, "\(path): \(Self.firstDifference(renderedObject, encodedObject) ?? "")")
    }

    /// Where two JSON values first differ, as a path, for the failure message.
    static func firstDifference(_ a: Any, _ b: Any, at path: String = "$") -> String? {
        switch (a, b) {
        case (let a as NSDictionary, let b as NSDictionary):
            let keys = Set(a.allKeys.compactMap { $0 as? String }).union(b.allKeys.compactMap { $0 as? String })
            for key in keys.sorted() {
                guard let left = a[key], let right = b[key] else { return "\(path).\(key) is missing on one side" }
                if let found = firstDifference(left, right, at: "\(path).\(key)") { return found }
            }
            return nil
        case (let a as NSArray, let b as NSArray):
            guard a.count == b.count else { return "\(path) has \(a.count) items against \(b.count)" }
            for index in 0..<a.count {
                if let found = firstDifference(a[index], b[index], at: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return (a as? NSObject)?.isEqual(b) == true ? nil : "\(path): \(a) against \(b)"
        }
    }
}
