import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { CONFIG_FILE, parseConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import { INIT_TEMPLATE } from './init-template.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(`Write a commented ${CONFIG_FILE} with the default policy`)
    .argument('[dir]', 'where to write it', '.')
    .option('--force', 'overwrite an existing file')
    .action((dir: string, flags: { force?: boolean }) => {
      const path = join(resolve(dir), CONFIG_FILE);
      if (existsSync(path) && !flags.force) {
        throw new UserError(`${path} already exists`, 'use --force to overwrite it');
      }
      parseConfig(parse(INIT_TEMPLATE), 'built-in template');
      writeFileSync(path, INIT_TEMPLATE);
      process.stdout.write(`wrote ${path}\n`);
    });
}
