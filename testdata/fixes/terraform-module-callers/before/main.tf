module "shop" {
  source     = "./modules/pool"
  name       = "shop"
  protection = "INACTIVE"
}

module "admin" {
  source     = "./modules/pool"
  name       = "admin"
  protection = "INACTIVE" # same mistake, another caller
}
