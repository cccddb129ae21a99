/// Numbers as drawing formats and PDF syntax write them: at most two decimals, no trailing zeros, a dot
/// whatever the locale (`612`, `-3.5`, `0.05`; `-0.001` is `0`).
public enum DecimalText {
    public static func upToTwoPlaces(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let (whole, fraction) = (abs(hundredths) / 100, abs(hundredths) % 100)
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0 ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
