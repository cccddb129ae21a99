"""`tequio review rank` as the donor committee uses it (issue 13, point 4): three evaluators score the four
example plans with the example module's rubric; the round ranks them and advances 3, then a second round
scores those 3 and advances 2, as in the Oaxaca program (… → 4 → 3 → 2). Bad input never gives a ranking
that looks valid: nothing is written and the problem is named."""
import random
import xml.etree.ElementTree as ET

import pytest

from tequio_cli import ROOT, run_tequio

from .scorefiles import CRITERIA, score_file

MODULE = ROOT / "modules" / "oaxaca-agua"
NS = "{urn:tequio:round:1}"
PLANS = {
    "oaxaca-agua-mesa-1-santa-lucia-del-camino": ("Mesa 1 · Santa Lucía del Camino", 3),
    "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan": ("Mesa 2 · Santa Cruz Xoxocotlán", 2),
    "oaxaca-agua-mesa-6-sierra-norte": ("Mesa 6 · Sierra Norte", 2),
    "oaxaca-agua-table-8-isthmus": ("Table 8 · Isthmus", 4),
}


def scores_file(path, evaluator, round_, scores, conflict=(), fingerprints=None, plans=None):
    """A score file as `tequio import` writes it: `scores[plan][criterion]` = value."""
    return score_file(path, evaluator, round_, {p: PLANS[p] for p in plans or PLANS}, scores, conflict=conflict, fingerprints=fingerprints)


def committee(folder, round_="Ronda 1", plans=None, seed=2013):
    """Three evaluators; plan quality in the order mesa-1 > table-8 > mesa-2 > mesa-6, with some noise."""
    rnd = random.Random(seed)
    base = {"oaxaca-agua-mesa-1-santa-lucia-del-camino": 4.6, "oaxaca-agua-table-8-isthmus": 4.0,
            "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan": 3.4, "oaxaca-agua-mesa-6-sierra-norte": 2.6}
    plans = plans or list(PLANS)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("Ana Pérez", "Luis Cruz", "Rosa Díaz"):
        scores = {p: {c: max(1, min(5, round(base[p] + rnd.choice([-0.6, 0, 0.4])))) for c in CRITERIA} for p in plans}
        conflict = ("oaxaca-agua-mesa-2-santa-cruz-xoxocotlan",) if name == "Luis Cruz" and "oaxaca-agua-mesa-2-santa-cruz-xoxocotlan" in plans else ()
        scores_file(folder / f"{name.split()[0].lower()}.xml", name, round_, scores, conflict=conflict, plans=plans)
    return folder


def rank(*args):
    return run_tequio("review", "rank", "--module", MODULE, *args)


