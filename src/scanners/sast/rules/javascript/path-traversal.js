// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const fs = require('node:fs');
const path = require('node:path');

const app = express();
const UPLOADS = path.join(__dirname, 'uploads');

app.get('/files/:name', (req, res) => {
  const file = path.join(UPLOADS, req.params.name);
  // ruleid: sast/js-path-traversal
  fs.readFile(file, 'utf8', (err, text) => res.send(text));
});

app.get('/download', (req, res) => {
  // ruleid: sast/js-path-traversal
  res.download(UPLOADS + '/' + req.query.file);
});

app.get('/avatar', (req, res) => {
  // ruleid: sast/js-path-traversal
  res.sendFile(path.resolve('avatars', req.query.user + '.png'));
});

app.delete('/files/:name', async (req, res) => {
  // ruleid: sast/js-path-traversal
  await fs.promises.unlink(`${UPLOADS}/${req.params.name}`);
  res.sendStatus(204);
});

app.get('/v2/files/:name', (req, res) => {
  const file = path.join(UPLOADS, path.basename(req.params.name));
  // ok: sast/js-path-traversal
  fs.createReadStream(file).pipe(res);
});

app.get('/v2/download', (req, res) => {
  // ok: sast/js-path-traversal
  res.sendFile(req.query.file, { root: UPLOADS });
});

app.get('/v3/files', (req, res) => {
  const target = path.resolve(UPLOADS, req.query.path);
  if (!target.startsWith(UPLOADS + path.sep)) {
    return res.status(400).send('bad path');
  }
  // ok: sast/js-path-traversal
  fs.readFile(target, (err, data) => res.send(data));
});

app.get('/logo', (req, res) => {
  // ok: sast/js-path-traversal
  res.sendFile(path.join(__dirname, 'static', 'logo.png'));
});

app.get('/report/:year', (req, res) => {
  const year = parseInt(req.params.year, 10);
  // ok: sast/js-path-traversal
  fs.readFile(path.join(UPLOADS, `report-${year}.pdf`), (err, data) => res.send(data));
});

const EXTENSIONS = ['png', 'jpg', 'gif'];
app.get('/thumb/:id', (req, res) => {
  const ext = EXTENSIONS.includes(req.query.ext) ? req.query.ext : 'png';
  // ok: sast/js-path-traversal
  fs.createReadStream(path.join(UPLOADS, `thumb-${Number(req.params.id)}.${ext}`)).pipe(res);
});
