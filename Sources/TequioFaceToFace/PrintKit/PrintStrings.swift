/// The fixed words of the printed kit, in Spanish and English (other languages use English).
struct PrintStrings: Sendable {
    let language: String
    let handbook: String
    let facilitatorGuide: String
    let blankMatrix: String
    let signUpSheet: String
    let kitTitle: String
    let kitIntro: String
    let kitPrinting: String
    let spreadsheets: String
    let spreadsheetsIntro: String
    let contents: String
    let unit: String
    let day: String
    let minutes: String
    let hours: String
    let days: String
    let glossary: String
    let myNotes: String
    let context: String
    let narrative: String
    let keyFacts: String
    let questions: String
    let sources: String
    let source: String
    let data: String
    let license: String
    let authors: String
    let agenda: String
    let agendaNote: String
    let time: String
    let content: String
    let speakerNotes: String
    let discussionPrompts: String
    let instructions: String
    let tableSetup: String
    let tableSetupIntro: [String]
    let materials: String
    let materialsList: [String]
    let afterWorkshop: String
    let afterWorkshopText: String
    let table: String
    let municipality: String
    let members: String
    let required: String
    let maxCharacters: String
    let signUpIntro: String
    let roles: [String]
    let name: String
    let sector: String
    let position: String
    let contact: String
    let signature: String
    let sectors: [String]
    let activityKinds: [String: String]
    let blockKinds: [String: String]
    let findingKinds: [String: String]
    let presentedBy: String
    let approximately: String
    let matrixFooter: String
    let noNotes: String

    static func `for`(_ language: String) -> PrintStrings {
        language.lowercased().hasPrefix("es") ? spanish : english
    }

    static let spanish = PrintStrings(
        language: "es", handbook: "Manual para participantes", facilitatorGuide: "Guía para facilitadores",
        blankMatrix: "Matriz en blanco", signUpSheet: "Registro de mesas de trabajo", kitTitle: "Material impreso del taller",
        kitIntro: "Cada documento es una página HTML lista para imprimir desde cualquier navegador (Archivo › Imprimir). El tamaño de papel ya está configurado; use márgenes «predeterminados» y escala 100 %.",
        kitPrinting: "Sugerencia: imprima la matriz en blanco en {large} horizontal, dos copias por mesa.",
        spreadsheets: "Hojas de cálculo de la matriz",
        spreadsheetsIntro: "Para las mesas que llenan la matriz en una computadora: una hoja por mesa. Después del taller, «tequio import» las convierte en matrices completadas.",
        contents: "Contenido", unit: "Unidad", day: "Día", minutes: "min", hours: "h", days: "días", glossary: "Glosario",
        myNotes: "Mis notas", context: "Contexto", narrative: "El caso", keyFacts: "Datos clave", questions: "Preguntas para la discusión",
        sources: "Fuentes", source: "Fuente", data: "Datos", license: "Licencia", authors: "Autoría", agenda: "Agenda",
        agendaNote: "Horarios calculados desde las 9:00 con el tiempo neto de cada unidad: agregue los recesos y la comida.",
        time: "Horario", content: "Contenido", speakerNotes: "Notas para quien presenta", discussionPrompts: "Para animar la discusión",
        instructions: "Instrucciones", tableSetup: "Cómo organizar las mesas de trabajo",
        tableSetupIntro: [
            "Forme mesas de seis a diez personas, de preferencia de un mismo municipio y con representantes del gobierno, la sociedad civil y el sector privado.",
            "Cada mesa nombra a tres personas: quien modera, quien hace la relatoría y quien cuida el tiempo. Procure que la relatoría no quede en manos de la autoridad municipal.",
            "Al empezar, cada mesa llena su hoja de registro. Los nombres y sectores pasan después a la matriz completada.",
            "Las mesas que trabajen en computadora usan la hoja de cálculo (una hoja por mesa); las demás, la matriz impresa en {large}.",
        ],
        materials: "Material por mesa",
        materialsList: [
            "Dos matrices en blanco impresas en {large} horizontal (una de borrador).", "Hoja de registro de la mesa.",
            "Un manual para cada participante.", "Tarjetas, plumones y cinta adhesiva.",
            "Opcional: una computadora con la hoja de cálculo de la matriz.",
        ],
        afterWorkshop: "Después del taller",
        afterWorkshopText: "Capture las matrices en papel en la hoja de cálculo (o recoja los archivos de las computadoras) y conviértalas en matrices completadas con:",
        table: "Mesa", municipality: "Municipio", members: "Integrantes", required: "obligatoria", maxCharacters: "máx. %d caracteres",
        signUpIntro: "Escriba con letra clara: estos datos pasan a la matriz de la mesa.",
        roles: ["Modera", "Relatoría", "Cuida el tiempo"], name: "Nombre", sector: "Sector", position: "Cargo o institución",
        contact: "Correo o teléfono", signature: "Firma", sectors: ["Gobierno", "Sociedad civil", "Sector privado", "Otro"],
        activityKinds: ["working-table": "Mesa de trabajo", "discussion": "Discusión", "plenary": "Plenaria", "individual": "Trabajo individual"],
        blockKinds: ["presentation": "Presentación", "caseStudy": "Caso de estudio", "finding": "Hallazgo del diagnóstico"],
        findingKinds: ["survey": "Encuesta", "focus-group": "Grupos focales", "study": "Estudio"], presentedBy: "Presenta",
        approximately: "≈", matrixFooter: "Una fila por problema. Escriba las acciones una por línea, con responsable y plazo.",
        noNotes: "Sin notas.")

