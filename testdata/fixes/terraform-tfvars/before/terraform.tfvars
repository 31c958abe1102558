# Values for prod.
revocation       = false   # was turned off for a test
existence_errors = "LEGACY"
