import type { Detector } from '../detector.js';
import { ASSIGN, assigned, ci, GAP, mixedCase, named, near, optionallyNear, UUID } from './patterns.js';

/**
 * Payment providers. Several share prefixes (`sk_live_` is Stripe's and Paystack's, `live_` is
 * GoCardless', Mollie's and others'), so a format that does not identify its provider on its own
 * requires the provider's name on the same line, and detectors whose shapes overlap exclude each
 * other's exact format.
 */

const STRIPE_ROTATE =
  'In the Stripe Dashboard (Developers > API keys), roll the key with an immediate expiry for the old one, put the new key in a secret manager, and review Developers > Logs and Events for requests you do not recognise (refunds, payouts, new webhook endpoints).';
const STRIPE_REFS = ['https://docs.stripe.com/keys'];

export const paymentsDetectors: Detector[] = [
  {
    id: 'stripe-secret-key',
    title: 'Stripe live secret key',
    description:
      'A Stripe live-mode secret API key (`sk_live_`; a few other processors reuse the prefix). It has full access to the Stripe account: charges, refunds, payouts, customer and card data. Test-mode keys (`sk_test_`) move no money and are not reported; publishable keys (`pk_live_`) are public by design.',
    provider: 'Stripe',
    severity: 'critical',
    keywords: ['sk_live_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_-])/,
    // `sk_live_` + exactly 40 lower-case hex is Paystack's format (paystack-secret-key).
    verify: (s) => !/^sk_live_[0-9a-f]{40}$/.test(s),
    minEntropy: 3.0,
    remediation: STRIPE_ROTATE,
    references: STRIPE_REFS,
    examples: {
      positive: [
        'STRIPE_SECRET_KEY=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',
        'Stripe.api_key = "sk_live_oY6Tt4ldDpewZJkoFzspce4z"',
        "const stripe = require('stripe')('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');",
      ],
      negative: [
        'STRIPE_SECRET_KEY=sk_test_51eYS2412zrOr2V0LAvFMEI5M0dSGIYUy116ewn1a50qq99405DSBnGv8PTVgDrrJ856ubjd1K3rwlqGxfkyNKT8t8kazqWSobn',
        'STRIPE_PUBLISHABLE_KEY=pk_live_51tyjzm0r5JKzJBjTWQgohaGGpmNhXkp0SUppfRGAkiDA1rmGmcjLzNHOHk2uVQbTWskj4udLZv3EgbiDCwDgZYwc2mVdYcpPal',
        'STRIPE_SECRET_KEY=sk_live_pzJQhM75rGwUGoSi',
        'PAYSTACK_SECRET_KEY=sk_live_59052360d7f83dd2580bf72562aedeaaf2a2f6b0',
        'STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}',
        'stripe_key: sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'stripe-restricted-key',
    title: 'Stripe live restricted key',
    description:
      'A Stripe live-mode restricted API key (`rk_live_`). It carries only the permissions chosen when it was created, which are often broad enough to read customers or create refunds.',
    provider: 'Stripe',
    severity: 'high',
    keywords: ['rk_live_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>rk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation: STRIPE_ROTATE,
    references: STRIPE_REFS,
    examples: {
      positive: [
        'STRIPE_RESTRICTED_KEY=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',
        "stripe:\n  api_key: 'rk_live_tqr7hmEA3nqXTI2AVIKIgFVj'",
      ],
      negative: [
        'STRIPE_RESTRICTED_KEY=rk_test_51zUu4l0oQ8E1hd5bbLc1xLGRhuMVcpGusRKuf2RFcSgoMUkohTWmCMRFXHVtO42esF0VnlOZG8zEmPfUXRhPzLD0pReA5q5L9P',
        'STRIPE_RESTRICTED_KEY=rk_live_m7UAOMJ9dmZo',
        'key = "rk_live_" + suffix',
        'STRIPE_SECRET_KEY=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',
      ],
    },
  },
  {
    id: 'stripe-webhook-secret',
    title: 'Webhook signing secret (Stripe, Svix)',
    description:
      'A webhook endpoint signing secret (`whsec_`), used by Stripe and by Svix-based webhook senders. Whoever holds it can forge signed events (a paid checkout session, a successful payment) that the endpoint will accept as genuine.',
    provider: 'Stripe',
    severity: 'high',
    keywords: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9+/=])/,
    minEntropy: 3.5,
    remediation:
      'Roll the endpoint secret (Stripe Dashboard > Developers > Webhooks > the endpoint > Roll secret; Svix: rotate the endpoint secret), deploy the new secret from a secret manager, and check recent orders or state changes driven by webhooks for forged events.',
    references: [
      'https://docs.stripe.com/webhooks',
      'https://docs.svix.com/receiving/verifying-payloads/how',
    ],
    examples: {
      positive: [
        'STRIPE_WEBHOOK_SECRET=whsec_iPLvkJstyucOKtHekypN0qaxr4z1Zhsg',
        "endpoint_secret = 'whsec_f939a0cdd2a0fd14b901b42ed3f29735b15b1892c70fe1ffd3bdb10891fbfe54'",
        'SVIX_WEBHOOK_SECRET="whsec_Dp1FpCXoCmIAJP0aB96iVkipq2KM4RMk"',
      ],
      negative: [
        'STRIPE_WEBHOOK_SECRET=whsec_...',
        'STRIPE_WEBHOOK_SECRET=whsec_wOEY5nN2Al4wIumn',
        'STRIPE_WEBHOOK_SECRET=${STRIPE_WEBHOOK_SECRET}',
        'STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'square-access-token',
    title: 'Square access token',
    description:
      'A Square personal or OAuth access token (`EAAA` + 60 characters). It calls the Square APIs as the seller: payments, refunds, customers, catalog and orders.',
    provider: 'Square',
    severity: 'critical',
    keywords: ['eaaa'],
    pattern: /(?<![A-Za-z0-9_+/-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_+/=-])/,
    minEntropy: 4.0,
    remediation:
      'In the Square Developer Console, open the application and replace the personal access token (Credentials > Replace), or revoke the OAuth token with the Revoke Token endpoint; then review recent payments and refunds in the Seller Dashboard.',
    references: ['https://developer.squareup.com/docs/build-basics/access-tokens'],
    examples: {
      positive: [
        'SQUARE_ACCESS_TOKEN=EAAAOQLbIauOJhByU4n4P-3tkWTZi1O5WHNeobWdXs2F4vAgdvMFsta2CU233LWy',
        '  access_token: "EAAA8nCCJSfixiDg9eoGmf7ydRHEgsWUV2WJyfDpbtr4MsBCivkhXX4BFPtrOIou"',
      ],
      negative: [
        'SQUARE_ACCESS_TOKEN=EAAAjI8t8bbICzE_VW0Klui4wHLzAzItl2soOsXGdUKj',
        'fb_token = "EAAAhNriZ0IprJnjHrlCiZMdkdOfPbeLulehs6iSuln1yTm4wEI2ShJ1kYrL33k6xXGFBMZFwjBYecJNUz6Vy5l1CpwBZn3MZLmsAs8KAfVvbcctwrMKD4sM2kE61IG8k4E9QWUy2gRPz8MHpgObxdEGg3"',
        'font: url(data:font/woff2;base64,d09GMgABAAAAAEAAAVNxVl0lhGMlJgIUQ265qfNGisKEfYtON58dVvJgOAe22dstHT80zwUeB20HI/aSIsISCQCrvU2k9KqqRr)',
        'SQUARE_ACCESS_TOKEN=${SQUARE_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'square-oauth-token',
    title: 'Square OAuth access token (sq0atp)',
    description:
      'A Square access token in the older `sq0atp-` format. It calls the Square APIs as the seller who authorised the application.',
    provider: 'Square',
    severity: 'critical',
    keywords: ['sq0atp-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token (Square Developer Console, or the OAuth Revoke Token endpoint), issue a new one, and review recent payments and refunds in the Seller Dashboard.',
    references: ['https://developer.squareup.com/docs/build-basics/access-tokens'],
    examples: {
      positive: [
        'SQUARE_TOKEN=sq0atp-kUPOEc6csYG9OQCCfXN0HB',
        "client = Client(access_token='sq0atp-LfxrsFfIO6GV5iP8ui9bDj')",
      ],
      negative: [
        'SQUARE_APP_ID=sq0idp-m_DUK16tbOeoPZhZz-h7ly',
        'SQUARE_TOKEN=sq0atp-hPkX9J6N5g',
        'SQUARE_TOKEN=sq0atp-<token>',
      ],
    },
  },
  {
    id: 'square-oauth-secret',
    title: 'Square OAuth application secret',
    description:
      'A Square application secret (`sq0csp-`). With the application id it obtains and refreshes OAuth tokens for every seller who authorised the application.',
    provider: 'Square',
    severity: 'high',
    keywords: ['sq0csp-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'In the Square Developer Console (the application > OAuth), replace the application secret, update the OAuth server with the new one, and review the sellers authorised to the application.',
    references: ['https://developer.squareup.com/docs/oauth-api/overview'],
    examples: {
      positive: [
        'SQUARE_APPLICATION_SECRET=sq0csp-7kZrXnDRRVKwpmX5uKrpvZgrr_BUW4UE2JiDpDRGD2I',
        '"client_secret": "sq0csp-tf_y6Yo2fBMZHHQWuM00lKsSF6T8L4Y2ryFVZvmK66T"',
      ],
      negative: [
        'SQUARE_APPLICATION_SECRET=sq0csp-BcirljgpLCxHvHBiKDc4',
        'SQUARE_APPLICATION_ID=sq0idp-v-W4L9oxz_NXXchHPgzUhc',
        'SQUARE_APPLICATION_SECRET=sq0csp-${SECRET}',
      ],
    },
  },
  {
    id: 'braintree-access-token',
    title: 'Braintree / PayPal production access token',
    description:
      "A Braintree production access token (`access_token$production$<merchant id>$<key>`), as used by PayPal's Braintree SDK integrations. It creates transactions and refunds on the merchant account.",
    provider: 'Braintree',
    severity: 'critical',
    keywords: ['access_token$production$'],
    pattern: /(?<secret>access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the access token (PayPal Developer Dashboard, or the Braintree Control Panel under API access), generate a new one, and review recent transactions and refunds.',
    references: ['https://developer.paypal.com/braintree/docs/guides/authorization/overview'],
    examples: {
      positive: [
        'BRAINTREE_ACCESS_TOKEN=access_token$production$kv64qcu59w0q7jk9$e3e43e6ca8f8ff11c30c4f9dcd78afd2',
        'gateway = braintree.BraintreeGateway(access_token="access_token$production$stswfi29hku9yqxx$aa134d60adcad902928f5f1e5ac5bf31")',
      ],
      negative: [
        'BRAINTREE_ACCESS_TOKEN=access_token$sandbox$n8sf2xuaifub07m8$ac6df537d718caa342931605f4e782e9',
        'BRAINTREE_ACCESS_TOKEN=access_token$production$xqig1ieuw1xn06ix$adb09eec7c6ca526cd10',
        'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<key>',
      ],
    },
  },
  {
    id: 'braintree-private-key',
    title: 'Braintree private key',
    description:
      'A Braintree API private key (32 hex characters) assigned to a Braintree setting. With the merchant id and public key it authenticates server-side API calls: transactions, refunds, vaulted payment methods.',
    provider: 'Braintree',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['braintree'],
    pattern: assigned(`${ci('braintree')}${GAP}${ci('private')}[_.-]?${ci('key')}`, '[a-f0-9]{32}'),
    minEntropy: 2.6,
    remediation:
      'In the Braintree Control Panel (Settings > API), generate a new API key pair, deploy it, then delete the leaked key; review recent transactions.',
    references: [
      'https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials',
    ],
    examples: {
      positive: [
        'BRAINTREE_PRIVATE_KEY=1d9a50aee8e8ab74b3179b7b68a4e7c1',
        'Braintree::Configuration.private_key = "4044943c2c44b581ce725af1af683668"',
      ],
      negative: [
        'BRAINTREE_PUBLIC_KEY=82uw5wvoxyd7woke',
        'BRAINTREE_PRIVATE_KEY=${BRAINTREE_PRIVATE_KEY}',
        'BRAINTREE_PRIVATE_KEY=1bb0ae10edb7d5649f08',
        'PRIVATE_KEY=068f655fc4deb49ae13a308f881bbc19',
      ],
    },
  },
  {
    id: 'paypal-client-secret',
    title: 'PayPal REST client secret',
    description:
      'A PayPal REST API client secret assigned to a PayPal setting. With the client id it obtains OAuth access tokens for the PayPal account: payments, refunds, payouts.',
    provider: 'PayPal',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['paypal'],
    pattern: assigned(`${ci('paypal')}${GAP}${ci('secret')}`, '[A-Za-z0-9_-]{60,90}'),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      'In the PayPal Developer Dashboard (Apps & Credentials > the app), generate a new secret and disable the leaked one, then review recent payments, refunds and payouts.',
    references: ['https://developer.paypal.com/api/rest/'],
    examples: {
      positive: [
        'PAYPAL_CLIENT_SECRET=EUGjogw58azpA5O11R8kQnumkR00XhrFFBhBlgg6mcH1jmLIbDisIVrZ3ZA1IpsemoGAuDzUJ2U3JObn',
        'paypal.client_secret: "E6M8bmRxsK8Uu6A4F4OQJpC8irdkTZIfrgrX0siUxo_U8jwdO8pHW3o0EIzYlbwaacJ9B1BUDGo8SX4j"',
      ],
      negative: [
        'PAYPAL_CLIENT_ID=AXOAlknlh3dSGsqmUC61d3g7x036LgrHUgP3brYo_un75QgUJ-g_tarNEEwW6ILv2rEgJxwt_X9qoYgX',
        'PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}',
        'PAYPAL_CLIENT_SECRET=KiMLXQl8PBluXIHgoG3yGuRJ',
        'PAYPAL_SECRET=your-paypal-client-secret-goes-in-this-place-before-deploying-it',
      ],
    },
  },
  {
    id: 'shopify-access-token',
    title: 'Shopify Admin API access token',
    description:
      "A Shopify Admin API access token (`shpat_`). It acts on the store with the app's scopes: orders, customers, products, and often payment and fulfilment settings.",
    provider: 'Shopify',
    severity: 'high',
    keywords: ['shpat_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>shpat_[a-fA-F0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Uninstall and reinstall the app or rotate the token (Shopify admin > Settings > Apps and sales channels > Develop apps > the app > API credentials > rotate), then review the store's recent orders and staff activity.",
    references: ['https://shopify.dev/docs/apps/build/authentication-authorization'],
    examples: {
      positive: [
        'SHOPIFY_ACCESS_TOKEN=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',
        "'X-Shopify-Access-Token': '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'",
      ],
      negative: [
        'SHOPIFY_ACCESS_TOKEN=shpat_a148a3e49c887618aff197b1',
        'SHOPIFY_ACCESS_TOKEN=shpat_jwpkqqipogscbskjemayfflfzxujvbry',
        'token: shpat_<token>',
      ],
    },
  },
  {
    id: 'shopify-custom-app-token',
    title: 'Shopify custom app access token',
    description:
      "A Shopify custom app access token (`shpca_`). It calls the Admin API of the store that installed the app, with the app's scopes.",
    provider: 'Shopify',
    severity: 'high',
    keywords: ['shpca_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>shpca_[a-fA-F0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Rotate the token from the app's API credentials in the Shopify admin (or uninstall the app), then review the store's recent orders and changes.",
    references: ['https://shopify.dev/docs/apps/build/authentication-authorization'],
    examples: {
      positive: [
        'SHOPIFY_TOKEN=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',
        'shopify_token: "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"',
      ],
      negative: [
        'SHOPIFY_TOKEN=shpca_a4f2a125b37a8961552bdfd20a5a76',
        'SHOPIFY_TOKEN=shpca_${TOKEN}',
        'SHOPIFY_TOKEN=shpca_00000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'shopify-private-app-token',
    title: 'Shopify private app password',
    description:
      "A Shopify private app access token (`shppa_`), the password of a legacy private app. It calls the store's Admin API with the app's permissions.",
    provider: 'Shopify',
    severity: 'high',
    keywords: ['shppa_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>shppa_[a-fA-F0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Delete the private app (or migrate it to a custom app) in the Shopify admin so its password stops working, then review the store's recent changes.",
    references: ['https://shopify.dev/docs/apps/build/authentication-authorization'],
    examples: {
      positive: [
        'SHOPIFY_PASSWORD=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',
        'https://kis4e2i6bz: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@my-store.myshopify.com/admin/api/2024-01/orders.json',
      ],
      negative: [
        'SHOPIFY_PASSWORD=shppa_889b56daf41ad90b3f67d4ae009a280',
        'SHOPIFY_PASSWORD=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72',
        'password: shppa_...',
      ],
    },
  },
  {
    id: 'shopify-shared-secret',
    title: 'Shopify app shared secret',
    description:
      'A Shopify app client secret (`shpss_`). It signs and verifies OAuth and webhook requests: with it an attacker can forge webhooks to the app or complete installs as the app.',
    provider: 'Shopify',
    severity: 'high',
    keywords: ['shpss_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Rotate the client secret in the Shopify Partner Dashboard (the app > Client credentials), deploy the new one, and revoke the old one once every server uses the new secret.',
    references: ['https://shopify.dev/docs/apps/build/authentication-authorization'],
    examples: {
      positive: [
        'SHOPIFY_API_SECRET=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',
        '  shopify_secret: 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',
      ],
      negative: [
        'SHOPIFY_API_SECRET=shpss_d2ae7cb9b121c5ce',
        'SHOPIFY_API_KEY=2a53589ef9f531a73187adaf73524e22',
        'SHOPIFY_API_SECRET=shpss_<secret>',
      ],
    },
  },
  {
    id: 'plaid-access-token',
    title: 'Plaid production access token',
    description:
      "A Plaid access token for a production (or development, which used live data) Item. With the client id and secret it reads the end user's bank accounts, balances, transactions and identity data.",
    provider: 'Plaid',
    severity: 'high',
    keywords: ['access-production-', 'access-development-'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development)-${UUID})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation:
      'Remove the Item (POST /item/remove) or rotate its access token (POST /item/access_token/invalidate), rotate the Plaid secret if it may have leaked too, and stop storing access tokens outside an encrypted store.',
    references: ['https://plaid.com/docs/api/items/', 'https://plaid.com/docs/api/tokens/'],
    examples: {
      positive: [
        '"access_token": "access-production-6145189a-47db-497a-a317-c3169bdbbc8b"',
        'PLAID_ACCESS_TOKEN=access-development-6f3eb842-ced2-40f9-ad88-1ed395c8064d',
      ],
      negative: [
        'PLAID_ACCESS_TOKEN=access-sandbox-b84aa88b-0642-4c5c-a8d2-7edcc06807cf',
        'PLAID_ACCESS_TOKEN=access-production-cf330d87',
        'PLAID_ACCESS_TOKEN=access-production-00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'plaid-secret',
    title: 'Plaid API secret',
    description:
      'A Plaid API secret (30 hex characters) assigned to a Plaid setting. With the client id it calls the Plaid API for every Item the application holds.',
    provider: 'Plaid',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['plaid'],
    pattern: assigned(`${ci('plaid')}${GAP}${ci('secret')}`, '[a-f0-9]{30}'),
    minEntropy: 2.6,
    remediation:
      'Rotate the secret in the Plaid Dashboard (Developers > Keys), deploy the new one and delete the old; review API activity in the Dashboard logs.',
    references: ['https://plaid.com/docs/api/'],
    examples: {
      positive: [
        'PLAID_SECRET=f76def0af280975031ee92b068f478',
        'plaid_secret: "3dcd19592c98206c47ae9e5b0e75b0"',
      ],
      negative: [
        'PLAID_CLIENT_ID=0af46e6dd9586770f09ed072',
        'PLAID_SECRET=${PLAID_SECRET}',
        'PLAID_SECRET=3ceffceb1e49c2a373ae76a9b94bafae4fdb5f03',
        'SECRET=bdb678c5b5c6f65a3b3abe2e1646b2',
      ],
    },
  },
  {
    id: 'adyen-api-key',
    title: 'Adyen API key',
    description:
      "An Adyen API credential key (`AQE...==-...=-...`). It calls the Adyen APIs allowed to the credential's roles: payments, refunds, payouts or account management.",
    provider: 'Adyen',
    severity: 'critical',
    keywords: ['aqe'],
    pattern:
      /(?<![A-Za-z0-9+/])(?<secret>AQE[A-Za-z0-9+/]{40,120}={0,2}-[A-Za-z0-9+/]{40,46}={0,2}(?:-[^\s"'\x60]{4,24})?)/,
    minEntropy: 4.0,
    remediation:
      'In the Adyen Customer Area (Developers > API credentials > the credential), generate a new API key, deploy it, then revoke the old key; review recent payments, refunds and payouts.',
    references: ['https://docs.adyen.com/development-resources/api-credentials/'],
    examples: {
      positive: [
        'ADYEN_API_KEY=AQEm19x2KefMGY850qpCQJA2jRkZPtEjhlb/2RXt+3CzGrL5Ix3AxB7e6x+3cP65tNdDOaXtejs4==-LtC7tOwp/IKigKLZFrQDVA4A2+uj8mKqIEIeCwzyA96=-DkuXHbnU0UkA',
        'adyen.api_key: "AQEAvxFYyjNSkr2LwZLDVl4dzqiF/JqiqayTuz0D+cnBz0oD6LkOPYLv+0o+Hz89OaDw5DfIkvTn==-kGKfq2GUmytpdif6eLkv9Q21sLbnSOUBIbl2DKqwBmi="',
      ],
      negative: [
        'ADYEN_API_KEY=AQE...',
        'ADYEN_API_KEY=AQEPUJlOd+RunoMUtfdlT9W',
        'ADYEN_CLIENT_KEY=live_6JSAHL58QWLYJUQ6T14UTBSLZ90S7S89',
      ],
    },
  },
  {
    id: 'razorpay-key-secret',
    title: 'Razorpay key secret',
    description:
      'A Razorpay API key secret: assigned to a Razorpay setting, or next to a live key id (`rzp_live_`). With the key id it captures and refunds payments and creates payouts on the account. The key id alone is public (used in Checkout).',
    provider: 'Razorpay',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['razorpay', 'rzp_'],
    pattern: new RegExp(
      String.raw`(?:(?:${ci('razorpay')}|${ci('rzp')})${GAP}${ci('secret')}${ASSIGN}|rzp_live_[A-Za-z0-9]{14}[^\n]{0,60}?(?<![A-Za-z0-9_-]))(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.3,
    verify: (s) => mixedCase(s),
    remediation:
      'Regenerate the API key in the Razorpay Dashboard (Account & Settings > API Keys), deploy it, and review recent payments, refunds and payouts.',
    references: ['https://razorpay.com/docs/api/authentication/'],
    examples: {
      positive: [
        'RAZORPAY_KEY_SECRET=wMMYpuDlOva2meIyV8vpoRu8',
        'client = razorpay.Client(auth=("rzp_live_fOrCa8R2qAKWTb", "SdPp0KzbYUSh2FK4laNUq9j3"))',
      ],
      negative: [
        'RAZORPAY_KEY_ID=rzp_live_Qo2yi6LdTLcVLw',
        'RAZORPAY_KEY_SECRET=${RAZORPAY_KEY_SECRET}',
        'client = razorpay.Client(auth=("rzp_test_eApnrlOQwSf0xj", "XwJcoGH7fbI1eMllQGrZhtQD"))',
      ],
    },
  },
  {
    id: 'flutterwave-secret-key',
    title: 'Flutterwave live secret key',
    description:
      'A Flutterwave live secret key (`FLWSECK-...-X`). It charges customers, issues refunds and sends transfers from the merchant balance. Test keys (`FLWSECK_TEST-`) are not reported.',
    provider: 'Flutterwave',
    severity: 'critical',
    keywords: ['flwseck-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK-[0-9a-f]{32}-X)(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Regenerate the API keys in the Flutterwave dashboard (Settings > API Keys), deploy them, and review recent transfers and refunds.',
    references: ['https://developer.flutterwave.com/docs/integration-guides/authentication'],
    examples: {
      positive: [
        'FLW_SECRET_KEY=FLWSECK-b73295692af355fd0402e4f5c45587ef-X',
        "const flw = new Flutterwave('FLWPUBK-7c81e182bab33763f7eecd5fb1f1c588-X', 'FLWSECK-22ad813b2170c43dfa3ad9cbd32a678a-X');",
      ],
      negative: [
        'FLW_SECRET_KEY=FLWSECK_TEST-ff746f5adcff7b90318e3ab859a3e7bb-X',
        'FLW_PUBLIC_KEY=FLWPUBK-37a11b4f2febd9ad4c411aee13179054-X',
        'FLW_SECRET_KEY=FLWSECK-8d4fc02e554ac7afeccb-X',
      ],
    },
  },
  {
    id: 'paystack-secret-key',
    title: 'Paystack live secret key',
    description:
      'A Paystack live secret key (`sk_live_` + 40 hex characters; Stripe uses the same prefix with a different body). It charges customers, refunds and initiates transfers from the balance. Found with higher confidence next to the Paystack name.',
    provider: 'Paystack',
    severity: 'critical',
    keywords: ['sk_live_'],
    pattern: optionallyNear(ci('paystack'), 'sk_live_[0-9a-f]{40}', 'A-Za-z0-9_-'),
    verify: named,
    minEntropy: 3.0,
    remediation:
      'Generate new API keys in the Paystack Dashboard (Settings > API Keys & Webhooks), deploy them, and review recent transfers and refunds.',
    references: ['https://paystack.com/docs/api/'],
    examples: {
      positive: [
        'PAYSTACK_SECRET_KEY=sk_live_f52cb413f10beffa3c4ed05d1a5976d702c99c49',
        "const paystack = require('paystack')('sk_live_1785e31a8b44a46c84156142482cb83f20cdc13c');",
      ],
      negative: [
        'STRIPE_SECRET_KEY=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',
        'PAYSTACK_PUBLIC_KEY=pk_live_ad7e89931476d76865d3b788e78dcdd46a81c47d',
        'PAYSTACK_SECRET_KEY=sk_test_3d279c93df430de537193c1dce8dad17243dfad2',
        'PAYSTACK_SECRET_KEY=sk_live_1a9c9c0b12f12c4ccaf9e30b40781421',
      ],
    },
  },
  {
    id: 'coinbase-api-secret',
    title: 'Coinbase API secret',
    description:
      'A Coinbase API secret (legacy 32-character secret or a Coinbase Developer Platform base64 signing key) assigned to a Coinbase setting. It signs API requests that can read balances and, with trade or transfer scope, move funds.',
    provider: 'Coinbase',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['coinbase'],
    pattern: assigned(
      `${ci('coinbase')}${GAP}(?:${ci('secret')}|${ci('private')}[_.-]?${ci('key')})`,
      '[A-Za-z0-9+/]{32,88}={0,2}',
      '(?![A-Za-z0-9+/=_-])',
    ),
    minEntropy: 3.6,
    verify: (s) => mixedCase(s),
    remediation:
      'Delete the API key in Coinbase (Settings > API, or the Coinbase Developer Platform portal), create a new one with the narrowest scopes and an IP allowlist, and review account activity and withdrawals.',
    references: ['https://docs.cdp.coinbase.com/'],
    examples: {
      positive: [
        'COINBASE_API_SECRET=kAWeSHtv4dIkcrDUDGJAiB6iIL2uY4c2',
        'coinbase_private_key: "p053yTZQYReSlUnSSTX1cjSB+N6wrMw1e+CLgTr9VjxrH+R7pmgRc+9GazAYpSxIOMJedseQRvcs+fzoCLNimC=="',
      ],
      negative: [
        'COINBASE_API_KEY_NAME=organizations/a41bea66-1442-47cb-aed6-b622fc629672/apiKeys/64df65ed-e5d5-47dc-a8ea-9fc4d9326087',
        'COINBASE_API_SECRET=${SECRET}',
        'COINBASE_API_SECRET=wk12vgeqody38alj20hfat8nvf5imf0w',
      ],
    },
  },
  {
    id: 'gocardless-access-token',
    title: 'GoCardless live access token',
    description:
      "A GoCardless live access token (`live_` + 40 characters) next to the GoCardless name. It creates mandates, payments and refunds against customers' bank accounts.",
    provider: 'GoCardless',
    severity: 'critical',
    keywords: ['gocardless'],
    pattern: near(ci('gocardless'), 'live_[A-Za-z0-9_-]{40}'),
    minEntropy: 3.0,
    remediation:
      'Revoke the token in the GoCardless dashboard (Developers > Access tokens), create a new one, and review recent payments, refunds and mandate changes.',
    references: ['https://developer.gocardless.com/api-reference'],
    examples: {
      positive: [
        'GOCARDLESS_ACCESS_TOKEN=live_bU4DOnbixdV7TRu-Su8Zp1MtADP1NkoZadAQeRwm',
        "client = gocardless_pro.Client(access_token='live_X6tRr5Ue54o3vghKU0V3lS0q9wXbuIlXg3Dltpd9', environment='live')",
      ],
      negative: [
        'GOCARDLESS_ACCESS_TOKEN=sandbox_A0crmqLZkpVZCC-KaeGxfWkk8Hp4SecnSEgKIQEP',
        'MOLLIE_API_KEY=live_Ttdv4UqiGoAWZM1dM9qH05DviktmGO',
        'GOCARDLESS_ACCESS_TOKEN=live_cSaQFsrpCEhi7hAFAfEi',
        'ACCESS_TOKEN=live_fqhyoO2wKf2uGFI061Ksiu1EssW13lFP_mcHEyzr',
      ],
    },
  },
  {
    id: 'checkout-secret-key',
    title: 'Checkout.com secret key',
    description:
      "A Checkout.com live secret key (`sk_` + a UUID, or the newer `sk_` + 26 to 28 lower-case characters) next to the Checkout.com name. It authorises, captures and refunds payments and manages the account's payment data.",
    provider: 'Checkout.com',
    severity: 'critical',
    keywords: ['checkout', 'cko_', 'cko-'],
    pattern: near(`${ci('checkout')}|${ci('cko')}[_-]`, `sk_(?:${UUID}|[a-z0-9]{26,28})`),
    minEntropy: 3.5,
    verify: (s) => /[0-9]/.test(s.slice(3)),
    remediation:
      'Revoke the key in the Checkout.com Dashboard (Developers > Keys), create a new one with only the scopes needed, and review recent payments and refunds.',
    references: ['https://www.checkout.com/docs/developer-resources/api/manage-api-keys'],
    examples: {
      positive: [
        'CHECKOUT_SECRET_KEY=sk_a6ab1698-42d4-43f7-a05c-af37bc0f6cdf',
        'CKO_SECRET_KEY="sk_lzdwzljjhn9bdf0lma2i1fch9un"',
      ],
      negative: [
        'CHECKOUT_SECRET_KEY=sk_sbox_le1ds29rj1mdveuojzqg8a5khsy',
        'CHECKOUT_SECRET_KEY=sk_test_afef60c8-e031-4d20-a0fc-c850f5ecd328',
        'CHECKOUT_PUBLIC_KEY=pk_8e286948-1ba9-4778-a02e-bb82c980663d',
        'API_SECRET=sk_abe45e04-5d4f-447b-a0c0-59f8fa0c24b3',
        'git checkout sk_paymentreconciliationworker',
      ],
    },
  },
  {
    id: 'mollie-api-key',
    title: 'Mollie live API key or access token',
    description:
      'A Mollie live API key (`live_` + 30 characters) or organization access token (`access_` + 40) next to the Mollie name. It creates payments, refunds and reads customer data for the profile or organization.',
    provider: 'Mollie',
    severity: 'critical',
    keywords: ['mollie'],
    pattern: near(ci('mollie'), '(?:live_[A-Za-z0-9]{30}|access_[A-Za-z0-9]{40})'),
    minEntropy: 3.0,
    remediation:
      'Reset the live API key in the Mollie Dashboard (Developers > API keys) or revoke the organization access token, deploy the new key, and review recent payments and refunds.',
    references: ['https://docs.mollie.com/reference/authentication'],
    examples: {
      positive: [
        'MOLLIE_API_KEY=live_AAqoWwGIb9bhPnlixVTsdJAGvIXfrA',
        '$mollie->setAccessToken("access_lOiQQhyRz4RbEKn42Kl6ngvqzUqSUHubeHe07Qmm");',
      ],
      negative: [
        'MOLLIE_API_KEY=test_QJAd6kNkRuDZTnIqs6daaoe272ZrFh',
        'MOLLIE_API_KEY=live_7Sw9TkVi9MW1GqWY9MQx',
        'GOCARDLESS_ACCESS_TOKEN=live_RiyGwJxRqc3CRW4n1Qflk2bbw5Vi3A',
      ],
    },
  },
  {
    id: 'wise-api-token',
    title: 'Wise (TransferWise) API token',
    description:
      'A Wise personal or business API token (a UUID) assigned to a Wise setting. It reads balances and statements and can create and fund transfers.',
    provider: 'Wise',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['transferwise', 'wise_api', 'wise-api', 'wiseapi', 'wise_token', 'wise_personal', 'wise_key'],
    pattern: assigned(
      `(?<![A-Za-z])(?:${ci('transferwise')}|${ci('wise')})[_.-]?(?:${ci('api')}|${ci('personal')}|${ci('business')})?[_.-]?(?:${ci('token')}|${ci('key')})`,
      UUID,
    ),
    minEntropy: 3.0,
    remediation:
      'Delete the token in Wise (Settings > Developer tools > API tokens), create a new one with read-only scope where possible, and review recent transfers.',
    references: ['https://docs.wise.com/guides/developer/auth-and-security/personal-api-token'],
    examples: {
      positive: [
        'WISE_API_TOKEN=1e4d91d7-89c3-4133-a72d-0deb5017729b',
        'transferwise_token: "997f2eb1-e0cc-4866-abd0-39c364282f5b"',
      ],
      negative: [
        'WISE_PROFILE_ID=55347720',
        'WISE_API_TOKEN=${WISE_API_TOKEN}',
        'otherwise_token = "083b935c-1c6a-4f4a-a6e4-51caa724637c"',
      ],
    },
  },
];
