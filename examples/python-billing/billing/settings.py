import os

# Read from the environment at run time: fine.
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/billing")

# Committed "just for the staging demo" and never removed (fake values).
SENDGRID_API_KEY = "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"
SLACK_BOT_TOKEN = "xoxb-740238585609-8907211470321-cNfcv6Dkuu6aHmnzTkGZ8Ll4"
