import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from './prng.js';

/**
 * Realistic Terraform for the IaC benchmark: services of ten files each (variables, locals,
 * providers, S3, IAM, VPC, security groups, RDS, outputs, a call to a shared local module),
 * with for_each, count, dynamic blocks, heredoc and jsonencode policies, and some insecure
 * settings so rules have something to find.
 */
export interface TerraformManifest {
  version: number;
  services: number;
  files: number;
  lines: number;
  bytes: number;
}

const VERSION = 1;

const variables = (r: Rng, svc: string) => `variable "environment" {
  description = "Deployment environment"
  type        = string
  default     = "${r.pick(['dev', 'staging', 'prod'])}"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod"
  }
}

variable "region" {
  type    = string
  default = "${r.pick(['eu-west-1', 'us-east-1', 'ap-southeast-2'])}"
}

variable "vpc_cidr" {
  type    = string
  default = "10.${r.int(0, 250)}.0.0/16"
}

variable "az_count" {
  type    = number
  default = ${r.int(2, 3)}
}

variable "buckets" {
  description = "Buckets of ${svc}, by purpose"
  type = map(object({
    versioning = bool
    public     = bool
  }))
  default = {
    logs    = { versioning = true, public = false }
    assets  = { versioning = ${r.chance(0.5)}, public = ${r.chance(0.2)} }
    exports = { versioning = false, public = false }
  }
}

variable "ingress_rules" {
  type = list(object({
    port  = number
    cidrs = list(string)
  }))
  default = [
    { port = 443, cidrs = ["0.0.0.0/0"] },
    { port = ${r.pick([22, 3389, 8080])}, cidrs = ["${r.pick(['10.0.0.0/8', '0.0.0.0/0'])}"] },
  ]
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "db_instance_class" {
  type    = string
  default = "db.t3.${r.pick(['micro', 'small', 'medium'])}"
}
`;

const locals = (svc: string) => `locals {
  name = "${svc}-\${var.environment}"

  common_tags = {
    Service     = "${svc}"
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  azs = [for i in range(var.az_count) : "\${var.region}\${substr("abc", i, 1)}"]

  public_subnets  = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i)]
  private_subnets = [for i, az in local.azs : cidrsubnet(var.vpc_cidr, 8, i + 10)]

  bucket_names = { for k, v in var.buckets : k => "\${local.name}-\${k}" }

  is_prod = var.environment == "prod"

  backup_retention = local.is_prod ? 30 : 7
}
`;

const providers = (r: Rng, svc: string) => `terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {
    bucket  = "acme-terraform-state"
    key     = "${svc}/terraform.tfstate"
    region  = "eu-west-1"
    encrypt = ${r.chance(0.9)}
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

provider "aws" {
  alias  = "replica"
  region = "us-west-2"
}
`;

const s3 = (r: Rng) => `resource "aws_s3_bucket" "this" {
  for_each = var.buckets

  bucket        = local.bucket_names[each.key]
  force_destroy = !local.is_prod

  tags = merge(local.common_tags, {
    Name    = local.bucket_names[each.key]
    Purpose = each.key
  })
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = { for k, v in var.buckets : k => v if v.versioning }

  bucket = aws_s3_bucket.this[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this

  bucket = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "${r.pick(['aws:kms', 'AES256'])}"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = var.buckets

  bucket                  = aws_s3_bucket.this[each.key].id
  block_public_acls       = !each.value.public
  block_public_policy     = !each.value.public
  ignore_public_acls      = !each.value.public
  restrict_public_buckets = !each.value.public
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.this["assets"].id
  acl    = var.buckets["assets"].public ? "public-read" : "private"
}

data "aws_iam_policy_document" "tls_only" {
  for_each = var.buckets

  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this[each.key].arn,
      "\${aws_s3_bucket.this[each.key].arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  for_each = var.buckets

  bucket = aws_s3_bucket.this[each.key].id
  policy = data.aws_iam_policy_document.tls_only[each.key].json
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.this["logs"].id

  rule {
    id     = "expire"
    status = "Enabled"

    filter {
      prefix = "logs/"
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    expiration {
      days = ${r.int(90, 400)}
    }
  }
}
`;

const iam = (r: Rng) => `resource "aws_iam_role" "app" {
  name = "\${local.name}-app"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })

  tags = local.common_tags
}

resource "aws_iam_policy" "app" {
  name        = "\${local.name}-app"
  description = "Application access"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = [for b in aws_s3_bucket.this : "\${b.arn}/*"]
      },
      {
        Effect   = "Allow"
        Action   = ${r.chance(0.3) ? '"*"' : '["logs:CreateLogStream", "logs:PutLogEvents"]'}
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_iam_policy" "legacy" {
  count = local.is_prod ? 0 : 1
  name  = "\${local.name}-legacy"

  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["sqs:*"],
          "Resource": "arn:aws:sqs:\${var.region}:*:\${local.name}-*"
        }
      ]
    }
  EOT
}

resource "aws_iam_user" "ci" {
  name = "\${local.name}-ci"
  path = "/ci/"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}
`;

