#!/usr/bin/env python3
"""Write a hand-made web bundle for developing and testing the player without the Swift build.

    python3 tests/browser/make_dev_bundle.py /tmp/tequio-dev-bundle [--facilitator]
    TEQUIO_WEB_BUNDLE=/tmp/tequio-dev-bundle .venv-browser/bin/pytest tests/browser

It lays out what `tequio build --target web` produces (index.html with its placeholders filled,
player/player.css, player/player.js joined from templates/player/scripts/ but not minified,
player/module-data.js with the interface words, content/...), with a small Oaxaca module in Spanish and English that
uses every block kind. The real bundle comes from the Swift writer; this one is for the player alone.
"""
import html
import json
import math
import pathlib
import shutil
import struct
import sys
import wave
import zlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "player"


def L(es, en):
    return {"es": es, "en": en}


def P(*inl):
    return {"t": "p", "c": list(inl)}


def R(es_blocks, en_blocks):
    return {"es": es_blocks, "en": en_blocks}


def term(ref, text):
    return {"t": "term", "ref": ref, "c": [text]}


PRESET_COLUMNS = [
    ("problem", "Problemas y prioridades de reforma", "Problems and reform priorities",
     "Describa un problema concreto de transparencia o rendición de cuentas que la mesa considere prioritario, y por qué.",
     "Describe one concrete transparency or accountability problem your table considers a priority, and why.", True, 1500),
    ("beneficiaries", "¿Quién se beneficia del problema?", "Who benefits from the problem?",
     "Personas, grupos o instituciones que ganan algo con que el problema siga: ayudan a entender las resistencias a la reforma.",
     "People, groups or institutions who gain from the problem persisting: they explain the resistance to reform.", False, 1000),
    ("affected", "¿Quién resulta afectado?", "Who is affected?",
     "Quiénes pierden con el problema: usuarios, comunidades, organismos operadores, el propio gobierno.",
     "Who loses because of the problem: users, communities, water utilities, the government itself.", False, 1000),
    ("government-actions", "Acciones que debe realizar el gobierno", "Actions the government must take",
     "Una acción por línea: concreta, con responsable y plazo cuando sea posible.",
     "One action per line: concrete, with who is responsible and a deadline where possible.", True, 2000),
    ("civil-society-actions", "Acciones que debe realizar la sociedad civil", "Actions civil society must take",
     "Una acción por línea: qué harán las organizaciones, los comités de agua o la ciudadanía.",
     "One action per line: what organisations, water committees or citizens will do.", True, 2000),
    ("expected-results", "Resultados esperados", "Expected results",
     "Cambios observables y, si es posible, medibles, que mostrarán que la reforma funciona.",
     "Observable and, where possible, measurable changes that will show the reform works.", True, 1500),
]


