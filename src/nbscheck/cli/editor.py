"""What editors see by default: ``nbscheck schema`` and ``nbscheck init`` use the newest *released*
guideline version, not the draft being worked on.

Townships answer a released version; a draft renumbers clauses, so a schema or template for it made
yaml-language-server and check-jsonschema report false errors on every 1.0.0 submission. The draft
stays one ``--guideline-version`` away.
"""

from __future__ import annotations

from ..change.pairing import semver
from ..model.guideline import shipped, versions


def default_version() -> str:
    """The newest released version the checker carries; the working version if none is released."""
    working = shipped()
    released = [v for v in versions() if v != working.version or not working.is_draft]
    return max(released, key=semver) if released else working.version
