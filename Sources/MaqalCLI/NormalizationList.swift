import ArgumentParser
import Foundation
import Maqal

/// The `--normalize` values: each a comma-separated list, repeatable, merged into one set of steps.
enum NormalizationList {
    /// Every name `--normalize` takes, for help and shell completion.
    static let names = ["none"] + Normalization.allCases.map(\.rawValue)

    /// Pairs that cannot both hold: two digit targets, two ways with diacritics, and what `search`
    /// already decides the other way.
    private static let contradictions: [(Normalization, Normalization)] = [
        (.digitsASCII, .digitsArabic), (.diacritics, .diacriticsKeepShadda), (.search, .digitsArabic),
        (.search, .diacriticsKeepShadda),
    ]

    /// The merged steps of every list given, or a usage error naming an unknown name or both
    /// names of a contradiction. `none` asks for no step, so it stands alone.
    static func parse(_ lists: [String]) throws -> [Normalization] {
        var steps: [Normalization] = []
        var sawNone = false
        for list in lists {
            for part in list.split(separator: ",", omittingEmptySubsequences: false) {
                let name = part.trimmingCharacters(in: .whitespaces)
                if name == "none" {
                    sawNone = true
                    continue
                }
                guard let step = Normalization(rawValue: name) else {
                    throw ValidationError(
                        "unknown --normalize name '\(name)'; use none or: \(Normalization.helpText)")
                }
                if !steps.contains(step) { steps.append(step) }
            }
        }
        if sawNone, let other = steps.first {
            throw ValidationError("--normalize none and \(other.rawValue) contradict each other; choose one")
        }
        for (one, other) in contradictions where steps.contains(one) && steps.contains(other) {
            throw ValidationError(
                "--normalize \(one.rawValue) and \(other.rawValue) contradict each other; choose one")
        }
        return steps
    }
}
