"""Which findings a run reports and at what severity: ``--ignore``/``--select``/``--severity`` and the
config file (``[tool.nbscheck]`` in pyproject.toml, or a ``.nbscheck.toml``), found from the working
folder upwards, the way ruff and pytest find theirs.

Settings: ``ignore`` and ``select`` (lists of codes or code prefixes such as ``NBS2``),
``severity`` (a table ``code = "error" | "warning" | "note"``) and ``lang``. On the command line,
``--ignore`` adds to the file's list, ``--select`` replaces it, ``--severity CODE=LEVEL`` wins. The
policy changes what is reported and the exit code; the score is computed from the findings as found.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..findings import Finding, Position, Severity, make
from ..messages import CATALOG
from ..suggest import did_you_mean
from ..yaml.load import display_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CODES: tuple[str, ...] = ("NBS001", "NBS400", "NBS401", "NBS402", "NBS403")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

FILE_NAMES = (".nbscheck.toml", "pyproject.toml")
KEYS = ("ignore", "select", "severity", "lang")
LEVELS = {s.value: s for s in Severity}


class ConfigError(Exception):
    """The config file or an option cannot be used; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.code for f in findings))
        self.findings = findings


@dataclass(frozen=True)
class Policy:
    """What to report: codes or prefixes to keep (``select``, empty = all) or drop, and severities."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    source: str | None = None  # the config file it came from, if any

    def keeps(self, code: str) -> bool:
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if f.code == "NBS001" or self.keeps(f.code):  # an unreadable file is never silenced
                level = self.severity.get(f.code)
                out.append(dataclasses.replace(f, severity=level) if level and level is not f.severity else f)
        return out

    @property
    def active(self) -> bool:
        return bool(self.select or self.ignore or self.severity)


def find_config(start: Path) -> Path | None:
    """The nearest ``.nbscheck.toml``, or ``pyproject.toml`` with a ``[tool.nbscheck]`` table."""
    for folder in (start, *start.parents):
        own = folder / FILE_NAMES[0]
        if own.is_file():
            return own
        py = folder / FILE_NAMES[1]
        if py.is_file():
            try:
                if "nbscheck" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return py  # load_config reports what is wrong with it
    return None


def _line_of(text: str, key: str) -> Position:
    for i, line in enumerate(text.splitlines(), 1):
        m = re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line)
        if m:
            return Position("", i, len(line) - len(line.lstrip()) + 1)
    return Position("", 1, 1)


def _at(file: str, text: str, key: str) -> Position:
    p = _line_of(text, key)
    return Position(file, p.line, p.column)


def load_config(path: Path) -> dict[str, Any]:
    """The nbscheck settings of ``path``, checked; raises :class:`ConfigError` with positions."""
    shown = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise ConfigError([make("NBS001", Position(shown), reason=reason)]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        if m:
            pos = Position(shown, int(m.group(1)), int(m.group(2)))
        else:  # "(at end of document)": just after the last character
            lines = text.rstrip("\n").split("\n")
            pos = Position(shown, len(lines), len(lines[-1]) + 1)
        raise ConfigError([make("NBS400", pos, problem=str(e))]) from None
    if path.name == FILE_NAMES[1]:
        data = data.get("tool", {}).get("nbscheck", {})
    findings = []
    for key in data:
        if key not in KEYS:
            findings.append(make("NBS401", _at(shown, text, key), key=key, **did_you_mean(key, KEYS)))
    findings += _check_values(data, shown, text)
    if findings:
        raise ConfigError(findings)
    return data


def _check_values(data: Mapping[str, Any], shown: str, text: str) -> list[Finding]:
    out = []
    for key in ("ignore", "select"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            out.append(make("NBS403", _at(shown, text, key), key=key, expected="一列代码，如 [\"NBS204\"]",
                            expected_en='a list of codes, such as ["NBS204"]'))
            continue
        out += [make("NBS402", _at(shown, text, key), given=v, **did_you_mean(v, CATALOG)) for v in value if not known(v)]
    sev = data.get("severity", {})
    if not isinstance(sev, dict):
        out.append(make("NBS403", _at(shown, text, "severity"), key="severity", expected="代码 = 级别 的表",
                        expected_en="a table of code = level"))
    else:
        for code, level in sev.items():
            if code not in CATALOG:
                out.append(make("NBS402", _at(shown, text, code), given=code, **did_you_mean(code, CATALOG)))
            elif level not in LEVELS:
                out.append(make("NBS403", _at(shown, text, code), key=f"severity.{code}",
                                expected="error、warning 或 note", expected_en="error, warning or note"))
    lang = data.get("lang")
    if lang is not None and lang not in ("zh", "en"):
        out.append(make("NBS403", _at(shown, text, "lang"), key="lang", expected="zh 或 en", expected_en="zh or en"))
    return out


def known(code: str) -> bool:
    """A code of the catalog, or a prefix of at least one (``NBS2``)."""
    return len(code) >= 3 and any(c.startswith(code) for c in CATALOG)


def _split(values: Iterable[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def policy_from(args: Any, cwd: Path | None = None) -> Policy:
    """The policy of this run: the config file (``--config`` or the nearest one) and the options."""
    given = getattr(args, "config", None)
    path = Path(given) if given else find_config(cwd or Path.cwd())
    data = load_config(path) if path else {}
    ignore, select = _split(getattr(args, "ignore", None)), _split(getattr(args, "select", None))
    bad = [make("NBS402", Position("--ignore" if v in ignore else "--select"), given=v, **did_you_mean(v, CATALOG))
           for v in ignore + select if not known(v)]
    severity = {code: LEVELS[level] for code, level in data.get("severity", {}).items()}
    for item in getattr(args, "severity", None) or ():
        code, _, level = item.partition("=")
        if code not in CATALOG:
            bad.append(make("NBS402", Position("--severity"), given=code, **did_you_mean(code, CATALOG)))
        elif level not in LEVELS:
            bad.append(make("NBS403", Position("--severity"), key=code, expected="CODE=error|warning|note",
                            expected_en="CODE=error|warning|note"))
        else:
            severity[code] = LEVELS[level]
    if bad:
        raise ConfigError(bad)
    return Policy(select=tuple(select or data.get("select", [])), ignore=tuple(data.get("ignore", []) + ignore),
                  severity=severity, lang=data.get("lang"), source=str(path) if path else None)
