import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/** `name = value`, `name: value`, `"name": "value"`, `name => value` between a credential name and its value. */
const ASSIGN = String.raw`["']?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["']?`;
/** Base64 of a 64-byte key (storage, Cosmos DB) and of a 32-byte key (Service Bus, SignalR, ...). */
const KEY64 = `[A-Za-z0-9+/]{86}==`;
const KEY32 = `[A-Za-z0-9+/]{43}=`;
const END64 = `(?![A-Za-z0-9+/=])`;

/** Well-known keys of the local emulators (Azurite, Cosmos DB emulator): published, not secrets. */
const EMULATOR_KEYS = new Set([
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
]);
const notEmulatorKey = (secret: string) => !EMULATOR_KEYS.has(secret);
/** Identifiable-format keys (signature at position 77) are reported by their own, more precise rules. */
const identifiable = (signature: string) => (secret: string) =>
  secret.length === 88 && secret.slice(76, 80) === signature;

const STORAGE_ROTATE =
  'Rotate the key in the portal (Storage account > Security + networking > Access keys > Rotate key) or with `az storage account keys renew --key key1|key2`, update the applications that use it, and prefer Microsoft Entra ID (managed identities) or short-lived user-delegation SAS tokens over account keys. Consider disabling Shared Key authorization on the account.';
const COSMOS_ROTATE =
  'Regenerate the key (Cosmos DB account > Keys > Regenerate, or `az cosmosdb keys regenerate --key-kind primary|secondary`) after moving clients to the other key, and prefer Microsoft Entra ID role-based access with `disableLocalAuth`.';
const MESSAGING_ROTATE =
  'Regenerate the key of the shared access policy (namespace or entity > Shared access policies > Regenerate primary/secondary key, or `az servicebus namespace authorization-rule keys renew`), update clients, and prefer managed identities; avoid handing out the RootManageSharedAccessKey policy.';

