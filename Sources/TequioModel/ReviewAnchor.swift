/// The names that find a plan's matrix cells again in a reviewed DOCX or ODT: a bookmark at the start
/// of each cell (`tqc-3-2`: row 3, column 2, both 1-based; Word sees `_tqc_3_2`, a hidden bookmark).
public enum ReviewAnchor {
    public static let prefix = "tqc-"

    public static func cell(row: Int, column: Int) -> String { "\(prefix)\(row)-\(column)" }

    /// Row and column of an anchor, in either spelling (`tqc-3-2`, `_tqc_3_2`).
    public static func parse(_ name: String) -> (row: Int, column: Int)? {
        let plain = name.hasPrefix("_") ? String(name.dropFirst()).replacingOccurrences(of: "_", with: "-") : name
        guard plain.hasPrefix(prefix) else { return nil }
        let parts = plain.dropFirst(prefix.count).split(separator: "-")
        guard parts.count == 2, let row = Int(parts[0]), let column = Int(parts[1]), row > 0, column > 0 else { return nil }
        return (row, column)
    }
}
