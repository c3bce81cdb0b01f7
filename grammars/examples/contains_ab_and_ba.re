# strings that contain both ab and ba somewhere (an intersection of two simple languages)
.*ab.*&.*ba.*
