// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const cors = require('cors');

const app = express();

// ruleid: sast/js-permissive-cors-credentials
app.use(cors({ origin: true, credentials: true }));

app.use(
  cors({
    // ruleid: sast/js-permissive-cors-credentials
    origin: (origin, callback) => callback(null, true),
    credentials: true,
  }),
);

app.use((req, res, next) => {
  // ruleid: sast/js-permissive-cors-credentials
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

// ok: sast/js-permissive-cors-credentials
app.use(cors({ origin: '*' }));

const ALLOWED = ['https://app.example.com'];
// ok: sast/js-permissive-cors-credentials
app.use(cors({ origin: ALLOWED, credentials: true }));

app.use(
  cors({
    // ok: sast/js-permissive-cors-credentials
    origin: (origin, callback) => callback(null, !origin || ALLOWED.includes(origin)),
    credentials: true,
  }),
);

app.use((req, res, next) => {
  const origin = ALLOWED.includes(req.headers.origin) ? req.headers.origin : ALLOWED[0];
  // ok: sast/js-permissive-cors-credentials
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  // ok: sast/js-permissive-cors-credentials
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});
