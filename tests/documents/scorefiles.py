"""Score files as `tequio import` writes them, for the ranking and decision-record tests: one evaluator's
scores for one round, with the example module's rubric (modules/oaxaca-agua/rubric.xml)."""

CRITERIA = {  # id: weight; every criterion asks a justification for 1, 2 and 5
    "criterio-coordinacion": 20, "criterio-transparencia": 25, "criterio-factibilidad": 20,
    "criterio-sociedad-civil": 20, "criterio-resultados": 15,
}


def score_file(path, evaluator, round_, plans, scores, conflict=(), fingerprints=None, note="Trabajé con este municipio.",
               justification=lambda plan, criterion, value: "Así lo muestran las acciones del plan."):
    """`plans[id]` = (table, draft), in order; `scores[id][criterion]` = value; plans in `conflict` are declared."""
    fingerprints = fingerprints or {c: f"w{w};s1-5;j1,2,5" for c, w in CRITERIA.items()}
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<scores xmlns="urn:tequio:scores:1" format="1" module="oaxaca-agua" module-version="1.0.0" '
           f'rubric="seleccion-planes" round="{round_}" xml:lang="es" submitted="2013-01-20T10:00:00Z">',
           f"  <evaluator>{evaluator}</evaluator>", "  <rubric-criteria>"]
    out += [f'    <criterion id="{c}" fingerprint="{f}"/>' for c, f in fingerprints.items()]
    out.append("  </rubric-criteria>")
    for plan, (table, draft) in plans.items():
        out.append(f'  <plan id="{plan}" draft="{draft}"><table>{table}</table>')
        if plan in conflict:
            out.append(f'    <conflict declared="true">{note}</conflict></plan>')
            continue
        out.append('    <conflict declared="false"></conflict>')
        out.append('    <gate id="requisito-dos-sectores" met="true"/><gate id="requisito-diagnostico" met="true"/>')
        for c, value in scores[plan].items():
            why = f"<justification>{justification(table, c, value)}</justification>" if value in (1, 2, 5) else ""
            out.append(f'    <score criterion="{c}" value="{value}">{why}</score>')
        out.append("  </plan>")
    out.append("</scores>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