export const azureDetectors: Detector[] = [
  {
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    description:
      'An Azure Storage account access key, in a connection string (`AccountName=...;AccountKey=...`) or assigned to a storage key variable. Account keys give full control of every blob, file share, queue and table in the account and can sign SAS tokens for anyone.',
    provider: 'Azure',
    severity: 'critical',
    keywords: [
      'accountkey=',
      'azure_storage',
      'azurestorage',
      'storage_account_key',
      'storageaccountkey',
      'storage_account_access_key',
    ],
    pattern: new RegExp(
      String.raw`(?:AccountKey=(?<!AccountEndpoint=[^\s"';]{1,200};\s{0,2}AccountKey=)|(?:azure_?storage_?(?:account_?)?(?:access_?)?key|storage_?account_?(?:access_?)?key)${ASSIGN})(?<secret>${KEY64})${END64}`,
      'i',
    ),
    verify: (secret) => notEmulatorKey(secret) && !identifiable('+ASt')(secret),
    remediation: STORAGE_ROTATE,
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage'],
    examples: {
      positive: [
        'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=tnxdwJVFQuMdHqFUG5XNgwZH34jJi5cw0jVIrNkZplMFj7J0426io98nh+pV/SHN9XD73uzwPTwSNtx/Yue/JD==;EndpointSuffix=core.windows.net"',
        'AZURE_STORAGE_KEY=DLM22pQAdb3E2KpWPS25NFlW4s1L/tlBxfkcxvC8cR29XFS/nSg2uPVl3khUR1mkbvySsXqiHHsAwFQzPPArk/==',
      ],
      negative: [
        'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<account-key>;',
        'AccountName=acmeprodlogs;AccountKey=tnxdwJVFQuMdHqFUG5XNgwZH34jJi5cw0jVIrNkZplMFj7J0426io98nh+pV/SHN9XD73uz==', // truncated
        'AZURE_STORAGE_KEY=${AZURE_STORAGE_KEY}',
        // Azurite's published development key.
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
        'AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=y7fravRjgIsvbVF7CqSVJYS9jrXGD5ZmftwJF+p/DY6czgafoN986445raW7H66HzR/c+cG/QMAHnYO/4DxKrq==;',
      ],
    },
  },
  {
    id: 'azure-storage-identifiable-key',
    title: 'Azure Storage account key (identifiable format)',
    description:
      "An Azure Storage account key in Microsoft's identifiable format (88 characters with the `+ASt` signature), recognisable without any surrounding context. It gives full control of the storage account's data.",
    provider: 'Azure',
    severity: 'critical',
    keywords: ['+ast'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{5}[AQgw]==)${END64}`,
    ),
    remediation: STORAGE_ROTATE,
    references: [
      'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
      'https://github.com/microsoft/security-utilities',
    ],
    examples: {
      positive: [
        'key: gPu7ZIzP8iUqyJa7cb8eQgkW9uDIdRz0LUDuNIKb3Ku9W06Nj2K86csZLCyIDMyOJZXjEtqt2jw1+AStkBNOEg==',
        '"storageKey": "aRfDkUsXIusOAarPmpCDcHHcH2wBRV+bhawLA71KUXI0WfBtMelOyrxX3V3OJX3/XlxKW1X/RF7e+ASttBNOEQ=="',
      ],
      negative: [
        'key: gPu7ZIzP8iUqyJa7cb8eQgkW9uDIdRz0LUDuNIKb3Ku9W06Nj2K86csZLCyIDMyOJZXjEtqt2jw1+AStkBNOEz==', // bad final character
        'key: gPu7ZIzP8iUqyJa7cb8eQgkW9uDIdRz0LUDuNIKb3Ku9W06Nj2K86csZLCyIDMyOJZXjEtqt2jw+AStkBNOEg==', // 75 before the signature
        'const re = /[A-Za-z0-9+/]{76}\\+ASt/;',
      ],
    },
  },
  {
    id: 'azure-cosmosdb-key',
    title: 'Azure Cosmos DB account key',
    description:
      'An Azure Cosmos DB primary or secondary key, in a connection string (`AccountEndpoint=https://<account>.documents.azure.com...;AccountKey=...`) or assigned to a Cosmos key variable. A read-write key gives full control of every database and container in the account.',
    provider: 'Azure',
    severity: 'critical',
    keywords: ['documents.azure.', 'cosmos'],
    pattern: new RegExp(
      String.raw`(?:AccountEndpoint=https://[A-Za-z0-9.-]{1,100}\.documents\.azure\.(?:com|us|cn)(?::\d{1,5})?/?;\s{0,2}AccountKey=|cosmos(?:_?db)?[A-Za-z0-9_-]{0,20}?key${ASSIGN})(?<secret>${KEY64})${END64}`,
      'i',
    ),
    verify: (secret) => notEmulatorKey(secret) && !identifiable('ACDb')(secret),
    remediation: COSMOS_ROTATE,
    references: ['https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data'],
    examples: {
      positive: [
        'COSMOS_CONNECTION_STRING="AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=y7fravRjgIsvbVF7CqSVJYS9jrXGD5ZmftwJF+p/DY6czgafoN986445raW7H66HzR/c+cG/QMAHnYO/4DxKrq==;"',
        'COSMOS_DB_PRIMARY_KEY: DLM22pQAdb3E2KpWPS25NFlW4s1L/tlBxfkcxvC8cR29XFS/nSg2uPVl3khUR1mkbvySsXqiHHsAwFQzPPArk/==',
      ],
      negative: [
        // The Cosmos DB emulator's published well-known key is not a secret.
        'AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
        'COSMOS_KEY=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
        'COSMOS_KEY=<primary-key>',
        'COSMOS_KEY=${COSMOS_KEY}',
      ],
    },
  },
  {
    id: 'azure-cosmosdb-identifiable-key',
    title: 'Azure Cosmos DB key (identifiable format)',
    description:
      "An Azure Cosmos DB key in Microsoft's identifiable format (88 characters with the `ACDb` signature), recognisable without context. Depending on its kind it grants read-write or read-only access to all data in the account.",
    provider: 'Azure',
    severity: 'critical',
    keywords: ['acdb'],
    pattern: new RegExp(`(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{76}ACDb[A-Za-z0-9+/]{5}[AQgw]==)${END64}`),
    remediation: COSMOS_ROTATE,
    references: ['https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data'],
    examples: {
      positive: [
        'CosmosKey=aRfDkUsXIusOAarPmpCDcHHcH2wBRV+bhawLA71KUXI0WfBtMelOyrxX3V3OJX3/XlxKW1X/RF7eACDbziY8ZA==',
        '"key": "gPu7ZIzP8iUqyJa7cb8eQgkW9uDIdRz0LUDuNIKb3Ku9W06Nj2K86csZLCyIDMyOJZXjEtqt2jw1ACDbtBNOEw=="',
      ],
      negative: [
        'CosmosKey=aRfDkUsXIusOAarPmpCDcHHcH2wBRV+bhawLA71KUXI0WfBtMelOyrxX3V3OJX3/XlxKW1X/RF7eACDbziY8Z1==',
        'CosmosKey=ACDb',
        'CosmosKey=aRfDkUsXIusOAarPmpCDcHHcH2wBRV+bhawLA71KUXI0WfBtMelOyrxX3V3OJX3/XlxKW1X/RF7eACDbziY8ZA==x',
      ],
    },
  },
  {
    id: 'azure-ad-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    description:
      'A Microsoft Entra ID application client secret (40 characters with `Q~` after a version digit at the fourth position, e.g. `xxx8Q~...`). With the tenant and client IDs it authenticates as the app registration or service principal, which often holds Azure subscription roles or Microsoft Graph application permissions.',
    provider: 'Azure',
    severity: 'critical',
    keywords: ['8q~', '7q~'],
    pattern:
      /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[78]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    minEntropy: 3.8,
    remediation:
      "Delete the secret (Entra admin center > App registrations > the app > Certificates & secrets, or `az ad app credential delete`), add a new one if still required, and review the service principal's sign-in logs. Prefer certificates, managed identities or workload identity federation over client secrets.",
    references: [
      'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials',
      'https://github.com/microsoft/security-utilities',
    ],
    examples: {
      positive: [
        'AZURE_CLIENT_SECRET=qJD8Q~5~XjqBiRRn95A_UDes7ziBmQpLn39DrYbC',
        'client_secret: "JMF7Q~n6C8sc59Qst2U4QpVYqoEl9PtJbUwe~"',
      ],
      negative: [
        'AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'AZURE_CLIENT_SECRET=qJD8Q~5~XjqBiRRn95A_UDes7zi', // truncated
        'AZURE_CLIENT_SECRET=${AZURE_CLIENT_SECRET}',
        'path = "~/projects/8Q~notes.txt"',
      ],
    },
  },
  {
    id: 'azure-storage-sas-token',
    title: 'Azure Storage shared access signature (SAS)',
    description:
      'The signature (`sig=`) of an Azure Storage SAS URL or token (recognised by its `sv=` service version). Until it expires (`se=`), anyone with it has the permissions it lists on the account, container or blob; account-level SAS tokens generated in the portal are often broad and long-lived.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['sv=20'],
    pattern:
      /sig=(?:(?<=sv=20\d\d-\d\d-\d\d[^\s"'<>]{0,800}[?&]sig=)|(?<=[?&]sig=)(?=[^\s"'<>]{0,800}[?&]sv=20\d\d-\d\d-\d\d))(?<secret>[A-Za-z0-9%+/]{40,120}={0,2})(?![A-Za-z0-9%+/=])/,
    minEntropy: 4.0,
    remediation:
      'A SAS cannot be revoked by itself: rotate the account key that signed it (or revoke user delegation keys for user-delegation SAS, or change/delete the stored access policy it references), then issue short-lived SAS tokens with minimal permissions, preferably user-delegation SAS.',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview'],
    examples: {
      positive: [
        'BLOB_URL=https://acmeprodlogs.blob.core.windows.net/exports?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2027-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=Lx6HgipTjNgAVdvz4TInB2Vs6x92Gx0%2Ff1N%2BknFmiQN%3D',
        'AZURE_SAS_TOKEN="sp=r&st=2024-05-01T10:00:00Z&se=2026-05-01T18:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=m7joJtuTGqXy4Uw6gZIyjx0MoPxWy8hd%2Fsj3z6kJOb0%3D"',
      ],
      negative: [
        'https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-01&sig=<signature>',
        'https://acme.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-01&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'https://example.org/webhook?sig=Lx6HgipTjNgAVdvz4TInB2Vs6x92Gx0%2Ff1N%2BknFmiQN%3D',
      ],
    },
  },
  {
    id: 'azure-service-bus-key',
    title: 'Azure Service Bus / Event Hubs / Relay shared access key',
    description:
      'The `SharedAccessKey` of an Azure Service Bus, Event Hubs or Relay connection string (`Endpoint=sb://...`). Depending on the policy it can send, listen or manage the namespace; the default `RootManageSharedAccessKey` can do all three on every entity.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['sharedaccesskey='],
    pattern: new RegExp(
      String.raw`SharedAccessKey=(?<=sb://[^\s"']{1,400}SharedAccessKey=)(?<secret>${KEY32})${END64}`,
      'i',
    ),
    remediation: MESSAGING_ROTATE,
    references: [
      'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
      'https://learn.microsoft.com/en-us/azure/event-hubs/authenticate-shared-access-signature',
    ],
    examples: {
      positive: [
        'SERVICEBUS_CONNECTION="Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=FXFhLYOta1giAqOa9QTMX2LqJmjnvO13U0yQwV6XERQ="',
        '"EventHubConnection": "Endpoint=sb://acme-telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=PNGZrGo6StQOlo2QrwhDYrPfXTBzNKP2RzKFoFDO6oz=;EntityPath=events"',
      ],
      negative: [
        'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
        'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${SB_KEY}',
        'HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=bTEiiYZYemIhGOBMsz1eeCL32pPKMb5TEgnhIglrd64=',
      ],
    },
  },
  {
    id: 'azure-iot-hub-key',
    title: 'Azure IoT Hub shared access key',
    description:
      'The `SharedAccessKey` of an Azure IoT Hub or Device Provisioning Service connection string (`HostName=<hub>.azure-devices.net;...`). Hub-level policies such as `iothubowner` control every device and the registry; device keys let an attacker impersonate the device.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['azure-devices'],
    pattern: new RegExp(
      String.raw`SharedAccessKey=(?<=HostName=[A-Za-z0-9.-]{1,200}\.azure-devices(?:-provisioning)?\.net;[^\s"']{0,300}SharedAccessKey=)(?<secret>${KEY32})${END64}`,
      'i',
    ),
    remediation:
      'Regenerate the key of the shared access policy (IoT Hub > Security settings > Shared access policies) or of the device identity, update the devices and services that use it, and prefer X.509 authentication for devices and Microsoft Entra ID for services.',
    references: ['https://learn.microsoft.com/en-us/azure/iot-hub/authenticate-authorize-sas'],
    examples: {
      positive: [
        'IOTHUB_CONNECTION_STRING="HostName=acme-fleet.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=bTEiiYZYemIhGOBMsz1eeCL32pPKMb5TEgnhIglrd64="',
        'device_conn: HostName=acme-fleet.azure-devices.net;DeviceId=sensor-042;SharedAccessKey=UBcyA2kRA9R3phsbHcUNaRoNEFf+JTITPBxx0ZXexb5=',
      ],
      negative: [
        'HostName=acme-fleet.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=<your-key>',
        'HostName=acme-fleet.azure-devices.net;DeviceId=sensor-042;SharedAccessKey={device key}',
        'HostName=acme-fleet.azure-devices.net;DeviceId=sensor-042;x509=true',
      ],
    },
  },
  {
    id: 'azure-shared-access-signature-token',
    title: 'Azure Service Bus / Event Hubs / IoT Hub SAS token',
    description:
      'A `SharedAccessSignature sr=...&sig=...` token for Service Bus, Event Hubs, Relay or IoT Hub. It carries the rights of the policy that signed it until its `se=` expiry, which is frequently set years ahead for devices and scripts.',
    provider: 'Azure',
    severity: 'medium',
    keywords: ['sharedaccesssignature'],
    pattern:
      /SharedAccessSignature\s{1,3}(?:sig=|[^\s"']{1,600}?&sig=)(?<secret>[A-Za-z0-9%+/]{40,120}={0,2})(?![A-Za-z0-9%+/=])/,
    minEntropy: 4.0,
    remediation:
      'Regenerate the key of the policy or device that signed the token (this invalidates every token it signed) and issue tokens with short expiry times.',
    references: ['https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas'],
    examples: {
      positive: [
        'Authorization: SharedAccessSignature sr=acme-fleet.azure-devices.net%2Fdevices%2Fsensor-042&sig=SFYWBp%2BGYF7HAO%2FrbKDjkikqiFxnOrdMGROBGAqZmLP%3D&se=1893456000',
        'SAS_TOKEN="SharedAccessSignature sr=https%3A%2F%2Facme.servicebus.windows.net%2Forders&sig=Yn8P%2Bvs%2B1C2s06a%2BomWfDGUBgmxMWSTn3pPdNuEarj3%3D&se=1893456000&skn=send"',
      ],
      negative: [
        'Authorization: SharedAccessSignature sr=acme.azure-devices.net&sig=<signature>&se=1893456000',
        'Authorization: SharedAccessSignature sr={resource}&sig={signature}&se={expiry}',
        'format = "SharedAccessSignature sr={}&sig={}&se={}&skn={}"',
      ],
    },
  },
  {
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    description:
      'An Azure DevOps personal access token (52 lower-case base32 characters) assigned to an Azure DevOps / VSTS / ADO token variable or embedded in a `dev.azure.com` Git URL. PATs act as the user for the granted scopes: repositories, pipelines, artifact feeds and often full access.',
    provider: 'Azure',
    severity: 'critical',
    confidence: 'medium',
    keywords: [
      'azure_devops',
      'azure-devops',
      'azuredevops',
      'azdo',
      'vsts',
      'ado_pat',
      'ado_token',
      'ado-pat',
      'ado-token',
      'devops_pat',
      'devops_token',
      'dev.azure.com',
      'visualstudio.com',
    ],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z])(?:azure[_-]?devops|azdo|vsts|ado|devops)[A-Za-z0-9_-]{0,24}?(?:pat|token)[A-Za-z0-9_]{0,10}${ASSIGN}|(?<url>https?://[^\s:/@"']{0,60}:))(?<secret>[a-z2-7]{52})(?<at>@(?:dev\.azure\.com|[a-z0-9-]{1,60}\.visualstudio\.com))?(?![A-Za-z0-9])`,
      'i',
    ),
    verify: (secret, g) => /^[a-z2-7]{52}$/.test(secret) && (g.url === undefined || g.at !== undefined),
    remediation:
      "Revoke the token (User settings > Personal access tokens > Revoke; organisation admins can revoke any user's PATs), create a new one with the narrowest scopes and shortest lifetime, and prefer Microsoft Entra tokens or workload identity federation for pipelines.",
    references: [
      'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    ],
    examples: {
      positive: [
        'AZURE_DEVOPS_EXT_PAT=w6kiipqkqsbv4dvw3flhjccmysp24it3xywgemlfwtle2u6yzbup',
        'git clone https://build:od63znhjwv3l3sqaqnnxynw625oi2qcm4rogex6p5vz6j4fhgkms@dev.azure.com/acme/platform/_git/api',
        'ado_token: "od63znhjwv3l3sqaqnnxynw625oi2qcm4rogex6p5vz6j4fhgkms"',
      ],
      negative: [
        'AZURE_DEVOPS_EXT_PAT=$(System.AccessToken)',
        'AZURE_DEVOPS_EXT_PAT=W6KIIPQKQSBV4DVW3FLHJCCMYSP24IT3XYWGEMLFWTLE2U6YZBUP',
        'url = https://build:od63znhjwv3l3sqaqnnxynw625oi2qcm4rogex6p5vz6j4fhgkms@example.com/repo.git',
        'AZURE_DEVOPS_EXT_PAT=w6kiipqkqsbv4dvw3flhjccmysp24it3xywgem', // truncated
      ],
    },
  },
  {
    id: 'azure-devops-pat-identifiable',
    title: 'Azure DevOps personal access token (identifiable format)',
    description:
      "An Azure DevOps personal access token in the 84-character identifiable format (`JQQJ99` signature at position 53 and `AZDO` at position 77). It acts as the user for the granted scopes across the organisation's repositories, pipelines and feeds.",
    provider: 'Azure',
    severity: 'critical',
    keywords: ['jqqj9'],
    pattern:
      /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/,
    remediation:
      'Revoke the token (User settings > Personal access tokens > Revoke, or have an organisation admin revoke it), create a new one with the narrowest scopes and shortest lifetime, and prefer Microsoft Entra tokens for automation.',
    references: [
      'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
      'https://github.com/microsoft/security-utilities',
    ],
    examples: {
      positive: [
        'SYSTEM_PAT=r42mq2ICLNYnCx33nwO3YyRjJY1FNDAhh8Na7wmti5IIrzrT9hQnJQQJ99BEgFlgIxnIAnrxUYBsAZDOOBqY',
        'password: "r42mq2ICLNYnCx33nwO3YyRjJY1FNDAhh8Na7wmti5IIrzrT9hQnJQQJ99AKgFlgIxnIAnrxOBqYAZDOUYBs"',
      ],
      negative: [
        'SYSTEM_PAT=r42mq2ICLNYnCx33nwO3YyRjJY1FNDAhh8Na7wmti5IIrzrT9hQnJQQJ99BEgFlgIxnIAnrxUYBsACOGOBqY', // another provider
        'SYSTEM_PAT=r42mq2ICLNYnCx33nwO3YyRjJY1FNDAhh8Na7wmti5IIrzrT9hQJQQJ99BEgFlgIxnIAnrxUYBsAZDOOBqY', // 51 before the signature
        'SYSTEM_PAT=r42mq2ICLNYnCx33nwO3YyRjJY1FNDAhh8Na7wmti5IIrzrT9hQnJQQJ99BZgFlgIxnIAnrxUYBsAZDOOBqY', // month out of range
      ],
    },
  },
  {
    id: 'azure-function-key',
    title: 'Azure Functions access key',
    description:
      "An Azure Functions function, host or master key, in an `https://<app>.azurewebsites.net/api/...?code=` URL or an `x-functions-key` header. It lets anyone invoke the protected HTTP functions; the host master key also manages the function app's keys.",
    provider: 'Azure',
    severity: 'high',
    keywords: ['azurewebsites.net/api/', 'x-functions-key'],
    pattern:
      /(?:\.azurewebsites\.net\/api\/[^\s"'#]{0,300}?[?&]code=|x-functions-key["']?\s{0,3}[:=]\s{0,3}["']?)(?<secret>[A-Za-z0-9_/+-]{40,100}(?:==|%3D%3D)?)(?![A-Za-z0-9_/+=%-])/i,
    minEntropy: 4.0,
    // Identifiable-format keys are reported by azure-function-identifiable-key.
    verify: (secret) => !/^[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==$/.test(secret),
    remediation:
      "Renew the key (Function app > App keys or the function's Function keys > Renew key value, or `az functionapp keys set`), update callers, and put API Management or Entra ID authentication in front of functions that need real access control.",
    references: ['https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to'],
    examples: {
      positive: [
        'WEBHOOK=https://acme-orders.azurewebsites.net/api/ingest?code=zCXWHqNjSKv2YYd72gJKBJC6Dx6R5y_hVZ3aQs_r08X8OsOZA3bqzs==',
        "headers: { 'x-functions-key': 'Tq9vLm2Xc8RbW4nKs7JdYf1GhP5zA3eUoI6tN0wQyVrB9xM2kC7pS4==' }",
      ],
      negative: [
        'https://acme-orders.azurewebsites.net/api/ingest?code=<function-key>',
        'https://acme-orders.azurewebsites.net/api/ingest?code=${FUNCTION_KEY}',
        'https://acme-orders.azurewebsites.net/api/oauth/callback?state=xyz&code=4/0Adeu5B',
      ],
    },
  },
  {
    id: 'azure-function-identifiable-key',
    title: 'Azure Functions key (identifiable format)',
    description:
      "An Azure Functions key in Microsoft's identifiable format (56 URL-safe base64 characters with the `AzFu` signature), recognisable without context. It lets anyone invoke the function app's protected HTTP functions, or manage its keys if it is a master key.",
    provider: 'Azure',
    severity: 'high',
    keywords: ['azfu'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==)(?![A-Za-z0-9_=-])/,
    remediation:
      "Renew the key (Function app > App keys or the function's Function keys > Renew key value, or `az functionapp keys set`) and update callers.",
    references: [
      'https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to',
      'https://github.com/microsoft/security-utilities',
    ],
    examples: {
      positive: [
        'FUNCTION_KEY=kKFM-b1Uko0pMZGXCBsPughvGrzMD-TDoCDjny7SC3NJAzFukNogdA==',
        '"masterKey": "kKFM-b1Uko0pMZGXCBsPughvGrzMD-TDoCDjny7SC3NJAzFuzNk8dg=="',
      ],
      negative: [
        'FUNCTION_KEY=kKFM-b1Uko0pMZGXCBsPughvGrzMD-TDoCDjny7SC3NJAzFukNogdB==',
        'FUNCTION_KEY=kKFM-b1Uko0pMZGXCBsPughvGrzMD-TDoCDjny7SCNJAzFukNogdA==',
        'const AzFu = require("./azfu");',
      ],
    },
  },
  {
    id: 'azure-cache-for-redis-key',
    title: 'Azure Cache for Redis access key',
    description:
      'The access key in an Azure Cache for Redis / Azure Managed Redis connection string (`<name>.redis.cache.windows.net:6380,password=...`). It gives full read-write access to the cache, which often holds sessions and cached personal data.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['redis.cache.windows.net', 'redis.azure.net'],
    pattern: new RegExp(
      String.raw`\.(?:redis\.cache\.windows\.net|redis\.azure\.net)(?::\d{2,5})?,[^\s"']{0,200}?password=(?<secret>${KEY32})${END64}`,
      'i',
    ),
    remediation:
      'Regenerate the key (cache > Authentication > Access keys > Regenerate, or `az redis regenerate-keys`), update clients, and prefer Microsoft Entra authentication with access keys disabled.',
    references: ['https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-keys'],
    examples: {
      positive: [
        'REDIS_CONNECTION="acme-sessions.redis.cache.windows.net:6380,password=8ynJIP/mR4BaZYTCZGSMQnPueEMO/UM9ee0SYzWvXiw=,ssl=True,abortConnect=False"',
        'ConnectionStrings__Redis: acme.redis.cache.windows.net:6380,ssl=true,password=SFYWBp+GYF7HAO/rbKDjkikqiFxnOrdMGROBGAqZmLP=',
      ],
      negative: [
        'acme.redis.cache.windows.net:6380,password=<access-key>,ssl=True',
        'acme.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True',
        'acme.redis.cache.windows.net:6380,ssl=True,abortConnect=False',
      ],
    },
  },
  {
    id: 'azure-publish-profile-password',
    title: 'Azure App Service publish profile password',
    description:
      "The deployment password (`userPWD`) of an Azure App Service `.PublishSettings` publish profile. It allows deploying code to the web app over Web Deploy, FTP or Kudu, i.e. running arbitrary code with the app's identity and settings.",
    provider: 'Azure',
    severity: 'high',
    keywords: ['userpwd='],
    pattern: /userPWD="(?<secret>[A-Za-z0-9]{40,80})"/,
    minEntropy: 4.0,
    remediation:
      'Reset the publish profile (App Service > Overview > Reset publish profile, or `az webapp deployment list-publishing-profiles` after a reset), disable basic authentication for FTP and SCM deployments if not needed, and deploy with OIDC / service principals instead.',
    references: ['https://learn.microsoft.com/en-us/azure/app-service/deploy-configure-credentials'],
    examples: {
      positive: [
        '<publishProfile profileName="acme-api - Web Deploy" publishMethod="MSDeploy" userName="$acme-api" userPWD="LtdyQ1EjvQmNsXsHOlBEjZFgvLoz8N3SeK9CyVEJA5jBG0lAp2mN6js0MX4g" />',
        'userPWD="bCn25MUFFN8Vj0w9FVv18W2UtxW72LbQAbtGuDffATwQlqK546EprwkStVjC" destinationAppUrl="https://acme-api.azurewebsites.net"',
      ],
      negative: [
        'userPWD=""',
        'userPWD="$(DEPLOY_PASSWORD)"',
        'userPWD="xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      ],
    },
  },
  {
    id: 'azure-signalr-access-key',
    title: 'Azure SignalR / Web PubSub / Communication Services access key',
    description:
      'The `AccessKey` of an Azure SignalR Service, Web PubSub or Communication Services connection string. It signs client and server tokens, so an attacker can connect as any user, broadcast messages, or send SMS, e-mail and calls billed to the resource.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['signalr.net', 'webpubsub.azure.com', 'communication.azure.com'],
    pattern: new RegExp(
      String.raw`Endpoint=https://[A-Za-z0-9.-]{1,100}\.(?:service\.signalr\.net|webpubsub\.azure\.com|communication\.azure\.com)[^;\s"']{0,20};\s{0,2}AccessKey=(?<secret>${KEY32})${END64}`,
      'i',
    ),
    remediation:
      'Regenerate the key (resource > Keys > Regenerate primary/secondary key), update the servers that use it, and prefer Microsoft Entra ID authentication with local keys disabled.',
    references: [
      'https://learn.microsoft.com/en-us/azure/azure-signalr/signalr-howto-key-rotation',
      'https://learn.microsoft.com/en-us/azure/communication-services/concepts/authentication',
    ],
    examples: {
      positive: [
        'Azure__SignalR__ConnectionString="Endpoint=https://acme-chat.service.signalr.net;AccessKey=Yn8P+vs+1C2s06a+omWfDGUBgmxMWSTn3pPdNuEarj3=;Version=1.0;"',
        'ACS_CONNECTION_STRING=endpoint=https://acme-notify.communication.azure.com/;accesskey=8ynJIP/mR4BaZYTCZGSMQnPueEMO/UM9ee0SYzWvXiw=',
      ],
      negative: [
        'Endpoint=https://acme-chat.service.signalr.net;AccessKey=<key>;Version=1.0;',
        'Endpoint=https://acme-chat.service.signalr.net;AuthType=azure.msi;Version=1.0;',
        'endpoint=https://acme-notify.communication.azure.com/;accesskey=${ACS_KEY}',
      ],
    },
  },
  {
    id: 'azure-app-configuration-secret',
    title: 'Azure App Configuration access key',
    description:
      'The `Secret` of an Azure App Configuration connection string (`Endpoint=https://<store>.azconfig.io;Id=...;Secret=...`). Read-write keys can change the configuration and feature flags every application loads; read-only keys expose every setting, which often includes other connection strings.',
    provider: 'Azure',
    severity: 'high',
    keywords: ['azconfig.io'],
    pattern: new RegExp(
      String.raw`Endpoint=https://[A-Za-z0-9.-]{1,100}\.azconfig\.io/?;\s{0,2}Id=[^;\s"']{1,100};\s{0,2}Secret=(?<secret>${KEY32}|[A-Za-z0-9]{84})(?![A-Za-z0-9+/=])`,
      'i',
    ),
    remediation:
      'Regenerate the key (App Configuration > Access settings > Regenerate), update clients, and prefer Microsoft Entra ID with access keys disabled; keep secrets in Key Vault references rather than plain settings.',
    references: [
      'https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication',
    ],
    examples: {
      positive: [
        'APPCONFIG_CONNECTION_STRING="Endpoint=https://acme-config.azconfig.io;Id=Xq2k-l9-s0:Tb8vR4mLz1QwPn6YcHj3;Secret=SFYWBp+GYF7HAO/rbKDjkikqiFxnOrdMGROBGAqZmLP="',
        'AppConfig: Endpoint=https://acme-config.azconfig.io;Id=0-l9-s0:Qm4xTz;Secret=Yn8P+vs+1C2s06a+omWfDGUBgmxMWSTn3pPdNuEarj3=',
      ],
      negative: [
        'Endpoint=https://acme-config.azconfig.io;Id=<id>;Secret=<secret>',
        'Endpoint=https://acme-config.azconfig.io;Id=abc;Secret=${APPCONFIG_SECRET}',
        'Endpoint=https://acme-config.azconfig.io',
      ],
    },
  },
];
