# No default and no tfvars in this project: these variables are unknown to coglint.
variable "clients" {
  description = "App clients by name, each with optional settings."
  type = map(object({
    prevent_errors = optional(string)
    refresh_days   = optional(number)
    rotation       = optional(string)
  }))
}

variable "spa_is_public" {
  type = bool
}

variable "spa_flows" {
  type = list(string)
}

locals {
  # Known: `try` goes on to the fallback only where this object has no attribute.
  admin = {
    prevent_errors = "LEGACY"
  }
}

resource "aws_cognito_user_pool" "main" {
  name = "users"
}

# Clients that may not exist, with settings read through `try`: unknown, not the `null`
# fallback (which would read as omitted, and take AWS's defaults).
resource "aws_cognito_user_pool_client" "clients" {
  for_each = var.clients

  name                          = each.key
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = try(each.value.prevent_errors, null)
  refresh_token_validity        = try(each.value.refresh_days, null)

  refresh_token_rotation {
    feature                    = try(each.value.rotation, null)
    retry_grace_period_seconds = 10
  }
}

# An implicit grant when `spa_is_public` is true; when it is false the flows are unknown.
# (Before, the unknown branch sent `try` to its fallback, and the grant was not seen.)
resource "aws_cognito_user_pool_client" "fail_spa" {
  name                                 = "spa"
  user_pool_id                         = aws_cognito_user_pool.main.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = try(var.spa_is_public ? ["implicit"] : var.spa_flows, ["code"])
  allowed_oauth_scopes                 = ["openid"]
  callback_urls                        = ["https://app.example.com/callback"]
  prevent_user_existence_errors        = "ENABLED"
  refresh_token_validity               = 1

  refresh_token_rotation {
    feature                    = "ENABLED"
    retry_grace_period_seconds = 10
  }
}

# `local.admin` is known and has no `refresh_days` or `rotation`: the fallbacks apply, and the
# LEGACY setting it does have is reported.
resource "aws_cognito_user_pool_client" "fail_admin" {
  name                          = "admin"
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = try(local.admin.prevent_errors, "ENABLED")
  refresh_token_validity        = try(local.admin.refresh_days, 1)

  refresh_token_rotation {
    feature                    = try(local.admin.rotation, "DISABLED")
    retry_grace_period_seconds = 10
  }
}

# `lookup` and `coalesce` over the unknown `each.value`: unknown too, not their defaults. A
# conditional on `can(...)` of it takes both branches, each in its scenario: the DISABLED one is
# reported as such, never chosen silently.
resource "aws_cognito_user_pool_client" "more_clients" {
  for_each = var.clients

  name                          = each.key
  user_pool_id                  = aws_cognito_user_pool.main.id
  prevent_user_existence_errors = lookup(each.value, "prevent_errors", "LEGACY")
  refresh_token_validity        = coalesce(each.value.refresh_days, 30)

  refresh_token_rotation {
    feature                    = can(each.value.rotation) ? each.value.rotation : "DISABLED"
    retry_grace_period_seconds = 10
  }
}
