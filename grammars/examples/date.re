# dates YYYY-MM-DD with months 01-12 and days 01-31 (month lengths are not checked)
[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])
