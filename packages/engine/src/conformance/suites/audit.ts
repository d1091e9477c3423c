/**
 * The append-only audit log: order, filters, paging, redaction.
 * @module
 */
import { expect } from 'vitest';
import type { AuditEntry } from '../../domain/entities/index.js';
import type { AuditQuery } from '../../ports/repository.js';
import { compareStrings, expectUniqueConflict, walkPages } from '../expectations.js';
import type { ConformanceRegistrar, ConformanceTestContext } from '../harness.js';

/** Audit entries in `listAudit` order: `at`, then `id`. */
export function sortAudit(entries: readonly AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id));
}

async function append(ctx: ConformanceTestContext, entries: readonly AuditEntry[]): Promise<void> {
  await ctx.repo.transaction(async (tx) => {
    for (const entry of entries) await tx.appendAudit(entry);
  });
}

async function listAllAudit(ctx: ConformanceTestContext, query: AuditQuery = {}): Promise<AuditEntry[]> {
  const pages = await walkPages((cursor) => ctx.repo.listAudit({ ...query, limit: 1000, cursor }));
  return pages.flatMap((page) => page.items);
}

function auditWorld(ctx: ConformanceTestContext) {
  const { f } = ctx;
  const [p1, p2] = [f.id(), f.id()];
  const [alice, bob] = [f.id(), f.id()];
  const propertyId = f.id();
  const at = (n: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString();
  const entries = [
    f.auditEntry({
      portfolioId: p1,
      actorId: alice,
      entityType: 'property',
      entityId: propertyId,
      at: at(5),
    }),
    f.auditEntry({ portfolioId: p1, actorId: bob, entityType: 'property', entityId: propertyId, at: at(1) }),
    f.auditEntry({
      portfolioId: p1,
      actorId: alice,
      entityType: 'transaction',
      action: 'import',
      entityId: null,
      at: at(3),
    }),
    f.auditEntry({ portfolioId: p2, actorId: bob, entityType: 'lease', at: at(3) }),
    f.auditEntry({ portfolioId: null, actorId: alice, entityType: 'user', entityId: alice, at: at(2) }),
    f.auditEntry({ portfolioId: null, actorId: bob, entityType: 'user', entityId: bob, at: at(3) }),
    f.auditEntry({
      portfolioId: p2,
      actorId: alice,
      entityType: 'property',
      entityId: propertyId,
      at: at(4),
    }),
    f.auditEntry({ portfolioId: p1, actorId: bob, entityType: 'transaction', action: 'delete', at: at(1) }),
  ];
  return { p1, p2, alice, bob, propertyId, entries };
}

/** Registers the `audit.*` tests. */
export function auditTests(t: ConformanceRegistrar): void {
  t.test('audit.append-list-order', async (ctx) => {
    const { entries } = auditWorld(ctx);
    await append(ctx, entries);
    const page = await ctx.repo.listAudit();
    expect(page.items).toEqual(sortAudit(entries));
    expect(page.nextCursor).toBeNull();
    for (const entry of entries) expect(await ctx.stored('auditEntry', entry.id)).not.toBeNull();
  });

  t.test('audit.append-many', async (ctx) => {
    const { f } = ctx;
    const entries = Array.from({ length: 60 }, (_, i) =>
      f.auditEntry({ at: new Date(Date.UTC(2024, 5, 1, 12, 0, i % 7)).toISOString(), details: { row: i } }),
    );
    await ctx.repo.transaction(async (tx) => {
      await tx.appendAuditMany(entries.slice(0, 40));
      await tx.appendAuditMany([]);
      await tx.appendAuditMany(entries.slice(40));
    });
    expect(await listAllAudit(ctx)).toEqual(sortAudit(entries));
  });

  t.test('audit.filters', async (ctx) => {
    const { p1, p2, alice, bob, propertyId, entries } = auditWorld(ctx);
    await append(ctx, entries);
    const expectFiltered = async (query: AuditQuery, keep: (entry: AuditEntry) => boolean) => {
      expect(await listAllAudit(ctx, query), JSON.stringify(query)).toEqual(sortAudit(entries.filter(keep)));
    };
    await expectFiltered({ portfolioId: p1 }, (e) => e.portfolioId === p1);
    await expectFiltered({ portfolioId: p2 }, (e) => e.portfolioId === p2);
    await expectFiltered({ portfolioId: null }, (e) => e.portfolioId === null);
    await expectFiltered({ entityType: 'property' }, (e) => e.entityType === 'property');
    await expectFiltered({ entityId: propertyId }, (e) => e.entityId === propertyId);
    await expectFiltered({ actorId: alice }, (e) => e.actorId === alice);
    await expectFiltered(
      { portfolioId: p1, actorId: bob, entityType: 'transaction' },
      (e) => e.portfolioId === p1 && e.actorId === bob && e.entityType === 'transaction',
    );
    await expectFiltered(
      { portfolioId: null, actorId: bob },
      (e) => e.portfolioId === null && e.actorId === bob,
    );
    await expectFiltered({ actorId: ctx.f.id() }, () => false);
  });

  t.test('audit.paging', async (ctx) => {
    const { f } = ctx;
    const portfolioId = f.id();
    const entries = Array.from({ length: 17 }, (_, i) =>
      f.auditEntry({
        portfolioId: i % 3 === 0 ? null : portfolioId,
        at: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 5)).toISOString(),
      }),
    );
    await append(ctx, entries);
    const sorted = sortAudit(entries);
    for (let limit = 1; limit <= 7; limit++) {
      const pages = await walkPages((cursor) => ctx.repo.listAudit({ limit, cursor }));
      expect(
        pages.flatMap((page) => page.items),
        `limit ${limit}`,
      ).toEqual(sorted);
      expect(pages.every((page) => page.items.length <= limit)).toBe(true);
      expect(pages.at(-1)?.items.length, `limit ${limit}: the last page is not empty`).toBeGreaterThan(0);
      const filtered = await walkPages((cursor) => ctx.repo.listAudit({ portfolioId, limit, cursor }));
      expect(filtered.flatMap((page) => page.items)).toEqual(
        sorted.filter((e) => e.portfolioId === portfolioId),
      );
    }
    // Entries appended while paging (later instants) neither disturb nor repeat what was seen.
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const page = await ctx.repo.listAudit({ limit: 4, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
      await append(ctx, [f.auditEntry({ at: new Date(Date.UTC(2024, 0, 2, 0, 0, n++)).toISOString() })]);
    } while (cursor !== null && n < 100);
    const ids = seen.map((entry) => entry.id);
    expect(new Set(ids).size, 'no entry visited twice').toBe(ids.length);
    for (const entry of entries) expect(ids).toContain(entry.id);
    expect(seen).toEqual(sortAudit(seen));
  });

  t.test('audit.redact', async (ctx) => {
    const { f } = ctx;
    const person = { name: 'Pat Tenant', email: 'pat@example.com' };
    const entries = [
      f.auditEntry({
        entityType: 'contact',
        before: null,
        after: { ...person, kind: 'tenant' },
        details: { via: 'ui' },
      }),
      f.auditEntry({
        entityType: 'contact',
        action: 'update',
        before: person,
        after: { ...person, phone: '555' },
      }),
      f.auditEntry({ entityType: 'property', after: { name: 'Unrelated' } }),
    ];
    const [created, updated, unrelated] = entries;
    if (!created || !updated || !unrelated) throw new Error('fixtures');
    await append(ctx, entries);
    const redacted = { name: '[erased]', email: null };
    await ctx.repo.transaction((tx) =>
      tx.redactAudit([
        { id: created.id, before: null, after: { ...redacted, kind: 'tenant' }, details: null },
        { id: updated.id, before: redacted, after: { ...redacted, phone: null }, details: { erased: true } },
      ]),
    );
    const expected = sortAudit([
      { ...created, before: null, after: { ...redacted, kind: 'tenant' }, details: null },
      { ...updated, before: redacted, after: { ...redacted, phone: null }, details: { erased: true } },
      unrelated,
    ]);
    expect(await listAllAudit(ctx)).toEqual(expected);
    const raw = JSON.stringify(await ctx.stored('auditEntry', updated.id), (_, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
    expect(raw.includes('pat@example.com'), 'storage no longer holds the erased e-mail').toBe(false);
  });

  t.test('audit.duplicate-id', async (ctx) => {
    const { f } = ctx;
    const entry = f.auditEntry();
    await append(ctx, [entry]);
    await expectUniqueConflict(
      ctx,
      ctx.repo.transaction((tx) => tx.appendAudit(f.auditEntry({ id: entry.id, action: 'delete' }))),
      'appendAudit with an existing id',
    );
    const fresh = f.auditEntry();
    await expectUniqueConflict(
      ctx,
      ctx.repo.transaction((tx) => tx.appendAuditMany([fresh, f.auditEntry({ id: fresh.id })])),
      'appendAuditMany repeating an id',
    );
    expect(await listAllAudit(ctx)).toEqual([entry]);
  });
}
