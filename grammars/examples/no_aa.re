# strings over {a,b} with no two a's in a row
(b|ab)*a?
