# strings over {a,b} with no aa, written with complement and intersection (the same language as no_aa)
~(.*aa.*)&[ab]*
