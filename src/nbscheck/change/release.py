"""Freeze the working guideline as a release and open the next draft: ``make release VERSION=X.Y.Z``.

Steps, each checked before anything is written:

1. the working guideline (``guideline/``) lints clean, says ``version: X.Y.Z`` and ``status: draft``,
   and ``guideline/releases/X.Y.Z/`` does not exist yet;
2. ``guideline.yaml``, the terms file and ``chapters/`` are copied to ``guideline/releases/X.Y.Z/``, where
   ``status: released`` and ``released: "DATE"`` are set;
3. the working ``guideline.yaml`` gets the next version (the next minor one unless ``--next`` says
   otherwise), still ``status: draft``, ``released: null``;
4. the working chapters lose their ``previous:`` lines: they named ids in the release before this one,
   and from now on ``previous:`` means an id in X.Y.Z;
5. both folders lint clean, and the release compares with the working version without a change
   (``nbscheck diff X.Y.Z guideline/`` lists nothing).

Only lines are edited, so comments and layout stay. Run it from the repository root; afterwards
commit, and tag the commit ``vX.Y.Z``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
import tempfile
from pathlib import Path

from ..atomic import write_text

SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
_PREVIOUS = re.compile(r"^[ \t]+previous:[ \t]*(\"[^\"]*\"|'[^']*'|[^\s#]+)[ \t]*(#.*)?\r?\n", re.MULTILINE)


class ReleaseError(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def _set(text: str, key: str, value: str) -> str:
    """Replace the top-level ``key:`` line's value, keeping a comment after it; append the key if missing."""
    pattern = re.compile(rf"^{key}:[ \t]*(\"[^\"]*\"|'[^']*'|[^\s#]*)([ \t]*#.*)?$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(lambda m: f"{key}: {value}{m.group(2) or ''}", text, count=1)
    status = re.search(r"^status:.*$", text, re.MULTILINE)
    if status:
        return text[:status.end()] + f"\n{key}: {value}" + text[status.end():]
    return text.rstrip("\n") + f"\n{key}: {value}\n"


def next_minor(version: str) -> str:
    major, minor, _ = (int(x) for x in version.split("."))
    return f"{major}.{minor + 1}.0"


def release(root: Path, version: str, date: str, next_version: str | None = None) -> list[str]:
    """Make the release; returns what was done, one line per step (Chinese / English)."""
    from .diff import diff_guidelines
    from ..model.guideline import META, load_guideline
    from ..lint.runner import lint
    from ..findings import has_errors

    if not SEMVER.match(version):
        raise ReleaseError(f"版本号 {version} 不是 X.Y.Z 形式", f"version {version} is not of the form X.Y.Z")
    next_version = next_version or next_minor(version)
    if not SEMVER.match(next_version) or tuple(map(int, next_version.split("."))) <= tuple(map(int, version.split("."))):
        raise ReleaseError(f"下一个版本号 {next_version} 应大于 {version}", f"the next version {next_version} must be above {version}")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise ReleaseError(f"发布日期 {date} 不是 YYYY-MM-DD", f"the release date {date} is not YYYY-MM-DD") from None
    loaded = load_guideline(root)
    g = loaded.guideline
    if g is None:
        raise ReleaseError(f"{root} 中的指南无法加载", f"the guideline in {root} cannot be loaded")
    if g.version != version or not g.is_draft:
        raise ReleaseError(f"{root}/{META} 写的是 {g.version}（{g.status}），不是草案 {version}",
                           f"{root}/{META} says {g.version} ({g.status}), not draft {version}")
    dest = root / "releases" / version
    if dest.exists():
        raise ReleaseError(f"{dest} 已存在；已发布的版本不能覆盖", f"{dest} exists; a release is never overwritten")
    if has_errors(lint(root)):
        raise ReleaseError(f"指南检查未通过：先运行 nbscheck lint {root} 并改正", f"the guideline does not lint clean: run nbscheck lint {root} first")

    done = []
    meta_text = (root / META).read_text(encoding="utf-8")
    terms = g.src.doc.data.get("terms") if g.src.doc else None
    # 2. the frozen copy, assembled next to its final place and moved there in one step
    (root / "releases").mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{version}.", dir=root / "releases"))
    try:
        frozen = _set(_set(meta_text, "status", "released"), "released", f'"{date}"')
        (tmp / META).write_text(frozen, encoding="utf-8")
        if terms:
            shutil.copy2(root / terms, tmp / terms)
        shutil.copytree(root / "chapters", tmp / "chapters")
        tmp.rename(dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    done.append(f"已冻结 {dest} / froze {dest} (status: released, released: {date})")
    # 3. the next draft
    working = _set(_set(_set(meta_text, "version", next_version), "status", "draft"), "released", "null")
    write_text(root / META, working)
    done.append(f"工作版本改为 {next_version} 草案 / the working version is now draft {next_version}")
    # 4. previous: now means an id in this release
    removed = 0
    for path in sorted((root / "chapters").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        new, n = _PREVIOUS.subn("", text)
        if n:
            write_text(path, new)
            removed += n
    done.append(f"删除了工作版本中的 {removed} 行 previous: / removed {removed} previous: lines from the working version")
    # 5. both lint clean, and nothing differs between them
    for folder in (dest, root):
        if has_errors(lint(folder)):
            raise ReleaseError(f"发布后 {folder} 的检查未通过，请查看 nbscheck lint {folder}",
                               f"after the release {folder} does not lint clean: see nbscheck lint {folder}")
    a, b = load_guideline(dest).guideline, load_guideline(root).guideline
    assert a is not None and b is not None
    d = diff_guidelines(a, b)
    if d.total or d.problems:
        raise ReleaseError("发布版本与新的工作版本之间出现了意外的差异", "the release and the new working version unexpectedly differ")
    done.append(f"检查通过；下一步：提交，并给提交打标签 v{version} / all checks pass; next: commit, and tag the commit v{version}")
    return done


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m nbscheck.release",
                                description="把工作版本冻结为发布版本，并开始下一个草案。/ Freeze the working guideline as a release.")
    p.add_argument("version", help="要发布的版本，须与 guideline.yaml 一致 / the version to release, as guideline.yaml says")
    p.add_argument("--date", default=dt.date.today().isoformat(), help="发布日期 / release date (default: today)")
    p.add_argument("--next", dest="next_version", help="下一个工作版本 / the next working version (default: next minor)")
    p.add_argument("--guideline", default="guideline", help="指南文件夹 / the guideline folder (default: guideline)")
    args = p.parse_args(argv)
    try:
        for line in release(Path(args.guideline), args.version.lstrip("v"), args.date, args.next_version):
            print(line)
    except ReleaseError as e:
        sys.stderr.write(f"nbscheck release: {e.zh} / {e.en}\n")
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
