/**
 * Optimistic versioning: stale versions conflict, missing records are not found, versions advance by one.
 * @module
 */
import { expect } from 'vitest';
import { expectRejection, outcomeOf, put, seed } from '../expectations.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

async function propertyWorld(ctx: ConformanceTestContext) {
  const portfolio = ctx.f.portfolio();
  const property = ctx.f.property(portfolio);
  await seed(ctx.repo, put('portfolio', portfolio), put('property', property));
  return { portfolio, property };
}

/** Registers the `version.*` tests. */
export function versionTests(t: ConformanceRegistrar): void {
  t.test('version.update-advances', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    const v2 = f.next('property', property, { name: 'Second' });
    await repo.transaction((tx) => tx.update('property', v2, 1));
    expect(await repo.get('property', property.id)).toEqual(v2);
    const v3 = f.next('property', v2, { name: 'Third' });
    await repo.transaction((tx) => tx.update('property', v3, 2));
    const v4 = f.next('property', v3, { name: 'Fourth' });
    await repo.transaction((tx) => tx.update('property', v4, 3));
    const got = await repo.get('property', property.id);
    expect(got).toEqual(v4);
    expect(got?.version).toBe(4);
    await repo.transaction((tx) => tx.delete('property', property.id, 4));
    expect(await repo.get('property', property.id)).toBeNull();
  });

  t.test('version.stale-update', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    const v2 = f.next('property', property, { name: 'Second' });
    await repo.transaction((tx) => tx.update('property', v2, 1));
    // A writer that read version 1 and writes its own version 2.
    const competing = f.next('property', property, { name: 'Lost update' });
    await expectRejection(
      repo.transaction((tx) => tx.update('property', competing, 1)),
      'CONFLICT',
      'update naming version 1 of a record at version 2',
    );
    // A version from the future is stale too.
    const future = { ...f.next('property', v2, { name: 'Future' }), version: 6 };
    await expectRejection(
      repo.transaction((tx) => tx.update('property', future, 5)),
      'CONFLICT',
      'update naming version 5 of a record at version 2',
    );
    expect(await repo.get('property', property.id)).toEqual(v2);
  });

  t.test('version.stale-delete', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    const v2 = f.next('property', property, { name: 'Second' });
    await repo.transaction((tx) => tx.update('property', v2, 1));
    await expectRejection(
      repo.transaction((tx) => tx.delete('property', property.id, 1)),
      'CONFLICT',
      'delete naming version 1 of a record at version 2',
    );
    await expectRejection(
      repo.transaction((tx) => tx.delete('property', property.id, 3)),
      'CONFLICT',
      'delete naming version 3 of a record at version 2',
    );
    expect(await repo.get('property', property.id)).toEqual(v2);
    expect(await ctx.stored('property', property.id)).not.toBeNull();
  });

  t.test('version.update-missing', async (ctx) => {
    const { f, repo } = ctx;
    const { portfolio, property } = await propertyWorld(ctx);
    const never = f.next('property', f.property(portfolio), { name: 'Never stored' });
    await expectRejection(
      repo.transaction((tx) => tx.update('property', never, 1)),
      'NOT_FOUND',
      'update of a record that was never stored',
    );
    expect(await repo.get('property', never.id)).toBeNull();
    await repo.transaction((tx) => tx.delete('property', property.id, 1));
    await expectRejection(
      repo.transaction((tx) => tx.update('property', f.next('property', property), 1)),
      'NOT_FOUND',
      'update of a deleted record',
    );
    expect(await repo.get('property', property.id)).toBeNull();
  });

  t.test('version.delete-missing', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    await expectRejection(
      repo.transaction((tx) => tx.delete('property', f.id(), 1)),
      'NOT_FOUND',
      'delete of a record that was never stored',
    );
    await repo.transaction((tx) => tx.delete('property', property.id, 1));
    await expectRejection(
      repo.transaction((tx) => tx.delete('property', property.id, 1)),
      'NOT_FOUND',
      'delete of a deleted record',
    );
  });

  t.test('version.must-advance-by-one', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    const skipping = { ...f.next('property', property, { name: 'Skips a version' }), version: 3 };
    const standing = { ...f.next('property', property, { name: 'Keeps its version' }), version: 1 };
    await expectRejection(
      repo.transaction((tx) => tx.update('property', skipping, 1)),
      'VALIDATION',
      'record.version = expectedVersion + 2',
    );
    await expectRejection(
      repo.transaction((tx) => tx.update('property', standing, 1)),
      'VALIDATION',
      'record.version = expectedVersion',
    );
    expect(await repo.get('property', property.id)).toEqual(property);
  });

  t.test('version.concurrent-update', async (ctx) => {
    const { f, repo } = ctx;
    const { property } = await propertyWorld(ctx);
    const mine = f.next('property', property, { name: 'Mine' });
    const theirs = f.next('property', property, { name: 'Theirs' });
    const outcomes = await Promise.all([
      outcomeOf(repo.transaction((tx) => tx.update('property', mine, 1))),
      outcomeOf(
        repo.transaction(async (tx) => {
          const read = await tx.get('property', property.id);
          expect(read).not.toBeNull();
          await tx.update('property', theirs, 1);
        }),
      ),
    ]);
    const winners = outcomes.filter((outcome) => outcome.ok);
    const losers = outcomes.filter((outcome) => !outcome.ok);
    expect(winners, 'exactly one of two concurrent updates of version 1 succeeds').toHaveLength(1);
    expect(losers.map((outcome) => (outcome.ok ? undefined : outcome.code))).toEqual(['CONFLICT']);
    const stored = await repo.get('property', property.id);
    expect(stored).toEqual(outcomes[0]?.ok ? mine : theirs);
  });
}
