"""The fallback editor: ruamel.yaml's round trip, for layouts that cannot be edited line by line.

ruamel.yaml keeps comments, but re-indents every sequence to one style and re-flows some scalars,
so it is used only when :mod:`.edit_lines` cannot be (an ``answers`` mapping written in flow style
``{...}``, odd line breaks).
"""

from __future__ import annotations

import io

from ..model.blank import blank_data
from .migrate_notes import note
from .plan import Plan, Work


def edit_round_trip(text: str, plan: Plan, work: Work, lang: str) -> str:
    """The migrated text, dumped by ruamel.yaml with the notes as comments."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(text)
    version = data["guideline"]["version"]
    data["guideline"]["version"] = type(version)(plan.target.version) if isinstance(version, str) else plan.target.version
    answers = data.get("answers")
    if not isinstance(answers, CommentedMap):
        answers = CommentedMap()
        data["answers"] = answers
    answers.fa.set_block_style()  # so that the comments below have lines of their own
    original = [str(k) for k in answers.keys()]
    key_type = type(next(iter(answers))) if answers and isinstance(next(iter(answers)), str) else str
    notes: dict[str, list[str]] = {}
    dropped: list[tuple[int, list[str]]] = []
    for i, k in enumerate(list(answers.keys())):
        ks = str(k)
        if ks in work.drop:
            buf = io.StringIO()
            yaml.dump({ks: answers[k]}, buf)
            lines = [note(plan, lang, work.drop[ks], id=ks)] + buf.getvalue().splitlines()
            dropped.append((i, lines))
            del answers[k]
        elif ks in work.renames:
            pos = list(answers.keys()).index(k)
            value = answers.pop(k)
            new = work.renames[ks]
            answers.insert(pos, type(k)(new) if isinstance(k, str) else new, value)
            notes.setdefault(new, []).append(note(plan, lang, "renamed", old=ks, new=new))
    order = [c.id for c in plan.target.clauses]
    for cid in work.add:
        c = plan.target.clause(cid)
        assert c is not None
        blank = CommentedMap()
        for k, v in blank_data(c).items():
            if k == "evidence":
                v = _seq(v, CommentedMap, CommentedSeq)
            blank[k] = v
        present = [str(k) for k in answers.keys()]
        earlier = [i for i, k in enumerate(present) if k in order and order.index(k) < order.index(cid)]
        answers.insert(earlier[-1] + 1 if earlier else 0, key_type(cid), blank)
        head = note(plan, lang, "new" if cid in plan.new_clauses else "now_shall")
        notes.setdefault(cid, []).extend([head, f"{cid} {c.text.get(lang)}"])
    # an answer commented out goes before the answer that followed it, else after the one before it
    final = [str(k) for k in answers.keys()]
    for i, lines in dropped:
        after = [work.renames.get(k, k) for k in original[i + 1:] if k not in work.drop]
        target = after[0] if after else (final[-1] if final else None)
        if target is None:
            data.yaml_set_comment_before_after_key("answers", before="\n".join(lines))
        else:
            notes.setdefault(target, [])[:0] = lines
    for k in work.baselines:  # the empty baseline slot of an answer now judged against the baseline
        key = work.renames.get(k, k)
        c = plan.target.clause(key)
        assert c is not None
        found = next((a for a in answers.keys() if str(a) == key), None)
        if found is not None and isinstance(answers[found], CommentedMap):
            base = CommentedMap()
            for bk, bv in blank_data(c)["baseline"].items():
                base[bk] = _seq(bv, CommentedMap, CommentedSeq) if bk == "evidence" else bv
            answers[found]["baseline"] = base
    if work.stage and "stage" not in data:
        keys = list(data.keys())
        data.insert(keys.index("answers") if "answers" in keys else len(keys), "stage", None)
    for k, whats in work.flags.items():
        notes.setdefault(work.renames.get(k, k), []).extend(note(plan, lang, "check", what=w) for w in whats)
    for key, lines in notes.items():
        answers.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    old_id, new_id = plan.schema_ids()
    return buf.getvalue().replace(old_id, new_id)



def _seq(rows: list, map_type: type, seq_type: type):
    """Evidence rows as ruamel.yaml round-trip nodes, in block style as ``init`` writes them (a
    Windows path cannot break the row)."""
    seq = seq_type()
    for item in rows:
        seq.append(map_type(item))
    return seq
