"""``nbscheck site build-pages DIR``: the site's generated pages, downloads and navigation as files;
``nbscheck site pdf SITE``: a PDF of every published version, printed from the built site.

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
    p = inner.add_parser("pdf", help="用无头 Chromium 把已构建网站的全文打印版印成每个版本的 PDF / print each version's "
                                     "printable page of a built site to a PDF with headless Chromium")
    p.add_argument("dir", metavar="SITE", help="已构建的网站文件夹（mkdocs build 的输出，默认 site/）/ the built site "
                                            "(what mkdocs build wrote, usually site/)")
    p.add_argument("--guideline", metavar="FOLDER", help="指南文件夹（默认随包的指南）/ guideline folder (default: the shipped one)")
    p.add_argument("--guideline-version", dest="only", action="append", metavar="VERSION",
                   help="只印这个版本，可重复（默认网站上的全部版本）/ only this version, repeatable (default: every "
                        "version on the site)")
    p.add_argument("--site-lang", dest="langs", action="append", choices=("zh", "en"),
                   help="只印这种语言，可重复（默认全部）/ only this language, repeatable (default: all)")
    p.add_argument("--chromium", metavar="PATH", help="Chromium 的路径（默认 $NBSCHECK_CHROMIUM 或 PATH 上的 chromium）/ "
                                                   "Chromium to use (default: $NBSCHECK_CHROMIUM or chromium on the PATH)")
    p.add_argument("--lang", choices=("zh", "en"), default=default_lang(), help="消息语言 / message language")
    p.set_defaults(run=run_pdf)
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


def run_pdf(args: argparse.Namespace) -> int:
    """Each edition's PDF beside its other downloads; one line per PDF written."""
    from ..resources import guideline_dir
    from ..site.pdf import PdfError, find_chromium, jobs, print_all

    site = Path(args.dir)
    if not site.is_dir():
        return io_error(f"{site} 不是文件夹：请先构建网站（mkdocs build）", f"{site} is not a folder: build the site first "
                        "(mkdocs build)", args.lang)
    root = Path(args.guideline) if args.guideline else guideline_dir()
    try:
        todo = jobs(site, root, tuple(args.only or ()), tuple(args.langs or ("zh", "en")))
        chromium = find_chromium(args.chromium)
        for job, size in print_all(todo, chromium):
            print(f"{job.out} ({size // 1024} KB)")
    except PdfError as e:
        return io_error(f"无法生成 PDF：{e}", f"cannot make the PDF: {e}", args.lang)
    except OSError as e:
        return io_error(f"无法写入 PDF：{e.strerror or e}", f"cannot write the PDF: {e.strerror or e}", args.lang)
    return EXIT_OK
