# identifiers: a letter or underscore, then letters, digits and underscores
[A-Za-z_][A-Za-z0-9_]*
