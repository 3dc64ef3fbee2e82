"""``nbscheck completion bash|zsh|tcsh``: a shell completion script, generated from the parser by shtab
so it never falls behind the commands and options."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK


def register(sub) -> None:
    k = sub.add_parser("completion", help="输出 shell 补全脚本 / print a shell completion script")
    k.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="shell")
    k.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .conventions import completion_script
    from .main import build_parser

    sys.stdout.write(completion_script(build_parser(), args.shell))
    return EXIT_OK
