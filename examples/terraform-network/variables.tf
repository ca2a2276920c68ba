variable "vpc_id" {
  type = string
}

variable "jump_host_ami" {
  type = string
}

variable "audit_bucket" {
  type = string
}