const vpc = () => `resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = merge(local.common_tags, { Name = local.name })
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
  tags   = local.common_tags
}

resource "aws_subnet" "public" {
  count = length(local.azs)

  vpc_id                  = aws_vpc.main.id
  cidr_block              = local.public_subnets[count.index]
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = true

  tags = merge(local.common_tags, {
    Name = "\${local.name}-public-\${count.index}"
    Tier = "public"
  })
}

resource "aws_subnet" "private" {
  count = length(local.azs)

  vpc_id            = aws_vpc.main.id
  cidr_block        = local.private_subnets[count.index]
  availability_zone = element(local.azs, count.index)

  tags = merge(local.common_tags, {
    Name = "\${local.name}-private-\${count.index}"
    Tier = "private"
  })
}

resource "aws_eip" "nat" {
  count  = local.is_prod ? length(local.azs) : 1
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  count         = length(aws_eip.nat)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
}

resource "aws_route_table_association" "public" {
  count          = length(local.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = aws_s3_bucket.this["logs"].arn
}
`;

const sg = () => `resource "aws_security_group" "web" {
  name        = "\${local.name}-web"
  description = "Web tier"
  vpc_id      = aws_vpc.main.id

  dynamic "ingress" {
    for_each = var.ingress_rules
    iterator = rule

    content {
      description = "port \${rule.value.port}"
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.common_tags
}

resource "aws_security_group" "db" {
  name   = "\${local.name}-db"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.web.id]
  }
}

resource "aws_security_group_rule" "admin" {
  type              = "ingress"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = local.is_prod ? ["10.0.0.0/8"] : ["0.0.0.0/0"]
  security_group_id = aws_security_group.web.id
}
`;

const rds = (r: Rng) => `resource "aws_kms_key" "data" {
  description             = "Data key for \${local.name}"
  deletion_window_in_days = 30
  enable_key_rotation     = ${r.chance(0.8)}
}

resource "aws_db_subnet_group" "main" {
  name       = local.name
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_instance" "main" {
  identifier     = "\${local.name}-db"
  engine         = "postgres"
  engine_version = "15.4"
  instance_class = var.db_instance_class

  allocated_storage     = local.is_prod ? 100 : 20
  max_allocated_storage = local.is_prod ? 500 : null
  storage_encrypted     = ${r.chance(0.8)}
  kms_key_id            = aws_kms_key.data.arn

  db_name  = replace(local.name, "-", "_")
  username = "app"
  password = var.db_password

  db_subnet_group_name   = aws_db_subnet_group.main.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = ${r.chance(0.1)}
  multi_az               = local.is_prod

  backup_retention_period = local.backup_retention
  deletion_protection     = local.is_prod
  skip_final_snapshot     = !local.is_prod

  performance_insights_enabled = true
  iam_database_authentication_enabled = ${r.chance(0.5)}

  tags = local.common_tags
}
`;

const outputs = () => `output "vpc_id" {
  value = aws_vpc.main.id
}

output "public_subnets" {
  value = aws_subnet.public[*].id
}

output "bucket_arns" {
  value = { for k, b in aws_s3_bucket.this : k => b.arn }
}

output "db_endpoint" {
  value     = aws_db_instance.main.endpoint
  sensitive = true
}

output "role_arn" {
  value = aws_iam_role.app.arn
}
`;

const main = (svc: string) => `module "archive" {
  source = "../shared/archive-bucket"

  name        = "\${local.name}-archive"
  tags        = local.common_tags
  retain_days = local.is_prod ? 3650 : 365
}

module "replica" {
  source = "../shared/archive-bucket"
  count  = local.is_prod ? 1 : 0

  name        = "\${local.name}-replica"
  tags        = merge(local.common_tags, { Replica = "true" })
  retain_days = 90
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${svc}"
  retention_in_days = local.is_prod ? 365 : 14
  kms_key_id        = aws_kms_key.data.arn
}
`;

const sharedModule = `variable "name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "retain_days" {
  type    = number
  default = 365
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "retain"
    status = "Enabled"

    expiration {
      days = var.retain_days
    }
  }
}

output "arn" {
  value = aws_s3_bucket.this.arn
}
`;

function generate(dir: string, services: number, seed: number): TerraformManifest {
  rmSync(dir, { recursive: true, force: true });
  const rng = new Rng(seed);
  const m: TerraformManifest = { version: VERSION, services, files: 0, lines: 0, bytes: 0 };
  const write = (path: string, text: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    m.files++;
    m.lines += text.split('\n').length - 1;
    m.bytes += Buffer.byteLength(text);
  };
  write(join(dir, 'shared', 'archive-bucket', 'main.tf'), sharedModule);
  for (let i = 0; i < services; i++) {
    const r = rng.fork(i);
    const svc = `svc-${String(i).padStart(3, '0')}`;
    const files: [string, string][] = [
      ['variables.tf', variables(r, svc)],
      ['locals.tf', locals(svc)],
      ['providers.tf', providers(r, svc)],
      ['s3.tf', s3(r)],
      ['iam.tf', iam(r)],
      ['vpc.tf', vpc()],
      ['security-groups.tf', sg()],
      ['rds.tf', rds(r)],
      ['outputs.tf', outputs()],
      ['main.tf', main(svc)],
    ];
    for (const [name, text] of files) write(join(dir, svc, name), text);
  }
  return m;
}

/** The tree for (services, seed), generated once and reused while its manifest matches. */
export function ensureTerraformTree(dir: string, services: number, seed = 1): TerraformManifest {
  const manifestPath = `${dir}.manifest.json`;
  if (existsSync(manifestPath) && existsSync(dir)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as TerraformManifest;
    if (m.version === VERSION && m.services === services) return m;
  }
  const m = generate(dir, services, seed);
  writeFileSync(manifestPath, `${JSON.stringify(m, null, 2)}\n`);
  return m;
}
