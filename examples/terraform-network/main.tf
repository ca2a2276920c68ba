# Network and database of the orders service.

resource "aws_security_group" "orders_db" {
  name   = "orders-db"
  vpc_id = var.vpc_id

  ingress {
    description = "PostgreSQL for the reporting contractor"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "jump_host" {
  name   = "orders-jump-host"
  vpc_id = var.vpc_id

  ingress {
    description = "Remote desktop for support"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.medium"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  publicly_accessible         = true
  storage_encrypted           = false
  vpc_security_group_ids      = [aws_security_group.orders_db.id]
}

resource "aws_instance" "jump_host" {
  ami                         = var.jump_host_ami
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.jump_host.id]
}

resource "aws_ebs_volume" "exports" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false
}

resource "aws_kms_key" "orders" {
  description         = "Orders data"
  enable_key_rotation = false
}

resource "aws_cloudtrail" "orders" {
  name           = "orders-audit"
  s3_bucket_name = var.audit_bucket
  enable_logging = false
}
