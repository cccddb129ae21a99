/// A cell position, 0-based inside, shown in A1 notation (`C5`) in messages.
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column index.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `C5`.
    public var description: String { "\(CellAddress.columnName(column))\(row + 1)" }

    /// Parses `C5` (or `$C$5`); nil for anything else.
    public init?(a1 text: some StringProtocol) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 65...90, 97...122:
                guard !sawDigit else { return nil }
                column = column * 26 + Int((scalar.value & ~0x20) - 64)
                sawLetter = true
                guard column <= 16_384 else { return nil }
            case 48...57:
                row = row * 10 + Int(scalar.value - 48)
                sawDigit = true
                guard row <= 10_000_000 else { return nil }
            default:
                return nil
            }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }
}

/// A rectangle of cells such as a merge (`B5:C6`), bounds inclusive.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(_ first: CellAddress, _ last: CellAddress) {
        self.first = first
        self.last = last
    }

    public init?(a1 text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard let a = parts.first.flatMap({ CellAddress(a1: $0) }) else { return nil }
        let b = parts.count == 2 ? CellAddress(a1: parts[1]) : a
        guard let b, parts.count <= 2 else { return nil }
        self.init(
            CellAddress(row: min(a.row, b.row), column: min(a.column, b.column)),
            CellAddress(row: max(a.row, b.row), column: max(a.column, b.column)))
    }

    public func contains(_ cell: CellAddress) -> Bool {
        (first.row...last.row).contains(cell.row) && (first.column...last.column).contains(cell.column)
    }

    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
