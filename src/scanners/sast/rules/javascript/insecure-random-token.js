// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const crypto = require('node:crypto');

// ruleid: sast/js-insecure-random-token
const resetToken = Math.random().toString(36).slice(2);

function createSession(user) {
  // ruleid: sast/js-insecure-random-token
  const sessionId = Math.floor(Math.random() * 1e16).toString(16);
  return { user, sessionId };
}

function generateApiKey() {
  // ruleid: sast/js-insecure-random-token
  return 'key_' + Math.random().toString(36).substring(2, 15);
}

class Invitations {
  makeInviteCode(email) {
    // ruleid: sast/js-insecure-random-token
    return `${email.length}-${Math.random().toString(36).slice(2, 8)}`;
  }
}

const user = {};
// ruleid: sast/js-insecure-random-token
user.passwordResetCode = String(Math.random()).slice(2, 8);

const payload = {
  // ruleid: sast/js-insecure-random-token
  csrfToken: Math.random().toString(16),
};

// ok: sast/js-insecure-random-token
const delay = Math.random() * 1000;

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    // ok: sast/js-insecure-random-token
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function pickColor() {
  // ok: sast/js-insecure-random-token
  return COLORS[Math.floor(Math.random() * COLORS.length)];
}

// ok: sast/js-insecure-random-token
const safeToken = crypto.randomBytes(32).toString('hex');

function retryWithBackoff(attempt) {
  // ok: sast/js-insecure-random-token
  const jitter = Math.random() * 100;
  return 2 ** attempt * 100 + jitter;
}
