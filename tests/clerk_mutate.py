"""A seeded generator of township-clerk mistakes, and the measure of how nbscheck reports them.

Why: the held-out corpus of issue 12 is about a hundred files we never see, each with one mistake
a clerk makes in Notepad or WPS. A fixed corpus (tests/fixtures/clerk) is learnt by heart too easily;
this script makes as many different ones as asked, from real starting points: the ``nbscheck init``
template (release 1.1.0 and the 2.0 draft, Chinese and English) filled in like a clerk would, and the
example submissions. Each file carries one mistake whose line is known from the edit itself (never
from running nbscheck), and sometimes a harmless way of saving it (CRLF, bare CR, a BOM, GBK).

Measured per file: a crash (any exception), whether a finding is on the mistaken line, and whether
any Chinese message or hint speaks parser or schema jargon. Run::

    PYTHONPATH=src .venv/bin/python tests/clerk_mutate.py --files 600 --seed 1 [--show-misses]

tests/test_clerk_mutations.py runs it on a fixed seed and asserts the rates.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# Words a clerk should never read in a Chinese message or hint (the corpus test's list, plus
# libyaml's own English sentences).
JARGON = re.compile(r"null|None|mapping|映射|scalar|标量|regex|正则|\^\[|\[0-9|\$|answers/|/evidence/|"
                    r"schema|jsonschema|instance|validator|Traceback|while scanning|while parsing|"
                    r"could not find|did not find|expected <|found character|block end|flow sequence")


@dataclass
class Case:
    """One mutated file: what the clerk did and which lines are the mistake's (1-based)."""

    kind: str
    base: str
    lines: frozenset[int]
    data: bytes
    carrier: str = ""
    original: str = ""  # the base's text (shared, not copied): what was already reported there is no hit


@dataclass
class Tally:
    files: int = 0
    crashes: int = 0
    hits: int = 0
    jargon: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_carrier: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[Case, list[tuple[str, int, int]]]] = field(default_factory=list)
    jargon_texts: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.hits / self.files if self.files else 0.0


# --- starting points --------------------------------------------------------------------------


def _example_answers(name: str) -> dict:
    data = yaml.safe_load((EXAMPLES / name / "submission.yaml").read_text(encoding="utf-8"))
    return data["answers"]


def _plain(v) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return str(v)


HEADER = {
    "name: {zh: \"\", en: \"\"}": "name: {zh: 白沙镇, en: Baisha}",
    "county: {zh: \"\", en: \"\"}": "county: {zh: 示例县, en: Example County}",
    "province: {zh: \"\", en: \"\"}": "province: {zh: 浙江省, en: Zhejiang}",
    'code: ""': 'code: "339901101"',
    'start: ""': "start: 2025-01-01",
    'end: ""': "end: 2025-12-31",
    'phone: ""': 'phone: "0574-00000000"',
    'email: ""': "email: ecology@example.org",
}


def filled_template(version: str, lang: str, rng: random.Random, example: str) -> tuple[str, set[int]]:
    """The init template with the header and some answers filled in from the example's values, and
    the lines a clerk has typed in (the header and the filled answers): only those get a mistake,
    since a blank answer is not checked yet."""
    from nbscheck.model.guideline import shipped
    from nbscheck.model.template import blank_submission

    text = blank_submission(shipped(version), lang, "submission.yaml")
    answers = _example_answers(example)
    lines = text.split("\n")
    out: list[str] = []
    contact = False
    clause: str | None = None
    chosen = {k for k in answers if rng.random() < 0.35}
    ev_paths: list[str] = []
    typed: set[int] = set()
    head = True
    blank_row = False
    for line in lines:
        s = line.strip()
        if line.startswith("contact:"):
            contact = True
        if contact and s.startswith('name: ""'):
            line = line.replace('name: ""', "name: 王芳")
        for k, v in HEADER.items():
            if line.lstrip().startswith(k):
                line = line.replace(k, v, 1)
        if line.startswith("stage:"):
            line = "stage: entry"
        m = re.match(r'  "([0-9.]+)":$', line)
        if m:
            clause = m[1] if m[1] in chosen else None
            if clause:
                ev_paths = [e.get("path") for e in answers[clause].get("evidence") or [] if isinstance(e, dict)]
        elif clause and re.match(r"    status:", line):
            line = f"    status: {answers[clause].get('status', 'met')}"
        elif clause and re.match(r"    value:", line) and "value" in answers[clause]:
            line = f"    value: {_plain(answers[clause]['value'])}"
            if answers[clause].get("unit"):
                line += f"\n    unit: {answers[clause]['unit']}"
        elif clause and re.match(r'      - path: ""', line):
            if ev_paths:
                line = f"      - path: {ev_paths.pop(0)}"
        if line.startswith("answers:"):
            head = False
        elif not line.startswith((" ", "#")) and not head and line.strip():
            clause = None
        if re.match(r' +- path: ""', line):
            blank_row = True  # an evidence row left blank: its kind and description are the template's
        elif re.match(r" +- ", line) or not line.startswith("        "):
            blank_row = False
        for part in line.split("\n"):  # a value line may have brought its unit line
            if (head or clause) and not blank_row and part.strip() and not part.lstrip().startswith("#"):
                typed.add(len(out))
            out.append(part)
    return "\n".join(out), typed


