// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const crypto = require('node:crypto');
const CryptoJS = require('crypto-js');

function encryptLegacy(text, password) {
  // ruleid: sast/js-weak-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decryptLegacy(hex, password) {
  // ruleid: sast/js-weak-cipher
  const decipher = crypto.createDecipher('aes-256-cbc', password);
  return decipher.update(hex, 'hex', 'utf8') + decipher.final('utf8');
}

function encryptCard(number, key) {
  // ruleid: sast/js-weak-cipher
  const cipher = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return cipher.update(number, 'utf8', 'base64') + cipher.final('base64');
}

function encryptBlock(block, key) {
  // ruleid: sast/js-weak-cipher
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function obfuscate(text, secret) {
  // ruleid: sast/js-weak-cipher
  return CryptoJS.RC4.encrypt(text, secret).toString();
}

function encrypt(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: sast/js-weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

function encryptCbc(text, key) {
  const iv = crypto.randomBytes(16);
  // ok: sast/js-weak-cipher
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encryptModern(text, secret) {
  // ok: sast/js-weak-cipher
  return CryptoJS.AES.encrypt(text, secret).toString();
}

function chacha(text, key, nonce) {
  // ok: sast/js-weak-cipher
  return crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
}
