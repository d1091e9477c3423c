/**
 * Child process of the kill test: imports `rows` transactions for a fresh property into the SQLite file, in ONE
 * unit of work (insertMany chunks of `rows / 10`), printing `chunk <n>` after each chunk and `committed` at the
 * end. The parent SIGKILLs it somewhere in between.
 *
 * Plain JavaScript importing the packages by name: run with `node` it uses the built `dist`; run with
 * `node --conditions=source --import tsx` it uses the TypeScript sources.
 *
 * Usage: node kill-child.mjs <file> <run> <rows>
 */
import { ENTITY_SCHEMAS } from '@freehold/engine';
import { createSqliteRepository } from '@freehold/storage-sqlite';

const [file, runText, rowsText] = process.argv.slice(2);
if (!file || !runText || !rowsText) throw new Error('usage: kill-child.mjs <file> <run> <rows>');
const run = Number(runText);
const rows = Number(rowsText);
const meta = { version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
const portfolioId = '00000000-0000-7000-8000-000000000001';

/** A record of `type`: the create input parsed, plus the record fields. */
function record(type, input, extra) {
  const schemas = ENTITY_SCHEMAS[type];
  return schemas.record.parse({ ...schemas.create.parse(input), ...meta, ...extra });
}

const portfolio = record('portfolio', { name: 'Kill test' }, { id: portfolioId, archivedAt: null });
const property = record(
  'property',
  {
    portfolioId,
    name: `Run ${run}`,
    address: { line1: `${run} Kill Street`, city: 'Springfield', region: 'IL', postalCode: '62701' },
    propertyType: 'single_family',
    purchaseDate: '2020-01-01',
    purchasePrice: '100000',
  },
  { id: `00000000-0000-7000-8000-${String(run).padStart(12, '0')}a`, archivedAt: null },
);
const template = record(
  'transaction',
  {
    portfolioId,
    propertyId: property.id,
    date: '2024-01-15',
    amount: '12.34',
    category: 'rent',
    kind: 'income',
    source: 'import',
  },
  { id: '00000000-0000-7000-8000-000000000000' },
);
const chunk = Math.ceil(rows / 10);

const repo = await createSqliteRepository({ filename: file });
process.stdout.write('open\n');
await repo.transaction(async (tx) => {
  if (!(await tx.get('portfolio', portfolioId))) await tx.insert('portfolio', portfolio);
  await tx.insert('property', property);
  for (let start = 0, n = 0; start < rows; start += chunk, n++) {
    const batch = Array.from({ length: Math.min(chunk, rows - start) }, (_, i) => ({
      ...template,
      id: `${String(run).padStart(8, '0')}-0000-7000-8000-${String(start + i).padStart(12, '0')}`,
      date: `2024-${String(((start + i) % 12) + 1).padStart(2, '0')}-15`,
      externalId: `run-${run}-${start + i}`,
    }));
    await tx.insertMany('transaction', batch);
    process.stdout.write(`chunk ${n}\n`);
  }
});
process.stdout.write('committed\n');
await repo.close();
