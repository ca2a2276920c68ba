import express from 'express';
import pg from 'pg';

// A database URL with its password written in the code.
const pool = new pg.Pool({ connectionString: 'postgres://payments:q8RzT4vLm2Xw9KpN@db.internal:5432/payments' });

// Stripe live secret key, hard-coded "just for now".
const stripe = new Stripe('sk_live_51Hq8ZkL2vXw9RtYp3MnB7cQdF4sJ6gH0aE5uKoNzPiT1xVbC8yDmW2qLrS9fGhJkA7eZ3nUo4tYb');

// Fine: read from the environment at run time.
const slackToken = process.env.SLACK_BOT_TOKEN;

const app = express();
app.get('/health', (_req, res) => res.send('ok'));
app.listen(8080);
