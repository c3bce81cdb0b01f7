# Tomita 7: 0*1*0*1*, at most four blocks alternating 0s, 1s, 0s, 1s (any may be empty)
0*1*0*1*