def module():
    glossary = [
        {"id": "rendicion-de-cuentas", "label": L("Rendición de cuentas", "Accountability"),
         "definition": R([P("Obligación de las autoridades de informar sobre sus decisiones y de responder por ellas ante la ciudadanía.")],
                         [P("The duty of authorities to report on their decisions and to answer for them to citizens.")])},
        {"id": "organismo-operador", "label": L("Organismo operador", "Water utility"),
         "definition": R([P("Entidad municipal o intermunicipal que presta los servicios de agua potable, drenaje y saneamiento.")],
                         [P("The municipal or inter-municipal body that provides drinking water, sewerage and sanitation.")])},
        {"id": "coalicion-reformadora", "label": L("Coalición reformadora", "Reform coalition"),
         "definition": R([P("Grupo de actores del ", {"t": "strong", "c": ["gobierno, la sociedad civil y el sector privado"]},
                            " que acuerdan impulsar juntos una reforma.")],
                         [P("A group of actors from ", {"t": "strong", "c": ["government, civil society and the private sector"]},
                            " who agree to push a reform together.")])},
        {"id": "aprendizaje-para-la-accion", "label": L("Aprendizaje para la acción", "Action learning"),
         "definition": R([P("Enfoque del Banco Mundial que facilita la creación de coaliciones a favor de reformas: diagnóstico, programa de aprendizaje e implementación.")],
                         [P("A World Bank approach that helps build pro-reform coalitions: diagnosis, learning programme and implementation.")])},
    ]
    matrix = {"id": "plan", "preset": "action-learning", "title": L("Matriz de reforma", "Reform matrix"),
              "columns": [{"id": c, "label": L(les, len_), "help": L(hes, hen), "required": req, "maxLength": mx}
                          for c, les, len_, hes, hen, req, mx in PRESET_COLUMNS]}

    presentation = {
        "id": "p-enfoque", "title": L("El enfoque de aprendizaje para la acción", "The action learning approach"),
        "experts": [{
            "name": "Marcelo Buitrón", "country": "MX", "photo": "media/experto.png",
            "role": L("Especialista en gobernanza", "Governance specialist"),
            "affiliation": L("Banco Mundial", "World Bank"),
            "bio": R([P("Coordinó el programa de transparencia y rendición de cuentas en el sector agua de Oaxaca (2011–2013).")],
                     [P("Coordinated the transparency and accountability programme in Oaxaca's water sector (2011–2013).")])}],
        "slides": [
            {"id": "p-enfoque-1", "title": L("Una metodología para coaliciones", "A methodology for coalitions"),
             "content": R([P("El ", term("aprendizaje-para-la-accion", "aprendizaje para la acción"),
                             " facilita la creación de ", term("coalicion-reformadora", "coaliciones reformadoras"), "."),
                           {"t": "ul", "items": [[P("Se ha usado en justicia, VIH/SIDA y agua.")],
                                                 [P("No es una metodología fija: se adapta a cada contexto.")]]}],
                          [P(term("aprendizaje-para-la-accion", "Action learning"), " helps build ",
                             term("coalicion-reformadora", "reform coalitions"), "."),
                           {"t": "ul", "items": [[P("Used in justice, HIV/AIDS and water.")],
                                                 [P("Not a fixed methodology: it adapts to each context.")]]}]),
             "notes": R([P("Pregunte quién ha participado antes en un programa similar.")],
                        [P("Ask who has taken part in a similar programme before.")])},
            {"id": "p-enfoque-2", "title": L("Primeros pasos", "First steps"),
             "content": R([{"t": "ol", "items": [[P({"t": "strong", "c": ["Voluntad política"]}, " (ventana de oportunidad).")],
                                                  [P("Una fase de diagnóstico, o la disposición a permitirla.")],
                                                  [P("Participación del sector privado, el gobierno y la sociedad civil.")]]}],
                          [{"t": "ol", "items": [[P({"t": "strong", "c": ["Political will"]}, " (a window of opportunity).")],
                                                  [P("A diagnostic phase, or willingness to allow one.")],
                                                  [P("Private sector, government and civil society willing to take part.")]]}])},
            {"id": "p-enfoque-3", "title": L("Las tres fases", "The three phases"),
             "content": R([{"t": "img", "src": "media/fases.svg", "alt": "Diagrama: diagnóstico, programa de aprendizaje, implementación",
                            "caption": "Las fases del enfoque"},
                           {"t": "quote", "c": [P("No es una metodología fija, sino un enfoque flexible.")], "cite": "Marcelo Buitrón"}],
                          [{"t": "img", "src": "media/fases.svg", "alt": "Diagram: diagnosis, learning programme, implementation",
                            "caption": "The phases of the approach"},
                           {"t": "quote", "c": [P("It is not a fixed methodology but a flexible approach.")], "cite": "Marcelo Buitrón"}])},
        ],
        "media": {"kind": "audio", "src": "media/intro.wav", "title": L("Introducción (audio)", "Introduction (audio)"),
                  "captions": {"es": "media/intro.es.vtt", "en": "media/intro.en.vtt"},
                  "transcript": R([P("Bienvenidas y bienvenidos al programa.", {"t": "br"}, "Durante dos días trabajaremos en mesas.")],
                                  [P("Welcome to the programme.", {"t": "br"}, "For two days we will work at tables.")])},
    }
    munis = ["Oaxaca de Juárez", "Santa Lucía del Camino", "San Antonio de la Cal", "Santa Cruz Xoxocotlán",
             "San Bartolo Coyotepec", "Tlalixtac de Cabrera"]
    survey = {
        "id": "f-encuesta", "kind": "survey", "title": L("Confianza en el organismo operador", "Trust in the water utility"),
        "summary": R([P("Encuesta a 1 200 hogares en seis municipios de los Valles Centrales. La mayoría no confía en la información que publica el ",
                        term("organismo-operador", "organismo operador"), "."),
                      {"t": "img", "src": "media/fases.svg", "alt": "Fases del programa", "caption": "Contexto del diagnóstico"}],
                     [P("Survey of 1,200 households in six municipalities of the Central Valleys. Most do not trust the information the ",
                        term("organismo-operador", "water utility"), " publishes.")]),
        "dataset": {"src": "data/encuesta.csv",
                    "columns": [{"id": "municipio", "type": "text", "label": L("Municipio", "Municipality")},
                                {"id": "confia", "type": "number", "label": L("Confía (%)", "Trusts (%)")},
                                {"id": "no-confia", "type": "number", "label": L("No confía (%)", "Does not trust (%)")},
                                {"id": "no-sabe", "type": "number", "label": L("No sabe (%)", "Don't know (%)")}],
                    "rows": [[m, str(c), str(n), str(100 - c - n)] for m, c, n in
                             zip(munis, [22, 31, 18, 27.5, 40, 35], [61, 52, 70, 58, 45, 50])]},
        "charts": [
            {"type": "bar", "category": "municipio", "values": ["confia", "no-confia"],
             "title": L("Confianza por municipio", "Trust by municipality"),
             "description": L("En los seis municipios, quienes no confían superan a quienes confían; la mayor desconfianza está en San Antonio de la Cal (70 %).",
                              "In all six municipalities distrust exceeds trust; distrust is highest in San Antonio de la Cal (70%).")},
            {"type": "stacked-bar", "category": "municipio", "values": ["confia", "no-confia", "no-sabe"],
             "title": L("Respuestas por municipio", "Answers by municipality")},
        ],
        "quotes": [], "source": L("Encuesta de hogares, Banco Mundial, 2011.", "Household survey, World Bank, 2011."),
    }
    complaints = {
        "id": "f-quejas", "kind": "study", "title": L("Quejas por el servicio de agua", "Complaints about the water service"),
        "summary": R([P("Las quejas crecen cada año; menos de la mitad se resuelven.")],
                     [P("Complaints grow every year; fewer than half are resolved.")]),
        "dataset": {"src": "data/quejas.csv",
                    "columns": [{"id": "anio", "type": "text", "label": L("Año", "Year")},
                                {"id": "recibidas", "type": "number", "label": L("Recibidas", "Received")},
                                {"id": "resueltas", "type": "number", "label": L("Resueltas", "Resolved")}],
                    "rows": [["2007", "410", "230"], ["2008", "455", "240"], ["2009", "530", "251"],
                             ["2010", "610", "262"], ["2011", "702", "290"]]},
        "charts": [{"type": "line", "category": "anio", "values": ["recibidas", "resueltas"],
                    "title": L("Quejas recibidas y resueltas, 2007–2011", "Complaints received and resolved, 2007–2011"),
                    "description": L("Las quejas recibidas pasan de 410 a 702; las resueltas, de 230 a 290.",
                                     "Complaints received rise from 410 to 702; resolved ones from 230 to 290.")}],
        "quotes": [],
    }
    sources = {
        "id": "f-fuentes", "kind": "study", "title": L("¿De dónde viene el agua de los hogares?", "Where does household water come from?"),
        "summary": R([P("Distribución de los hogares según su fuente principal de agua.")],
                     [P("Households by main source of water.")]),
        "dataset": {"src": "data/fuentes.csv",
                    "columns": [{"id": "fuente", "type": "text", "label": L("Fuente", "Source")},
                                {"id": "hogares", "type": "number", "label": L("Hogares", "Households")}],
                    "rows": [["Red pública", "640"], ["Pipa", "310"], ["Pozo propio", "170"], ["Otra", "80"]]},
        "charts": [{"type": "pie", "category": "fuente", "values": ["hogares"],
                    "title": L("Fuente principal de agua", "Main water source")}],
        "quotes": [],
    }
    focus = {
        "id": "f-grupos", "kind": "focus-group", "title": L("Voces de los grupos focales", "Voices from the focus groups"),
        "summary": R([P("Doce grupos focales con usuarias, usuarios y personal de los organismos operadores.")],
                     [P("Twelve focus groups with users and water utility staff.")]),
        "charts": [],
        "quotes": [{"text": L("Pagamos la pipa dos veces: una al municipio y otra al chofer.",
                              "We pay for the water truck twice: once to the municipality and once to the driver."),
                    "attribution": L("Mujer, usuaria, Santa Lucía del Camino", "Woman, user, Santa Lucía del Camino")},
                   {"text": L("Nadie sabe cuánto se cobra ni en qué se gasta.", "Nobody knows how much is charged or what it is spent on.")}],
        "source": L("Grupos focales, junio de 2011.", "Focus groups, June 2011."),
    }
    case = {
        "id": "cs-comite", "title": L("Un comité de agua que publica sus cuentas", "A water committee that publishes its accounts"),
        "place": L("Valles Centrales, Oaxaca (caso ilustrativo)", "Central Valleys, Oaxaca (illustrative case)"),
        "context": R([P("En muchas comunidades, un comité elegido en asamblea administra el pozo y la red. Los usos y costumbres dan legitimidad, pero rara vez hay reglas escritas de ",
                        term("rendicion-de-cuentas", "rendición de cuentas"), ".")],
                     [P("In many communities a committee elected by the assembly runs the well and the network. Customary law gives it legitimacy, but written ",
                        term("rendicion-de-cuentas", "accountability"), " rules are rare.")]),
        "narrative": R([P("El comité decidió pegar cada mes en la agencia municipal una hoja con lo cobrado y lo gastado."),
                        P("Al año, la morosidad bajó y la asamblea aprobó una tarifa nueva. El texto <b>no es HTML</b> & se muestra tal cual.")],
                       [P("The committee decided to post a monthly sheet at the municipal office listing what was collected and spent."),
                        P("A year later arrears had fallen and the assembly approved a new tariff. The text <b>is not HTML</b> & shows as written.")]),
        "keyFacts": [L("1 comité, 420 tomas", "1 committee, 420 connections"), L("Morosidad: de 38 % a 21 %", "Arrears: from 38% to 21%")],
        "questions": [{"id": "cs-comite-q1", "text": L("¿Qué hizo posible que el comité publicara sus cuentas?", "What made it possible for the committee to publish its accounts?")},
                      {"id": "cs-comite-q2", "text": L("¿Qué se podría adaptar en su municipio?", "What could be adapted in your municipality?")}],
        "sources": [{"href": "https://www.worldbank.org/", "text": L("Banco Mundial", "World Bank")},
                    {"text": L("Entrevistas con el comité, 2012.", "Interviews with the committee, 2012.")}],
    }
    units = [
        {"id": "u1-enfoque", "day": 1, "minutes": 60, "title": L("El enfoque y el programa", "The approach and the programme"),
         "summary": L("Qué es el aprendizaje para la acción y cómo se aplicó en Oaxaca.", "What action learning is and how it was applied in Oaxaca."),
         "blocks": [{"kind": "presentation", "presentation": presentation}]},
        {"id": "u2-diagnostico", "day": 1, "minutes": 90, "title": L("Resultados del diagnóstico", "Findings of the diagnosis"),
         "summary": L("Encuesta, estudio de quejas y grupos focales.", "Survey, complaints study and focus groups."),
         "blocks": [{"kind": "finding", "finding": survey}, {"kind": "finding", "finding": complaints},
                    {"kind": "finding", "finding": sources}, {"kind": "finding", "finding": focus}]},
        {"id": "u3-caso", "day": 1, "minutes": 75, "title": L("Caso de estudio", "Case study"),
         "blocks": [{"kind": "caseStudy", "caseStudy": case},
                    {"kind": "activity", "activity": {"id": "a-discusion", "kind": "discussion", "minutes": 30,
                                                      "title": L("Discusión en mesas", "Table discussion"),
                                                      "instructions": R([P("Respondan las preguntas del caso y anoten sus ideas.")],
                                                                        [P("Answer the case questions and write down your ideas.")])}}]},
        {"id": "u4-mesas", "day": 2, "minutes": 180, "title": L("Mesas de trabajo: la matriz de reforma", "Working tables: the reform matrix"),
         "blocks": [{"kind": "activity", "activity": {"id": "a-mesas", "kind": "working-table", "minutes": 120, "matrix": "plan",
                                                      "title": L("Llenar la matriz", "Fill in the matrix"),
                                                      "instructions": R([P("Cada mesa llena una matriz: un problema por fila."),
                                                                         {"t": "ul", "items": [[P("Escriban acciones concretas.")], [P("Nombren responsables.")]]}],
                                                                        [P("Each table fills in one matrix: one problem per row."),
                                                                         {"t": "ul", "items": [[P("Write concrete actions.")], [P("Name who is responsible.")]]}])}},
                    {"kind": "activity", "activity": {"id": "a-plenaria", "kind": "plenary", "minutes": 60,
                                                      "title": L("Presentación en plenaria", "Plenary presentation"),
                                                      "instructions": R([P("Cada mesa presenta sus acciones preliminares. Más información: ",
                                                                           {"t": "a", "href": "https://www.worldbank.org/", "c": ["Banco Mundial"]}, ".")],
                                                                        [P("Each table presents its preliminary actions. More: ",
                                                                           {"t": "a", "href": "https://www.worldbank.org/", "c": ["World Bank"]}, ".")])}}]},
    ]
    return {"id": "oaxaca-agua", "version": "1.0.0", "languages": ["es", "en"],
            "metadata": {"title": L("Transparencia y rendición de cuentas en el sector agua de Oaxaca",
                                    "Transparency and accountability in Oaxaca's water sector"),
                         "subtitle": L("Taller de aprendizaje para la acción", "Action learning workshop"),
                         "program": L("Programa de transparencia en el sector agua", "Water sector transparency programme"),
                         "summary": L("Dos días para que gobierno, sociedad civil y sector privado de ocho municipios acuerden acciones de reforma.\n\nCada mesa de trabajo entrega una matriz de reforma.",
                                      "Two days for government, civil society and the private sector of eight municipalities to agree on reform actions.\n\nEach working table hands in a reform matrix."),
                         "authors": [{"name": "Marcelo Buitrón", "affiliation": "Banco Mundial"}],
                         "license": "CC-BY-4.0", "deliveryModes": ["face-to-face", "blended"],
                         "durationDays": 2, "durationHours": 14},
            "glossary": glossary, "matrices": [matrix], "units": units}


