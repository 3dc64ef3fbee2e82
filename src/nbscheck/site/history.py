"""A clause's identity across versions: its history, its stable anchor, and where old links land.

A clause keeps its identity when it is renumbered: the pairing of :mod:`nbscheck.change.pairing`
follows ``previous:``, and the diff of each version against the one before
(:func:`nbscheck.change.diff.diff_guidelines`, already computed for the changes pages) says what
happened to it. Nothing is diffed again here; this module only walks those diffs back from the
version shown.

Anchors. A clause's anchor is its number (``#6.2.1``), unless an earlier release used that number
for a *different* clause: then the number alone keeps meaning the old clause (links to it exist),
and the clause that now carries the number is anchored ``<number>-since-<version>``. The anchor of a
clause therefore depends only on the versions up to its own, and never changes once released.

Old links. For every number an earlier release used whose clause is now elsewhere (renumbered, or
behind a ``-since-`` anchor), the page gets a hidden list of Markdown links, old number -> where the
clause is now; the site's script follows it when a visitor arrives with that number and says so.
Numbers of removed clauses point at the last release that had the clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..change.pairing import semver
from ..model.types import Guideline

NEW, RENUMBERED, REWORDED, CHANGED = "new", "renumbered", "reworded", "changed"

_WORDS = {
    "zh": {"history": "历史", "since": "{v} 起", "new": "{v} 新增", "renumbered": "{v} 由 {old} 改号",
           "reworded": "{v} 文字修改", "changed": "{v} 要求或计分修改", "marker": "{v} 有改动",
           "sep": "；", "moved": "{v} 版的 {old} 现为 {new}", "removed": "{v} 版的 {old} 已在 {gone} 删除，见该版本"},
    "en": {"history": "History", "since": "since {v}", "new": "new in {v}", "renumbered": "renumbered from {old} in {v}",
           "reworded": "reworded in {v}", "changed": "requirement or scoring changed in {v}", "marker": "changed in {v}",
           "sep": "; ", "moved": "{old} of version {v} is now {new}",
           "removed": "{old} of version {v} was removed in {gone}; see that version"},
}


@dataclass(frozen=True)
class Event:
    """One thing that happened to a clause in one version."""

    version: str
    kind: str
    old_id: str | None = None


@dataclass(frozen=True)
class Lineage:
    """One clause of the version shown, traced back through the earlier versions."""

    id: str
    since: str
    """The first version that had this clause (under any number)."""
    ids: dict[str, str]
    """Version -> the clause's number in it (only versions that had it)."""
    events: tuple[Event, ...]
    """What happened to it after ``since``, oldest first."""

    @property
    def changed_in(self) -> str | None:
        """The newest version in which it was added, renumbered or changed (None: unchanged since the first)."""
        return self.events[-1].version if self.events else None


def lineages(g: Guideline, diffs: Sequence[Any]) -> dict[str, Lineage]:
    """Each clause of ``g`` traced back through ``diffs`` (each version against the one before, oldest
    first, the last one ending at ``g``)."""
    chain = [d for d in diffs]
    first = chain[0].old.version if chain else g.version
    out: dict[str, Lineage] = {}
    for c in g.clauses:
        ids = {g.version: c.id}
        events: list[Event] = []
        here = c.id
        since = first
        for d in reversed(chain):
            back = {n: o for o, n in d.matches}
            cd = next((x for x in d.clauses if x.new_id == here), None)
            old = back.get(here)
            kinds = {ch.kind for ch in cd.changes} if cd is not None else set()
            if old is None:
                events.append(Event(d.new.version, NEW))
                since = d.new.version
                break
            if "reworded" in kinds:
                events.append(Event(d.new.version, REWORDED))
            if kinds - {"renumbered", "reworded", "added", "removed"}:
                events.append(Event(d.new.version, CHANGED))
            if old != here:
                events.append(Event(d.new.version, RENUMBERED, old))
            ids[d.old.version] = old
            here = old
        out[c.id] = Lineage(c.id, since, ids, tuple(reversed(events)))
    return out


