module "shop" {
  source     = "./modules/pool"
  name       = "shop"
  protection = "ACTIVE"
}

module "admin" {
  source     = "./modules/pool"
  name       = "admin"
  protection = "ACTIVE" # same mistake, another caller
}
