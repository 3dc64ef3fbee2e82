"""``nbscheck lint``: the integrity rules of a guideline, one module per concern."""
