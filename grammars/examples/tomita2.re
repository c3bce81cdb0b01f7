# Tomita 2: repetitions of 10
(10)*
