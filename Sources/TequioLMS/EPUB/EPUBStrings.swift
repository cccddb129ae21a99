/// The e-book's own words (headings, labels), in Spanish and English; other languages get English.
enum EPUBStrings {
    private static let table: [String: (es: String, en: String)] = [
        "contents": ("Índice", "Contents"),
        "titlePage": ("Portada", "Title page"),
        "about": ("Sobre este material", "About this material"),
        "authors": ("Autoría", "Authors"),
        "duration": ("Duración", "Duration"),
        "days": ("{0} días", "{0} days"),
        "hours": ("{0} horas", "{0} hours"),
        "delivery": ("Modalidad", "Delivery"),
        "face-to-face": ("presencial", "face-to-face"),
        "virtual": ("virtual", "virtual"),
        "blended": ("mixta", "blended"),
        "license": ("Licencia", "License"),
        "version": ("Versión", "Version"),
        "howToUse": ("Cómo usar este libro", "How to use this book"),
        "howToUseText": (
            "Este libro reúne las presentaciones, los casos de estudio, los hallazgos del diagnóstico y el glosario del módulo. La matriz de reforma está al final como una tabla en blanco para imprimir; para llenarla en línea y guardar su trabajo, use la versión web o la de su plataforma de aprendizaje.",
            "This book holds the module's presentations, case studies, diagnostic findings and glossary. The reform matrix is at the end as a blank table to print; to fill it in online and keep your work, use the web version or the one in your learning platform."
        ),
        "unitN": ("Unidad {0}", "Unit {0}"),
        "day": ("Día {0}", "Day {0}"),
        "minutes": ("{0} min", "{0} min"),
        "presentation": ("Presentación", "Presentation"),
        "caseStudy": ("Caso de estudio", "Case study"),
        "finding": ("Hallazgo del diagnóstico", "Diagnostic finding"),
        "activity": ("Actividad", "Activity"),
        "survey": ("Encuesta", "Survey"),
        "focus-group": ("Grupo focal", "Focus group"),
        "study": ("Estudio", "Study"),
        "working-table": ("Mesa de trabajo", "Working table"),
        "discussion": ("Discusión", "Discussion"),
        "plenary": ("Plenaria", "Plenary"),
        "individual": ("Individual", "Individual"),
        "speakers": ("Ponentes", "Speakers"),
        "slideN": ("Diapositiva {0}", "Slide {0}"),
        "notes": ("Notas para quien facilita", "Facilitator notes"),
        "video": ("Video", "Video"),
        "audio": ("Audio", "Audio"),
        "pdf": ("Documento PDF", "PDF document"),
        "mediaElsewhere": (
            "Este material está en la versión web del módulo.",
            "This material is in the web version of the module."
        ),
        "transcript": ("Transcripción", "Transcript"),
        "context": ("Contexto", "Context"),
        "narrative": ("El caso", "The case"),
        "keyFacts": ("Datos clave", "Key facts"),
        "questions": ("Preguntas para la discusión", "Discussion questions"),
        "sources": ("Fuentes", "Sources"),
        "source": ("Fuente", "Source"),
        "chartData": ("Datos del gráfico", "Chart data"),
        "glossary": ("Glosario", "Glossary"),
        "matrix": ("Matriz", "Matrix"),
        "seeMatrix": ("La matriz para esta actividad está en el capítulo «{0}».", "The matrix for this activity is in the chapter “{0}”."),
        "matrixIntro": (
            "Imprima esta tabla (o cópiela en una hoja grande) y llénela en su mesa de trabajo: una fila por cada problema o prioridad de reforma.",
            "Print this table (or copy it onto a large sheet) and fill it in at your working table: one row for each problem or reform priority."
        ),
        "instructions": ("Instrucciones", "Instructions"),
        "columns": ("Columnas", "Columns"),
        "required": ("obligatoria", "required"),
        "maxChars": ("máximo {0} caracteres", "maximum {0} characters"),
        "blankTable": ("Tabla para llenar", "Table to fill in"),
        "tableName": ("Nombre de la mesa", "Table name"),
        "municipality": ("Municipio", "Municipality"),
        "members": ("Integrantes (nombre y sector)", "Members (name and sector)"),
        "rowN": ("Fila {0}", "Row {0}"),
    ]

    /// The string `key` in `lang` (Spanish for `es…`, else English), `{0}`, `{1}` replaced by `args`.
    static func get(_ key: String, _ lang: String, _ args: String...) -> String {
        guard let pair = table[key] else { return key }
        var s = lang == "es" || lang.hasPrefix("es-") ? pair.es : pair.en
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
    }
}
