# strings over {a,b} ending in abb (the textbook example for subset construction)
(a|b)*abb