def bases(rng: random.Random) -> dict[str, tuple[str, set[int] | None]]:
    """The starting points and, for each, the 0-based lines a mistake may go on (None: any)."""
    out: dict[str, tuple[str, set[int] | None]] = {}
    for version, example in (("1.1.0", "qualifying"), ("2.0.0", "qualifying-2.0")):
        for lang in ("zh", "en"):
            out[f"init-{version}-{lang}"] = filled_template(version, lang, rng, example)
    for ex in ("qualifying", "qualifying-2.0"):
        out[ex] = ((EXAMPLES / ex / "submission.yaml").read_text(encoding="utf-8"), None)
    return out


# --- mistakes ---------------------------------------------------------------------------------
# Each takes the base's lines and a random source and returns (new lines, mistaken lines) or None
# when the base has no line it applies to. Line numbers are 1-based in the new file.

Lines = list[str]
Result = tuple[Lines, set[int]] | None
KEY = re.compile(r"^( *)([A-Za-z_][A-Za-z_]*|\"[0-9.]+\"): (\S.*)$")


_TYPED: list[set[int] | None] = [None]  # the lines of the current base a clerk typed in (None: all)
_GRADED: list[set[str]] = [set()]  # the clauses of the current base whose status the value decides


def _pick(lines: Lines, rng: random.Random, pattern: str, avoid: str | None = None) -> int | None:
    rx = re.compile(pattern)
    typed = _TYPED[0]
    hits = [i for i, s in enumerate(lines) if (typed is None or i in typed) and rx.search(s)
            and not (avoid and re.search(avoid, s))]
    return rng.choice(hits) if hits else None


def _value_line(lines: Lines, rng: random.Random, key: str, value: str | None = None) -> int | None:
    pat = rf"^ +{key}: " + (re.escape(value) if value else r"\S")
    return _pick(lines, rng, pat + r"(\s*#.*)?")


def _set_value(key: str, new: str | Callable[[str], str], pick: str | None = None):
    def mut(lines: Lines, rng: random.Random) -> Result:
        i = _value_line(lines, rng, key, pick)
        if i is None:
            return None
        head, _, rest = lines[i].partition(f"{key}: ")
        old = rest.split("  #")[0].strip()
        lines[i] = head + f"{key}: " + (new(old) if callable(new) else new)
        return lines, {i + 1}
    return mut


def status_word(lines: Lines, rng: random.Random) -> Result:
    word = rng.choice(["符合", "是", "Met", "meet", "MET", "达标", "完成", "yes", "Yes", "部分符合", "不符合",
                       "不适用", "met.", "met,", "基本符合", "已完成", "√", "partly", "not met", "Partial"])
    return _set_value("status", word)(lines, rng)


