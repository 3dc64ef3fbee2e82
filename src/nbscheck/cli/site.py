"""``nbscheck site build-pages DIR``: the site's generated pages, downloads and navigation as files.

For site generators that run no MkDocs plugins (Zensical): they read the Markdown this writes.
The MkDocs plugin produces the very same pages in memory (:mod:`nbscheck.site.build`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_OK, EXIT_USAGE, default_lang, errors, io_error


def register(sub) -> None:
    s = sub.add_parser("site", help="网站的生成页面 / the website's generated pages")
    inner = s.add_subparsers(dest="site_command", metavar="SUBCOMMAND", parser_class=type(s))
    b = inner.add_parser("build-pages", help="把生成的页面、下载文件和导航写入文件夹 / write the generated pages, "
                                             "downloads and navigation into a folder")
    b.add_argument("dir", metavar="DIR", help="输出文件夹，每种语言一个子文件夹 / output folder, one sub-folder per language")
    b.add_argument("--guideline", metavar="FOLDER", help="指南文件夹（默认随包的指南）/ guideline folder (default: the shipped one)")
    b.add_argument("--guideline-version", dest="gversion", metavar="VERSION",
                   help="放在根目录的版本（默认最新发布的版本；草案在 draft/，各发布版本在 v/版本号/）/ the version at "
                        "the root (default: the newest release; the draft goes under draft/, every release under v/VERSION/)")
    b.add_argument("--site-lang", dest="langs", action="append", choices=("zh", "en"),
                   help="要生成的语言，可重复（默认全部）/ language to generate, repeatable (default: all)")
    b.add_argument("--prefix", default="", help="页面所在的子文件夹，如 guideline/ / sub-folder of the pages, e.g. guideline/")
    b.add_argument("--lang", choices=("zh", "en"), default=default_lang(), help="消息语言 / message language")
    b.set_defaults(run=run)
    s.set_defaults(run=lambda args: (s.print_help(), EXIT_USAGE)[1])


def run(args: argparse.Namespace) -> int:
    from ..resources import guideline_dir
    from ..site.build import SiteError, load_source, write_site
    from ..site.labels import LANGS

    root = Path(args.guideline) if args.guideline else guideline_dir()
    if not root.is_dir():
        return io_error(f"{root} 不是文件夹", f"{root} is not a folder", args.lang)
    if args.gversion:
        from ..model.guideline import versions

        known = ", ".join(sorted(versions(root))) or "—"
        if args.gversion not in versions(root):
            return io_error(f"{root} 中没有指南版本 {args.gversion}（已知：{known}）",
                            f"no guideline version {args.gversion} in {root} (known: {known})", args.lang)
    try:
        src = load_source(root, args.gversion)
    except SiteError as e:
        return errors(e.findings, args.lang) if e.findings else io_error(str(e), str(e), args.lang)
    out = Path(args.dir)
    if out.exists() and not out.is_dir():
        return io_error(f"{out} 不是文件夹", f"{out} is not a folder", args.lang)
    try:
        written = write_site(src, out, tuple(args.langs or LANGS), args.prefix)
    except OSError as e:
        return io_error(f"无法写入 {out}：{e.strerror or e}", f"cannot write {out}: {e.strerror or e}", args.lang)
    print(f"{len(written)} files / 个文件 -> {out}")
    return EXIT_OK
