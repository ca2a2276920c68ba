import os

DEBUG = False

# Documentation example from the AWS docs: not a real key, not reported.
EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"

# A real-format key pair committed by mistake.
AWS_ACCESS_KEY_ID = "AKIA4HXJ7QW2ZL5MPK3R"
AWS_SECRET_ACCESS_KEY = "9dK2mQz7Lr4Vx1Np8TbW3cYh6Fs0GjUe5Ra/XoBi"

# Read from the environment: fine.
DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]

# A hash, not a secret.
ASSET_DIGEST = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"
