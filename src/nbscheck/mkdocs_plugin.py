"""The MkDocs entry point ``nbscheck`` (``pyproject.toml``): the plugin lives in :mod:`nbscheck.site`."""

from .site.mkdocs_plugin import NbsPlugin

__all__ = ["NbsPlugin"]
