"""The guideline as immutable objects, how they are built from YAML, and the shipped versions."""
