# Tomita 4: strings over {0,1} with no three consecutive 0s
(1|01|001)*(0|00)?
