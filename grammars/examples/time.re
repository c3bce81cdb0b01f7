# times of day HH:MM on a 24-hour clock, 00:00 to 23:59
([01][0-9]|2[0-3]):[0-5][0-9]
