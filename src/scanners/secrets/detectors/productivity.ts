import type { Detector } from '../detector.js';
import { ASSIGN, assigned, ci, GAP, mixedCase, named, near, optionallyNear, UUID } from './patterns.js';

/**
 * SaaS productivity, content, shipping and social APIs. Prefixed tokens (`lin_api_`, `PMAK-`,
 * `figd_`) stand on their own; formats without a distinctive literal (Airtable's `pat...`, 32-hex
 * keys) require the provider's name on the line.
 */

/** Mapbox tokens are `<pk|sk>.<base64url JSON with the user name "u">.<signature>`. */
function mapboxPayload(token: string): boolean {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as unknown;
    return (
      typeof payload === 'object' && payload !== null && typeof (payload as { u?: unknown }).u === 'string'
    );
  } catch {
    return false;
  }
}

export const productivityDetectors: Detector[] = [
  {
    id: 'linear-api-key',
    title: 'Linear personal API key',
    description:
      "A Linear personal API key (`lin_api_`). It calls Linear's GraphQL API as its user: reading and changing issues, projects and comments in every team the user can see.",
    provider: 'Linear',
    severity: 'high',
    keywords: ['lin_api_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the key in Linear (Settings > Account > Security & access > Personal API keys), create a new one, and review the workspace audit log.',
    references: ['https://linear.app/developers/graphql#personal-api-keys'],
    examples: {
      positive: [
        'LINEAR_API_KEY=lin_api_7QGMNi7u9AFpLaaEQO93PLGbscW2sNQMHjGwz2tJ',
        "const linear = new LinearClient({ apiKey: 'lin_api_mEsU6GHr0dFh7O4dio7hwWSNUFaHs5YSa5YNsQ2X' });",
      ],
      negative: [
        'LINEAR_API_KEY=lin_api_pZPG1J58UwQ8Wf6TSfLR',
        'LINEAR_API_KEY=lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'LINEAR_API_KEY=${LINEAR_API_KEY}',
      ],
    },
  },
  {
    id: 'linear-oauth-token',
    title: 'Linear OAuth access token',
    description:
      'A Linear OAuth access token (`lin_oauth_`). It acts for the user who authorised the OAuth application, with the granted scopes.',
    provider: 'Linear',
    severity: 'high',
    keywords: ['lin_oauth_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>lin_oauth_[A-Za-z0-9]{40,64})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      "Revoke the token (POST https://api.linear.app/oauth/revoke, or remove the application's authorisation under Settings > Account > Security & access) and review the workspace audit log.",
    references: ['https://linear.app/developers/oauth-2-0-authentication'],
    examples: {
      positive: [
        'LINEAR_TOKEN=lin_oauth_6fa7bdbe20c0feca18709f1837bb5c759c48e4d2b60b0bcf4feea2ac155ec3a1',
        '"access_token": "lin_oauth_b0e92113129a1a55196dd9bd9b7113679bee24243517e30c104c7f7ba2ba606d"',
      ],
      negative: [
        'LINEAR_TOKEN=lin_oauth_460131989816faa6cdd0',
        'LINEAR_TOKEN=lin_oauth_',
        'LINEAR_TOKEN=lin_oauth_${TOKEN}',
      ],
    },
  },
  {
    id: 'notion-integration-token',
    title: 'Notion integration token',
    description:
      'A Notion internal integration secret or API token (`ntn_`). It reads and edits every page and database shared with the integration.',
    provider: 'Notion',
    severity: 'high',
    keywords: ['ntn_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Refresh the secret in Notion (Settings > Connections > Develop or manage integrations > the integration > Refresh), deploy the new one, and review which pages are shared with the integration.',
    references: ['https://developers.notion.com/docs/authorization'],
    examples: {
      positive: [
        'NOTION_TOKEN=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',
        "const notion = new Client({ auth: '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' });",
      ],
      negative: [
        'NOTION_TOKEN=ntn_915506032515',
        "$table->string('ntn_number')->nullable();",
        'NOTION_TOKEN=ntn_…',
      ],
    },
  },
  {
    id: 'notion-legacy-token',
    title: 'Notion integration secret (secret_)',
    description:
      'A Notion internal integration secret in the older `secret_` format, next to the Notion name. It reads and edits every page and database shared with the integration.',
    provider: 'Notion',
    severity: 'high',
    keywords: ['notion'],
    pattern: near(ci('notion'), 'secret_[A-Za-z0-9]{43}'),
    minEntropy: 4.0,
    remediation:
      'Refresh the secret in Notion (Settings > Connections > Develop or manage integrations > the integration > Refresh) and deploy the new one.',
    references: ['https://developers.notion.com/docs/authorization'],
    examples: {
      positive: [
        'NOTION_API_KEY=secret_5kuFwbqWn7UZpX6LmKWceTTWm2tyiyJbKHemRcdYc4N',
        'notion = Client(auth="secret_alLH1YTS36fJvy07wvFq5APUchelM7KNwDWU57hTRVC")',
      ],
      negative: [
        'NOTION_API_KEY=secret_qFr4PffVD0ohEKVT1b6C',
        'CLIENT_SECRET=secret_jI5MIaihIu72SogcoLo5opEG15xyTeihgbdJI7bcq6R',
        'NOTION_API_KEY=secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'asana-personal-access-token',
    title: 'Asana personal access token',
    description:
      'An Asana personal access token (`1/<user id>:<32 hex>` or `2/<user id>/<app id>:<32 hex>`) next to the Asana name. It acts as the user in every workspace they belong to.',
    provider: 'Asana',
    severity: 'high',
    keywords: ['asana'],
    pattern: near(ci('asana'), '[12]/[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}', 'A-Za-z0-9_/-'),
    minEntropy: 3.0,
    remediation:
      'Deauthorize the token in Asana (My Settings > Apps > Developer apps / Manage Developer Apps > Personal access tokens), create a new one, and review workspace activity.',
    references: ['https://developers.asana.com/docs/personal-access-token'],
    examples: {
      positive: [
        'ASANA_ACCESS_TOKEN=1/9452033193073427:687d8f304f46711bb7762f6fb20e082e',
        'asana_token: "2/2196710249089526/7648191763540734:442d43b0b2543b4f2eea433188f29817"',
      ],
      negative: [
        'ASANA_ACCESS_TOKEN=1/6436752687997316:7d15656d192d76b8',
        'ASANA_WORKSPACE=7327553149829390',
        'ASANA_ACCESS_TOKEN=${ASANA_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'airtable-personal-access-token',
    title: 'Airtable personal access token',
    description:
      'An Airtable personal access token (`pat` + 14 characters + `.` + 64 hex) next to the Airtable name (on the same line or up to a few lines before). It reads and writes the bases it was granted, with its scopes.',
    provider: 'Airtable',
    severity: 'high',
    keywords: ['airtable'],
    pattern: new RegExp(
      String.raw`${ci('airtable')}[\s\S]{0,160}?(?<![A-Za-z0-9_-])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9_-])`,
    ),
    multiline: 200,
    minEntropy: 3.0,
    remediation:
      'Delete or regenerate the token in Airtable (Builder hub > Personal access tokens), create a new one limited to the bases and scopes needed, and review base history.',
    references: ['https://airtable.com/developers/web/guides/personal-access-tokens'],
    examples: {
      positive: [
        'AIRTABLE_TOKEN=patWyBakz4lpNs5ZZ.cd8f38d18847e62fbf22190ab095492a0e0e31dc179216781eb210f6cec5192a',
        "const base = new Airtable({\n  apiKey: 'patUwJXaFvZLQ3k9V.c09c4bd596d916c5b94353cf77c6b0a3b232932a2156a389bf6b0324c8f7c238',\n}).base('appV6XwPYRebBh79N');",
      ],
      negative: [
        'AIRTABLE_TOKEN=pat67BcABvahZwepP.c79b5cacf8223ab0e2de',
        'AIRTABLE_BASE_ID=appuICq5KAgu5R9Br',
        'TOKEN=pat8UI6tMA1XOOlHV.c1f0592ab9684b6aadfc97eaeceea55c173033a1b1a96d0b47fd43b5f62339c8',
      ],
    },
  },
  {
    id: 'airtable-legacy-api-key',
    title: 'Airtable legacy API key',
    description:
      'An Airtable user API key (`key` + 14 characters, deprecated in favour of personal access tokens) next to the Airtable name. It had the full access of its user to every base.',
    provider: 'Airtable',
    severity: 'high',
    confidence: 'medium',
    keywords: ['airtable'],
    pattern: near(ci('airtable'), 'key[A-Za-z0-9]{14}'),
    verify: (s) => mixedCase(s.slice(3)),
    minEntropy: 3.0,
    remediation:
      'Airtable has retired user API keys; make sure the key no longer works, move the integration to a personal access token or OAuth, and review base history.',
    references: ['https://support.airtable.com/docs/airtable-api-key-deprecation-notice'],
    examples: {
      positive: ['AIRTABLE_API_KEY=key59p5qIpxA0MowQ', 'airtable.configure({ apiKey: "key6vF8OUmZHd9Qj4" })'],
      negative: [
        'AIRTABLE_API_KEY=key1ARE7wNA',
        'AIRTABLE_TABLE=keyboardshortcutsx',
        'AIRTABLE_API_KEY=${AIRTABLE_API_KEY}',
      ],
    },
  },
  {
    id: 'postman-api-key',
    title: 'Postman API key',
    description:
      "A Postman API key (`PMAK-`). It reads and changes the user's workspaces, collections and environments, which often hold more credentials.",
    provider: 'Postman',
    severity: 'high',
    keywords: ['pmak-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Revoke the key in Postman (Settings > API keys, or the team's API key management), create a new one, and review the collections and environments it could reach for further secrets.",
    references: ['https://learning.postman.com/docs/developer/postman-api/authentication/'],
    examples: {
      positive: [
        'POSTMAN_API_KEY=PMAK-2fabb9f45bc359e3e141c147-b8d63f7e10b38c7d23972a7252161662da',
        'curl -H "X-Api-Key: PMAK-f0633bb7c5e36545dc3563b4-945b65d3f0ff368b28327065876eebfe00" https://api.getpostman.com/me',
      ],
      negative: [
        'POSTMAN_API_KEY=PMAK-170ef5baab6e467f8d5220d5',
        'POSTMAN_API_KEY=PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxx',
        'POSTMAN_API_KEY={{postman_api_key}}',
      ],
    },
  },
  {
    id: 'figma-personal-access-token',
    title: 'Figma personal access token',
    description:
      'A Figma personal access token (`figd_`). It reads (and, with write scopes, changes) the files and comments its user can access.',
    provider: 'Figma',
    severity: 'high',
    keywords: ['figd_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>figd_[A-Za-z0-9_-]{38,64})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    verify: (s) => mixedCase(s.slice(5)),
    remediation:
      'Revoke the token in Figma (Settings > Security > Personal access tokens), create a new one with the narrowest scopes and an expiry, and deploy it from a secret manager.',
    references: ['https://www.figma.com/developers/api#access-tokens'],
    examples: {
      positive: [
        'FIGMA_ACCESS_TOKEN=figd_JE7OJ27u7xHHSYPJPhUG0h8QyNZFvgM-2N_aDzzjUUG',
        '"X-Figma-Token": "figd_5z1pAVGIbeavpUJzF9LlAsPR54JX-mjm9hzzMgBl"',
      ],
      negative: [
        'FIGMA_ACCESS_TOKEN=figd_your_token_here',
        'FIGMA_ACCESS_TOKEN=figd_Naja-brw_9c6uHaN4x2g',
        'FIGMA_ACCESS_TOKEN=figd_...',
      ],
    },
  },
  {
    id: 'dropbox-short-lived-token',
    title: 'Dropbox access token',
    description:
      'A Dropbox short-lived OAuth access token (`sl.`). Until it expires (a few hours) it reads and writes the files of the account or team it was issued for.',
    provider: 'Dropbox',
    severity: 'high',
    keywords: ['sl.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})(?![A-Za-z0-9_-])/,
    minEntropy: 4.5,
    verify: (s) => mixedCase(s) && /[0-9]/.test(s),
    remediation:
      "Revoke the token (POST /2/auth/token/revoke) and, if a refresh token leaked with it, remove the app's access in Dropbox (Settings > Connected apps); review file activity.",
    references: ['https://developers.dropbox.com/oauth-guide'],
    examples: {
      positive: [
        'DROPBOX_ACCESS_TOKEN=sl.BYPqLfH8Zp1m-WfXqJOxf5AgLzUroUxTTyAO3Z9vEgohnv-oKtCI4dr_bkzqq8NYPMglVzM6N7hVomb44-kx5Tw3IDXBM66hYs5ppDhB0nNPaTt5YwuMsaxBwEHiCsZRPBJ3wYL8',
        "dbx = dropbox.Dropbox('sl.u.GYb6LHv51zC5FbBvYnpX5_ACEOTbWm7OjxlD5IEjUoxv1XY9SaPiY1avGiE1TrxWZHWZA0XDMq7k3epIZx6gAu1Dt6QLYMs2XzEj9q8GVg-FskPD28jYd3jcLuqq24ZlSDssAOB5FbLIdTd68N7QaCnypqp3Sy7vrk4Tac-FdiArWUXdbIoIhxig6arxwxrhq19GLhcqJkaXXNrhtrmzM4wyija7A9M0L-2ecIm2BK4AWVBdpkuXj-QQIhg9OY2uN89pSC8moekmySVe_u4l2V2eYJybMVsIUxxP3KeAH-6ukxuizxbEIQe8vKG-5tNdxowdxxkqPtH-o7bkNVLoSo0Tp5vOccIgABY36rAjInyym_GPVg4ZA-v_Sc28n0YsN8zYhW2mw8RySQfHvccJdSmW_7Q-lYnVUgUw')",
      ],
      negative: [
        'DROPBOX_ACCESS_TOKEN=sl.BoZ9kRWK5DQRbu6a8Bmb9lhE3s9bV-Kzc1amkwzPn',
        'const ctrl = model.sl.gnmxxaqmcqmobuyhgsmlnalubncgngyqekzhztiqgmxehvzypykufkxrtnifhenncboqdhdylqmswdunpddzjtybdawwdgyqbxzwideqrlwqmhzmwqtymbkweotesegqufyukrtlocgt',
        'DROPBOX_ACCESS_TOKEN=sl.${TOKEN}',
      ],
    },
  },
  {
    id: 'dropbox-long-lived-token',
    title: 'Dropbox long-lived access token',
    description:
      "A Dropbox long-lived access token (64 characters with `AAAAAAAAAA` at position 12), issued before short-lived tokens became the default, next to the Dropbox name. It never expires and reads and writes the account's files.",
    provider: 'Dropbox',
    severity: 'high',
    keywords: ['dropbox'],
    pattern: near(ci('dropbox'), '[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_-]{43}'),
    minEntropy: 3.5,
    remediation:
      'Revoke the token (POST /2/auth/token/revoke, or remove the app under Dropbox Settings > Connected apps), move to short-lived tokens with refresh tokens, and review file activity.',
    references: ['https://developers.dropbox.com/oauth-guide'],
    examples: {
      positive: [
        'DROPBOX_TOKEN=Nm8wvKkyAaaAAAAAAAAAAVCD-dzW_4iflGz1rlyfzMqYidBhIGsFzIwBjAzA9ruf',
        'dbx = dropbox.Dropbox("q8zrPXrCr5MAAAAAAAAAAwE7w86Vc6-dAaH4ZwfyEM3azcwyt-oSuH1Ycfe50u_9")',
      ],
      negative: [
        'DROPBOX_TOKEN=Cx3hUzIReNYAAAAAAAAAAnQV6b5pf03_6wevpuC-f',
        'DROPBOX_APP_KEY=xp4k7eu0g7vgx9o',
        'TOKEN=sqN2x4MtEygAAAAAAAAAAKF_rMer49JwtVwIzY41-e3Y_7_A8uqh4DJNwX7CGdcF',
      ],
    },
  },
  {
    id: 'hubspot-private-app-token',
    title: 'HubSpot private app access token',
    description:
      "A HubSpot private app or personal access token (`pat-na1-`, `pat-eu1-` + a UUID). It calls the HubSpot APIs with the app's scopes: contacts, deals and companies (customer personal data), and often settings.",
    provider: 'HubSpot',
    severity: 'high',
    keywords: ['pat-na', 'pat-eu', 'pat-ap'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>pat-(?:na|eu|ap)[0-9]-${UUID})(?![A-Za-z0-9_-])`),
    minEntropy: 3.0,
    remediation:
      "Rotate the token in HubSpot (Settings > Integrations > Private Apps > the app > Auth > Rotate), deploy the new one, and review the account's audit logs.",
    references: ['https://developers.hubspot.com/docs/api/private-apps'],
    examples: {
      positive: [
        'HUBSPOT_ACCESS_TOKEN=pat-na1-9306deb1-ad9c-4bad-a1ae-b73d51bc6982',
        "const hubspot = new Client({ accessToken: 'pat-eu1-aa5e39de-4ce6-4b03-a21e-81c91da42a38' });",
      ],
      negative: [
        'HUBSPOT_ACCESS_TOKEN=pat-na1-23cfcb4c',
        'HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000',
        'HUBSPOT_ACCESS_TOKEN=pat-na1-${TOKEN}',
      ],
    },
  },
  {
    id: 'hubspot-legacy-api-key',
    title: 'HubSpot API key (hapikey)',
    description:
      "A HubSpot developer or legacy account API key (a UUID) in a `hapikey=` parameter or assigned to a HubSpot API-key setting. Legacy account keys had full access to the portal's CRM data; developer keys manage apps.",
    provider: 'HubSpot',
    severity: 'high',
    confidence: 'medium',
    keywords: ['hapikey', 'hubspot'],
    pattern: new RegExp(
      `(?:${ci('hapikey')}=|${ci('hubspot')}${GAP}${ci('api')}[_.-]?${ci('key')}${ASSIGN})(?<secret>${UUID})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.0,
    remediation:
      "Deactivate the key in HubSpot (Settings > Integrations > API key for legacy keys, or the developer account's Apps > Get HubSpot API key > rotate), migrate to private app tokens, and review audit logs.",
    references: ['https://developers.hubspot.com/docs/api/migrate-an-api-key-integration-to-a-private-app'],
    examples: {
      positive: [
        'curl "https://api.hubapi.com/crm/v3/objects/contacts?hapikey=28467ddb-b110-423e-a3fe-5eb768cd4a6b"',
        'HUBSPOT_API_KEY=361f97e9-1914-451b-ac99-6b87660dae3e',
      ],
      negative: [
        'hbspt.forms.create({ portalId: "90804612", formId: "c028a4ba-ce20-4eaf-a566-5deca094a447" }); // hubspot form',
        'HUBSPOT_API_KEY=${HUBSPOT_API_KEY}',
        'HUBSPOT_API_KEY=036691a1-8711',
      ],
    },
  },
  {
    id: 'typeform-personal-access-token',
    title: 'Typeform personal access token',
    description:
      "A Typeform personal access token (`tfp_`). It reads forms and their responses (respondents' personal data) and changes forms, with the token's scopes.",
    provider: 'Typeform',
    severity: 'high',
    keywords: ['tfp_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>tfp_[A-Za-z0-9_=.-]{40,70})(?![A-Za-z0-9_=.-])/,
    minEntropy: 4.0,
    verify: (s) => mixedCase(s.slice(4)),
    remediation:
      'Delete the token in Typeform (Account > Your settings > Personal tokens), generate a new one with only the scopes needed, and deploy it from a secret manager.',
    references: ['https://www.typeform.com/developers/get-started/personal-access-token/'],
    examples: {
      positive: [
        'TYPEFORM_TOKEN=tfp_L9ShIPes5EAxaL2Lw6JDx6I5XVpY94J7NpbQPfsvUjBO_k0elI0iM00Fxk6',
        'Authorization: Bearer tfp_Rmy-tlgRFjwANYtDxCfo-nEPevXSALppeq_zyFelHA8g_iQUi1GcNYHm43U',
      ],
      negative: [
        'TYPEFORM_TOKEN=tfp_9urM_eJx0zRNSRUfETK0',
        'self.commitFP_Btn.setObjectName("commitFP_Btn")',
        'TYPEFORM_TOKEN=tfp_${TOKEN}',
      ],
    },
  },
  {
    id: 'contentful-management-token',
    title: 'Contentful management token',
    description:
      'A Contentful Content Management API personal access token (`CFPAT-`). It creates, changes, publishes and deletes content, content types and environments in every space its user can access.',
    provider: 'Contentful',
    severity: 'high',
    keywords: ['cfpat-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Revoke the token in Contentful (Settings > CMA tokens / Account settings > Tokens), create a new one, and review the spaces' recent content changes.",
    references: ['https://www.contentful.com/developers/docs/references/authentication/'],
    examples: {
      positive: [
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-vAHlRHMcKGJ9X8i55LrGokfiaQP02ihEry0pIHYCQDn',
        "contentful.createClient({ accessToken: 'CFPAT-XGoEKI5uCU2-dIilB1TZVyxUwzKkh7HJzx5DnAZWu3p' })",
      ],
      negative: [
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-m9KTF5uWRG_nR09F5w9H',
        'CONTENTFUL_DELIVERY_TOKEN=6AAUUNJVbJxlV41GA0z4MJADo1OGLdbEuu1OApfMKMh',
        'CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-...',
      ],
    },
  },
  {
    id: 'mapbox-secret-token',
    title: 'Mapbox secret access token',
    description:
      'A Mapbox secret access token (`sk.eyJ...`). Secret scopes download private tilesets and datasets, change styles and create more tokens, and API use is billed to the account. Public tokens (`pk.`) are meant for browsers and are not reported.',
    provider: 'Mapbox',
    severity: 'high',
    keywords: ['sk.eyj'],
    pattern:
      /(?<![A-Za-z0-9_.-])(?<secret>sk\.eyJ1Ijoi[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,30})(?![A-Za-z0-9_-])/,
    verify: (s) => mapboxPayload(s),
    minEntropy: 3.0,
    remediation:
      'Delete the token in the Mapbox account (Tokens page), create a new one with only the scopes needed and URL restrictions where possible, and review usage statistics.',
    references: ['https://docs.mapbox.com/accounts/guides/tokens/'],
    examples: {
      positive: [
        'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiZ2RrdXFpeHciLCJhIjoiY2wwdmJ2eThoYTV4eXppMDJmYmIwMWc4NiJ9.WkuWymUMvuAL42gzEjgwjc',
        'MAPBOX_DOWNLOADS_TOKEN="sk.eyJ1IjoiZnVvcmpqcXkiLCJhIjoiY2xoNnZvZ2RlMWtzajJsbWp5dnl5dTZobyJ9.WRorjSRJRn8XApOOEDONCB"',
      ],
      negative: [
        'MAPBOX_ACCESS_TOKEN=pk.eyJ1IjoianplaW5sbGciLCJhIjoiY2wzam5objVlYm9xcDd4cmUyaDdta2M5OSJ9.8XLvdMvMj2H7cMzqwfsmu6',
        'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiPLiyhQtWFy',
        'MAPBOX_SECRET_TOKEN=sk.eyJ1IjoiGKOQcyiXf3YFlnBXHyw8Vu0aOOBLl1AiKt5sUiUtT8vH3AJPyM.J6VeFznjpoh5dVVqGpRACP',
      ],
    },
  },
  {
    id: 'algolia-admin-api-key',
    title: 'Algolia admin or write API key',
    description:
      'An Algolia admin (or write) API key (32 hex characters) assigned to an Algolia setting. It adds, changes and deletes records and indices and manages API keys. Search-only keys are public by design and are not reported.',
    provider: 'Algolia',
    severity: 'high',
    confidence: 'medium',
    keywords: ['algolia'],
    pattern: new RegExp(
      `(?<name>${ci('algolia')}${GAP}(?:${ci('admin')}|${ci('write')}|${ci('api')})[_.-]?${ci('key')})${ASSIGN}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])`,
    ),
    verify: (_s, g) => !/search/i.test(g.name ?? ''),
    minEntropy: 2.6,
    remediation:
      'Regenerate the admin API key in the Algolia dashboard (Settings > API Keys) or delete the write key, deploy the new key to servers only, and review index operations in the logs.',
    references: ['https://www.algolia.com/doc/guides/security/api-keys/'],
    examples: {
      positive: [
        'ALGOLIA_ADMIN_API_KEY=490202035a5cad97822823e04f5a1631',
        'algolia_api_key: "61d5716e67780b405da5eab813dcd6ae"',
      ],
      negative: [
        'ALGOLIA_SEARCH_API_KEY=8e79e4eaf9908dbab526237e828f583d',
        'ALGOLIA_APP_ID=P7L7AADJV3',
        'ALGOLIA_ADMIN_API_KEY=${ALGOLIA_ADMIN_API_KEY}',
      ],
    },
  },
  {
    id: 'segment-write-key',
    title: 'Segment write key',
    description:
      'A Segment source write key assigned to a Segment setting. It only sends events into the source (browser sources publish it by design), but a leaked server-side key lets anyone inject fake analytics events that flow to every connected destination.',
    provider: 'Segment',
    severity: 'low',
    confidence: 'medium',
    keywords: ['segment_write', 'segmentwrite', 'segment-write', 'segment_io', 'segmentio'],
    pattern: assigned(`${ci('segment')}${GAP}${ci('write')}[_.-]?${ci('key')}`, '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    remediation:
      'If the source is server-side, regenerate the write key (Segment > Connections > Sources > the source > Settings > API Keys) and deploy it from a secret manager.',
    references: ['https://segment.com/docs/connections/find-writekey/'],
    examples: {
      positive: [
        'SEGMENT_WRITE_KEY=NVrqrPJlAQLNVOVre7CkYaXCHmJUj7WV',
        'segmentWriteKey: "e2wffgE4oxM7mU7ppKWMbZNlq011EwyH"',
      ],
      negative: [
        'WRITE_KEY=Iy9e0lkWl5UHrPRkBiYoB0iPo0MpBHi1',
        'SEGMENT_WRITE_KEY=${SEGMENT_WRITE_KEY}',
        'SEGMENT_WRITE_KEY=nUj7NCdknh8NcxlP9nqy',
      ],
    },
  },
  {
    id: 'launchdarkly-key',
    title: 'LaunchDarkly access token or server SDK key',
    description:
      'A LaunchDarkly API access token (`api-` + UUID) or server-side SDK key (`sdk-` + UUID) next to a LaunchDarkly name. Access tokens change feature flags and settings (turning features on for everyone); SDK keys read every flag rule, including targeted user data. Mobile keys (`mob-`) are not reported.',
    provider: 'LaunchDarkly',
    severity: 'high',
    keywords: ['launchdarkly', 'launch_darkly', 'ld_sdk', 'ld_api', 'ld_access'],
    pattern: near(
      `${ci('launch')}[_-]?${ci('darkly')}|(?<![A-Za-z])${ci('ld')}_(?:${ci('sdk')}|${ci('api')}|${ci('access')})`,
      `(?:api|sdk)-${UUID}`,
    ),
    minEntropy: 3.0,
    remediation:
      'Reset the SDK key (Project settings > Environments > Reset) or delete the access token (Organization settings > Authorization), deploy the replacement, and review the audit log for flag changes.',
    references: [
      'https://docs.launchdarkly.com/home/account/api',
      'https://docs.launchdarkly.com/sdk/concepts/client-side-server-side',
    ],
    examples: {
      positive: [
        'LAUNCHDARKLY_SDK_KEY=sdk-fdbcac3a-1282-4ee3-a01b-e50bfaae3cce',
        'LD_ACCESS_TOKEN="api-d44eb933-d73b-4484-ab5b-b04cc48a77cd"',
      ],
      negative: [
        'LAUNCHDARKLY_MOBILE_KEY=mob-a7ef5f43-400d-41a0-aefa-68a736ec3c4b',
        'LAUNCHDARKLY_SDK_KEY=sdk-3f51a95d',
        'SDK_KEY=sdk-e394bc33-8cf0-4b6b-a692-3aca91d53083',
        'BUILD_API_KEY=api-cdfd9a22-9d5f-47bc-aa8a-943775c7fa81',
      ],
    },
  },
  {
    id: 'zapier-webhook-url',
    title: 'Zapier catch hook URL',
    description:
      'A Zapier "Catch Hook" webhook URL. Anyone with it can trigger the Zap with arbitrary data, which then flows into the apps it writes to (CRM records, messages, spreadsheets).',
    provider: 'Zapier',
    severity: 'medium',
    keywords: ['hooks.zapier.com/hooks/'],
    pattern:
      /(?<secret>(?:https?:\/\/)?hooks\.zapier\.com\/hooks\/catch\/[0-9]{4,12}\/[a-z0-9]{5,10})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Turn the Zap off, replace its Webhooks by Zapier trigger (a new trigger gets a new URL), and check the Zap history for runs you did not cause.',
    references: ['https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks'],
    examples: {
      positive: [
        'ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/1795328/tjibjk/',
        'await fetch("https://hooks.zapier.com/hooks/catch/94041823/srs7c04", { method: "POST" })',
      ],
      negative: [
        'ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/',
        'ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/3570049',
        'ZAPIER_WEBHOOK=${ZAPIER_WEBHOOK}',
      ],
    },
  },
  {
    id: 'miro-access-token',
    title: 'Miro access token',
    description:
      'A Miro REST API access token (a base64 `{"miro.origin":...}` header, `_` and the token). It reads and edits the boards the app or user can access.',
    provider: 'Miro',
    severity: 'high',
    keywords: ['eyjtaxjvlm9yawdpbii6'],
    pattern:
      /(?<![A-Za-z0-9_-])(?<secret>eyJtaXJvLm9yaWdpbiI6I[A-Za-z0-9]{6}ifQ_[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the token (Miro app settings > Installed apps, or POST /v1/oauth/revoke), reinstall the app to get a new one, and review board activity.',
    references: ['https://developers.miro.com/docs/getting-started-with-oauth'],
    examples: {
      positive: [
        'MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_SFdEiVGrSJfnywu5yVGOEZi2RIn',
        'Authorization: Bearer eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_xbzOQXo1Zy5fmPY-oeXUktP0Erc',
      ],
      negative: [
        'MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ',
        'MIRO_ACCESS_TOKEN=eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_i5HjgX5Rsb',
        'MIRO_ACCESS_TOKEN=${MIRO_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'clickup-api-token',
    title: 'ClickUp personal API token',
    description:
      'A ClickUp personal API token (`pk_<user id>_<32 characters>`). It acts as the user in every workspace they belong to: tasks, docs, comments and members.',
    provider: 'ClickUp',
    severity: 'high',
    keywords: ['pk_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pk_[0-9]{6,12}_[A-Z0-9]{32})(?![A-Za-z0-9_-])/,
    verify: (s) => /[A-Z]/.test(s.slice(-32)) && /[0-9]/.test(s.slice(-32)),
    minEntropy: 3.0,
    remediation:
      'Regenerate the token in ClickUp (Settings > Apps > API Token > Regenerate), deploy the new one, and review workspace activity.',
    references: ['https://developer.clickup.com/docs/authentication'],
    examples: {
      positive: [
        'CLICKUP_API_TOKEN=pk_40748947_BDJF5RMFJDUR27V87TSCL7YCKGYH6LNN',
        "headers: { Authorization: 'pk_507812468_F2U4PWWS6FXODPBMM62NWE2F8IMT486A' }",
      ],
      negative: [
        'CLICKUP_API_TOKEN=pk_20315318_GH5HOB7ENY2Q7F4WCUII',
        'STRIPE_PUBLISHABLE_KEY=pk_live_2oOwKoVeRqB70s55TEn6A5mD',
        'fk_pk_87153471_ORDERS',
      ],
    },
  },
  {
    id: 'jotform-api-key',
    title: 'Jotform API key',
    description:
      "A Jotform API key (32 hex characters) assigned to a Jotform setting. With full access it reads every form submission (respondents' personal data) and changes forms.",
    provider: 'Jotform',
    severity: 'high',
    confidence: 'medium',
    keywords: ['jotform'],
    pattern: assigned(`${ci('jotform')}${GAP}(?:${ci('key')}|${ci('token')})`, '[a-f0-9]{32}'),
    minEntropy: 2.6,
    remediation:
      'Delete the key in Jotform (Settings > API), create a new read-only key if possible, and deploy it from a secret manager.',
    references: ['https://api.jotform.com/docs/#authentication'],
    examples: {
      positive: [
        'JOTFORM_API_KEY=ce9ce485ef2ef05ae06966ea4057be68',
        'jotform_api_key: "e9dd1a755d3573f39c73db72011d3eaf"',
      ],
      negative: [
        'JOTFORM_FORM_ID=483896127794063',
        'JOTFORM_API_KEY=${JOTFORM_API_KEY}',
        'JOTFORM_API_KEY=f7108f89ef54110f04cde6d0',
      ],
    },
  },
  {
    id: 'surveymonkey-access-token',
    title: 'SurveyMonkey access token',
    description:
      "A SurveyMonkey API access token assigned to a SurveyMonkey setting. It reads surveys and their responses (respondents' personal data) with the app's scopes.",
    provider: 'SurveyMonkey',
    severity: 'high',
    confidence: 'medium',
    keywords: ['surveymonkey', 'survey_monkey'],
    pattern: assigned(
      `${ci('survey')}[_-]?${ci('monkey')}${GAP}(?:${ci('token')}|${ci('key')}|${ci('secret')})`,
      '[A-Za-z0-9._-]{40,200}',
      '(?![A-Za-z0-9._-])',
    ),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      "Revoke the token by removing the app's access (SurveyMonkey developer portal > My Apps, or the user's Linked accounts), issue a new one, and review data exports.",
    references: ['https://developer.surveymonkey.com/api/v3/#authentication'],
    examples: {
      positive: [
        'SURVEYMONKEY_ACCESS_TOKEN=8bnfIo7Tn9QuZ46MTU7DrFd1UpBTU5.4wFsO_CMYOrRCudLiPebjtbPf2a_tztYKBa6SS3K',
        'survey_monkey_token: "WyC5w6dxGZpgfUjyciX4doD7FW5P5bvQUJsISuqK2JTI8YEr2RYGKlnATNiu"',
      ],
      negative: [
        'SURVEYMONKEY_CLIENT_ID=jDF1KwYkVkKrq5w4ypIeS4',
        'SURVEYMONKEY_ACCESS_TOKEN=${SURVEYMONKEY_ACCESS_TOKEN}',
        'SURVEYMONKEY_ACCESS_TOKEN=48f2z6r586zo2eb1fooxna88ci19l450fr36aaoinkf12l1u6eyyv0rmdd0k',
      ],
    },
  },
  {
    id: 'frameio-api-token',
    title: 'Frame.io developer token',
    description:
      "A Frame.io developer token (`fio-u-`). It reads, uploads and deletes assets and comments in the user's projects.",
    provider: 'Frame.io',
    severity: 'high',
    keywords: ['fio-u-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_=-])/,
    minEntropy: 4.0,
    remediation:
      'Delete the token in the Frame.io developer site (Tokens), create a new one with the narrowest scopes, and review project activity.',
    references: ['https://developer.frame.io/docs/getting-started/authentication'],
    examples: {
      positive: [
        'FRAMEIO_TOKEN=fio-u-sGR9CuIPThoUZfWUB4wuJiHbCqchFnByGU8mwS3YSBJhNqOwgCUFMIWsd0ga42mD',
        'client = FrameioClient("fio-u-HOTryH0LRGXC-FSxvsoGZsuqlYkt5mxQSZGp9a2b89V0BQ0q7n5abGBW-modMDbB")',
      ],
      negative: [
        'FRAMEIO_TOKEN=fio-u-4lUKgOBAbcA5mci0TZXwFEecMY8bND',
        'FRAMEIO_TOKEN=fio-u-${TOKEN}',
        'FRAMEIO_TOKEN=fio-u-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'readme-api-key',
    title: 'ReadMe API key',
    description:
      "A ReadMe project API key (`rdme_`). It changes the project's documentation, API definitions and settings and reads API metrics.",
    provider: 'ReadMe',
    severity: 'high',
    keywords: ['rdme_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>rdme_[a-z0-9]{70})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Revoke the key in ReadMe (the project > Configuration > API Keys), create a new one, and review recent documentation changes.',
    references: ['https://docs.readme.com/main/reference/intro/authentication'],
    examples: {
      positive: [
        'README_API_KEY=rdme_wpnf3gt9p0ia5icfa72nyjyvhr7kmzklmasx3274x4okhzg0c45kmt93zdfmu6vrqea67s',
        'rdme openapi --key=rdme_n8gxdb7g7ip61trr6tehrnbmkxzrc5pj1bnqebz7rjua8bpogujfpkzi1u6oadjgti9w41',
      ],
      negative: [
        'README_API_KEY=rdme_l3v832javibln5twcd7tjrm24wlza1',
        'rdme_data = readme_response.json()',
        'README_API_KEY=rdme_${KEY}',
      ],
    },
  },
  {
    id: 'sourcegraph-access-token',
    title: 'Sourcegraph access token',
    description:
      'A Sourcegraph access token (`sgp_`). It reads the code of every repository its user can access on the Sourcegraph instance and, for site admins, administers the instance.',
    provider: 'Sourcegraph',
    severity: 'high',
    keywords: ['sgp_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      "Delete the token in Sourcegraph (User settings > Access tokens; site admins can revoke any user's), create a new one, and review the instance's security event log.",
    references: ['https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token'],
    examples: {
      positive: [
        'SRC_ACCESS_TOKEN=sgp_8e4b86f3486bbd5c_b41251e0bfd4ff92e5a5c702b50ae7ac80be4260',
        'export SRC_ACCESS_TOKEN=sgp_161456025d2668d0cb4a150c752e39f35a6f4273',
      ],
      negative: [
        'SRC_ACCESS_TOKEN=sgp_4966db9b48bdf0656744',
        'SRC_ACCESS_TOKEN=sgp_${TOKEN}',
        'SRC_ACCESS_TOKEN=sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'shippo-live-token',
    title: 'Shippo live API token',
    description:
      'A Shippo live API token (`shippo_live_`). It buys shipping labels charged to the account and reads shipments with customer addresses. Test tokens are not reported.',
    provider: 'Shippo',
    severity: 'high',
    keywords: ['shippo_live_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>shippo_live_[a-f0-9]{40})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Regenerate the live token in Shippo (Settings > API > Tokens), deploy the new one, and review recent label purchases.',
    references: ['https://docs.goshippo.com/docs/guides_general/authentication/'],
    examples: {
      positive: [
        'SHIPPO_API_TOKEN=shippo_live_60fd9ae4fcd39d37fc9248b0bfd1e95e2b5d6eb3',
        'headers: { Authorization: "ShippoToken shippo_live_54284a216950be38a1063730f67c89812e27e1ec" }',
      ],
      negative: [
        'SHIPPO_API_TOKEN=shippo_test_246b39cec095a83e1d65c29d7e92cd25718035e0',
        'SHIPPO_API_TOKEN=shippo_live_9bc76355d873d9b6d335',
        'SHIPPO_API_TOKEN=shippo_live_xxx',
      ],
    },
  },
  {
    id: 'easypost-production-api-key',
    title: 'EasyPost production API key',
    description:
      'An EasyPost production API key (`EZAK`). It buys postage charged to the account and reads shipments with customer addresses. Test keys (`EZTK`) are not reported.',
    provider: 'EasyPost',
    severity: 'high',
    keywords: ['ezak'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EZAK[A-Za-z0-9]{50,58})(?![A-Za-z0-9_-])/,
    minEntropy: 4.0,
    remediation:
      'Disable the key in EasyPost (Account settings > API keys), create a new one, deploy it, and review recent label purchases and refunds.',
    references: ['https://docs.easypost.com/docs/authentication'],
    examples: {
      positive: [
        'EASYPOST_API_KEY=EZAK3b1bd4095ae18313a59db76d03548045Wp2oiKyk8J4VJyIFD2cb2z',
        "easypost.EasyPostClient('EZAKf8e8705840c872264f94f38b3e584b2eOsZpIPy11Nc6AydLkHrz7c')",
      ],
      negative: [
        'EASYPOST_API_KEY=EZTKf011eea7946e0d2202c9d83959fba5d59b22FwsKp1OVVgKdkXQzfJ',
        'EASYPOST_API_KEY=EZAK...',
        'EASYPOST_API_KEY=EZAK_test_your_api_key_here',
      ],
    },
  },
  {
    id: 'duffel-live-token',
    title: 'Duffel live access token',
    description:
      "A Duffel live access token (`duffel_live_`). It searches and books flights and stays paid from the account's balance and reads passengers' personal data. Test tokens are not reported.",
    provider: 'Duffel',
    severity: 'critical',
    keywords: ['duffel_live_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>duffel_live_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    minEntropy: 3.0,
    remediation:
      'Revoke the token in the Duffel dashboard (Developers > Access tokens), create a new one, and review recent orders and payments.',
    references: ['https://duffel.com/docs/api/overview/making-requests/authentication'],
    examples: {
      positive: [
        'DUFFEL_ACCESS_TOKEN=duffel_live_MTa62D7tTuDIPfhD90MSfTJcNvh78x_vuFDl67a6slq',
        "const duffel = new Duffel({ token: 'duffel_live_YuNveg5nm9SNe9VUzHWwx4bd3ohOmtaP9FXzdup8kAW' });",
      ],
      negative: [
        'DUFFEL_ACCESS_TOKEN=duffel_test_qLnk2g8Ab7o1L7eziQaC5NAvYFfXpGzofvuQt7MQ567',
        'DUFFEL_ACCESS_TOKEN=duffel_live_supersecret',
        'DUFFEL_ACCESS_TOKEN=duffel_live_…',
      ],
    },
  },
  {
    id: 'lob-live-api-key',
    title: 'Lob live secret API key',
    description:
      "A Lob live secret API key (`live_` + 35 hex characters). It sends letters, postcards and checks billed to the account and reads recipients' addresses. Found with higher confidence next to the Lob name; publishable keys (`live_pub_`) and test keys are not reported.",
    provider: 'Lob',
    severity: 'high',
    keywords: ['live_'],
    pattern: optionallyNear(`(?<![A-Za-z])${ci('lob')}`, 'live_[a-f0-9]{35}', 'A-Za-z0-9_-'),
    verify: named,
    minEntropy: 3.0,
    remediation:
      'Rotate the live secret key in the Lob dashboard (Settings > API Keys > rotate), deploy the new one, and review recent mail pieces and checks.',
    references: ['https://help.lob.com/account-management/api-keys'],
    examples: {
      positive: [
        'LOB_API_KEY=live_9d3176b8c3182bc1b74f87342548dd6fdae',
        "lob.api_key = 'live_0ab80533f785e9e550aee8b482d7d3ecb57'",
      ],
      negative: [
        'LOB_PUBLISHABLE_KEY=live_pub_1663d013827f9ab67a3c8a51e259ad0',
        'LOB_API_KEY=test_bdf16a2bf6dfc253cdcf3dc76de194e4a56',
        'MOLLIE_API_KEY=live_flw29iKkb6YzLftCGMrqTdUYjYREbP',
        'LOB_API_KEY=live_740b683833e5f755039e70cdb1af5419926f0c23',
      ],
    },
  },
  {
    id: 'twitter-bearer-token',
    title: 'X (Twitter) app bearer token',
    description:
      "An X (Twitter) API app-only bearer token (21 `A`s followed by the encoded token). It reads public data with the app's rate limits and access level, and its use counts against the app's paid quota.",
    provider: 'X (Twitter)',
    severity: 'medium',
    keywords: ['aaaaaaaaaaaaaaaaaaaaa'],
    pattern: optionallyNear(
      `${ci('twitter')}|${ci('bearer')}|${ci('x')}_${ci('bearer')}`,
      'AAAAAAAAAAAAAAAAAAAAA[B-Za-z0-9%][A-Za-z0-9%]{60,140}',
      'A-Za-z0-9%+/_-',
    ),
    verify: (s, g) => {
      const tail = s.slice(21);
      if (!/[a-z]/.test(tail) || !/[0-9]/.test(tail) || new Set(tail).size < 20) return false;
      return named(s, g);
    },
    minEntropy: 3.0,
    remediation:
      'Regenerate the bearer token in the X Developer Portal (Projects & Apps > the app > Keys and tokens > Bearer Token > Regenerate) and deploy the new one.',
    references: ['https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens'],
    examples: {
      positive: [
        'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAMXAra4AAAAAAAlRh640y2Y1w1Qouj6BVv%2BffLUmv3VcxqDCO%3DbgUtOs8hJ1BbmVjVDbKnwUq2oNWYrnYGOfwCjPqpJhIPy9xZnf',
        'curl -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLNRUqAAAAAAAhx8OTWZ6YduhlD1S1zQJ%2B3BWmJ2Jtqf2Nbr%3DAw2RUjqbAjCL9CN1GbzljgBnQcNTZgT6XCVezyEx7eMRuyPoiQ" https://api.x.com/2/tweets',
      ],
      negative: [
        'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA4AxcLO9FSz',
        'data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'TWITTER_BEARER_TOKEN=${TWITTER_BEARER_TOKEN}',
      ],
    },
  },
  {
    id: 'twitter-api-secret',
    title: 'X (Twitter) API secret',
    description:
      'An X (Twitter) API consumer secret (50 characters) or access token secret (45) assigned to a Twitter setting. With the matching key or token it signs API requests as the app or as the account that authorised it (posting, DMs).',
    provider: 'X (Twitter)',
    severity: 'high',
    confidence: 'medium',
    keywords: ['twitter'],
    pattern: assigned(`${ci('twitter')}${GAP}${ci('secret')}`, '[A-Za-z0-9]{45,50}'),
    minEntropy: 4.0,
    verify: (s) => mixedCase(s),
    remediation:
      'Regenerate the API key and secret (or the access token and secret) in the X Developer Portal (the app > Keys and tokens) and deploy the new values.',
    references: ['https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret'],
    examples: {
      positive: [
        'TWITTER_API_SECRET=Yhc4GSqGlTGS5G2zWP3KgN4livRpiJb0KlGErZVTaegC1HKLce',
        'twitter_access_token_secret: "7eRsZhrvXpUoR66UKSxyuT3oNdvYM0X7JhobeWX60LxZs"',
      ],
      negative: [
        'TWITTER_API_KEY=LBE37nJn2QQbOtn7KKO7SVLmi',
        'TWITTER_API_SECRET=${TWITTER_API_SECRET}',
        'TWITTER_API_SECRET=zkBjJAymrI8uEjAySVPZBKyaDpOQB3',
      ],
    },
  },
  {
    id: 'facebook-access-token',
    title: 'Meta (Facebook) access token',
    description:
      'A Meta Graph API access token (`EAA...`: user, page, system-user or WhatsApp Cloud API tokens) next to a Facebook, Instagram, WhatsApp or Meta name, or from the Graph API Explorer (`EAACEdEose0cBA`). It acts as the user, page or business with the granted permissions: posting, reading messages, managing ads.',
    provider: 'Meta',
    severity: 'high',
    keywords: [
      'facebook',
      'eaacedeose0cba',
      'fb_access',
      'fb_token',
      'fb_page',
      'whatsapp',
      'instagram',
      'meta_access',
    ],
    pattern: optionallyNear(
      `${ci('facebook')}|${ci('fb')}_|${ci('whatsapp')}|${ci('instagram')}|${ci('meta')}_${ci('access')}`,
      'EAA[A-Za-z0-9]{80,400}',
      'A-Za-z0-9_-',
    ),
    minEntropy: 4.0,
    verify: (s, g) => (g.ctx || s.startsWith('EAACEdEose0cBA') ? true : 'medium'),
    remediation:
      'Invalidate the token (log the user out of the app, reset the app secret, or revoke the system user token in Business Settings), issue a new one, and review the page or ad account activity.',
    references: ['https://developers.facebook.com/docs/facebook-login/guides/access-tokens/'],
    examples: {
      positive: [
        'FACEBOOK_ACCESS_TOKEN=EAAGpdfXvo46jqH5Gv9dRB4qQVCD1WcrpiX9pyF4l6nXKmid4gW9TWc2DCPMaloqc75dtduIhCxLUymoJRn8dpcrNuZHT9eNBATsuEchv082JL2j09UaURpdzuiib2R8NlxpZjW3Y4REDaKhF8diRss5sUnQ7iLmBsLGBMFLunRK97uxVlUY0eHN',
        'WHATSAPP_TOKEN="EAAJVCO33TTzGYakdBs6tlXFcjtjnnlFqOszwSQV6Xc4iYjitknU2CfeH8bGuSVMbWIfbNYzYcBCD4Wrg7Kk13Npe5u6CIED1bbaHTpCQogWZOdod2Kovw0Nxq7u9sY1uu43Wnll3MZG3JcGrnzw83j3IsEBxjJrJx0RlqlSVo2qgjSBOpcQ7Jsgxi81i4n7Z4c9Wh8qPWwM"',
        'token = "EAACEdEose0cBAtdn79v5XkF8aux7X6O1pGl569p8satlu9PL6qu8aumyMsEBzxtRwf2DIYhTy7UOc01SXcre9YTGSJ70L3qoGCrFXeasoyR7FOeG8NqCGGsUZbEzTDKJ2GWEPpOtmy3c3t5BWzt9EsdBFJIWkn9IWyA"',
      ],
      negative: [
        'FACEBOOK_ACCESS_TOKEN=EAAGKOYt1PMnctYI1B92rbehpDg32YNNOB',
        'SQUARE_ACCESS_TOKEN=EAAAfywgdwuN11QT6QPVrEEQX7Bgo7FcsTG5pacITpovnZFTZuaugpEYk3h-ki27',
        'FACEBOOK_ACCESS_TOKEN=${FACEBOOK_ACCESS_TOKEN}',
      ],
    },
  },
  {
    id: 'facebook-app-secret',
    title: 'Meta (Facebook) app secret',
    description:
      'A Meta (Facebook) app secret (32 hex characters) assigned to a Facebook app-secret setting. It creates app access tokens (`<app id>|<secret>`) that administer the app, and signs `appsecret_proof` for any user token.',
    provider: 'Meta',
    severity: 'high',
    confidence: 'medium',
    keywords: ['facebook', 'fb_app', 'fb_client', 'fb_secret'],
    pattern: assigned(`(?:${ci('facebook')}|${ci('fb')}[_.-])${GAP}${ci('secret')}`, '[a-f0-9]{32}'),
    minEntropy: 2.6,
    remediation:
      "Reset the app secret in the Meta App Dashboard (App settings > Basic > App secret > Reset), deploy the new one, and review the app's roles and settings.",
    references: ['https://developers.facebook.com/docs/facebook-login/security/'],
    examples: {
      positive: [
        'FACEBOOK_APP_SECRET=2448efe50dd69b6f90cefd0fddec1e8d',
        'fb_client_secret: "734451ead5d460e3d9d15d0df99b4d1a"',
      ],
      negative: [
        'FACEBOOK_APP_ID=225538702626280',
        'FACEBOOK_APP_SECRET=${FACEBOOK_APP_SECRET}',
        'FACEBOOK_APP_SECRET=74a8283d1dd7a6260583',
      ],
    },
  },
  {
    id: 'twitch-oauth-token',
    title: 'Twitch client secret or OAuth token',
    description:
      'A Twitch application client secret or OAuth token (30 lower-case characters, optionally `oauth:`-prefixed for chat) assigned to a Twitch setting. The secret issues app tokens; OAuth tokens act as the user (chat, channel management) with their scopes.',
    provider: 'Twitch',
    severity: 'high',
    confidence: 'medium',
    keywords: ['twitch'],
    pattern: new RegExp(
      `${ci('twitch')}${GAP}(?:${ci('secret')}|${ci('token')}|${ci('oauth')})${ASSIGN}(?:oauth:)?(?<secret>[a-z0-9]{30})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3.2,
    verify: (s) => /[0-9]/.test(s) && /[a-z]/.test(s),
    remediation:
      'Generate a new client secret in the Twitch Developer Console (Applications > Manage > New Secret) or revoke the OAuth token (POST https://id.twitch.tv/oauth2/revoke), and deploy the replacement.',
    references: ['https://dev.twitch.tv/docs/authentication/'],
    examples: {
      positive: [
        'TWITCH_CLIENT_SECRET=kcv5piw3xka5b6h85yfw2ip1b7vlip',
        'twitch_oauth_token: "oauth:ztyv67p5og7l22ph4gf8wqkuk5wcza"',
      ],
      negative: [
        'TWITCH_CLIENT_ID=85wmw9y68z3ww0wphkjazqwsufjfzq',
        'TWITCH_CLIENT_SECRET=${TWITCH_CLIENT_SECRET}',
        'TWITCH_CLIENT_SECRET=0hgo40dnf1glw9enl40n',
      ],
    },
  },
  {
    id: 'adobe-client-secret',
    title: 'Adobe Developer Console client secret',
    description:
      'An OAuth client secret of an Adobe Developer Console project (`p8e-`). With the client id it obtains access tokens for the APIs the project is subscribed to.',
    provider: 'Adobe',
    severity: 'high',
    keywords: ['p8e-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>p8e-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      'Rotate the client secret in the Adobe Developer Console (project > credentials > Retrieve client secret > rotate) and update the services that use it.',
    references: ['https://developer.adobe.com/developer-console/docs/guides/authentication/'],
    examples: {
      positive: [
        'ADOBE_CLIENT_SECRET=p8e-FLXVCxFjcZ5GpkdmFpj6QlD0cCpXRJbl',
        '"client_secret": "p8e-4PzMWlkdDaWUib9henVkVjyffnQmBTfr"',
      ],
      negative: [
        'ADOBE_CLIENT_SECRET=p8e-your-client-secret-here-000000',
        'ADOBE_CLIENT_SECRET=${ADOBE_CLIENT_SECRET}',
        'p8e-FLXVCxFjcZ5GpkdmFp',
      ],
    },
  },
];
