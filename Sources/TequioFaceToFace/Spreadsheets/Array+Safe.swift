/// `columns[safe: 3]`: nil past the end (a sheet may describe fewer columns than it fills).
extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
