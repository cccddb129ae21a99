"""`tequio review record` as the donor committee uses it (issue 13, point 5): four rounds ranked with the
example module's rubric narrow eight plans to four, three and two, as in the Oaxaca program; the record
of the chain is read back by python-docx, pandoc and LibreOffice, checked against the ODF schema, parsed
as HTML with its SVG chart, and run through pandoc as Markdown. Bad input (point 6) writes nothing and
names the problem."""
import html.parser
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import docx
import pytest

from tequio_cli import ROOT, run_tequio

MODULE = ROOT / "modules" / "oaxaca-agua"
SCHEMAS = ROOT / "schemas" / "official" / "odf1.3"
CRITERIA = {"criterio-coordinacion": 20, "criterio-transparencia": 25, "criterio-factibilidad": 20,
            "criterio-sociedad-civil": 20, "criterio-resultados": 15}
# Eight plans, best first: the example module's four tables and four more.
PLANS = {
    "oaxaca-agua-mesa-1-santa-lucia-del-camino": ("Mesa 1 · Santa Lucía del Camino", 3, 4.6),
    "oaxaca-agua-table-8-isthmus": ("Table 8 · Isthmus", 4, 4.3),
    "oaxaca-agua-mesa-3-tlacolula": ("Mesa 3 · Tlacolula de Matamoros", 2, 3.9),
    "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan": ("Mesa 2 · Santa Cruz Xoxocotlán", 2, 3.6),
    "oaxaca-agua-mesa-4-huajuapan": ("Mesa 4 · Huajuapan de León", 1, 3.2),
    "oaxaca-agua-mesa-5-tuxtepec": ("Mesa 5 · San Juan Bautista Tuxtepec", 2, 2.9),
    "oaxaca-agua-mesa-6-sierra-norte": ("Mesa 6 · Sierra Norte", 2, 2.5),
    "oaxaca-agua-mesa-7-costa": ("Mesa 7 · Costa", 1, 2.2),
}
EVALUATORS = ("Ana Pérez", "Luis Cruz", "Rosa Díaz")
CHAIN = (("Ronda 1", 4), ("Ronda 2", 3), ("Ronda 3", 2))


def scores_file(path, evaluator, round_, plans, rnd, conflict=()):
    """One evaluator's score file as `tequio import` writes it, scores around each plan's quality."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<scores xmlns="urn:tequio:scores:1" format="1" module="oaxaca-agua" module-version="1.0.0" '
           f'rubric="seleccion-planes" round="{round_}" xml:lang="es" submitted="2013-01-20T10:00:00Z">',
           f"  <evaluator>{evaluator}</evaluator>", "  <rubric-criteria>"]
    out += [f'    <criterion id="{c}" fingerprint="w{w};s1-5;j1,2,5"/>' for c, w in CRITERIA.items()]
    out.append("  </rubric-criteria>")
    for plan in plans:
        table, draft, quality = PLANS[plan]
        out.append(f'  <plan id="{plan}" draft="{draft}"><table>{table}</table>')
        if plan in conflict:
            out.append(f'    <conflict declared="true">{evaluator} asesoró a esta mesa.</conflict></plan>')
            continue
        out.append('    <conflict declared="false"></conflict>')
        out.append('    <gate id="requisito-dos-sectores" met="true"/><gate id="requisito-diagnostico" met="true"/>')
        for c in CRITERIA:
            value = max(1, min(5, round(quality + rnd.choice([-1.2, -0.4, 0, 0.4, 0.9]))))
            why = f"<justification>{evaluator}: nota {value} en {c} de {table}.</justification>" if value in (1, 2, 5) else ""
            out.append(f'    <score criterion="{c}" value="{value}">{why}</score>')
        out.append("  </plan>")
    out.append("</scores>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def rank_chain(folder, rounds=CHAIN):
    """Ranks the chain 8 → 4 → 3 → 2 and returns the round files, first round first."""
    rnd = random.Random(2013)
    decision = folder / "decision"
    files = []
    plans = list(PLANS)
    previous = None
    for number, (name, advance) in enumerate(rounds):
        scores = folder / f"scores-{number}"
        scores.mkdir(parents=True)
        for evaluator in EVALUATORS:
            conflict = ("oaxaca-agua-mesa-2-santa-cruz-xoxocotlan",) if evaluator == "Luis Cruz" else ()
            scores_file(scores / f"{evaluator.split()[0].lower()}.xml", evaluator, name, plans, rnd, conflict)
        args = ["review", "rank", "--module", MODULE, scores, "--round", name, "--advance", advance, "-o", decision]
        if previous:
            args += ["--previous", previous]
        note = folder / f"note-{number}.txt"
        note.write_text(f"En la {name} el comité discutió los desacuerdos y privilegió la factibilidad.\n\n"
                        "Los planes con acciones de la sociedad civil pesaron más.", encoding="utf-8")
        args += ["--note", note]
        if number == len(rounds) - 1:
            commitment = folder / "compromiso.txt"
            commitment.write_text("El comité apoyará la ejecución de los dos planes seleccionados durante 2013.", encoding="utf-8")
            args += ["--commitment", commitment]
        result = run_tequio(*args)
        assert result.returncode == 0, result.stderr
        previous = decision / f"ronda-{name.lower().replace(' ', '-')}.xml"
        files.append(previous)
        root = ET.parse(previous).getroot()
        plans = [p.get("id") for p in root.iter("{urn:tequio:round:1}plan") if p.get("status") == "advances"]
    return files


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    """The chain's record in every format, plus LibreOffice's PDFs of the DOCX and ODT."""
    folder = tmp_path_factory.mktemp("record")
    rounds = rank_chain(folder)
    out = folder / "acta"
    result = run_tequio("review", "record", *reversed(rounds), "--module", MODULE, "--format", "docx,odt,html,md,pdf",
                        "--member", "Ana Pérez:Presidenta del comité", "--member", "Marta Gil:Secretaria técnica", "-o", out)
    assert result.returncode == 0, result.stderr
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(folder / "lo"), str(out / "oaxaca-agua-acta-comite.docx"), str(out / "oaxaca-agua-acta-comite.odt")],
                   capture_output=True, timeout=180, check=False)
    return {"folder": folder, "rounds": rounds, "out": out, "lo": folder / "lo"}
