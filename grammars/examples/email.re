# email-like addresses: local part, @, dotted domain with a final label of two or more letters
[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}
