// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const crypto = require('node:crypto');
const { createHash } = require('node:crypto');
const md5 = require('md5');
const bcrypt = require('bcrypt');

async function register(db, email, password) {
  // ruleid: sast/js-weak-password-hash
  const hash = crypto.createHash('md5').update(password).digest('hex');
  await db.insert({ email, hash });
}

function checkLogin(user, body) {
  // ruleid: sast/js-weak-password-hash
  const digest = createHash('sha1').update(body.password + user.salt).digest('base64');
  return digest === user.passwordHash;
}

function legacyHash(pwd) {
  // ruleid: sast/js-weak-password-hash
  return md5(pwd);
}

function storeNewPassword(user, newPassword) {
  // ruleid: sast/js-weak-password-hash
  user.hash = crypto.createHash('sha256').update(newPassword).digest('hex');
}

function fileChecksum(buffer) {
  // ok: sast/js-weak-password-hash
  return crypto.createHash('md5').update(buffer).digest('hex');
}

function etag(body) {
  // ok: sast/js-weak-password-hash
  return createHash('sha1').update(JSON.stringify(body)).digest('base64');
}

async function secureRegister(password) {
  // ok: sast/js-weak-password-hash
  return bcrypt.hash(password, 12);
}

function gravatar(email) {
  // ok: sast/js-weak-password-hash
  return md5(email.trim().toLowerCase());
}

function resetTokenDigest(token) {
  // ok: sast/js-weak-password-hash
  return crypto.createHash('sha256').update(token).digest('hex');
}
