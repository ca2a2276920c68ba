// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const https = require('node:https');
const tls = require('node:tls');
const fs = require('node:fs');
const axios = require('axios');
const { Pool } = require('pg');

// ruleid: sast/js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// ruleid: sast/js-tls-verification-disabled
const insecureAgent = new https.Agent({ rejectUnauthorized: false });

const client = axios.create({
  baseURL: 'https://billing.internal',
  // ruleid: sast/js-tls-verification-disabled
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: sast/js-tls-verification-disabled
  ssl: { rejectUnauthorized: false },
});

const socket = tls.connect(443, 'example.com', {
  // ruleid: sast/js-tls-verification-disabled
  checkServerIdentity: () => undefined,
});

// ok: sast/js-tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync('ca.pem') });

const prodPool = new Pool({
  // ok: sast/js-tls-verification-disabled
  ssl: { rejectUnauthorized: true, ca: process.env.DB_CA },
});

// ok: sast/js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

const server = https.createServer({
  key: fs.readFileSync('key.pem'),
  cert: fs.readFileSync('cert.pem'),
  requestCert: true,
  // ok: sast/js-tls-verification-disabled
  rejectUnauthorized: true,
});

const form = {
  // ok: sast/js-tls-verification-disabled
  insecure: true,
};
