"""Reading YAML: bytes to text, text to plain data, and the way back from any value to file:line:column."""
