"""``nbscheck init``: a blank submission to fill in, every assessable clause explained."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, default_lang, emit, guideline_for, io_error


def register(sub) -> None:
    i = sub.add_parser("init", help="生成空白提交文件 / write a blank submission")
    i.add_argument("--lang", choices=("zh", "en"), default=default_lang(), help="模板语言 / template language")
    i.add_argument("--guideline-version", dest="gversion", metavar="VERSION",
                   help="指南版本，默认为最新发布版本 / guideline version (default: the newest release)")
    i.add_argument("--output", "-o", metavar="FILE", help="写入文件（不覆盖已有文件）/ write to a file (never overwrites)")
    i.add_argument("--force", action="store_true", help="允许覆盖已有文件 / allow overwriting an existing file")
    i.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.template import blank_submission

    g = guideline_for(args.gversion, args.lang)
    name = Path(args.output).name if args.output else "submission.yaml"
    text = blank_submission(g, args.lang, name)
    if args.output:
        if Path(args.output).exists() and not args.force:
            return io_error(f"{args.output} 已存在；nbscheck 不会覆盖它（如确需覆盖，加 --force）",
                             f"{args.output} exists; nbscheck will not overwrite it (add --force to do so)", args.lang)
        emit(text, args.output)
    else:
        emit(text, None)
    return EXIT_OK
