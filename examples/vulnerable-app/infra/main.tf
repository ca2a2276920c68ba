# Storage and network for the payments service.

variable "log_bucket_name" {
  type = string
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-payments-exports"
  acl    = "public-read"
}

resource "aws_security_group" "admin" {
  name   = "payments-admin"
  vpc_id = var.vpc_id

  ingress {
    description = "SSH for the on-call engineer"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# The log bucket's ACL comes from the caller and is unknown here: it is not reported (a value
# only known at apply time never is). What the module itself leaves out still is.
resource "aws_s3_bucket" "logs" {
  bucket = var.log_bucket_name
  acl    = var.log_bucket_acl
}

resource "aws_iam_policy" "deployer" {
  name = "payments-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:PassRole", "ec2:RunInstances"]
      Resource = "*"
    }]
  })
}

variable "vpc_id" {
  type = string
}

variable "log_bucket_acl" {
  type = string
}
