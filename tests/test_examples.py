"""The two example submissions give exactly the findings and scores expected of them."""

from __future__ import annotations

from collections import Counter

from conftest import ROOT, col_of, line_of
from nbscheck.check.checker import check_file
from nbscheck.model.guideline import shipped

QUALIFYING = ROOT / "examples" / "qualifying" / "submission.yaml"
MISTAKES = ROOT / "examples" / "with-mistakes" / "submission.yaml"
# the same two townships carried to the 2.0.0 draft with nbscheck migrate, then completed by hand
QUALIFYING_2 = ROOT / "examples" / "qualifying-2.0" / "submission.yaml"
MISTAKES_2 = ROOT / "examples" / "with-mistakes-2.0" / "submission.yaml"


def test_examples_are_marked_as_fictional():
    for p in (QUALIFYING, MISTAKES, QUALIFYING_2, MISTAKES_2):
        head = p.read_text(encoding="utf-8")[:400]
        assert "虚构" in head and "fictional" in head


def test_qualifying_example():
    text = QUALIFYING.read_text(encoding="utf-8")
    r = check_file(QUALIFYING)
    # its only finding is the note that a newer release (1.1.0) exists
    assert [(f.code, f.severity.value, f.line, f.column, f.args) for f in r.findings] == [
        ("NBS224", "note", line_of(text, 'version: "1.0.0"'), col_of(text, '"1.0.0"'), {"latest": "1.1.0"})]
    assert r.guideline_version == "1.0.0"
    s = r.score
    assert r.valid and r.qualified and s.qualified and s.reasons == ()
    # every assessable clause of 1.0.0 is answered
    g = shipped("1.0.0")
    assert Counter(c.status for c in s.clauses) == {"met": 91, "partial": 7, "not_met": 1, "not_applicable": 2}
    assert len(s.clauses) == len(g.assessable) == 101
    assert [(d.id, d.earned, d.available, d.band.id) for d in s.dimensions] == [
        ("baseline-planning", 84.0, 86.0, "excellent"),
        ("ecosystems", 74.0, 79.0, "excellent"),
        ("living", 34.5, 37.0, "excellent"),
        ("industry-finance", 25.0, 26.0, "excellent"),
        ("governance", 67.0, 67.0, "excellent"),
    ]
    assert (s.earned, s.available, s.percent, s.band.id) == (284.5, 295.0, 96.4, "excellent")


def test_example_with_mistakes():
    text = MISTAKES.read_text(encoding="utf-8")
    r = check_file(MISTAKES, name="m.yaml")
    answers = line_of(text, "answers:")
    assert [(f.code, f.line, f.column, f.clause) for f in r.findings] == [
        ("NBS224", line_of(text, 'version: "1.0.0"'), col_of(text, '"1.0.0"'), None),  # 1.1.0 is released
        ("NBS203", answers, 1, "6.1.1"),  # a missing shall answer
        ("NBS203", answers, 1, "7.1.3"),  # ... because its answer was filed under a typo
        ("NBS212", line_of(text, "evidence:") + 1, 7, "5.1.1"),  # the species list is not attached
        ("NBS213", line_of(text, "evidence/meeting-minutes-2025.md"), col_of(text, "evidence/meeting-minutes-2025.md"), "5.4.1"),
        ("NBS210", line_of(text, "value: 72"), col_of(text, "72"), "7.1.1"),  # met, but 72 % < 90 %
        ("NBS201", line_of(text, '"7.1.30"'), 3, None),  # unknown clause id
        ("NBS206", line_of(text, "status: not_applicable"), 13, "9.5.2"),  # no justification
    ]
    assert r.findings[6].message("en") == "the guideline has no clause 7.1.30; did you mean 7.1.3?"
    assert r.errors == 7 and not r.valid and not r.qualified
    s = r.score
    assert [x.code for x in s.reasons] == ["NBS250", "NBS253"]
    assert s.reasons[1].args["clauses"] == "5.1.1, 5.4.1, 6.1.1, 7.1.1, 7.1.3, 9.5.2"
    # answers with errors earn nothing; the missing ones count as not met
    earned = {c.clause: (c.status, c.earned, c.valid) for c in s.clauses}
    assert earned["5.1.1"] == ("met", 0.0, False)
    assert earned["6.1.1"] == ("missing", 0.0, True)
    assert earned["9.5.2"] == ("not_applicable", 0.0, False)
    assert (s.earned, s.available, s.percent) == (261.5, 298.0, 87.8)


