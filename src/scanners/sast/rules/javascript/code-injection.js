// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const vm = require('vm');

const app = express();
app.use(express.json());

app.post('/calc', (req, res) => {
  const expr = req.body.expression;
  // ruleid: sast/js-code-injection
  const result = eval(expr);
  res.json({ result });
});

app.get('/filter', (req, res) => {
  const body = 'return item.' + req.query.field + ' > 10';
  // ruleid: sast/js-code-injection
  const predicate = new Function('item', body);
  res.json(items.filter(predicate));
});

app.post('/sandbox', (req, res) => {
  const { script } = req.body;
  const context = { answer: 0 };
  // ruleid: sast/js-code-injection
  vm.runInNewContext(script, context);
  res.json(context);
});

app.get('/later', (req, res) => {
  // ruleid: sast/js-code-injection
  setTimeout('notify("' + req.query.user + '")', 1000);
  res.end();
});

function compute(formula) {
  // ruleid: sast/js-code-injection
  return eval(`(${formula})`);
}

app.get('/formula', (req, res) => res.json(compute(req.query.f)));

app.get('/version', (req, res) => {
  // ok: sast/js-code-injection
  res.json(eval('1 + 2'));
});

app.post('/parse', (req, res) => {
  // ok: sast/js-code-injection
  const data = JSON.parse(req.body.payload);
  res.json(data);
});

app.get('/double', (req, res) => {
  const n = Number(req.query.n);
  // ok: sast/js-code-injection
  res.json(eval('2 * ' + n));
});

app.get('/remind', (req, res) => {
  // ok: sast/js-code-injection
  setTimeout(() => notify(req.query.user), 1000);
  res.end();
});

app.get('/ops', (req, res) => {
  const ops = { double: 'x * 2', square: 'x * x' };
  const chosen = req.query.op === 'square' ? ops.square : ops.double;
  // ok: sast/js-code-injection
  const fn = new Function('x', 'return ' + chosen);
  res.json(fn(Number(req.query.x)));
});

app.get('/users/older', async (req, res) => {
  // ruleid: sast/js-code-injection
  const users = await db.collection('users').find({ $where: `this.age > ${req.query.age}` }).toArray();
  res.json(users);
});

app.get('/users/named', async (req, res) => {
  // ruleid: sast/js-code-injection
  res.json(await User.find().$where('this.name === "' + req.query.name + '"'));
});

app.get('/v2/users/older', async (req, res) => {
  // ok: sast/js-code-injection
  const users = await db.collection('users').find({ age: { $gt: Number(req.query.age) } }).toArray();
  res.json(users);
});

app.get('/v3/users/older', async (req, res) => {
  // ok: sast/js-code-injection
  const users = await db.collection('users').find({ $where: 'this.age > this.minAge' }).toArray();
  res.json(users);
});