def png(path, w=96, h=96):
    raw = b""
    for y in range(h):
        raw += b"\0" + b"".join(bytes((30 + x, 90 + y // 2, 150)) for x in range(w))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 120" width="600" height="120">
<rect width="600" height="120" fill="#f4f7fb"/>
<g font-family="sans-serif" font-size="16" text-anchor="middle">
<rect x="10" y="30" width="170" height="60" rx="8" fill="#0b5cad"/><text x="95" y="66" fill="#fff">Diagnóstico</text>
<rect x="215" y="30" width="170" height="60" rx="8" fill="#1e6b30"/><text x="300" y="66" fill="#fff">Aprendizaje</text>
<rect x="420" y="30" width="170" height="60" rx="8" fill="#8a3b00"/><text x="505" y="66" fill="#fff">Implementación</text>
</g></svg>
"""


VTT_ES = "WEBVTT\n\n00:00.000 --> 00:01.500\nBienvenidas y bienvenidos al programa.\n\n00:01.500 --> 00:03.000\nDurante dos días trabajaremos en mesas.\n"
VTT_EN = "WEBVTT\n\n00:00.000 --> 00:01.500\nWelcome to the programme.\n\n00:01.500 --> 00:03.000\nFor two days we will work at tables.\n"


def mod_findings(mod):
    return [b["finding"] for u in mod["units"] for b in u["blocks"] if b["kind"] == "finding"]


def player_script():
    """templates/player/scripts/ joined as WebPlayerWriter joins them (not minified)."""
    folder = TEMPLATES / "scripts"
    names = [n.strip() for n in (folder / "order.txt").read_text("utf-8").splitlines()]
    parts = [(folder / n).read_text("utf-8") for n in names if n and not n.startswith("#")]
    return "(() => {\n'use strict';\n" + "".join(p if p.endswith("\n") else p + "\n" for p in parts) + "})();\n"


def player_strings(languages):
    """The player's words of templates/strings/ for `languages`, as WebPlayerWriter writes them."""
    catalogue = {f.stem: json.loads(f.read_text("utf-8")) for f in (ROOT / "templates" / "strings").glob("*.json")}
    table = {}
    for lang in languages:
        source = catalogue.get(lang) or catalogue.get(lang.split("-")[0]) or {}
        table[lang] = {k[len("player."):]: source.get(k, v) for k, v in catalogue["en"].items() if k.startswith("player.")}
    return table


def write_bundle(out, mod=None, facilitator=False):
    """The bundle in `out`; the participant's (no speaker notes) unless `facilitator`, as `tequio build --audience`."""
    out = pathlib.Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "player").mkdir(parents=True)
    (out / "content" / "media").mkdir(parents=True)
    (out / "content" / "data").mkdir(parents=True)
    mod = mod or module()
    if not facilitator:
        for u in mod["units"]:
            for b in u["blocks"]:
                for slide in b.get("presentation", {}).get("slides", []):
                    slide.pop("notes", None)
    lang = mod["languages"][0]
    page = (TEMPLATES / "index.html").read_text("utf-8")
    page = page.replace("{{lang}}", lang).replace("{{title}}", html.escape(mod["metadata"]["title"][lang]))
    page = page.replace("{{description}}", html.escape(mod["metadata"]["summary"][lang].split("\n\n")[0]))
    (out / "index.html").write_text(page, "utf-8")
    for f in TEMPLATES.iterdir():
        if f.is_file() and f.name != "index.html":
            shutil.copy(f, out / "player" / f.name)
    (out / "player" / "player.js").write_text(player_script(), "utf-8")
    captions = {"media/intro.es.vtt": VTT_ES, "media/intro.en.vtt": VTT_EN}
    data = json.dumps({"module": mod, "generator": "tequio dev-bundle", "captions": captions,
                       "strings": player_strings(mod["languages"])}, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    (out / "player" / "module-data.js").write_text(f"window.TEQUIO_DATA = {data};\n", "utf-8")
    media = out / "content" / "media"
    (media / "fases.svg").write_text(SVG, "utf-8")
    png(media / "experto.png")
    with wave.open(str(media / "intro.wav"), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(3000 * math.sin(i / 8))) for i in range(8000 * 3)))
    (media / "intro.es.vtt").write_text(VTT_ES, "utf-8")
    (media / "intro.en.vtt").write_text(VTT_EN, "utf-8")
    for f in mod_findings(mod):
        ds = f.get("dataset")
        if ds:
            lines = [",".join(c["id"] for c in ds["columns"])] + [",".join(f'"{c}"' if "," in c else c for c in r) for r in ds["rows"]]
            (out / "content" / ds["src"]).write_text("\n".join(lines) + "\n", "utf-8")
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--facilitator"]
    target = write_bundle(args[0] if args else "/tmp/tequio-dev-bundle", facilitator="--facilitator" in sys.argv)
    print(target)
