"""The guideline's website: pure Markdown rendering and the MkDocs glue."""
