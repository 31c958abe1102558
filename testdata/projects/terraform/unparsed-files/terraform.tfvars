root_mfa = "ON"
regions = ["eu-west-1",