def test_qualifying_example_carried_to_2_0_0():
    text = QUALIFYING_2.read_text(encoding="utf-8")
    r = check_file(QUALIFYING_2)
    assert [(f.code, f.severity.value, f.line) for f in r.findings] == [
        ("NBS222", "note", line_of(text, 'version: "2.0.0"'))]  # the draft may change before release
    assert r.guideline_version == "2.0.0" and r.valid and r.qualified
    s = r.score
    g = shipped("2.0.0")
    assert len(s.clauses) == len(g.assessable) == 145
    assert Counter(c.status for c in s.clauses) == {"met": 125, "partial": 7, "not_met": 1, "not_applicable": 12}
    # first recognition (11.5.2): every outcome clause of 8.6 is answered not applicable, with its reason
    na = sorted((c.clause for c in s.clauses if c.status == "not_applicable"), key=lambda x: tuple(map(int, x.split("."))))
    assert na == ["8.6.%d" % i for i in range(1, 10)] + ["9.5.2", "9.5.11", "10.2.2"]
    assert text.count("首次认定评估：本底年为2025年") == 9
    assert [(d.id, d.earned, d.available, d.band.id) for d in s.dimensions] == [
        ("baseline-planning", 100.0, 102.0, "excellent"),
        ("ecosystems", 118.0, 123.0, "excellent"),
        ("living", 39.5, 42.0, "excellent"),
        ("industry-finance", 43.0, 44.0, "excellent"),
        ("governance", 75.0, 75.0, "excellent"),
    ]
    assert (s.earned, s.available, s.percent, s.band.id) == (375.5, 386.0, 97.3, "excellent")
    # the answers whose indicator 2.0.0 changed were settled by hand, in the new units
    assert 'unit: yuan-per-resident' in text and 'unit: persons-per-thousand' in text and "please check" not in text


def test_example_with_mistakes_carried_to_2_0_0():
    text = MISTAKES_2.read_text(encoding="utf-8")
    r = check_file(MISTAKES_2, name="m.yaml")
    answers = line_of(text, "answers:")
    assert [(f.code, f.line, f.column, f.clause) for f in r.findings] == [
        ("NBS222", line_of(text, 'version: "2.0.0"'), col_of(text, '"2.0.0"'), None),
        ("NBS203", answers, 1, "6.1.1"),
        ("NBS203", answers, 1, "7.1.3"),
        ("NBS212", line_of(text, "evidence:") + 1, 7, "5.1.1"),
        ("NBS213", line_of(text, "evidence/meeting-minutes-2025.md"), col_of(text, "evidence/meeting-minutes-2025.md"), "5.4.1"),
        ("NBS210", line_of(text, "value: 72"), col_of(text, "72"), "7.1.1"),
        ("NBS201", line_of(text, '"7.1.30"'), 3, None),
        ("NBS206", line_of(text, '"9.5.2":') + 1, 13, "9.5.2"),  # its not_applicable has no justification
        # the mistake made in migrating: the old unit kept although migrate flagged it
        ("NBS208", line_of(text, "unit: wan-yuan"), col_of(text, "wan-yuan"), "10.1.1"),
    ]
    assert r.findings[-1].message("en") == "the unit must be yuan-per-resident, not wan-yuan"
    assert r.errors == 8 and not r.valid and not r.qualified
    s = r.score
    # the draft's qualification names core (veto) clauses instead of every shall clause (issue 13):
    # of the shall clauses this file gets wrong (5.1.1, 5.4.1, 6.1.1, 7.1.1, 7.1.3, 9.5.2, 10.1.1),
    # the core ones block qualification; the others cost their points
    assert [x.code for x in s.reasons] == ["NBS250", "NBS254"]
    assert s.reasons[1].args["clauses"] == "5.1.1, 6.1.1, 10.1.1"
    wrong = {"5.1.1", "5.4.1", "6.1.1", "7.1.1", "7.1.3", "9.5.2", "10.1.1"}
    assert {c.clause for c in s.clauses if c.level == "shall" and (not c.valid or c.status not in ("met", "not_applicable"))} == wrong
    assert (s.earned, s.available, s.percent) == (349.5, 389.0, 89.8)


def test_shipped_guideline_meets_the_content_bar():
    g = shipped()
    assert len(g.clauses) >= 90
    assessable = g.assessable
    assert len(assessable) >= 45
    for c in assessable:
        a = c.assessment
        assert a.points > 0 and a.evidence and not a.indicator.target.is_empty(), c.id
        assert c.text.zh and c.text.en
    per_criterion = Counter(x for c in assessable for x in c.mapped("iucn"))
    assert sorted(per_criterion) == [str(i) for i in range(1, 9)]
    assert min(per_criterion.values()) >= 3
    assert all(c.text.zh and c.text.en for c in g.clauses)


def test_every_release_is_frozen_and_lints_clean():
    """A release is frozen: the rules that read its wording (numbers, terms, citations: NBS13x, added
    after 1.1.0) report defects the next version fixes; every other rule finds nothing."""
    from nbscheck.model.guideline import versions
    from nbscheck.lint import citations, definitions, numbers
    from nbscheck.lint.runner import lint

    wording = set(numbers.CODES + definitions.CODES + citations.CODES)
    known = versions()
    assert "1.0.0" in known and shipped().version in known
    for version, path in known.items():
        g = shipped(version)
        assert g.version == version
        if path.parent.name == "releases":
            assert g.status == "released" and g.released, version
            assert [f for f in lint(path) if f.code not in wording] == [], version
        else:
            assert g.status == "draft"


def test_results_cross_process_boundaries_unchanged():
    """Worker processes send results back pickled; a score's compact pickle must rebuild it exactly."""
    import pickle

    for p in (QUALIFYING, MISTAKES):
        r = check_file(p)
        back = pickle.loads(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
        assert back.score == r.score and back.findings == r.findings and back.township == r.township
        assert [type(c).__name__ for c in back.score.clauses[:1]] == ["ClauseScore"]
