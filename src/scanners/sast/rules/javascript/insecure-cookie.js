// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const session = require('express-session');

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    // ruleid: sast/js-insecure-cookie
    cookie: { secure: false, maxAge: 86_400_000 },
  }),
);

app.post('/login', async (req, res) => {
  const token = await login(req.body);
  // ruleid: sast/js-insecure-cookie
  res.cookie('session', token);
  // ruleid: sast/js-insecure-cookie
  res.cookie('refresh_token', token.refresh, { httpOnly: true, maxAge: 604_800_000 });
  res.json({ ok: true });
});

app.post('/remember', (req, res) => {
  // ruleid: sast/js-insecure-cookie
  res.cookie('auth', req.user.token, { secure: true, httpOnly: false });
  res.end();
});

app.post('/v2/login', async (req, res) => {
  const token = await login(req.body);
  // ok: sast/js-insecure-cookie
  res.cookie('session', token, { httpOnly: true, secure: true, sameSite: 'lax' });
  res.json({ ok: true });
});

app.get('/prefs', (req, res) => {
  // ok: sast/js-insecure-cookie
  res.cookie('theme', req.query.theme || 'light', { maxAge: 31_536_000_000 });
  res.end();
});

const cookieOptions = { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'strict' };
app.post('/v3/login', async (req, res) => {
  // ok: sast/js-insecure-cookie
  res.cookie('sid', await login(req.body), cookieOptions);
  res.end();
});

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    // ok: sast/js-insecure-cookie
    cookie: { secure: process.env.NODE_ENV === 'production', httpOnly: true },
  }),
);

app.get('/logout', (req, res) => {
  // ok: sast/js-insecure-cookie
  res.clearCookie('session');
  res.redirect('/');
});
