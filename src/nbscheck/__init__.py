"""nbscheck: a nature-based-solutions guideline as code, and a checker for township self-assessments.

Data flows one way: ``load`` (YAML with positions) -> ``model`` (guideline) / ``submission`` ->
``check`` (findings) -> ``score`` -> ``report``. The CLI and the MkDocs plugin are thin layers on top.
"""

__version__ = "0.1.0"
