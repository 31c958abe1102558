module "shop" {
  source = "./modules/auth"
  name   = "shop"
}

module "admin" {
  source = "./modules/auth"
  name   = "admin"
  mfa    = "ON"
}

module "blog" {
  source  = "./modules/auth"
  name    = "blog"
  clients = ["web"]
}
