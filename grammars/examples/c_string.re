# C string literals: double quotes around characters or backslash escapes, no raw newline
"([^"\\\n]|\\.)*"