def _numbers(diffs: Sequence[Any]) -> dict[str, set[str]]:
    """Version -> the clause numbers it used, for every version in the diffs."""
    out: dict[str, set[str]] = {}
    for d in diffs:
        out.setdefault(d.old.version, set()).update(o for o, _ in d.matches)
        out[d.old.version].update(cd.old_id for cd in d.clauses if cd.old_id)
    return out


def anchors(g: Guideline, diffs: Sequence[Any], lines: dict[str, Lineage] | None = None) -> dict[str, str]:
    """Clause number -> anchor, for the clauses whose number an earlier version gave another clause."""
    lines = lines if lines is not None else lineages(g, diffs)
    used = _numbers(diffs)
    seq = [d.old.version for d in diffs] + [g.version]
    out = {}
    for cid, ln in lines.items():
        if any(cid in used.get(v, ()) and ln.ids.get(v) != cid for v in seq[:-1]):
            # the first version from which on the clause has carried this number without a break
            since = next(seq[i] for i in range(len(seq)) if all(ln.ids.get(w) == cid for w in seq[i:]))
            out[cid] = f"{cid}-since-{since}"
    return out


@dataclass(frozen=True)
class OldLink:
    """Where a number of an earlier version lands now."""

    old_id: str
    version: str
    """The version whose number it is (the oldest that used it for this clause)."""
    new_id: str | None
    """The clause's number now; None when it was removed."""
    removed_in: str | None = None
    last: str | None = None
    """For a removed clause: the last version that had it."""


def old_links(g: Guideline, diffs: Sequence[Any], lines: dict[str, Lineage], anchor: dict[str, str]) -> list[OldLink]:
    """Every number of an earlier version that a bare ``#number`` on this version's pages would not
    find as that clause: renumbered, shadowed by a ``-since-`` anchor, or removed. Oldest meaning first."""
    out: dict[str, OldLink] = {}
    by_old: dict[tuple[str, str], str] = {}
    for cid, ln in lines.items():
        for v, old in ln.ids.items():
            by_old[(v, old)] = cid
    for d in diffs:  # oldest first: an old number keeps the meaning it had first
        v = d.old.version
        olds = {o for o, _ in d.matches} | {cd.old_id for cd in d.clauses if cd.old_id}
        for old in sorted(olds):
            if old in out:
                continue
            cid = by_old.get((v, old))
            if cid is None:
                gone = next((e for e in diffs if semver(e.old.version) >= semver(v) and any(
                    cd.old_id == old and cd.new_id is None for cd in e.clauses)), None)
                if gone is not None:
                    out[old] = OldLink(old, v, None, gone.new.version, gone.old.version)
                continue
            if anchor.get(cid, cid) != old:
                out[old] = OldLink(old, v, cid)
    return [out[k] for k in sorted(out)]


def history_line(ln: Lineage, lang: str) -> str:
    """``历史：1.0.0 起；1.1.0 由 7.7.4 改号`` under a clause's heading, with the "changed in" marker."""
    w = _WORDS[lang]
    parts = [w["new"].format(v=ln.since) if any(e.kind == NEW for e in ln.events) else w["since"].format(v=ln.since)]
    for e in ln.events:
        if e.kind == NEW:
            continue
        parts.append(w[e.kind].format(v=e.version, old=e.old_id))
    text = f"{w['history']}{'：' if lang == 'zh' else ': '}{w['sep'].join(parts)}"
    marker = (f'<span class="nbs-changed-in" data-nbs-changed="{ln.changed_in}">'
              f"{w['marker'].format(v=ln.changed_in)}</span> " if ln.changed_in else "")
    return f"{marker}{text}\n{{: .nbs-history }}"


def link_notice(link: OldLink, lang: str) -> str:
    w = _WORDS[lang]
    if link.new_id is None:
        return w["removed"].format(v=link.version, old=link.old_id, gone=link.removed_in)
    return w["moved"].format(v=link.version, old=link.old_id, new=link.new_id)