def value_units(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    value: -?[0-9][0-9.]*(\s*#.*)?$")
    if i is None:
        return None
    num = lines[i].split("value: ")[1].split()[0]
    unit = rng.choice(["公顷", " 公顷", "%", "％", "个", "万元", " ha", "亩", "km", "处", "人次", "平方米", "元"])
    lines[i] = f"    value: {num}{unit}"
    return lines, {i + 1}


def value_forms(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    value: [0-9][0-9.]*(\s*#.*)?$")
    if i is None:
        return None
    num = float(lines[i].split("value: ")[1].split()[0])
    forms = [f"{num * 1000:,.0f}", f'"{num * 1000:,.1f}"', f"{num * 1000:,.0f}".replace(",", "，"),
             f"约{num:g}", f"{num:g}左右", f"{num / 100:g}" if num > 1 else "六十", f"{num:g}-{num + 5:g}",
             f"'{num:g}'", f"大于{num:g}"]
    lines[i] = f"    value: {rng.choice(forms)}"
    return lines, {i + 1}


def bool_words(lines: Lines, rng: random.Random) -> Result:
    return _set_value("value", rng.choice(["是", "否", "有", "已完成", "√", "Yes", "对", "完成", "1", '"true"', "是的"]),
                      "true")(lines, rng)


def date_forms(lines: Lines, rng: random.Random) -> Result:
    key = rng.choice(["start", "end"])
    form = rng.choice(["2025年1月1日", "2025/1/1", "2025.1.1", "2025-1-1", '"2025-1-1"', "2025.01.01", "20250101",
                       "2025年", "2025-13-01", "2025年12月31日", "2025/12/31", "2025-12-31日"])
    return _set_value(key, form)(lines, rng)


def code_forms(lines: Lines, rng: random.Random) -> Result:
    return _set_value("code", rng.choice(["33990110", '"3399011010"', '"339901101000"', "339 901 101", '"33990110l"',
                                         "“339901101”", '"339901101 "']))(lines, rng)


def fullwidth_colon(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +[a-z_]+: \S", r"#")
    if i is None:
        return None
    lines[i] = lines[i].replace(": ", rng.choice(["：", "： ", " ：", "：　"]), 1)
    return lines, {i + 1}


def fullwidth_brackets(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"\{[a-z]+: .*\}\s*$")
    if i is None:
        return None
    s = lines[i]
    choice = rng.random()
    if choice < 0.4:
        s = s.replace("{", "｛", 1).replace("}", "｝")
    elif choice < 0.7:
        s = s.replace("}", "｝")
    else:
        s = s.replace(", ", "，", 1)
    lines[i] = s
    return lines, {i + 1}


def fullwidth_quotes(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(- )?(status|version|code|start|end|kind|path|unit): (\"[^\"]*\"|[A-Za-z0-9./_-]+)\s*(#.*)?$")
    if i is None:
        return None
    head, _, rest = lines[i].partition(": ")
    v = rest.split("  #")[0].strip().strip('"')
    q = rng.choice([("“", "”"), ("‘", "’"), ("”", "”"), ("“", '"'), ("「", "」")])
    lines[i] = f"{head}: {q[0]}{v}{q[1]}"
    return lines, {i + 1}


def brackets_value(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    value: [0-9]")
    if i is None:
        return None
    v = lines[i].split("value: ")[1].split()[0]
    lines[i] = rng.choice([f"    value: （{v}）", f"    value: [{v}", f"    value: ［{v}］", f"    value: {{{v}"])
    return lines, {i + 1}


def unpaired_quote(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(name|version|code|phone|description|note|path|start|end|status): \S", r'^\s*-? *\w+: ".*"\s*$')
    if i is None:
        i = _pick(lines, rng, r"^ +(name|version|code|phone|description|note|path|start|end|status): \S")
        if i is None:
            return None
    head, _, rest = lines[i].partition(": ")
    v = rest.split("  #")[0].strip().strip('"').strip("'")
    q = rng.choice(['"', "'"])
    lines[i] = f"{head}: {q}{v}"
    return lines, {i + 1}


def windows_path(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +- path: \S|- \{path: ")
    if i is None:
        return None
    s = lines[i]
    name = rng.choice(["报告.pdf", "baogao.pdf", "tudi.docx", "nongtian.xlsx", "map.pdf", "unit1.pdf", "xinxi.doc"])
    p = rng.choice([f"D:\\资料\\{name}", f"C:\\Users\\wang\\Desktop\\{name}", f"evidence\\{name}", f"证据\\{name}"])
    ind = s[: len(s) - len(s.lstrip())]
    if "{path:" in s:
        rest = s.split(",", 1)[1] if "," in s else " kind: map}"
        form = rng.choice([f'{{path: "{p}",{rest}', f"{{path: {p},{rest}"])
        lines[i] = f"{ind}- {form}"
    elif rng.random() < 0.7:
        lines[i] = f'{ind}- path: "{p}"'
    else:  # the whole row retyped in flow style
        end = i + 1
        while end < len(lines) and lines[end].startswith(ind + "  ") and not lines[end].lstrip().startswith("- "):
            end += 1
        lines[i:end] = [f"{ind}- {{path: {p}, kind: map}}"]
    return lines, {i + 1}


def indent_key(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ {2,}[a-z_\"][a-z_0-9.\"]*:( |$)")
    if i is None:
        return None
    d = rng.choice([-2, -1, 1, 2, 3])
    s = lines[i]
    if d < 0:
        if not s.startswith(" " * -d):
            return None
        lines[i] = s[-d:]
    else:
        lines[i] = " " * d + s
    return lines, {i + 1}


def indent_dash(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +- ")
    if i is None:
        return None
    d = rng.choice([-2, -1, 1, 2])
    lines[i] = lines[i][-d:] if d < 0 else " " * d + lines[i]
    return lines, {i + 1}


def tab_indent(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ {2,}\S")
    if i is None:
        return None
    s = lines[i]
    n = len(s) - len(s.lstrip(" "))
    lines[i] = rng.choice(["\t" * max(1, n // 4), "\t" + " " * (n - 2) if n > 2 else "\t", "  \t"[: max(1, n - 1)] + "\t"]) + s.lstrip(" ")
    return lines, {i + 1}


def no_space(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(- )?[a-z_]+: [^\s\"{\[#]", r"https?:")
    if i is None:
        return None
    lines[i] = lines[i].replace(": ", ":", 1)
    return lines, {i + 1}


def chinese_key(lines: Lines, rng: random.Random) -> Result:
    names = {"status": ["状态", "结论", "达标情况"], "value": ["数值", "指标值", "值"], "note": ["备注"],
             "description": ["说明", "描述"], "path": ["路径", "文件"], "kind": ["类型", "种类"],
             "unit": ["单位"], "justification": ["理由"]}
    i = _pick(lines, rng, r"^ +(- )?(status|value|note|description|path|kind|unit|justification): \S")
    if i is None:
        return None
    m = re.match(r"^( +(?:- )?)([a-z]+)(: .*)$", lines[i])
    sep = rng.choice([": ", "：", ": "])
    lines[i] = m[1] + rng.choice(names[m[2]]) + sep + m[3][2:]
    return lines, {i + 1}


def trailing_wide(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(status|value|kind|unit|code|version): [^#]*$")
    if i is None:
        return None
    lines[i] = lines[i].rstrip() + rng.choice(["　", "　　", " 　", "\u00a0", "\u200b"])
    return lines, {i + 1}


def smart_quote_line(lines: Lines, rng: random.Random) -> Result:
    """A line pasted from Word: Word's colon and quotes around a typed value, or a note line whose
    colon Word made full-width."""
    i = _pick(lines, rng, r"^ +(- )?(description|note|path|status|kind|start|end): ")
    if i is None:
        return None
    head, _, rest = lines[i].partition(": ")
    v = rest.split("  #")[0].strip().strip('"')
    if head.strip().endswith(("description", "note")):
        v = v or "见附件"
        lines[i] = head + rng.choice([f"：“{v}”", f"：{v}", f": “{v}”，见附件"])
        if lines[i].endswith(f": “{v}”，见附件"):
            return None  # text with quotes inside is fine text
    else:
        lines[i] = head + rng.choice([f": “{v}”", f"：“{v}”", f"：{v}"])
    return lines, {i + 1}


def colon_in_value(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(name|description|note): [^\"']")
    if i is None:
        return None
    head = lines[i].split(": ")[0]
    lines[i] = f"{head}: " + rng.choice(["联系人: 王芳", "见附件: 报告", "备注: 无", "说明: 第2章"])
    return lines, {i + 1}


def delete_status(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    status: (met|partial)")
    if i is None or i + 1 >= len(lines) or not lines[i + 1].startswith("    value: ") \
            or lines[i - 1].strip().strip('":') in _GRADED[0]:  # a graded clause may leave its status out
        return None
    del lines[i]
    return lines, {i, i + 1}  # the clause's id line (above) or the value left without it


def delete_value(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    status: met")
    if i is None or not lines[i + 1].startswith("    value: "):
        return None
    del lines[i + 1]
    return lines, {i + 1, i}  # the status line that now has no value, or the clause id


def duplicate_key(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(status|value|unit|note|start|end|code|version): \S")
    if i is None:
        return None
    s = lines[i]
    new = s if rng.random() < 0.5 else re.sub(r": .*", ": " + rng.choice(["met", "partial", "100", "2025-06-30"]), s)
    lines.insert(i + 1, new)
    return lines, {i + 2}


def duplicate_clause(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r'^  "[0-9.]+":$')
    if i is None:
        return None
    j = i + 1
    while j < len(lines) and (lines[j].startswith("    ") or not lines[j].strip()):
        j += 1
    ids = [k for k, s in enumerate(lines) if re.match(r'^  "[0-9.]+":$', s) and k != i]
    if not ids:
        return None
    k = rng.choice(ids)
    lines[k] = lines[i]
    return lines, {k + 1, i + 1}  # the id typed twice: either place is the mistake's


def clause_typo(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r'^  "[0-9]+\.[0-9]+\.[0-9]+":$')
    if i is None:
        return None
    cid = lines[i].strip()[1:-2]
    a, b, c = cid.split(".")
    forms = [f"{a}.{b}.{c}9", f"{a}.{b}.l", f"{a}..{b}.{c}", f"{a}.{b}。{c}", f"{a}.{b}.{int(c) + 20}", f"{a}.{b}-{c}",
             f"{a}.{b}.{c}.", f" {a}.{b}.{c}", f"{a},{b}.{c}"]
    lines[i] = f'  "{rng.choice(forms)}":'
    return lines, {i + 1}


def evidence_name(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"path: evidence/[A-Za-z0-9_-]+\.[a-z]+")
    if i is None:
        return None
    m = re.search(r"evidence/([A-Za-z0-9_-]+)\.([a-z]+)", lines[i])
    stem, suf = m[1], m[2]
    new = rng.choice([f"evidence/{stem}", f"evidence/{stem.capitalize()}.{suf}", f"evidence/{stem}.{suf.upper()}",
                      f"Evidence/{stem}.{suf}", f"evidence/{stem}.pdf" if suf != "pdf" else f"evidence/{stem}.doc",
                      f"evidence/{stem[:-1]}.{suf}", f"evidence/{stem}.{suf}.{suf}", f"evidence /{stem}.{suf}"])
    lines[i] = lines[i].replace(m[0], new, 1)
    return lines, {i + 1}


def kind_word(lines: Lines, rng: random.Random) -> Result:
    return _set_value("kind", rng.choice(["报告", "调查报告", "map.", "Map", "survey report", "survey_report", "photo",
                                          "照片", "地图", "other"]))(lines, rng)


def unit_word(lines: Lines, rng: random.Random) -> Result:
    return _set_value("unit", rng.choice(["公顷", "Ha", "亩", "hectare", "个", "万元", "%", "percent", "km2", "平方公里"]))(lines, rng)


def version_forms(lines: Lines, rng: random.Random) -> Result:
    return _set_value("version", rng.choice(['"1.1"', "1.1", '"v1.1.0"', '"1.1.0 "', '"2.0"', '"1.l.0"', "1.1.0.", '"1,1,0"']))(lines, rng)


def single_key_no_space(lines: Lines, rng: random.Random) -> Result:
    """A key whose block has one line only, written without the space: ``status:met`` alone."""
    i = _pick(lines, rng, r'^  "[0-9.]+":$')
    if i is None:
        return None
    j = i + 1
    while j < len(lines) and (lines[j].startswith("    ") or not lines[j].strip() or lines[j].lstrip().startswith("#")):
        j += 1
    lines[i + 1:j] = ["    status:" + rng.choice(["met", "partial", "not_met"])]
    return lines, {i + 2}


def flow_evidence_path(lines: Lines, rng: random.Random) -> Result:
    """An evidence row typed in flow style with an unquoted Windows path or a colon in the name."""
    i = _pick(lines, rng, r"^ +- path: evidence/")
    if i is None:
        return None
    ind = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
    end = i + 1
    while end < len(lines) and lines[end].startswith(ind + "  ") and not lines[end].lstrip().startswith("- "):
        end += 1
    lines[i:end] = [ind + rng.choice(["- {path: D:\\资料\\报告.pdf, kind: map}", '- {path: "D:\\资料\\tu.pdf", kind: map}',
                                      "- {path: evidence/map.pdf kind: map}", "- {path: evidence/map.pdf, kind: map",
                                      "- {path：evidence/map.pdf, kind: map}", "- [path: evidence/map.pdf, kind: map]"])]
    return lines, {i + 1}


def two_columns(lines: Lines, rng: random.Random) -> Result:
    """Two sibling keys typed at different columns (the second one off by one or two)."""
    i = _pick(lines, rng, r"^    (value|unit|justification|note|evidence):")
    if i is None or not lines[i - 1].startswith("    ") or lines[i - 1].startswith("     "):
        return None
    lines[i] = rng.choice(["   ", "     ", "      "]) + lines[i].lstrip()
    return lines, {i + 1}


def comment_no_space(lines: Lines, rng: random.Random) -> Result:
    """``status: met#符合``: a note typed after the value without the space that makes it a comment."""
    i = _pick(lines, rng, r"^ +(status|value|kind|unit): [A-Za-z0-9._-]+$")
    if i is None:
        return None
    lines[i] += rng.choice(["#符合", "#已完成", "（已完成）", " 已完成", "。", "；", "、"])
    return lines, {i + 1}


def misspelt_key(lines: Lines, rng: random.Random) -> Result:
    typos = {"status": ["staus", "Status", "STATUS", "statu", "stauts"], "value": ["vaule", "Value", "valve", "values"],
             "evidence": ["evidense", "Evidence", "evidences"], "kind": ["kinds", "Kind", "type"],
             "path": ["Path", "paht", "file"], "unit": ["units", "Unit"], "note": ["notes", "Note"],
             "justification": ["justfication", "reason"], "start": ["Start", "begin"], "end": ["End", "finish"]}
    i = _pick(lines, rng, r"^ +(- )?(status|value|evidence|kind|path|unit|note|justification|start|end):( |$)")
    if i is None:
        return None
    m = re.match(r"^( +(?:- )?)([a-z]+)(:.*)$", lines[i])
    lines[i] = m[1] + rng.choice(typos[m[2]]) + m[3]
    return lines, {i + 1}


def extra_colon(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^ +(status|value|kind|unit|start|end): [^\s#]+$")
    if i is None:
        return None
    lines[i] += rng.choice([":", "：", ": "])
    return lines, {i + 1}


def missing_dash(lines: Lines, rng: random.Random) -> Result:
    """The second evidence row typed without its ``-``, or with no space after it."""
    i = _pick(lines, rng, r"^ +- path: ")
    if i is None or not any(lines[j].lstrip().startswith("- ") for j in range(max(0, i - 4), i)):
        return None
    ind = indent_of(lines[i])
    lines[i] = rng.choice([" " * (ind + 2), " " * ind + "-", " " * ind]) + lines[i].lstrip()[2:]
    return lines, {i + 1}


def indent_of(s: str) -> int:
    return len(s) - len(s.lstrip(" "))


def delete_line(lines: Lines, rng: random.Random) -> Result:
    """A line deleted by accident: an evidence row's kind, the ``evidence:`` above the rows, a clause id."""
    i = _pick(lines, rng, r'^ +(kind: \S|evidence:$|"[0-9.]+":$)')
    if i is None:
        return None
    s = lines[i].strip()
    del lines[i]
    if s.startswith("kind"):
        return lines, {i, i + 1}  # the row that lost its kind (its path line above), or where it was
    return lines, {i + 1, i}  # the rows left without their key, or the line above


def wide_decimal(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    value: [0-9]+\.[0-9]+$")
    if i is None:
        return None
    lines[i] = lines[i].replace(".", rng.choice(["。", "．", "，", ","]))
    return lines, {i + 1}


def block_shift(lines: Lines, rng: random.Random) -> Result:
    """A whole answer pasted two spaces too far right (its id and every line under it)."""
    i = _pick(lines, rng, r'^  "[0-9.]+":$')
    if i is None or i < 3 or lines[prev_content(lines, i)].rstrip().endswith("answers:"):
        return None
    j = i + 1
    while j < len(lines) and (lines[j].startswith("    ") or not lines[j].strip()):
        j += 1
    for k in range(i, j):
        if lines[k].strip():
            lines[k] = "  " + lines[k]
    return lines, {i + 1}


def prev_content(lines: Lines, i: int) -> int:
    j = i - 1
    while j > 0 and (not lines[j].strip() or lines[j].lstrip().startswith("#")):
        j -= 1
    return j


def empty_slot(lines: Lines, rng: random.Random) -> Result:
    """A filled evidence row whose kind, or a met answer whose status, was cleared."""
    i = _pick(lines, rng, r"^ +kind: [a-z-]+$") if rng.random() < 0.5 else None
    if i is not None and re.match(r" +- path: \S+", lines[i - 1]) and '""' not in lines[i - 1]:
        lines[i] = lines[i].split(":")[0] + rng.choice([":", ': ""', ": ~"])
        return lines, {i + 1}
    return None


def two_on_one_line(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^    status: (met|partial)$")
    if i is None or not re.match(r"^    value: \S+$", lines[i + 1]):
        return None
    lines[i:i + 2] = [lines[i] + rng.choice([" ", ", ", "，", "  "]) + lines[i + 1].strip()]
    return lines, {i + 1}


def wide_date_digits(lines: Lines, rng: random.Random) -> Result:
    i = _pick(lines, rng, r"^  (start|end): \S")
    if i is None:
        return None
    table = str.maketrans("0123456789-", "０１２３４５６７８９－")
    head, _, v = lines[i].partition(": ")
    v = v.strip().strip('"')
    lines[i] = f"{head}: " + (v.translate(table) if rng.random() < 0.5 else v[:4].translate(table) + v[4:])
    return lines, {i + 1}


def delete_answers(lines: Lines, rng: random.Random) -> Result:
    if "answers:" not in lines:
        return None
    i = lines.index("answers:")
    del lines[i]
    k = i
    while k < len(lines) and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
        k += 1
    return lines, {i, i + 1, k + 1}  # the line above, where it was, or the first clause id


MUTATIONS: dict[str, Callable[[Lines, random.Random], Result]] = {
    "block-shift": block_shift, "empty-slot": empty_slot, "two-on-one-line": two_on_one_line,
    "wide-date-digits": wide_date_digits, "delete-answers": delete_answers,
    "comment-no-space": comment_no_space, "misspelt-key": misspelt_key, "extra-colon": extra_colon,
    "missing-dash": missing_dash, "delete-line": delete_line, "wide-decimal": wide_decimal,
    "status-word": status_word, "value-units": value_units, "value-forms": value_forms, "bool-words": bool_words,
    "date-forms": date_forms, "code-forms": code_forms, "fullwidth-colon": fullwidth_colon,
    "fullwidth-brackets": fullwidth_brackets, "fullwidth-quotes": fullwidth_quotes, "brackets-value": brackets_value,
    "unpaired-quote": unpaired_quote, "windows-path": windows_path, "indent-key": indent_key,
    "indent-dash": indent_dash, "tab-indent": tab_indent, "no-space": no_space, "chinese-key": chinese_key,
    "trailing-wide": trailing_wide, "smart-quote-line": smart_quote_line, "colon-in-value": colon_in_value,
    "delete-status": delete_status, "delete-value": delete_value, "duplicate-key": duplicate_key,
    "duplicate-clause": duplicate_clause, "clause-typo": clause_typo, "evidence-name": evidence_name,
    "kind-word": kind_word, "unit-word": unit_word, "version-forms": version_forms,
    "single-key-no-space": single_key_no_space, "flow-evidence-path": flow_evidence_path, "two-columns": two_columns,
}


def carry(text: str, rng: random.Random) -> tuple[bytes, str]:
    """How the file is saved: mostly UTF-8 with LF; sometimes CRLF, bare CR, a BOM or GBK."""
    r = rng.random()
    if r < 0.55:
        return text.encode("utf-8"), ""
    if r < 0.75:
        return text.replace("\n", "\r\n").encode("utf-8"), "crlf"
    if r < 0.82:
        return text.replace("\n", "\r").encode("utf-8"), "cr"
    if r < 0.9:
        return ("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"), "bom"
    try:
        return text.replace("\n", "\r\n").encode("gbk"), "gbk"
    except UnicodeEncodeError:
        return text.encode("utf-8"), ""


def cases(n: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    starts = bases(rng)
    names = sorted(starts)
    kinds = sorted(MUTATIONS)
    out: list[Case] = []
    meanings: dict[str, object] = {}
    graded: dict[str, set[str]] = {}
    tries = 0
    while len(out) < n and tries < n * 20:
        tries += 1
        base = names[len(out) % len(names)] if rng.random() < 0.7 else rng.choice(names)
        kind = kinds[len(out) % len(kinds)] if rng.random() < 0.6 else rng.choice(kinds)  # every kind, often
        start, _TYPED[0] = starts[base]
        _GRADED[0] = graded.setdefault(base, _graded(base))
        lines = start.split("\n")
        got = MUTATIONS[kind](list(lines), rng)
        if got is None:
            continue
        new, where = got
        text = "\n".join(new)
        # not a mistake after all (the same data, e.g. a moved comment); a repeated key is one anyway
        if kind != "duplicate-key" and _meaning(text) == meanings.setdefault(base, _meaning(start)):
            continue
        data, carrier = carry(text, rng)
        out.append(Case(kind, base, frozenset(where), data, carrier, start))
    return out


def _graded(base: str) -> set[str]:
    from nbscheck.model.guideline import shipped

    version = "2.0.0" if "2.0" in base else "1.1.0" if "1.1.0" in base else "1.0.0"
    return {c.id for c in shipped(version).assessable if c.assessment.indicator.grading is not None}


def _meaning(text: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return "<error>"
    except Exception:  # noqa: BLE001 - a recursion or value error is as good as a parse error here
        return "<error>"


# --- measuring --------------------------------------------------------------------------------


def measure(all_cases: list[Case], keep: int = 400) -> Tally:
    from nbscheck.check.checker import check_file

    t = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for ex in ("qualifying", "qualifying-2.0"):
            folders[ex] = Path(tmp) / ex
            shutil.copytree(EXAMPLES / ex / "evidence", folders[ex] / "evidence")
        before: dict[str, set[tuple[str, int]]] = {}
        for n, c in enumerate(all_cases):
            folder = folders["qualifying-2.0" if "2.0" in c.base else "qualifying"]
            if c.base not in before:
                p = folder / "base.yaml"
                p.write_text(c.original, encoding="utf-8")
                before[c.base] = {(f.code, f.line) for f in check_file(p, name="submission.yaml").findings}
            p = folder / f"s{n}.yaml"
            p.write_bytes(c.data)
            t.files += 1
            row, saved = t.by_kind[c.kind], t.by_carrier[c.carrier or "utf-8"]
            row[1] += 1
            saved[1] += 1
            try:
                r = check_file(p, name="submission.yaml")
            except Exception:  # noqa: BLE001 - a crash is what is counted here
                t.crashes += 1
                t.misses.append((c, [("CRASH", 0, 0)]))
                continue
            finally:
                p.unlink()
            found = [(f.code, f.line, f.column) for f in r.findings]
            if any(line in c.lines and (code, line) not in before[c.base] for code, line, _ in found):
                t.hits += 1
                row[0] += 1
                saved[0] += 1
            elif len(t.misses) < keep:
                t.misses.append((c, found))
            bad = [text for f in r.findings for text in (f.message("zh"), f.hint("zh")) if JARGON.search(text or "")]
            if bad:
                t.jargon += 1
                t.jargon_texts.extend(bad[:2])
    return t


def _show(c: Case, found) -> str:
    text = c.data.decode("gbk" if c.carrier == "gbk" else "utf-8-sig")
    lines = re.split(r"\r\n|\r|\n", text)
    at = min(c.lines)
    ctx = "\n".join(f"    {k + 1:5d}| {lines[k]!r}" for k in range(max(0, at - 3), min(len(lines), at + 2)))
    near = [f for f in found if abs(f[1] - at) < 6] or found[:4]
    return f"  {c.kind} [{c.base} {c.carrier}] lines {sorted(c.lines)}: got {near}\n{ctx}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--only", help="only this kind of mistake")
    a = ap.parse_args(argv)
    if importlib.util.find_spec("nbscheck") is None:  # PYTHONPATH chooses which checker is measured
        sys.path.insert(0, str(ROOT / "src"))
    cs = cases(a.files, a.seed)
    if a.only:
        cs = [c for c in cs if c.kind == a.only]
    t = measure(cs)
    print(f"files {t.files}  crashes {t.crashes}  on the line {t.hits} ({t.rate:.1%})  "
          f"files with jargon {t.jargon}")
    for k, (h, n) in sorted(t.by_kind.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {k:22s} {h:4d}/{n:<4d} {h / n:.0%}")
    print("  saved as:", {k: f"{h}/{n}" for k, (h, n) in sorted(t.by_carrier.items())})
    if a.show_misses:
        for c, found in t.misses:
            print(_show(c, found))
        for text in t.jargon_texts[:20]:
            print("  jargon:", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
