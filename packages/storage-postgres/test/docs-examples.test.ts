/**
 * The TypeScript examples — docs/postgres.md's usage example and the `@example` of `createPostgresRepository` —
 * run as written (against a fresh schema instead of `freehold`), with their `// …` output comments checked.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, expect, it, vi } from 'vitest';
import { describeWithServer, HOW_TO_RUN, testSchemas, testServer } from './support/postgres-server.js';

const DOCS = new URL('../../../docs/postgres.md', import.meta.url);
const SOURCE = new URL('../src/postgres-repository.ts', import.meta.url);
const GENERATED = new URL('./.generated/', import.meta.url);

/** The first ```ts block of docs/postgres.md. */
function docsExample(): string {
  const block = /```ts\n([\s\S]*?)```/.exec(readFileSync(DOCS, 'utf8'))?.[1];
  if (!block) throw new Error('docs/postgres.md has no ts example');
  return block;
}

/** The `@example` of `createPostgresRepository`, without the comment's leading ` * `. */
function tsdocExample(): string {
  const block = /@example\n \* ```ts\n([\s\S]*?) \* ```/.exec(readFileSync(SOURCE, 'utf8'))?.[1];
  if (!block) throw new Error('createPostgresRepository has no @example');
  return block.replace(/^ \*( |$)/gm, '');
}

describeWithServer('docs/postgres.md', () => {
  const schemas = testSchemas();
  afterAll(() => {
    rmSync(GENERATED, { recursive: true, force: true });
  });

  it.each([
    ['docs/postgres.md', docsExample],
    ['createPostgresRepository @example', tsdocExample],
  ])('runs the example of %s and prints what it says', async (_where, exampleOf) => {
    const server = await testServer();
    if (!server) throw new Error(HOW_TO_RUN);
    const schema = schemas.create('docs');
    const example = exampleOf();
    expect(example).toContain("schema: 'freehold'");
    const expected = /console\.log\(.*\); \/\/ (.*)$/m.exec(example)?.[1];
    expect(expected).toBeDefined();
    mkdirSync(GENERATED, { recursive: true });
    const file = new URL(`example-${schema}.ts`, GENERATED);
    writeFileSync(file, example.replace("schema: 'freehold'", `schema: '${schema}'`));
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = server.url;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(/* @vite-ignore */ file.href);
      expect(log.mock.calls.map((call) => call.join(' '))).toEqual([expected]);
    } finally {
      log.mockRestore();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });
});