    static let english = PrintStrings(
        language: "en", handbook: "Participant handbook", facilitatorGuide: "Facilitator guide", blankMatrix: "Blank matrix",
        signUpSheet: "Working-table sign-up sheet", kitTitle: "Printed workshop kit",
        kitIntro: "Each document is an HTML page ready to print from any browser (File › Print). The paper size is already set; use the default margins and 100 % scale.",
        kitPrinting: "Tip: print the blank matrix landscape on {large}, two copies per table.",
        spreadsheets: "Matrix spreadsheets",
        spreadsheetsIntro: "For tables that fill in the matrix on a computer: one sheet per table. After the workshop, “tequio import” turns them into completed matrices.",
        contents: "Contents", unit: "Unit", day: "Day", minutes: "min", hours: "h", days: "days", glossary: "Glossary",
        myNotes: "My notes", context: "Context", narrative: "The case", keyFacts: "Key facts", questions: "Discussion questions",
        sources: "Sources", source: "Source", data: "Data", license: "Licence", authors: "Authors", agenda: "Agenda",
        agendaNote: "Times are worked out from 9:00 with each unit's net time: add breaks and lunch.",
        time: "Time", content: "Content", speakerNotes: "Speaker notes", discussionPrompts: "Discussion prompts",
        instructions: "Instructions", tableSetup: "How to set up the working tables",
        tableSetupIntro: [
            "Form tables of six to ten people, preferably from the same municipality, with representatives of government, civil society and the private sector.",
            "Each table names three people: a moderator, a rapporteur and a timekeeper. Try not to leave the rapporteur role to the municipal authority.",
            "At the start, each table fills in its sign-up sheet. Names and sectors go into the completed matrix later.",
            "Tables working on a computer use the spreadsheet (one sheet per table); the others use the matrix printed on {large}.",
        ],
        materials: "Materials per table",
        materialsList: [
            "Two blank matrices printed landscape on {large} (one as a draft).", "The table's sign-up sheet.",
            "A handbook for each participant.", "Cards, markers and tape.", "Optional: a computer with the matrix spreadsheet.",
        ],
        afterWorkshop: "After the workshop",
        afterWorkshopText: "Type the paper matrices into the spreadsheet (or collect the files from the computers) and turn them into completed matrices with:",
        table: "Table", municipality: "Municipality", members: "Members", required: "required", maxCharacters: "max. %d characters",
        signUpIntro: "Please write clearly: these details go into the table's matrix.",
        roles: ["Moderator", "Rapporteur", "Timekeeper"], name: "Name", sector: "Sector", position: "Position or organisation",
        contact: "Email or phone", signature: "Signature", sectors: ["Government", "Civil society", "Private sector", "Other"],
        activityKinds: ["working-table": "Working table", "discussion": "Discussion", "plenary": "Plenary", "individual": "Individual work"],
        blockKinds: ["presentation": "Presentation", "caseStudy": "Case study", "finding": "Diagnostic finding"],
        findingKinds: ["survey": "Survey", "focus-group": "Focus groups", "study": "Study"], presentedBy: "Presented by",
        approximately: "≈", matrixFooter: "One row per problem. Write actions one per line, with who is responsible and by when.",
        noNotes: "No notes.")
}
