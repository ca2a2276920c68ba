// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const jwt = require('jsonwebtoken');

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY;
const SECRET = process.env.JWT_SECRET;

function authenticate(req, res, next) {
  const token = req.headers.authorization?.replace('Bearer ', '');
  try {
    // ruleid: sast/js-jwt-insecure-verify
    req.user = jwt.verify(token, PUBLIC_KEY);
    next();
  } catch {
    res.sendStatus(401);
  }
}

function verifyLoose(token) {
  // ruleid: sast/js-jwt-insecure-verify
  return jwt.verify(token, SECRET, { algorithms: ['HS256', 'none'] });
}

function verifyNoAlgorithms(token) {
  // ruleid: sast/js-jwt-insecure-verify
  return jwt.verify(token, PUBLIC_KEY, { issuer: 'https://auth.example.com' });
}

function verifyCallback(token, done) {
  // ruleid: sast/js-jwt-insecure-verify
  jwt.verify(token, SECRET, (err, claims) => done(err, claims));
}

function decodeOnly(req, res, next) {
  const token = req.cookies.session;
  // ruleid: sast/js-jwt-insecure-verify
  const user = jwt.decode(token);
  req.user = user;
  next();
}

function strict(req, res, next) {
  const token = req.headers.authorization?.slice(7);
  // ok: sast/js-jwt-insecure-verify
  req.user = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], audience: 'api' });
  next();
}

function strictCallback(token, done) {
  // ok: sast/js-jwt-insecure-verify
  jwt.verify(token, SECRET, { algorithms: ['HS256'] }, (err, claims) => done(err, claims));
}

function tokenExpiry(token) {
  // ok: sast/js-jwt-insecure-verify
  const { exp } = jwt.decode(token);
  return exp * 1000 - Date.now();
}

function refreshMiddleware(req, res, next) {
  const token = req.cookies.session;
  // ok: sast/js-jwt-insecure-verify
  const claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['ES256'] });
  // ok: sast/js-jwt-insecure-verify
  const decoded = jwt.decode(token, { complete: true });
  req.user = { id: claims.sub, kid: decoded.header.kid };
  next();
}

// ok: sast/js-jwt-insecure-verify
const signed = jwt.sign({ sub: '42' }, SECRET, { algorithm: 'HS256' });
