#!/usr/bin/env node
import { main } from './program.js';

// `gatehouse rules list | head`: the reader left; that is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv);