def test_two_rounds_narrow_four_plans_to_three_and_then_two(tmp_path):
    out = tmp_path / "decision"
    note = tmp_path / "fundamentos.txt"
    note.write_text("La comisión privilegió la factibilidad para municipios de baja capacidad.", encoding="utf-8")
    result = rank(committee(tmp_path / "r1"), "--round", "Ronda 1", "--advance", "3", "--note", note, "-o", out,
                  "--evaluator", "Ana Pérez", "--evaluator", "Luis Cruz", "--evaluator", "Rosa Díaz", "--normalise")
    assert result.returncode == 0, result.stderr
    assert "| Rango | Plan | Total |" in result.stdout
    for sheet in (tmp_path / "r1").glob("*.xml"):
        assert run_tequio("check", sheet, "--module", MODULE).returncode == 0, "tequio check knows score files"
    round1 = out / "ronda-ronda-1.xml"
    assert run_tequio("check", round1).returncode == 0, "tequio check knows round files"
    root = ET.parse(round1).getroot()
    plans = root.findall(f"{NS}ranking/{NS}plan")
    assert [p.get("status") for p in plans] == ["advances", "advances", "advances", "reserve"]
    assert plans[0].get("id") == "oaxaca-agua-mesa-1-santa-lucia-del-camino"
    assert [float(p.get("total")) for p in plans] == sorted((float(p.get("total")) for p in plans), reverse=True)
    mesa2 = root.find(f"{NS}ranking/{NS}plan[@id='oaxaca-agua-mesa-2-santa-cruz-xoxocotlan']")
    assert [r.text for r in mesa2.findall(f"{NS}recused")] == ["Luis Cruz"]
    assert all(c.get("count") == "2" for c in mesa2.findall(f"{NS}criterion")), "a recused evaluator is left out"
    assert root.find(f"{NS}rationale").text.startswith("La comisión privilegió")
    assert plans[0].get("normalised-total") is not None

    advancing = [p.get("id") for p in plans if p.get("status") == "advances"]
    result = rank(committee(tmp_path / "r2", "Ronda 2", advancing, seed=7), "--round", "Ronda 2", "--advance", "2",
                  "--previous", round1, "-o", out)
    assert result.returncode == 0, result.stderr
    root2 = ET.parse(out / "ronda-ronda-2.xml").getroot()
    assert root2.get("previous") == "Ronda 1"
    assert [p.get("status") for p in root2.findall(f"{NS}ranking/{NS}plan")] == ["advances", "advances", "reserve"]

    # A plan that did not advance cannot be scored in the next round.
    result = rank(committee(tmp_path / "r2-bad", "Ronda 2"), "--round", "Ronda 2", "--advance", "2", "--previous", round1,
                  "-o", tmp_path / "nothing")
    assert result.returncode == 65 and "[review.unknown-plan]" in result.stderr
    assert not (tmp_path / "nothing").exists()


@pytest.mark.parametrize("case,identifier", [
    ("too-few", "review.too-few-plans"), ("duplicate", "review.duplicate-evaluator"), ("changed", "review.rubric-changed"),
    ("round", "review.other-round"), ("conflict", "review.scored-despite-conflict"), ("scale", "review.out-of-scale"),
    ("justify", "review.missing-justification"), ("missing", "review.no-sheet"),
])
def test_bad_input_never_gives_a_ranking(tmp_path, case, identifier):
    folder = committee(tmp_path / "r1")
    scores = {p: {c: 3 for c in CRITERIA} for p in PLANS}
    args = ["--round", "Ronda 1", "--advance", "3"]
    if case == "too-few":
        args[-1] = "5"
    elif case == "duplicate":
        scores_file(folder / "ana-otra.xml", "Ana  pérez", "Ronda 1", scores)
    elif case == "changed":
        fingerprints = {c: f"w{w};s1-5;j1,2,5" for c, w in CRITERIA.items()}
        fingerprints["criterio-factibilidad"] = "w30;s1-5;j1,2,5"
        scores_file(folder / "ana.xml", "Ana Pérez", "Ronda 1", scores, fingerprints=fingerprints)
    elif case == "round":
        scores_file(folder / "ana.xml", "Ana Pérez", "Ronda 0", scores)
    elif case == "conflict":
        text = (folder / "luis.xml").read_text(encoding="utf-8")
        text = text.replace('<conflict declared="true">Trabajé con este municipio.</conflict></plan>',
                            '<conflict declared="true">Trabajé con este municipio.</conflict>'
                            '<score criterion="criterio-resultados" value="3"/></plan>')
        (folder / "luis.xml").write_text(text, encoding="utf-8")
    elif case == "scale":
        scores["oaxaca-agua-table-8-isthmus"]["criterio-resultados"] = 7
        scores_file(folder / "ana.xml", "Ana Pérez", "Ronda 1", scores)
    elif case == "justify":
        text = (folder / "rosa.xml").read_text(encoding="utf-8")
        (folder / "rosa.xml").write_text(text.replace("<justification>Así lo muestran las acciones del plan.</justification>", "", 1),
                                         encoding="utf-8")
        if "justification" not in text:
            pytest.skip("the generated scores needed no justification")
    elif case == "missing":
        args += ["--evaluator", "Ana Pérez", "--evaluator", "Mario Ruiz"]
    out = tmp_path / "out"
    result = rank(folder, *args, "-o", out)
    assert result.returncode == 65, result.stderr
    assert f"[{identifier}]" in result.stderr
    assert not out.exists(), "nothing is written"
