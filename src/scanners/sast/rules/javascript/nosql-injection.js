// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');
const mongoSanitize = require('mongo-sanitize');
const User = require('./models/user');

const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');

app.post('/login', async (req, res) => {
  // ruleid: sast/js-nosql-injection
  const user = await User.findOne(req.body);
  res.json({ ok: Boolean(user) });
});

app.get('/products', async (req, res) => {
  const filter = req.query;
  // ruleid: sast/js-nosql-injection
  const items = await client.db('shop').collection('products').find(filter).toArray();
  res.json(items);
});

app.post('/users/deactivate', async (req, res) => {
  const { where } = req.body;
  // ruleid: sast/js-nosql-injection
  await users.updateMany(where, { $set: { active: false } });
  res.sendStatus(204);
});

app.delete('/sessions', async (req, res) => {
  // ruleid: sast/js-nosql-injection
  await users.deleteMany(req.query, { comment: 'logout' });
  res.sendStatus(204);
});

app.post('/v2/login', async (req, res) => {
  // ok: sast/js-nosql-injection
  const user = await User.findOne({ email: String(req.body.email) });
  res.json({ ok: Boolean(user) });
});

app.get('/v2/products', async (req, res) => {
  const filter = mongoSanitize(req.query);
  // ok: sast/js-nosql-injection
  const items = await client.db('shop').collection('products').find(filter).toArray();
  res.json(items);
});

app.get('/users/:id', async (req, res) => {
  // ok: sast/js-nosql-injection
  const user = await users.findOne({ _id: new ObjectId(req.params.id) });
  res.json(user);
});

app.get('/tags', (req, res) => {
  const tags = ['a', 'b'];
  // ok: sast/js-nosql-injection
  res.json(tags.find((t) => t === req.query.tag));
});

app.get('/me', async (req, res) => {
  const filter = { owner: req.user.id, archived: false };
  // ok: sast/js-nosql-injection
  res.json(await users.find(filter).toArray());
});
