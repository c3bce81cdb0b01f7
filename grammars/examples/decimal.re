# decimal numbers: optional sign, digits, optional fraction, optional exponent (-12, 3.14, 6.02e23)
[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?
