"""Output formats. Each format is a small module with a ``render`` function over plain results."""
