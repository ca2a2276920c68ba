import type { Confidence } from '../../../core/severity.js';
import type { Detector } from '../detector.js';
import { ASSIGN, assigned, ci, GAP, lettersAndDigits, mixedCase, near, UUID } from './patterns.js';

/**
 * AI and ML platform keys. Most providers now use distinctive prefixes (`sk-proj-`, `sk-ant-api03-`,
 * `gsk_`, `r8_`); the generic `sk-` prefix is shared by OpenAI, DeepSeek, Stability and others, so
 * OpenAI keys are recognised by the `T3BlbkFJ` ("OpenAI" in base64) marker inside them and the
 * other `sk-` formats only next to their provider's name. Google AI (Gemini) keys are `AIza` keys,
 * owned by the GCP detectors.
 */

/** The body of OpenAI keys: random base64url with `T3BlbkFJ` in the middle. */
const OPENAI_BODY = '[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200}';

const OPENAI_ROTATE =
  'Delete the key in the OpenAI platform (Dashboard > API keys, or Organization settings > Admin keys for admin keys), create a new one scoped to the project and permissions needed, and review usage and billing for unexpected spend.';

export const aiDetectors: Detector[] = [
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    description:
      "An OpenAI API key: a project key (`sk-proj-`), a user key (`sk-None-`) or a legacy `sk-` key, recognised by the `T3BlbkFJ` marker inside it. It calls the API billed to the organization and reads the project's files, assistants, fine-tunes and stored responses.",
    provider: 'OpenAI',
    severity: 'high',
    keywords: ['t3blbkfj'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<secret>sk-(?!svcacct-|admin-)(?:proj-|None-)?${OPENAI_BODY})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation: OPENAI_ROTATE,
    references: [
      'https://platform.openai.com/docs/api-reference/authentication',
      'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety',
    ],
    examples: {
      positive: [
        'OPENAI_API_KEY=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',
        'openai.api_key = "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"',
        "const client = new OpenAI({ apiKey: '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' });",
      ],
      negative: [
        'OPENAI_API_KEY=sk-qrlaW9jgABT3BlbkFJotNQlIwfNF',
        'OPENAI_API_KEY=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',
        'OPENAI_API_KEY=sk-proj-your-key-here-T3BlbkFJ-your-key-here',
        'OPENAI_API_KEY=udgePCRQ2loz2xfKI4z3T3BlbkFJoR0K4xjjIIpDiguwHmrU',
      ],
    },
  },
  {
    id: 'openai-service-account-key',
    title: 'OpenAI service account key',
    description:
      "An OpenAI service account API key (`sk-svcacct-`). It calls the API as a project's service account, billed to the organization, with access to the project's resources.",
    provider: 'OpenAI',
    severity: 'high',
    keywords: ['sk-svcacct-'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>sk-svcacct-${OPENAI_BODY})(?![A-Za-z0-9_-])`),
    minEntropy: 3.0,
    remediation: OPENAI_ROTATE,
    references: ['https://platform.openai.com/docs/api-reference/project-service-accounts'],
    examples: {
      positive: [
        'OPENAI_API_KEY=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',
        'api_key: "sk-svcacct-aGO3S8cIdxZX9n9StEpQZ_oF8mY0BN1HgbECoyvpypLr2EL0js0geH7Dy9h7T3BlbkFJXsd2rXNSNnZyRo-rqv-U0zY_xxz_UFGIq3UQDyEqV_GvexYACS9ZyaGM8Iup"',
      ],
      negative: [
        'OPENAI_API_KEY=sk-svcacct-2sj-Zvu0tlPRFECKapl4hb8tNWmy24Tw7WgvMmMB',
        'OPENAI_API_KEY=sk-svcacct-...',
        'OPENAI_API_KEY=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',
      ],
    },
  },
  {
    id: 'openai-admin-key',
    title: 'OpenAI admin key',
    description:
      'An OpenAI organization admin API key (`sk-admin-`). It manages the organization: users and invites, projects, API keys and service accounts, and reads usage and costs.',
    provider: 'OpenAI',
    severity: 'critical',
    keywords: ['sk-admin-'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>sk-admin-${OPENAI_BODY})(?![A-Za-z0-9_-])`),
    minEntropy: 3.0,
    remediation: OPENAI_ROTATE,
    references: ['https://platform.openai.com/docs/api-reference/administration'],
    examples: {
      positive: [
        'OPENAI_ADMIN_KEY=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',
        "admin_key = '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'",
      ],
      negative: [
        'OPENAI_ADMIN_KEY=sk-admin-...',
        'OPENAI_ADMIN_KEY=sk-admin-4Wa1Dq4QPHBmgdcqVT6WltsEGQvfkc',
        'OPENAI_ADMIN_KEY=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',
      ],
    },
  },
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    description:
      "An Anthropic Claude API key (`sk-ant-api03-`). It calls the Claude API billed to the workspace and reads the workspace's files and batches.",
    provider: 'Anthropic',
    severity: 'high',
    keywords: ['sk-ant-api03-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Claude Console (Settings > API keys), create a new one in the right workspace, and review usage and cost for unexpected spend.',
    references: ['https://docs.anthropic.com/en/api/getting-started#authentication'],
    examples: {
      positive: [
        'ANTHROPIC_API_KEY=sk-ant-api03-DbMzYlVdhSpIF4yV6qVAgpSc7tVkD4FknB235mYNGYVpFzDyC6YUKiWRnqpRcsWI7Dajr4r8VFAdf9Pxl5kLtZAvrLFBfAA',
        'client = anthropic.Anthropic(api_key="sk-ant-api03-AjlqmTTx50wgum9woVpt7zvYHp5VXWcXGl0dco1IF6UnA1Qz6qpDjrNAKWlw7qlRt32eWsXGPYip3ROF-RiaFsnaXjbrBAA")',
      ],
      negative: [
        'ANTHROPIC_API_KEY=sk-ant-api03-OEu9EbNywrVlNXQFJJ-oUU5gvm74Lzrc-0R0-Qk4AA',
        'ANTHROPIC_API_KEY=sk-ant-api03-2cJv8qUZXAeGyBF20xnD64AWFRWC2Cim8Wl6XD_wG6e5PxANt-nITsPcEvKvQZhJEHyzUYUGaXUS4gy9_K5p6-vWLUg8QBB',
        'ANTHROPIC_API_KEY=sk-ant-...',
        'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-Ik30FpFijsQaD8rIbsxoLWsTqJMHu66YN_BrQ-t8A1cQaG6hr38gYrlFbXXZtbCM1EgST-pjxqDGP3o5hLbomDRRLKf3dAA',
      ],
    },
  },
  {
    id: 'anthropic-admin-key',
    title: 'Anthropic admin API key',
    description:
      'An Anthropic Admin API key (`sk-ant-admin01-`). It manages the organization: members and invites, workspaces, API keys, and reads usage and cost reports.',
    provider: 'Anthropic',
    severity: 'critical',
    keywords: ['sk-ant-admin01-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Delete the admin key in the Claude Console (Settings > Admin keys), create a new one only if needed, and review the organization's members, workspaces and API keys for changes.",
    references: ['https://docs.anthropic.com/en/api/administration-api'],
    examples: {
      positive: [
        'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-7kWERrZ8mQ6-mc9j_YoHjrP_xwoj6mY07twNPmbDHunJGK63xuaprIfErcEmZ9LDg8gycWVCwVuLbJ-4WL6yE7auLqFPOAA',
        '"x-api-key": "sk-ant-admin01-C5yA-T7DZvFYhGZ0hdTwM6VNLMw6PYdP2g_AF0qmmU3NiD0G2YiJeBJ3CaCyJaHGXbE0K15Eaeid5xIBdjoW9POENtLEzAA"',
      ],
      negative: [
        'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-HXb4pDXIldo3XyAg6M-5gfDbR-P5-0pC5Xe4wc52MG5i_GovAZAA',
        'ANTHROPIC_ADMIN_KEY=sk-ant-admin01-test',
        'ANTHROPIC_API_KEY=sk-ant-api03-gEOkcagbSOtxhmBAlSdwwQh9cM7hvPYtn8EHM1uvNxyCB4apRhhXp-N_lp4yNUcFB84ApJP-YwHTIJzNBYHYofcDSwOCbAA',
      ],
    },
  },
  {
    id: 'huggingface-access-token',
    title: 'Hugging Face user access token',
    description:
      "A Hugging Face user access token (`hf_` + 34 letters). With read scope it downloads the user's private and gated models and datasets; with write scope it pushes to their repositories (a supply-chain risk for anyone using those models).",
    provider: 'Hugging Face',
    severity: 'high',
    keywords: ['hf_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_-])/,
    verify: (s) => mixedCase(s.slice(3)),
    minEntropy: 3.0,
    remediation:
      "Invalidate the token in Hugging Face (Settings > Access Tokens > Invalidate and refresh), create a fine-grained token with only the repositories and scopes needed, and review recent commits to the user's repositories.",
    references: ['https://huggingface.co/docs/hub/security-tokens'],
    examples: {
      positive: [
        'HF_TOKEN=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',
        'login(token="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")',
      ],
      negative: [
        'HF_TOKEN=hf_fPBUVWLcPtHqdAVkVmkb',
        'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'shelf_RotYbUJUOYdcbEkxdyYgymQZKaiNukfvUf = 1',
        'HF_TOKEN=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',
      ],
    },
  },
  {
    id: 'huggingface-org-token',
    title: 'Hugging Face organization API token',
    description:
      'A legacy Hugging Face organization API token (`api_org_`). It acts for the organization: reading and writing its private models and datasets.',
    provider: 'Hugging Face',
    severity: 'high',
    keywords: ['api_org_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_-])/,
    verify: (s) => mixedCase(s.slice(8)),
    minEntropy: 3.0,
    remediation:
      "Revoke the organization token in the organization's Hugging Face settings, move to fine-grained user tokens, and review recent commits to the organization's repositories.",
    references: ['https://huggingface.co/docs/hub/security-tokens'],
    examples: {
      positive: [
        'HF_ORG_TOKEN=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',
        "headers = {'Authorization': 'Bearer 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'}",
      ],
      negative: [
        'HF_ORG_TOKEN=api_org_fyTYGOwiAeKtFgEzDwIH',
        'api_org_settings_path = "/settings"',
        'HF_ORG_TOKEN=api_org_${TOKEN}',
      ],
    },
  },
  {
    id: 'cohere-api-key',
    title: 'Cohere API key',
    description:
      'A Cohere API key (40 characters) assigned to a Cohere setting or passed to a Cohere client. It calls the Cohere models billed to the account and reads its datasets and fine-tunes.',
    provider: 'Cohere',
    severity: 'high',
    confidence: 'medium',
    keywords: ['cohere', 'co_api_key'],
    pattern: new RegExp(
      String.raw`(?:(?:${ci('cohere')}|${ci('co')}_${ci('api')})${GAP}(?:${ci('key')}|${ci('token')})${ASSIGN}|${ci('cohere')}\.(?:Async)?Client(?:V2)?\(\s{0,3}(?:api_key=)?["'])(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      'Delete the key in the Cohere dashboard (API keys), create a new one, and review usage for unexpected spend.',
    references: ['https://docs.cohere.com/reference/about'],
    examples: {
      positive: [
        'COHERE_API_KEY=KcxebLts7I1oYEubuNkqV2JYgsZBfCRzgb1KFWMK',
        'co = cohere.ClientV2("2ugeCQblaDoqJFfKtkvsxSRG0IXjInX4oPAoRMOG")',
        'CO_API_KEY: mH6ak8RBnYeD8at11hrnBpFwQ6uTqYD1fSuweZFa',
      ],
      negative: [
        'COHERE_API_KEY=${COHERE_API_KEY}',
        'COHERE_API_KEY=UBAdABhDWulwowr4sBB7',
        'COHERE_MODEL=command-r-plus-08-2024-release-candidate',
      ],
    },
  },
  {
    id: 'replicate-api-token',
    title: 'Replicate API token',
    description:
      'A Replicate API token (`r8_`). It runs models billed to the account and reads and changes its private models and deployments.',
    provider: 'Replicate',
    severity: 'high',
    keywords: ['r8_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Disable the token in Replicate (Account settings > API tokens), create a new one, and review predictions and billing for activity you did not start.',
    references: ['https://replicate.com/docs/topics/security/api-tokens'],
    examples: {
      positive: [
        'REPLICATE_API_TOKEN=r8_0awh9wfhVOwusrCTRsGoUJDMsfCsTmdjInwfA',
        'replicate.Client(api_token="r8_1I33pxxtL28yVHw1Te846zy2XxZrRFU09uRWB")',
      ],
      negative: [
        'REPLICATE_API_TOKEN=r8_V4cvgdqppJJQKizMjQIh',
        'REPLICATE_API_TOKEN=r8_xxx',
        'REPLICATE_API_TOKEN=${REPLICATE_API_TOKEN}',
      ],
    },
  },
  {
    id: 'groq-api-key',
    title: 'Groq API key',
    description:
      'A Groq API key (`gsk_`). It runs inference billed to the organization and reads its batches and files.',
    provider: 'Groq',
    severity: 'high',
    keywords: ['gsk_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation: 'Delete the key in the GroqCloud console (API Keys), create a new one, and review usage.',
    references: ['https://console.groq.com/docs/quickstart'],
    examples: {
      positive: [
        'GROQ_API_KEY=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',
        "const groq = new Groq({ apiKey: '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' });",
      ],
      negative: [
        'GROQ_API_KEY=gsk_XATRtJCkjFNGF5b0ns39xRHWC0SQAB',
        'GROQ_API_KEY=gsk_...',
        'GROQ_API_KEY=${GROQ_API_KEY}',
      ],
    },
  },
  {
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    description:
      "A Mistral AI API key (32 characters) assigned to a Mistral setting. It calls Mistral's models billed to the workspace and reads its files, fine-tunes and agents.",
    provider: 'Mistral AI',
    severity: 'high',
    confidence: 'medium',
    keywords: ['mistral'],
    pattern: assigned(`${ci('mistral')}${GAP}(?:${ci('key')}|${ci('token')})`, '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    verify: (s) => mixedCase(s),
    remediation:
      'Revoke the key in the Mistral console (Workspace > API keys), create a new one, and review usage for unexpected spend.',
    references: ['https://docs.mistral.ai/getting-started/quickstart/'],
    examples: {
      positive: [
        'MISTRAL_API_KEY=klAVBuhjMmN8mcpbKLnGgTqPYg0Sn4wr',
        'mistral_api_key: "VOdelEBu6ESlvWLpAAMJuljdIF5Ay72c"',
      ],
      negative: [
        'MISTRAL_MODEL=mistral-large-latest',
        'MISTRAL_API_KEY=${MISTRAL_API_KEY}',
        'MISTRAL_API_KEY=uhx86ly7zhace7x2m2exlxgm55d8u0ne',
      ],
    },
  },
  {
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    description: "A Perplexity API key (`pplx-`). It calls the Sonar models billed to the account's credits.",
    provider: 'Perplexity',
    severity: 'high',
    keywords: ['pplx-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in Perplexity (Settings > API > API Keys), create a new one, and review usage.',
    references: ['https://docs.perplexity.ai/guides/getting-started'],
    examples: {
      positive: [
        'PERPLEXITY_API_KEY=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',
        'headers = {"Authorization": "Bearer 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"}',
      ],
      negative: [
        'PERPLEXITY_API_KEY=pplx-FDJEGSFEik2Yj57qylzV',
        'PERPLEXITY_API_KEY=pplx-...',
        'PERPLEXITY_API_KEY=pplx-${KEY}',
      ],
    },
  },
  {
    id: 'deepseek-api-key',
    title: 'DeepSeek API key',
    description:
      "A DeepSeek API key (`sk-` + 32 hex characters) next to the DeepSeek name. It calls DeepSeek's models billed to the account balance.",
    provider: 'DeepSeek',
    severity: 'high',
    keywords: ['deepseek'],
    pattern: near(ci('deepseek'), 'sk-[a-f0-9]{32}'),
    minEntropy: 3.0,
    remediation:
      'Delete the key in the DeepSeek platform (API keys), create a new one, and review usage and balance.',
    references: ['https://api-docs.deepseek.com/'],
    examples: {
      positive: [
        'DEEPSEEK_API_KEY=sk-66ce07f140e860b98a7992ff778e6d96',
        'deepseek_client = OpenAI(api_key="sk-f0408c495763f597d15f5b05b177cb9a", base_url=BASE_URL)',
      ],
      negative: [
        'DEEPSEEK_API_KEY=sk-08d4b79ef6dafb881d80',
        'OPENAI_API_KEY=sk-8f8a504d74c1d451e304fc28921d526e',
        'DEEPSEEK_API_KEY=sk-U7b9p9YSPYGRp4BbO5ceEmVxhCKW3zHLebtOwxc9RgRno7fj',
      ],
    },
  },
  {
    id: 'xai-api-key',
    title: 'xAI (Grok) API key',
    description: 'An xAI API key (`xai-`). It calls the Grok models billed to the team.',
    provider: 'xAI',
    severity: 'high',
    keywords: ['xai-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>xai-[A-Za-z0-9]{80})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in the xAI console (API Keys), create a new one with only the models and endpoints needed, and review usage.',
    references: ['https://docs.x.ai/docs/overview'],
    examples: {
      positive: [
        'XAI_API_KEY=xai-j1pPpVmWS9Lfib4fi0QOKQbj6pu5Xckgsy7uP9SGnjipgJBIXsBcjEaLAYC2sSK7mNjAFqAzrMTgNCS8',
        "const client = new OpenAI({ apiKey: 'xai-nHSpiB0EML9UUnXWXAzarFQT4J4SbppohtX8DqLviYAdGPSmxssuU8GGLbvnwU3hPhdfjWQTxDqAQgNl', baseURL: 'https://api.x.ai/v1' });",
      ],
      negative: [
        'XAI_API_KEY=xai-PbiMdbK6jedxMhPhbcAJ5ae3m8s3gOpd933fQhrE',
        'XAI_API_KEY=xai-...',
        'XAI_API_KEY=${XAI_API_KEY}',
      ],
    },
  },
  {
    id: 'together-api-key',
    title: 'Together AI API key',
    description:
      'A Together AI API key (`tgp_v1_`). It runs inference and fine-tuning billed to the account.',
    provider: 'Together AI',
    severity: 'high',
    keywords: ['tgp_v1_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>tgp_v1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation: 'Revoke the key in Together AI (Settings > API Keys), create a new one, and review usage.',
    references: ['https://docs.together.ai/reference/authentication-1'],
    examples: {
      positive: [
        'TOGETHER_API_KEY=tgp_v1_62gSxrcy0gcIBFAy3JHvtOx2Wk8uOVjNzJMhBF_sYAB',
        'client = Together(api_key="tgp_v1_hyyuWnssb5gnq_RWg1WHs0Y80LUZA1Q1Raf9kU_ftPG")',
      ],
      negative: [
        'TOGETHER_API_KEY=tgp_v1_85HDEOVYsRrnlFrbf6of',
        'TOGETHER_API_KEY=tgp_v1_...',
        'TOGETHER_API_KEY=tgp_v1_${KEY}',
      ],
    },
  },
  {
    id: 'together-legacy-api-key',
    title: 'Together AI API key (64 hex)',
    description:
      'A Together AI API key in the older 64-hex format, assigned to a Together setting. It runs inference and fine-tuning billed to the account.',
    provider: 'Together AI',
    severity: 'high',
    confidence: 'medium',
    keywords: ['together_api', 'together-api', 'togetherai', 'together_ai', 'together_key', 'together_token'],
    pattern: assigned(`${ci('together')}${GAP}(?:${ci('key')}|${ci('token')})`, '[a-f0-9]{64}'),
    minEntropy: 3.0,
    remediation: 'Revoke the key in Together AI (Settings > API Keys), create a new one, and review usage.',
    references: ['https://docs.together.ai/reference/authentication-1'],
    examples: {
      positive: [
        'TOGETHER_API_KEY=f5c929c1f4c23b5817d99e431e107f01e31f66515b25a8f75e9f37724cfe88fc',
        'together_ai_key: "b1e3c6b85ece2b2af460b83fd4cbcd7ffb30db16dd0ef21f7215796b0613b17d"',
      ],
      negative: [
        'TOGETHER_API_KEY=3986168a28b29ee7239e3194fa6a178812463f6a',
        'TOGETHER_API_KEY=${TOGETHER_API_KEY}',
        'TOGETHER_MODEL=meta-llama/Llama-3-70b-chat-hf',
      ],
    },
  },
  {
    id: 'fireworks-api-key',
    title: 'Fireworks AI API key',
    description:
      'A Fireworks AI API key (`fw_`). It runs inference and deployments billed to the account. Found with higher confidence next to the Fireworks name.',
    provider: 'Fireworks AI',
    severity: 'high',
    keywords: ['fw_'],
    pattern: new RegExp(
      String.raw`(?:(?<ctx>${ci('fireworks')})[^\n]{0,100}?)?(?<![A-Za-z0-9_-])(?<secret>fw_[A-Za-z0-9]{20,40})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.4,
    verify: (s, g): boolean | Confidence => (mixedCase(s.slice(3)) ? (g.ctx ? true : 'medium') : false),
    remediation:
      'Delete the key in Fireworks AI (Account > API Keys, or `firectl delete api-key`), create a new one, and review usage.',
    references: ['https://docs.fireworks.ai/getting-started/quickstart'],
    examples: {
      positive: [
        'FIREWORKS_API_KEY=fw_0RCUTdZI250VBwAAGdyVDglK',
        'headers = {"Authorization": "Bearer fw_KM7PQlyhpFRjUQbuBWtn9YSQ"}',
      ],
      negative: [
        'FIREWORKS_API_KEY=fw_test_key',
        'int fw_loadfirmwarefromdiskimage = 0;',
        'FIREWORKS_API_KEY=fw_8LuPMT9zGK',
      ],
    },
  },
  {
    id: 'elevenlabs-api-key',
    title: 'ElevenLabs API key',
    description:
      "An ElevenLabs API key (`sk_` + 48 hex characters) next to the ElevenLabs name or an `xi-api-key` header. It generates speech (including cloned voices) billed to the account's credits and reads its voices and history.",
    provider: 'ElevenLabs',
    severity: 'high',
    keywords: ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'],
    pattern: near(
      `${ci('eleven')}[_-]?${ci('labs')}|${ci('xi')}[_-]${ci('api')}[_-]${ci('key')}`,
      'sk_[a-f0-9]{48}',
    ),
    minEntropy: 3.0,
    remediation:
      'Delete the key in ElevenLabs (Developers > API Keys), create a new one with restricted permissions and a credit limit, and review usage history.',
    references: ['https://elevenlabs.io/docs/api-reference/authentication'],
    examples: {
      positive: [
        'ELEVENLABS_API_KEY=sk_3179c3a0e2bd5f760797637fd5a3adfaead9fc48ac7c22ec',
        'curl -H "xi-api-key: sk_ed9fd2c6486ce038409029e603175e200d70bceab9c10d92" https://api.elevenlabs.io/v1/voices',
      ],
      negative: [
        'ELEVENLABS_API_KEY=sk_ca62a20e82d67aa08eea',
        'ELEVENLABS_VOICE_ID=4Ohkhf7lQDNl0SKDQA9n',
        'API_KEY=sk_9a2e9d1d365f476f10cc419ecff589b52836955469d73702',
      ],
    },
  },
  {
    id: 'assemblyai-api-key',
    title: 'AssemblyAI API key',
    description:
      'An AssemblyAI API key (32 hex characters) assigned to an AssemblyAI setting. It transcribes audio billed to the account and reads past transcripts, which often contain personal data.',
    provider: 'AssemblyAI',
    severity: 'high',
    confidence: 'medium',
    keywords: ['assemblyai', 'assembly_ai', 'assembly-ai'],
    pattern: assigned(
      `${ci('assembly')}[_-]?${ci('ai')}${GAP}(?:${ci('key')}|${ci('token')})`,
      '[a-f0-9]{32}',
    ),
    minEntropy: 2.6,
    remediation:
      'Reset the key in the AssemblyAI dashboard (API Keys), deploy the new one, and review transcripts created recently.',
    references: ['https://www.assemblyai.com/docs/api-reference/overview'],
    examples: {
      positive: [
        'ASSEMBLYAI_API_KEY=5b9589e5b7dc10643c685dcd7563a338',
        'assemblyai.settings.api_key = "012bc1a07471ceefcc9fc8976ede1435"',
      ],
      negative: [
        'ASSEMBLYAI_API_KEY=${ASSEMBLYAI_API_KEY}',
        'ASSEMBLYAI_API_KEY=ce0f422af00388f9def5',
        'ASSEMBLYAI_WEBHOOK_URL=https://example.org/hook',
      ],
    },
  },
  {
    id: 'pinecone-api-key',
    title: 'Pinecone API key',
    description:
      "A Pinecone API key (`pcsk_`). It reads, writes and deletes vectors in the project's indexes (often embeddings of private documents) and manages the indexes themselves.",
    provider: 'Pinecone',
    severity: 'high',
    keywords: ['pcsk_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{55,70})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Pinecone console (the project > API keys), create a new one with the narrowest role, and check the indexes for unexpected changes.',
    references: ['https://docs.pinecone.io/guides/projects/manage-api-keys'],
    examples: {
      positive: [
        'PINECONE_API_KEY=pcsk_tWw2RC_46txoj7k0S1nE5dfG71gOaS0leRyAjldTd6Y7ZYuziemUbjrEPg9bKvNuDg1cz1',
        "const pc = new Pinecone({ apiKey: 'pcsk_VS6dH0_5KYvXqOkHaCAxBtl3evNhvTiYlU1hlg14sWg149HAOf4aJmdtgcUns4SgBuJg46' });",
      ],
      negative: [
        'PINECONE_API_KEY=pcsk_...',
        'PINECONE_API_KEY=pcsk_UKLtSx_LXsjCozM75n92yO6qKN2',
        'PINECONE_API_KEY=${PINECONE_API_KEY}',
      ],
    },
  },
  {
    id: 'pinecone-legacy-api-key',
    title: 'Pinecone API key (UUID)',
    description:
      "A Pinecone API key in the older UUID format, assigned to a Pinecone setting. It reads, writes and deletes vectors in the project's indexes.",
    provider: 'Pinecone',
    severity: 'high',
    confidence: 'medium',
    keywords: ['pinecone'],
    pattern: assigned(`${ci('pinecone')}${GAP}${ci('key')}`, UUID),
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Pinecone console (the project > API keys), create a new one, and check the indexes for unexpected changes.',
    references: ['https://docs.pinecone.io/guides/projects/manage-api-keys'],
    examples: {
      positive: [
        'PINECONE_API_KEY=de73d75a-7b27-4fa4-a5e7-c42efc4a9d75',
        'pinecone_api_key: "c61b6dea-88d9-4135-a38b-0c1839acbba7"',
      ],
      negative: [
        'PINECONE_INDEX_ID=ad0348f0-9a8d-491d-a14e-0ab464ed4216',
        'PINECONE_API_KEY=${PINECONE_API_KEY}',
        'PINECONE_API_KEY=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    description:
      "A LangSmith (LangChain) personal access token or service key (`lsv2_pt_`, `lsv2_sk_`). It reads the workspace's traces, which record prompts, model outputs and tool calls (often customer data and secrets), and changes datasets and prompts.",
    provider: 'LangChain',
    severity: 'high',
    keywords: ['lsv2_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in LangSmith (Settings > API Keys), create a new one, and review who accessed the traces.',
    references: [
      'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
    ],
    examples: {
      positive: [
        'LANGSMITH_API_KEY=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',
        'LANGCHAIN_API_KEY="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"',
      ],
      negative: [
        'LANGSMITH_API_KEY=lsv2_pt_a07a91968dfc4c203d6585e98024817c',
        'LANGSMITH_API_KEY=lsv2_pt_...',
        'LANGSMITH_API_KEY=lsv2_xx_9f5da7dff0f8fd8d50dc165d8139e4ff_4738425193',
      ],
    },
  },
  {
    id: 'wandb-api-key',
    title: 'Weights & Biases API key',
    description:
      "A Weights & Biases API key (40 hex characters, `local-` prefixed for self-hosted servers) assigned to a W&B setting or passed to `wandb login`. It reads and writes the user's runs, artifacts and models in every team they belong to.",
    provider: 'Weights & Biases',
    severity: 'high',
    confidence: 'medium',
    keywords: ['wandb'],
    pattern: new RegExp(
      String.raw`(?:${ci('wandb')}${GAP}(?:${ci('key')}|${ci('token')})${ASSIGN}|wandb login\s{1,4})(?<secret>(?:local-)?[a-f0-9]{40})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation:
      'Delete the key in W&B (User settings > API keys), create a new one, and review recent runs and artifacts for changes.',
    references: ['https://docs.wandb.ai/guides/track/environment-variables/'],
    examples: {
      positive: [
        'WANDB_API_KEY=b1b819af882fa899ef0160ecb48708d56284f54b',
        'wandb login 57ed041b8ad7db2534eb31acb45e0fc0b27814f1',
        'wandb_key: "local-eb288a348b8cb98a5b19fae67b15e1e584dba79d"',
      ],
      negative: [
        'WANDB_PROJECT=my-project',
        'WANDB_API_KEY=${WANDB_API_KEY}',
        'WANDB_API_KEY=39d8b891487a9a5f30df67e6c06ac1d9',
      ],
    },
  },
  {
    id: 'openrouter-api-key',
    title: 'OpenRouter API key',
    description:
      "An OpenRouter API key (`sk-or-v1-`). It calls every model on OpenRouter billed to the account's credits.",
    provider: 'OpenRouter',
    severity: 'high',
    keywords: ['sk-or-v1-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Delete the key in OpenRouter (Settings > Keys), create a new one with a credit limit, and review the activity log.',
    references: ['https://openrouter.ai/docs/api-reference/authentication'],
    examples: {
      positive: [
        'OPENROUTER_API_KEY=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',
        'api_key="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"',
      ],
      negative: [
        'OPENROUTER_API_KEY=sk-or-v1-b1d2d1496a812b40dd23ae35b5c67c43',
        'OPENROUTER_API_KEY=sk-or-v1-...',
        'OPENROUTER_API_KEY=sk-or-v1-${KEY}',
      ],
    },
  },
  {
    id: 'voyage-api-key',
    title: 'Voyage AI API key',
    description:
      'A Voyage AI API key (`pa-`) next to the Voyage name. It creates embeddings and reranks billed to the account.',
    provider: 'Voyage AI',
    severity: 'high',
    keywords: ['voyage'],
    pattern: near(ci('voyage'), 'pa-[A-Za-z0-9_-]{40,50}'),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s.slice(3)),
    remediation: 'Delete the key in the Voyage AI dashboard (API keys), create a new one, and review usage.',
    references: ['https://docs.voyageai.com/docs/api-key-and-installation'],
    examples: {
      positive: [
        'VOYAGE_API_KEY=pa-lej4w5qRTSbGVND0Xuc384A-7l1YGQYMxsFSGrY1jus',
        'vo = voyageai.Client(api_key="pa-UWuWBggQzNq02rRoQD5P1PiHu_bZwbdbzez8aeLVTj6")',
      ],
      negative: [
        'VOYAGE_API_KEY=pa-your-key-here',
        'VOYAGE_API_KEY=pa-U9ji61XBJuyYHCpaI0im',
        'VOYAGE_MODEL=voyage-3-large',
      ],
    },
  },
  {
    id: 'stability-api-key',
    title: 'Stability AI API key',
    description:
      "A Stability AI (DreamStudio) API key (`sk-` + 48 characters) next to the Stability or DreamStudio name. It generates images billed to the account's credits.",
    provider: 'Stability AI',
    severity: 'high',
    keywords: ['stability', 'dreamstudio'],
    pattern: near(`${ci('stability')}|${ci('dreamstudio')}`, 'sk-[A-Za-z0-9]{48}'),
    // Legacy OpenAI keys have the same shape; they carry OpenAI's `T3BlbkFJ` marker.
    verify: (s) => mixedCase(s.slice(3)) && !s.includes('T3BlbkFJ'),
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Stability AI platform (Account > API keys), create a new one, and review credit usage.',
    references: ['https://platform.stability.ai/docs/getting-started/authentication'],
    examples: {
      positive: [
        'STABILITY_API_KEY=sk-5jMQgVhwC4Uo1EIDIOF9nRLhpxddtbpxtBUEnN1AxrsQJoFN',
        'stability_api = client.StabilityInference(key="sk-UOi8AjBmyr05ktRmPSUnG4OnKku89fFiazsWsPfV4GQu8Zqp")',
      ],
      negative: [
        'STABILITY_API_KEY=sk-Gdi17WT0bRfCodoDvBwu',
        'OPENAI_API_KEY=sk-MFhB34vudaog0f9EyzantzKw64BKcWo0o4bMsB7LfnRcQydf',
        '# API stability: OPENAI_API_KEY=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',
        'STABILITY_ENGINE=stable-diffusion-xl-1024-v1-0',
      ],
    },
  },
  {
    id: 'azure-openai-api-key',
    title: 'Azure OpenAI API key',
    description:
      "An Azure OpenAI (Azure AI services) resource key (32 hex characters, or the newer 84-character format) assigned to an Azure OpenAI setting. It calls the resource's model deployments billed to the subscription.",
    provider: 'Azure',
    severity: 'high',
    confidence: 'medium',
    keywords: ['azure_openai', 'azure-openai', 'azureopenai', 'azure.openai'],
    pattern: assigned(
      `${ci('azure')}[_.-]?${ci('openai')}${GAP}${ci('key')}`,
      '(?:[a-f0-9]{32}|[A-Za-z0-9]{84})',
    ),
    minEntropy: 2.8,
    remediation:
      'Regenerate the key in the Azure portal (the Azure OpenAI resource > Keys and Endpoint > Regenerate Key 1/2; switch clients to the other key first), and prefer Microsoft Entra ID authentication over keys.',
    references: ['https://learn.microsoft.com/en-us/azure/ai-services/openai/reference#authentication'],
    examples: {
      positive: [
        'AZURE_OPENAI_API_KEY=88b33f2443db0ea18ea600c9bffcb8bf',
        'azure_openai_key: "MhG58ZmrVlxz2brBKiytashQJRMINTAz2VgpXAwyktRcYMQ5BY2gQDueZo8eSESwfn79TtVIzUE6fI1dLR0d"',
      ],
      negative: [
        'AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/',
        'AZURE_OPENAI_API_KEY=${AZURE_OPENAI_API_KEY}',
        'AZURE_OPENAI_API_KEY=4cab8ec223daff6c3aecd095',
      ],
    },
  },
  {
    id: 'nvidia-api-key',
    title: 'NVIDIA API key',
    description:
      'An NVIDIA API Catalog / NGC API key (`nvapi-`). It calls NVIDIA-hosted models (NIM) billed to the account and pulls private NGC containers and models.',
    provider: 'NVIDIA',
    severity: 'high',
    keywords: ['nvapi-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>nvapi-[A-Za-z0-9_-]{64})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the key in NGC (Setup > API Keys) or build.nvidia.com, create a new one, and review usage.',
    references: ['https://docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide/index.html#generating-api-key'],
    examples: {
      positive: [
        'NVIDIA_API_KEY=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',
        'client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="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")',
      ],
      negative: [
        'NVIDIA_API_KEY=nvapi-test123',
        'NVIDIA_API_KEY=nvapi-A_OEGw4Bc9HS5_roiQ1u4RGluTyLHu',
        'NVIDIA_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'tavily-api-key',
    title: 'Tavily API key',
    description:
      "A Tavily search API key (`tvly-`). It runs web searches and extractions billed to the account's credits.",
    provider: 'Tavily',
    severity: 'medium',
    keywords: ['tvly-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>tvly-(?:(?:dev|prod)-)?[A-Za-z0-9]{28,40})(?![A-Za-z0-9_-])/,
    verify: (s) => mixedCase(s.slice(5)),
    minEntropy: 3.0,
    remediation: 'Delete the key in the Tavily dashboard, create a new one, and review usage.',
    references: ['https://docs.tavily.com/documentation/quickstart'],
    examples: {
      positive: [
        'TAVILY_API_KEY=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',
        'client = TavilyClient(api_key="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")',
      ],
      negative: [
        'TAVILY_API_KEY=tvly-YOUR_API_KEY',
        'TAVILY_API_KEY=tvly-v5hsT6PDC5Qi',
        'TAVILY_API_KEY=tvly-...',
      ],
    },
  },
  {
    id: 'cerebras-api-key',
    title: 'Cerebras API key',
    description: 'A Cerebras Inference API key (`csk-`). It runs inference billed to the account.',
    provider: 'Cerebras',
    severity: 'high',
    keywords: ['csk-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>csk-[a-z0-9]{48})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    verify: (s) => lettersAndDigits(s.slice(4)),
    remediation:
      'Delete the key in the Cerebras Cloud console (API Keys), create a new one, and review usage.',
    references: ['https://inference-docs.cerebras.ai/quickstart'],
    examples: {
      positive: [
        'CEREBRAS_API_KEY=csk-sic82navn7mjlytmm67c38exvrxixwz2vwpc6gj6i9ki2ojz',
        'client = Cerebras(api_key="csk-et1usbxk70jz2kq61ffr0mly8j2mqgp2hrbjp9aibglr1sl4")',
      ],
      negative: [
        'CEREBRAS_API_KEY=csk-test',
        'CEREBRAS_API_KEY=csk-ebc239anbd5aal9fj4pw',
        'CEREBRAS_API_KEY=csk-...',
      ],
    },
  },
  {
    id: 'deepgram-api-key',
    title: 'Deepgram API key',
    description:
      'A Deepgram API key (40 hex characters) assigned to a Deepgram setting. It transcribes and synthesises audio billed to the project and, with admin scope, manages its keys and members.',
    provider: 'Deepgram',
    severity: 'high',
    confidence: 'medium',
    keywords: ['deepgram'],
    pattern: assigned(
      `${ci('deepgram')}${GAP}(?:${ci('key')}|${ci('token')}|${ci('secret')})`,
      '[a-f0-9]{40}',
    ),
    minEntropy: 3.0,
    remediation:
      'Delete the key in the Deepgram console (the project > API Keys), create a new one with the narrowest role, and review usage.',
    references: ['https://developers.deepgram.com/docs/create-additional-api-keys'],
    examples: {
      positive: [
        'DEEPGRAM_API_KEY=7380ea9b8bc5ceb03df9d84d38cc79fa262f9923',
        'deepgram_key: "cbcd1a9d29556f088005fac776ed4a5bafb5696b"',
      ],
      negative: [
        'DEEPGRAM_PROJECT_ID=145a192f-478e-45a9-a12a-849dfb35a287',
        'DEEPGRAM_API_KEY=${DEEPGRAM_API_KEY}',
        'DEEPGRAM_API_KEY=24a99d7467cb32386007fe1bef9d7d03',
      ],
    },
  },
];
