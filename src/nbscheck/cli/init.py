"""``nbscheck init``: a blank submission to fill in, every assessable clause explained, as YAML or .xlsx.

After writing, one note on standard error says what was written (file, guideline version, how many
clauses) and what to do next, so a clerk who runs ``init`` is not left with silence; standard output
carries only the template, so ``nbscheck init > file.yaml`` stays a clean file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_OK, default_lang, emit, guideline_for, io_error


def register(sub) -> None:
    i = sub.add_parser("init", help="生成空白提交文件 / write a blank submission")
    i.add_argument("--lang", choices=("zh", "en"), default=default_lang(), help="模板语言 / template language")
    i.add_argument("--guideline-version", dest="gversion", metavar="VERSION",
                   help="指南版本，默认为最新发布版本 / guideline version (default: the newest release)")
    i.add_argument("--format", choices=("yaml", "xlsx"), default=None,
                   help="yaml（默认）或 xlsx 工作簿（按 -o 的扩展名推断）/ yaml (default) or an xlsx workbook (inferred from -o)")
    i.add_argument("--output", "-o", metavar="FILE", help="写入文件（不覆盖已有文件）/ write to a file (never overwrites)")
    i.add_argument("--force", action="store_true", help="允许覆盖已有文件 / allow overwriting an existing file")
    i.add_argument("--quiet", "-q", action="store_true", help="不输出说明 / no note on what was written")
    i.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.template import blank_submission

    fmt = args.format or ("xlsx" if args.output and Path(args.output).suffix.lower() in (".xlsx", ".xlsm") else "yaml")
    if args.output and Path(args.output).exists() and not args.force:
        return io_error(f"{args.output} 已存在；nbscheck 不会覆盖它（如确需覆盖，加 --force）",
                        f"{args.output} exists; nbscheck will not overwrite it (add --force to do so)", args.lang)
    if fmt == "xlsx":
        return _workbook(args)
    g = guideline_for(args.gversion, args.lang)
    name = Path(args.output).name if args.output else "submission.yaml"
    emit(blank_submission(g, args.lang, name), args.output)
    _told(args, g)
    return EXIT_OK


def next_steps(g, output: str | None, lang: str) -> str:
    """What ``init`` wrote and what to do next, in the clerk's language."""
    n = len(g.assessable)
    draft = (("（草案，可能在发布前改动）" if lang == "zh" else " (a draft: it may change before release)")
             if g.is_draft else "")
    target = output or ("标准输出" if lang == "zh" else "standard output")
    run = output or "FILE"
    if lang == "en":
        return (f"nbscheck: wrote {target}: guideline {g.id} {g.version}{draft}, {n} clauses to answer.\n"
                f"Next: fill in the township, period and contact, then status, value and evidence for each clause "
                f"(an answer left blank counts as not answered yet), then run: nbscheck {run}\n")
    return (f"nbscheck：已写入 {target}：指南 {g.id} {g.version}{draft}，共 {n} 条待答条款。\n"
            f"下一步：填好乡镇信息、评估期和联系人，再逐条填写 status、value 和 evidence（留空的答复算作“尚未填写”），"
            f"然后运行：nbscheck {run}\n")


def _told(args: argparse.Namespace, g) -> None:
    if not getattr(args, "quiet", False):
        sys.stderr.write(next_steps(g, args.output, args.lang))


def _workbook(args: argparse.Namespace) -> int:
    from ..sheet.layout import INSTALL, openpyxl_missing

    if not args.output:
        return io_error("工作簿须写入文件：加 -o 文件名.xlsx", "a workbook must go to a file: add -o FILE.xlsx", args.lang)
    if openpyxl_missing():  # in both languages: whoever reads it may not have chosen the language
        both = f"{INSTALL[0]}\n{INSTALL[1]}"
        return io_error(both, both, args.lang)
    from ..sheet.write import save, workbook

    g = guideline_for(args.gversion, args.lang)
    try:
        save(workbook(g, args.lang), args.output)
    except OSError as e:
        return io_error(f"无法写入 {args.output}：{e.strerror}", f"cannot write {args.output}: {e.strerror}", args.lang)
    _told(args, g)
    return EXIT_OK
