"""``nbscheck convert IN -o OUT``: a submission between YAML and an .xlsx workbook, both ways.

The direction follows the file names (``.yaml``/``.yml`` and ``.xlsx``). The output is written
atomically and never over an existing file without ``--force``, never over the input. Whatever the
target cannot hold is reported and nothing is written (exit 2).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .common import EXIT_OK, default_lang, errors, io_error, write_file

CODES: tuple[str, ...] = ("NBS001",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

_YAML = (".yaml", ".yml")


def register(sub) -> None:
    c = sub.add_parser("convert", help="在 YAML 与 .xlsx 工作簿之间转换提交文件 / convert a submission between YAML and .xlsx")
    c.add_argument("input", metavar="IN", help="提交文件（.yaml 或 .xlsx）/ a submission (.yaml or .xlsx)")
    c.add_argument("--output", "-o", required=True, metavar="OUT", help="输出文件（.xlsx 或 .yaml）/ the file to write")
    c.add_argument("--force", action="store_true", help="允许覆盖已有文件 / allow overwriting an existing file")
    c.add_argument("--lang", choices=("zh", "en"), default=default_lang(), help="工作簿和消息的语言 / workbook and message language")
    c.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    c.set_defaults(run=run)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from ..sheet.layout import INSTALL, MISTAKES, SUFFIXES, openpyxl_missing

    src, out, lang = Path(args.input), Path(args.output), args.lang
    kinds = {p: ("yaml" if p.suffix.lower() in _YAML else "xlsx" if p.suffix.lower() in SUFFIXES + MISTAKES else None)
             for p in (src, out)}
    if kinds[src] is None or kinds[out] is None or out.suffix.lower() in MISTAKES or kinds[src] == kinds[out] == "yaml":
        return io_error("convert 在 .yaml/.yml 与 .xlsx 之间转换：请检查两个文件名的扩展名",
                        "convert goes between .yaml/.yml and .xlsx: check the two file names' extensions", lang)
    if _same(src, out):
        return io_error(f"{out} 就是输入文件；nbscheck 不会覆盖输入", f"{out} is the input; nbscheck never writes over it", lang)
    if out.exists() and not args.force:
        return io_error(f"{out} 已存在；nbscheck 不会覆盖它（如确需覆盖，加 --force）",
                        f"{out} exists; nbscheck will not overwrite it (add --force to do so)", lang)
    if openpyxl_missing():
        both = f"{INSTALL[0]}\n{INSTALL[1]}"
        return io_error(both, both, lang)
    root = str(Path(args.guideline).resolve()) if args.guideline else None
    return _to_xlsx(src, out, lang, root) if kinds[src] == "yaml" else _from_xlsx(src, out, lang, root, kinds[out] == "xlsx")


def _guideline(data, root: str | None):
    from ..model.guideline import shipped, versions

    gref = data.get("guideline") if isinstance(data, dict) and isinstance(data.get("guideline"), dict) else {}
    v = gref.get("version")
    known = versions(Path(root) if root else None)
    return shipped(v if isinstance(v, str) and v in known else None, root)


def _to_xlsx(src: Path, out: Path, lang: str, root: str | None) -> int:
    from ..findings import Position, make
    from ..sheet.convert import unplaceable
    from ..sheet.write import save, workbook
    from ..yaml.load import LoadError, display_name, load_file

    try:
        doc = load_file(src, name=display_name(src))
    except LoadError as e:
        return errors(e.findings, lang)
    lost = unplaceable(doc.data, doc.where)
    if lost:
        return errors(lost, lang)
    try:
        save(workbook(_guideline(doc.data, root), lang, doc.data), out)
    except OSError as e:
        return errors([make("NBS001", Position(str(out)), reason=e.strerror or str(e))], lang)
    sys.stdout.write(f"{out}\n")
    return EXIT_OK


def _from_xlsx(src: Path, out: Path, lang: str, root: str | None, to_xlsx: bool) -> int:
    from ..findings import Position, Severity, make
    from ..sheet.convert import to_yaml
    from ..sheet.read import load_sheet
    from ..sheet.write import save, workbook
    from ..yaml.load import LoadError, display_name

    try:
        doc = load_sheet(src, name=display_name(src), guideline_root=root)
    except LoadError as e:
        return errors(e.findings, lang)
    bad = [f for f in doc.warnings if f.severity is Severity.ERROR]
    if bad:  # a row ignored or a cell unreadable: converting would lose it without a word
        return errors(bad, lang)
    g = _guideline(doc.data, root)
    if to_xlsx:
        try:
            save(workbook(g, lang, doc.data), out)
        except OSError as e:
            return errors([make("NBS001", Position(str(out)), reason=e.strerror or str(e))], lang)
    else:
        failed = write_file(str(out), to_yaml(doc.data, src.name, g), lang)
        if failed is not None:
            return failed
    sys.stdout.write(f"{out}\n")
    return EXIT_OK
