import type { ImageSpec } from '../image/testing/build-image.js';

/** Real-format, made-up credentials: they must come out redacted everywhere. */
export const ENV_PASSWORD = 'Vq7mK2pxR9zLw3Tf';
export const HISTORY_TOKEN = 'ghp_R8kQ2mVx7LpZ4nWc9TfY3hJd6sBa1uEo5GiN';

const dpkg = (...stanzas: string[]) => `${stanzas.join('\n\n')}\n`;
const stanza = (name: string, version: string, source?: string) =>
  [
    `Package: ${name}`,
    'Status: install ok installed',
    'Architecture: amd64',
    ...(source ? [`Source: ${source}`] : []),
    `Version: ${version}`,
  ].join('\n');

const BASE_FILES = stanza('base-files', '12.4+deb12u5');
const LIBSSL = stanza('libssl3', '3.0.11-1~deb12u1', 'openssl');
const SITE = 'usr/local/lib/python3.12/site-packages';

/**
 * Debian 12: the base layer, a layer that installs libssl3 (source openssl, with an advisory for
 * bookworm) with a token in its command, and a layer with `requests` 2.31.0. No USER, a password
 * in ENV.
 */
export const DEBIAN_IMAGE: ImageSpec = {
  repoTags: ['shop/api:1.4'],
  config: { Env: ['PATH=/usr/local/bin:/usr/bin', `DB_PASSWORD=${ENV_PASSWORD}`], Cmd: ['python3'] },
  layers: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:3b1e4 in / ',
      files: {
        'etc/os-release':
          'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n',
        'var/lib/dpkg/status': dpkg(BASE_FILES),
      },
    },
    {
      createdBy: `RUN /bin/sh -c curl -H "Authorization: token ${HISTORY_TOKEN}" https://example.com/key && apt-get install -y libssl3 # buildkit`,
      files: { 'var/lib/dpkg/status': dpkg(BASE_FILES, LIBSSL) },
    },
    {
      createdBy: 'RUN /bin/sh -c pip install requests==2.31.0 # buildkit',
      files: {
        [`${SITE}/requests-2.31.0.dist-info/METADATA`]:
          'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n',
      },
    },
  ],
};

/** Alpine 3.19 with busybox 1.36.1-r15, running as an unprivileged user. */
export const ALPINE_IMAGE: ImageSpec = {
  repoTags: ['tools/alpine:3.19'],
  config: { User: '10001', Env: ['PATH=/usr/bin'] },
  layers: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:9a8b7 in / ',
      files: {
        'etc/os-release': 'ID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"\n',
        'lib/apk/db/installed':
          'P:busybox-binsh\nV:1.36.1-r15\nA:x86_64\no:busybox\n\nP:busybox\nV:1.36.1-r15\nA:x86_64\no:busybox\n\n',
      },
    },
  ],
};
