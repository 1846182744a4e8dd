import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../commands/atomic-write.js';
import { displayPath, paths } from '../project.js';

export function registerSchemas(program: Command): void {
  program
    .command('schemas')
    .description('write the JSON Schemas editors use (schemas/<kind>.json) from the zod schemas')
    .action(async () => {
      const { jsonSchemas } = await import('../schema/json-schema.js');
      for (const [name, text] of jsonSchemas()) {
        const file = path.join(paths.schemas, name);
        await writeFileAtomic(file, text);
        process.stdout.write(`wrote ${displayPath(file)}\n`);
      }
    });
}
