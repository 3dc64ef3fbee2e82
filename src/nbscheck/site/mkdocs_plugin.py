"""MkDocs plugin ``nbscheck``: the guideline's website, generated from its YAML at build time.

Glue only. The pages, downloads and navigation entries come from :mod:`nbscheck.site.build` (which
also writes them as files for other generators: `nbscheck site build-pages`); the downloads from the same code as
``nbscheck schema`` and ``nbscheck init``. What this module does, by build event:

``on_config``
    Load the guideline once per build; set the site language (theme, search language and word
    separator, site name, navigation titles) for the language being built; expand the navigation
    entry ``nbscheck:chapters``; add the plugin's stylesheet, script and template overrides.
``on_files``
    Choose each hand-written page's language version (``page.md`` is Chinese, ``page.en.md`` its
    English version, falling back to ``page.md``), then add the generated pages, downloads and assets;
    the search index gets the hand-written pages too (:func:`nbscheck.site.search.page_entries`).
``on_env``
    The guideline's version and release date for the bar at the top of every page.
``on_page_context``
    Give the page its language switch: the same page in every language; a page of the draft or of
    an earlier release gets that edition's version bar (:mod:`nbscheck.site.versions`).
``on_post_build``
    After the default language (Chinese, at the site root) is built, build each other language into
    ``<site_dir>/<lang>/`` with the same configuration and plugins, so each language has its own pages
    and its own search index.

In ``mkdocs.yml``::

    plugins:                            # no `search`: the plugin brings its own (search.md)
      - nbscheck:
          guideline: guideline          # the guideline folder; default: the one nbscheck ships
          nav_translations:             # section titles in the navigation, per language
            en: {指南正文: The guideline}
    nav:
      - index.md
      - 指南正文:
          - nbscheck:chapters           # the chapters, in reading order
          - nbscheck:changes            # what changed in each version, newest first
          - downloads.md                # generated: submission schema and blank templates
          - print.md                    # generated: the whole guideline on one page
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..report.safe import html_text
from .build import LanguageSite, Source, SiteError, language_site, load_source
from .labels import LANGS
from .markdown import TERMS_PAGE
from .pages import version_text
from .search import SEARCH_PAGE

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).resolve().parent / "assets"
ASSET_URIS = {"css": "assets/nbscheck/nbscheck.css", "js": "assets/nbscheck/nbscheck.js",
              "search": "assets/nbscheck/search.js"}
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


class NbsConfig(base.Config):
    guideline = c.Optional(c.Type(str))
    """Guideline folder, relative to mkdocs.yml. Default: the guideline nbscheck ships."""
    guideline_version = c.Optional(c.Type(str))
    """The version shown at the root; default: the newest release (the working version when nothing
    is released). The working draft is published under ``draft/``, every release under ``v/X.Y.Z/``."""
    check_schema = c.Type(bool, default=True)
    """Check the YAML against the guideline schemas while loading; any error stops the build."""
    languages = c.ListOfItems(c.Choice(LANGS), default=list(LANGS))
    """Languages to build; the first is at the site root, the others under ``/<lang>/``."""
    prefix = c.Type(str, default="")
    """Folder (inside the site) for the generated pages, e.g. ``guideline/``; default: the root."""
    site_descriptions = c.Type(dict, default={})
    """Site description per language; default: mkdocs.yml's for the first, the guideline's title for others."""
    site_names = c.Type(dict, default={})
    """Site name per language; default: mkdocs.yml's for the first, the guideline's short title for others."""
    nav_translations = c.Type(dict, default={})
    """``{lang: {title: translated title}}`` for section titles in ``nav``."""
    optional_pages = c.ListOfItems(c.Type(str), default=[])
    """Pages named in ``nav`` that may be missing from docs/; their entries are dropped when missing."""


class _LanguageSwitch:
    """Stands in ``config.extra.alternate`` so Material shows its language menu.

    It is truthy but not iterable: Material then includes the menu (our ``partials/alternate.html``
    fills it from ``nbs_languages``, the current page in each language) but does not write
    ``<link rel="alternate">`` tags, whose click handler would send a visitor to the other
    language's home page instead of the same clause.
    """

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "nbscheck language switch"


class NbsPlugin(BasePlugin[NbsConfig]):
    def __init__(self) -> None:
        self.source: Source | None = None
        self.guideline = None
        self.site: LanguageSite | None = None
        self.pages: dict[str, str] = {}
        self.lang = ""
        self.nested = False
        self.dirty = False
        self.saved: dict[str, Any] = {}
        self.docs_pages: dict[str, set[str]] = {}

    # --- set-up ---------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    @property
    def default_lang(self) -> str:
        return self.config.languages[0]

    def _load(self, config) -> Source:
        from ..resources import guideline_dir

        if self.config.guideline:
            root = Path(self.config.guideline)
            if not root.is_absolute():
                root = Path(config.config_file_path or ".").resolve().parent / root
        else:
            root = guideline_dir()
        try:
            src = load_source(root, self.config.guideline_version, validate=self.config.check_schema)
        except SiteError as e:
            raise PluginError(str(e)) from None
        for f in src.notes:
            log.info(f"{f.position}: {f.code} {f.message('en')}")
        return src

    # --- events ---------------------------------------------------------------------------------

    @event_priority(100)  # before the search plugin reads its language
    def on_config(self, config):
        if not self.nested:
            self.lang = self.default_lang
            self.source = self._load(config)
            self.guideline = self.source.guideline
            self.base = self.source.base
            self.saved = {"site_dir": config.site_dir, "site_url": config.site_url, "site_name": config.site_name,
                          "site_description": config.site_description,
                          "nav": copy.deepcopy(config.nav), "theme_language": config.theme.get("language")}
            if str(self.base) not in config.watch:  # mkdocs serve rebuilds when the YAML changes
                config.watch.append(str(self.base))
        self._set_language(config, self.lang)
        self._add_assets(config)
        self.site = language_site(self.source, self.lang, self.config.prefix)
        self.pages = self.site.pages
        config.nav = self._nav(config, copy.deepcopy(self.saved["nav"]))
        return config

    def _set_language(self, config, lang: str) -> None:
        sub = "" if lang == self.default_lang else lang
        config.site_dir = os.path.join(self.saved["site_dir"], sub) if sub else self.saved["site_dir"]
        url = self.saved["site_url"]
        config.site_url = (url.rstrip("/") + "/" + sub + "/") if url and sub else url
        names = self.config.site_names
        if lang in names:
            config.site_name = names[lang]
        elif lang == self.default_lang:
            config.site_name = self.saved["site_name"]
        else:
            # the theme prints the site name and description unescaped (in <title>, the header, a meta tag)
            config.site_name = html_text((self.guideline.short_title or self.guideline.title).get(lang))
        descriptions = self.config.site_descriptions
        if lang in descriptions:
            config.site_description = descriptions[lang]
        elif lang == self.default_lang:
            config.site_description = self.saved["site_description"]
        else:
            config.site_description = html_text(self.guideline.title.get(lang))
        if "language" in config.theme:
            config.theme["language"] = lang
        for name in ("material/search", "search"):
            search = config.plugins.get(name)
            if search is not None and "lang" in search.config:
                # Let the search plugin derive separator and pipeline from the theme language again;
                # Chinese needs Material's separator that splits at jieba's zero-width spaces.
                search.config["lang"] = [lang]
                for key in ("separator", "pipeline"):
                    if key in search.config:
                        search.config[key] = None
                break
        if len(self.config.languages) > 1:
            config.extra["alternate"] = _LanguageSwitch()

    def _add_assets(self, config) -> None:
        overrides = str(ASSETS / "overrides")
        if overrides not in config.theme.dirs:
            # below the project's own custom_dir, above the theme
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        if ASSET_URIS["css"] not in config.extra_css:
            config.extra_css.append(ASSET_URIS["css"])
        for key in ("js", "search"):  # search.js: the site's own search (nbscheck.site.search)
            if ASSET_URIS[key] not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(ASSET_URIS[key])
        mdx = config.markdown_extensions
        for ext in ("toc", "tables", "attr_list", "md_in_html", "nbscheck.site.cjk"):
            if ext not in mdx:
                mdx.append(ext)
        config.mdx_configs.setdefault("toc", {}).setdefault("permalink", True)

    def _nav(self, config, nav: Any) -> Any:
        """Expand ``nbscheck:chapters`` and ``nbscheck:changes``, drop missing optional pages,
        translate section titles."""
        if nav is None:
            return None
        prefix = self.config.prefix
        lang = self.lang
        markers = self.site.nav()
        names = self.config.nav_translations.get(lang, {}) if lang != self.default_lang else {}
        docs = Path(config.docs_dir)
        possible = {prefix + TERMS_PAGE} | set(self.config.optional_pages)

        def present(path: str) -> bool:
            if path in self.pages or (docs / path).is_file():
                return True
            return path not in possible  # anything else missing is reported by MkDocs as usual

        def walk(items: list) -> list:
            out: list = []
            for item in items:
                if isinstance(item, str) and item in markers:
                    out += copy.deepcopy(markers[item])
                elif isinstance(item, str):
                    if present(item):
                        out.append(item)
                elif isinstance(item, dict):
                    for title, value in item.items():
                        title = names.get(title, title)
                        if isinstance(value, list):
                            kids = walk(value)
                            if kids:
                                out.append({title: kids})
                        elif isinstance(value, str) and present(value):
                            out.append({title: value})
            return out

        return walk(nav if isinstance(nav, list) else [nav])

    def on_files(self, files: Files, *, config) -> Files:
        self._choose_language_versions(files, config)
        for path, text in self.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"nbscheck: docs/{path} has the name of a generated page; rename it")
            # the finding-code pages (codes/index.md links them) and the other editions' pages (the
            # version bar and versions.md link them) are in no nav: no warning for them
            hidden = path in self.site.hidden or path == self.config.prefix + SEARCH_PAGE  # the header's box leads to it
            files.append(File.generated(config, path, content=text,
                                        inclusion=InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED))
        self._index_docs(files, config)
        for path, content in self.site.files.items():
            files.append(File.generated(config, path, content=content if isinstance(content, bytes)
                                        else content.encode("utf-8")))
        for kind, uri in ASSET_URIS.items():
            if files.get_file_from_path(uri) is None:
                name = "search.js" if kind == "search" else f"nbscheck.{kind}"
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        return files

    def _index_docs(self, files: Files, config) -> None:
        """Add this language's hand-written pages to the search index (the generated ones are in it)."""
        from .search import INDEX_FILE, index_json

        docs = {f.src_uri: f.content_string for f in files.documentation_pages()
                if f.src_uri not in self.pages and f.src_uri.endswith(".md")}
        slugify = config.mdx_configs.get("toc", {}).get("slugify")
        if slugify is None:
            from markdown.extensions.toc import slugify
        path = self.config.prefix + INDEX_FILE
        if path in self.site.files:
            self.site.files[path] = index_json(self.guideline, self.lang, docs, slugify, self.site.anchors)

    def _choose_language_versions(self, files: Files, config) -> None:
        """``x.md`` is the default language's page; ``x.<lang>.md`` the same page in ``lang``."""
        others = [x for x in self.config.languages if x != self.default_lang]
        suffixes = {f".{x}.md": x for x in others}
        localized: dict[str, dict[str, File]] = {}
        plain: dict[str, File] = {}
        for f in list(files.documentation_pages()):
            if f.generated_by:
                continue
            for suffix, x in suffixes.items():
                if f.src_uri.endswith(suffix):
                    localized.setdefault(f.src_uri[: -len(suffix)] + ".md", {})[x] = f
                    break
            else:
                plain[f.src_uri] = f
        # which pages each language has, for the language switch
        self.docs_pages = {x: set(plain) for x in self.config.languages}
        for uri, versions in localized.items():
            for x in versions:
                self.docs_pages[x].add(uri)
        for uri, versions in localized.items():
            for f in versions.values():
                files.remove(f)
            own = versions.get(self.lang)
            if own is not None:
                if uri in plain:
                    files.remove(plain[uri])
                files.append(File.generated(config, uri, abs_src_path=own.abs_src_path))

    def on_page_context(self, context, *, page, config, nav):
        context["nbs_languages"] = self._switch(page.file.src_uri, page.url)
        for folder, text in self.site.banners.items():  # the draft's and each release's own bar
            if page.file.src_uri.startswith(folder):
                from markupsafe import Markup, escape

                context["nbs_banner"] = Markup(f'<span class="nbs-banner">{escape(text)}</span>')
                break
        return context

    def on_env(self, env, *, config, files):
        from markupsafe import Markup, escape

        env.globals["nbs_banner"] = Markup(
            f'<span class="nbs-banner">{escape(version_text(self.guideline, self.lang))}</span>')
        env.globals["nbs_lang"] = self.lang
        return env

    def _switch(self, src_uri: str, url: str) -> list[dict[str, Any]]:
        """The page at ``url`` in each language, as links relative to it."""
        up = "../" * url.count("/")
        generated = set(self.pages)
        out = []
        for x in self.config.languages:
            here_root = "" if self.lang == self.default_lang else "../"
            there = "" if x == self.default_lang else f"{x}/"
            has = src_uri in generated or src_uri in self.docs_pages.get(x, ())
            target = url if has else ""
            if x == self.lang:
                link = up + target if target else (up or "./")
            else:
                link = up + here_root + there + target
            out.append({"lang": x, "name": LANGUAGE_NAMES.get(x, x), "link": link or "./", "current": x == self.lang})
        return out

    @event_priority(-100)  # after the search plugin has written this language's index
    def on_post_build(self, *, config) -> None:
        if self.nested:
            return
        from mkdocs.commands.build import build

        try:
            for lang in self.config.languages[1:]:
                self.lang = lang
                self.nested = True
                log.info(f"building the '{lang}' site into {os.path.join(self.saved['site_dir'], lang)}")
                build(config, dirty=self.dirty)
        finally:
            self._restore(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.nested = False

    def _restore(self, config) -> None:
        self.nested = False
        self.lang = self.default_lang
        config.site_dir = self.saved["site_dir"]
        config.site_url = self.saved["site_url"]
        config.site_name = self.saved["site_name"]
        config.site_description = self.saved["site_description"]
        config.nav = copy.deepcopy(self.saved["nav"])
        if self.saved.get("theme_language") is not None:
            config.theme["language"] = self.saved["theme_language"]
