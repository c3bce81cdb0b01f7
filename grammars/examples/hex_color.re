# CSS hex colours: # followed by 3 or 6 hex digits
# The pattern writes # as [#], because a line that starts with # is a comment in a .re file.
[#]([0-9a-fA-F]{3}|[0-9a-fA-F]{6})
