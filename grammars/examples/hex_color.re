# CSS hex colours: # and then 3 or 6 hex digits ([#] because a line starting with # is a comment here)
[#]([0-9a-fA-F]{3}|[0-9a-fA-F]{6})
