# Tomita 1: strings of 1s only (including the empty string)
1*
