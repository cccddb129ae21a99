import TequioModel

/// Lengths for ODF attributes.
enum ODFLength {
    /// Twentieths of a point → centimetres, three decimals (`1.27cm`).
    static func cm(twips: Int) -> String {
        let value = (Double(twips) / 1440 * 2.54 * 1000).rounded() / 1000
        return "\(value)cm"
    }

    static func pt(_ value: Double) -> String { "\(value.compact)pt" }
}
