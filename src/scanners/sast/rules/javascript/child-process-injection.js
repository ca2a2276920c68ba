// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const { exec, execFile, execSync } = require('child_process');
const cp = require('node:child_process');
const { spawn, spawnSync } = require('child_process');

import * as childProcess from 'child_process';

const app = express();

app.get('/ping', (req, res) => {
  const host = req.query.host;
  // ruleid: sast/js-child-process-injection
  exec(`ping -c 1 ${host}`, (err, out) => res.send(out));
});

app.post('/convert', function (req, res) {
  const { file } = req.body;
  const cmd = 'convert ' + file + ' out.png';
  // ruleid: sast/js-child-process-injection
  cp.execSync(cmd);
  res.sendStatus(204);
});

function runTool(name) {
  // ruleid: sast/js-child-process-injection
  return execSync('tool --name ' + name).toString();
}

app.get('/tool/:name', (req, res) => {
  res.send(runTool(req.params.name));
});

app.get('/archive', async (req, res) => {
  const parts = ['tar', 'czf', 'out.tgz'];
  parts.push(req.get('X-Archive-Path'));
  // ruleid: sast/js-child-process-injection
  require('child_process').exec(parts.join(' '));
  res.end();
});

app.get('/uptime', (req, res) => {
  // ok: sast/js-child-process-injection
  exec('uptime', (err, out) => res.send(out));
});

app.get('/files', (req, res) => {
  // ok: sast/js-child-process-injection
  execFile('ls', ['-l', req.query.dir], (err, out) => res.send(out));
});

app.get('/kill', (req, res) => {
  const pid = parseInt(req.query.pid, 10);
  // ok: sast/js-child-process-injection
  exec(`kill -9 ${pid}`);
  res.end();
});

app.get('/status', (req, res) => {
  const flag = req.query.verbose === '1' ? '-v' : '-q';
  // ok: sast/js-child-process-injection
  exec(`git status ${flag}`, (err, out) => res.send(out));
});

app.get('/match', (req, res) => {
  const re = /^[a-z]+$/;
  // ok: sast/js-child-process-injection
  res.json(re.exec(req.query.name));
});

function build(config) {
  const query = config.query;
  // ok: sast/js-child-process-injection
  execSync(`make ${query}`);
}

app.get('/branch', (req, res) => {
  let branch = req.query.branch;
  branch = 'main';
  // ok: sast/js-child-process-injection
  exec(`git checkout ${branch}`);
  res.end();
});

function viaImport(req) {
  // ruleid: sast/js-child-process-injection
  childProcess.exec('echo ' + req.body.msg);
}

app.get('/grep', (req, res) => {
  // ruleid: sast/js-child-process-injection
  const child = spawn('grep -rn ' + req.query.pattern + ' /srv/logs', { shell: true });
  child.stdout.pipe(res);
});

app.get('/lint', (req, res) => {
  // ruleid: sast/js-child-process-injection
  cp.spawnSync('eslint', ['--format', req.query.format], { shell: true, stdio: 'inherit' });
  res.end();
});

app.post('/hook', (req, res) => {
  const script = `deploy.sh ${req.body.ref}`;
  // ruleid: sast/js-child-process-injection
  execFile('/bin/sh', ['-c', script], (err) => res.sendStatus(err ? 500 : 204));
});

app.get('/lint-safe', (req, res) => {
  // ok: sast/js-child-process-injection
  spawnSync('eslint', ['--format', req.query.format], { stdio: 'inherit' });
  res.end();
});

app.get('/tail', (req, res) => {
  // ok: sast/js-child-process-injection
  const child = spawn('tail', ['-n', '100', '/var/log/app.log'], { shell: true });
  child.stdout.pipe(res);
});

app.post('/hook-safe', (req, res) => {
  // ok: sast/js-child-process-injection
  execFile('/bin/sh', ['-c', 'deploy.sh "$1"', 'deploy', req.body.ref], (err) => res.sendStatus(err ? 500 : 204));
});
