import TequioDocuments
import TequioModel

/// A finding's chart as the layout draws it: the categories and series from the module's CSV data,
/// labelled in one language only.
enum PrintChart {
    /// Nil when the chart names a column the dataset does not have, or there is nothing to draw.
    static func chart(_ chart: Chart, dataset: Dataset, context: PrintContext) -> DocumentLayout.Chart? {
        guard let categoryIndex = dataset.columnIndex(chart.category) else { return nil }
        let series = chart.values.compactMap { id -> (label: String, index: Int)? in
            guard let i = dataset.columnIndex(id) else { return nil }
            let label = context.text(dataset.columns[i].label)
            return (label.isEmpty ? id : label, i)
        }
        guard !series.isEmpty, !dataset.rows.isEmpty else { return nil }
        let categories = dataset.rows(in: context.language, fallbacks: context.fallbacks).map { $0.indices.contains(categoryIndex) ? $0[categoryIndex] : "" }
        let values = dataset.rows.map { row in
            series.map { s in row.indices.contains(s.index) ? Double(row[s.index].trimmingCharacters(in: .whitespaces)) ?? 0 : 0 }
        }
        let kind: DocumentLayout.Chart.Kind =
            switch chart.type {
            case .bar: .bars
            case .stackedBar: .stackedBars
            case .line: .line
            case .pie: .pie
            }
        return DocumentLayout.Chart(kind: kind, categories: categories, series: series.map(\.label), values: values)
    }
}
