# Values for prod.
revocation       = true   # was turned off for a test
existence_errors = "ENABLED"
