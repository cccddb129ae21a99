/// The reform matrix that working tables fill in: its columns, their labels, help and limits.
public struct MatrixDefinition: Sendable, Equatable, Codable {
    public struct Column: Sendable, Equatable, Codable {
        public var id: String
        public var label: LocalizedText
        public var help: LocalizedText
        public var required: Bool
        /// Maximum length in characters (Unicode scalars as a participant counts them).
        public var maxLength: Int?
        public init(id: String, label: LocalizedText, help: LocalizedText = .init(), required: Bool = false, maxLength: Int? = nil) {
            self.id = id
            self.label = label
            self.help = help
            self.required = required
            self.maxLength = maxLength
        }
    }

    public var id: String
    /// The preset this matrix was declared from, if any.
    public var preset: String?
    public var title: LocalizedText
    public var columns: [Column]

    public init(id: String, preset: String? = nil, title: LocalizedText, columns: [Column]) {
        self.id = id
        self.preset = preset
        self.title = title
        self.columns = columns
    }

    public func column(_ id: String) -> Column? { columns.first { $0.id == id } }
}

extension MatrixDefinition {
    /// Names of the presets a module can ask for with `<matrix preset="…"/>`.
    public static let presetNames = ["action-learning"]

    /// The preset named `name` with the given matrix id, or nil when no such preset exists.
    public static func preset(_ name: String, id: String) -> MatrixDefinition? {
        guard name == "action-learning" else { return nil }
        return MatrixDefinition(id: id, preset: name, title: actionLearningTitle, columns: actionLearningColumns)
    }

    static let actionLearningTitle = LocalizedText(["es": "Matriz de reforma", "en": "Reform matrix"])

    /// The six columns of the matrix used in the Action Learning program in Oaxaca (2011).
    static let actionLearningColumns: [Column] = [
        Column(
            id: "problem",
            label: ["es": "Problemas y prioridades de reforma", "en": "Problems and reform priorities"],
            help: [
                "es": "Describa un problema concreto de transparencia o rendición de cuentas que la mesa considere prioritario, y por qué.",
                "en": "Describe one concrete transparency or accountability problem your table considers a priority, and why.",
            ], required: true, maxLength: 1500),
        Column(
            id: "beneficiaries",
            label: ["es": "¿Quién se beneficia del problema?", "en": "Who benefits from the problem?"],
            help: [
                "es": "Personas, grupos o instituciones que ganan algo con que el problema siga: ayudan a entender las resistencias a la reforma.",
                "en": "People, groups or institutions who gain from the problem persisting: they explain the resistance to reform.",
            ], maxLength: 1000),
        Column(
            id: "affected",
            label: ["es": "¿Quién resulta afectado?", "en": "Who is affected?"],
            help: [
                "es": "Quiénes pierden con el problema: usuarios, comunidades, organismos operadores, el propio gobierno.",
                "en": "Who loses because of the problem: users, communities, water utilities, the government itself.",
            ], maxLength: 1000),
        Column(
            id: "government-actions",
            label: ["es": "Acciones que debe realizar el gobierno", "en": "Actions the government must take"],
            help: [
                "es": "Una acción por línea: concreta, con responsable y plazo cuando sea posible.",
                "en": "One action per line: concrete, with who is responsible and a deadline where possible.",
            ], required: true, maxLength: 2000),
        Column(
            id: "civil-society-actions",
            label: ["es": "Acciones que debe realizar la sociedad civil", "en": "Actions civil society must take"],
            help: [
                "es": "Una acción por línea: qué harán las organizaciones, los comités de agua o la ciudadanía.",
                "en": "One action per line: what organisations, water committees or citizens will do.",
            ], required: true, maxLength: 2000),
        Column(
            id: "expected-results",
            label: ["es": "Resultados esperados", "en": "Expected results"],
            help: [
                "es": "Cambios observables y, si es posible, medibles, que mostrarán que la reforma funciona.",
                "en": "Observable and, where possible, measurable changes that will show the reform works.",
            ], required: true, maxLength: 1500),
    ]
}

extension Localized: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(uniqueKeysWithValues: elements))
    }
}
