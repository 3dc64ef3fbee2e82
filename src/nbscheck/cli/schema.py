"""``nbscheck schema``: the JSON Schema of a submission for one guideline version."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, default_lang, emit, guideline_for


def register(sub) -> None:
    s = sub.add_parser("schema", help="输出提交文件的 JSON Schema / print the submission JSON Schema")
    s.add_argument("--guideline-version", dest="gversion", metavar="VERSION",
                   help="指南版本，默认为最新发布版本 / guideline version (default: the newest release)")
    s.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to a file")
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..check.submission_schema import submission_schema

    g = guideline_for(args.gversion, default_lang())
    emit(json.dumps(submission_schema(g), ensure_ascii=False, indent=2), args.output)
    return EXIT_OK

