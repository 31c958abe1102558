variable "advanced_security_mode" {
  type    = string
  default = "OFF"
}

# Terraform 1.6 and later refuse this type: a warning, and the file is still read.
variable "settings" {
  type = object({
    name = string
    name = number
  })
  default = null
}
