import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ADDRESS, counts, rejectsWith, world } from '../../test/services-kit.js';
import type { DocumentRecord, Lease, Unit } from '../domain/entities/index.js';
import type { ListQuery, Page, RecordOf, RecordType, RepositoryReader } from '../ports/repository.js';
import { findReferrer } from './entity-service.js';
import { WALK_PAGE_SIZE } from './records.js';

type World = Awaited<ReturnType<typeof world>>;

async function tenantsAndLease(w: World) {
  const s = w.sessions.owner;
  const p = w.portfolio.id;
  const unit = await s.units.create({
    portfolioId: p,
    propertyId: w.propertyA.id,
    label: '1',
    marketRent: '900.00',
  });
  const first = await s.contacts.create({ portfolioId: p, kind: 'tenant', name: 'Ann' });
  const second = await s.contacts.create({ portfolioId: p, kind: 'tenant', name: 'Bob' });
  const lease = await s.leases.create({
    portfolioId: p,
    propertyId: w.propertyA.id,
    unitId: unit.id,
    tenantIds: [first.id, second.id],
    startDate: '2024-01-01',
    endDate: null,
    rent: '900.00',
  });
  return { s, p, unit, first, second, lease };
}

function auditCount(w: World): number {
  return counts(w.storage).auditEntry ?? 0;
}

describe('deleting a contact that leases or loans refer to', () => {
  test('a tenant of a lease (any position in tenantIds, archived lease too) is refused; archiving is allowed', async () => {
    const w = await world();
    const { s, first, second, lease } = await tenantsAndLease(w);
    const before = counts(w.storage);
    for (const contact of [first, second]) {
      const error = await rejectsWith(s.contacts.delete(contact.id), 'CONFLICT');
      expect(error.message).toContain(`lease ${lease.id}`);
      expect(error.message).toContain('tenantIds');
      expect(error.message).toMatch(/archive it instead/);
    }
    expect(counts(w.storage)).toEqual(before);

    await s.leases.archive(lease.id);
    await rejectsWith(s.contacts.delete(second.id), 'CONFLICT');

    w.clock.advance(1000);
    const archived = await s.contacts.archive(second.id, { expectedVersion: 1 });
    expect(archived).toMatchObject({ archivedAt: w.clock.now(), version: 2 });
    expect(w.storage.raw('contact', second.id)).toEqual(archived);
  });

  test('the lender of a loan is refused, naming the loan; once no record refers to it, delete works', async () => {
    const w = await world();
    const { s, p, first, second, lease } = await tenantsAndLease(w);
    const lender = await s.contacts.create({ portfolioId: p, kind: 'lender', name: 'Bank' });
    const loan = await s.loans.create({
      portfolioId: p,
      propertyId: w.propertyB.id,
      lenderContactId: lender.id,
      kind: 'fixed',
      originalAmount: '100000.00',
      startDate: '2020-01-01',
      annualRate: 0.05,
      termMonths: 360,
    });
    const error = await rejectsWith(s.contacts.delete(lender.id), 'CONFLICT');
    expect(error.message).toContain(`loan ${loan.id}`);
    expect(error.message).toContain('lenderContactId');

    await s.loans.update(loan.id, { lenderContactId: null }, { expectedVersion: 1 });
    const audit = auditCount(w);
    await s.contacts.delete(lender.id);
    await rejectsWith(s.contacts.get(lender.id), 'NOT_FOUND');
    expect(auditCount(w)).toBe(audit + 1);

    await s.leases.update(lease.id, { tenantIds: [first.id] }, { expectedVersion: 1 });
    await s.contacts.delete(second.id);
    await rejectsWith(s.contacts.delete(first.id), 'CONFLICT');
  });

  test('a scoped manager is refused when a lease or loan of another property refers to the contact, without learning its id', async () => {
    const w = await world();
    const { s, p } = await tenantsAndLease(w);
    const unitB = await s.units.create({
      portfolioId: p,
      propertyId: w.propertyB.id,
      label: 'B1',
      marketRent: '1.00',
    });
    const tenant = await w.sessions.scoped.contacts.create({ portfolioId: p, kind: 'tenant', name: 'Cy' });
    const leaseB = await s.leases.create({
      portfolioId: p,
      propertyId: w.propertyB.id,
      unitId: unitB.id,
      tenantIds: [tenant.id],
      startDate: '2024-01-01',
      endDate: null,
      rent: '1.00',
    });
    const lender = await w.sessions.scoped.contacts.create({ portfolioId: p, kind: 'lender', name: 'Bank' });
    const loanB = await s.loans.create({
      portfolioId: p,
      propertyId: w.propertyB.id,
      lenderContactId: lender.id,
      kind: 'fixed',
      originalAmount: '100000.00',
      startDate: '2020-01-01',
      annualRate: 0.05,
      termMonths: 360,
    });
    const before = counts(w.storage);
    const hidden = [leaseB.id, loanB.id, unitB.id, w.propertyB.id];

    const leaseError = await rejectsWith(w.sessions.scoped.contacts.delete(tenant.id), 'CONFLICT');
    expect(leaseError.message).toContain('a lease on a property outside your scope refers to it');
    expect(leaseError.message).toContain('tenantIds');
    const loanError = await rejectsWith(w.sessions.scoped.contacts.delete(lender.id), 'CONFLICT');
    expect(loanError.message).toContain('a loan on a property outside your scope refers to it');
    for (const message of [leaseError.message, loanError.message]) {
      for (const id of hidden) expect(message).not.toContain(id);
    }
    expect(counts(w.storage)).toEqual(before);

    // Actors who can read the referrer keep the precise message.
    for (const session of [w.sessions.owner, w.sessions.manager]) {
      expect((await rejectsWith(session.contacts.delete(tenant.id), 'CONFLICT')).message).toContain(
        `lease ${leaseB.id}`,
      );
      expect((await rejectsWith(session.contacts.delete(lender.id), 'CONFLICT')).message).toContain(
        `loan ${loanB.id}`,
      );
    }
    expect(counts(w.storage)).toEqual(before);
  });

  test('a scoped manager keeps the precise message when the referrer is in its scope', async () => {
    const w = await world();
    const { first, lease } = await tenantsAndLease(w);
    const error = await rejectsWith(w.sessions.scoped.contacts.delete(first.id), 'CONFLICT');
    expect(error.message).toContain(`lease ${lease.id}`);
    expect(error.message).not.toContain('outside your scope');
  });

  test('the referring lease is found past the first page of the walk', async () => {
    const w = await world();
    const { s, first, lease } = await tenantsAndLease(w);
    const loner = await s.contacts.create({ portfolioId: w.portfolio.id, kind: 'tenant', name: 'Lone' });
    // Leases whose ids sort after the fixture's, the last one naming `loner`.
    const total = 2 * WALK_PAGE_SIZE + 5;
    const ids: string[] = [];
    await w.storage.transaction(async (tx) => {
      for (let index = 0; index < total; index += 1) {
        const id = w.ids.next();
        ids.push(id);
        const tenantIds = index === total - 1 ? [first.id, loner.id] : [first.id];
        await tx.insert('lease', { ...lease, id, tenantIds } satisfies Lease);
      }
    });
    const error = await rejectsWith(s.contacts.delete(loner.id), 'CONFLICT');
    expect(error.message).toContain(`lease ${ids.at(-1)}`);
  });
});

describe('findReferrer walks one bounded page at a time and stops at the first match', () => {
  function countingReader(inner: RepositoryReader) {
    const calls: { limit: number | undefined; size: number }[] = [];
    const reader = {
      ...inner,
      async list<K extends RecordType>(type: K, query?: ListQuery<K>): Promise<Page<RecordOf<K>>> {
        const page = await inner.list(type, query);
        calls.push({ limit: query?.limit, size: page.items.length });
        return page;
      },
    } as RepositoryReader;
    return { reader, calls };
  }

  test('no referrer: every page visited once; a referrer on page 2: the walk ends there', async () => {
    const w = await world();
    const { first, lease } = await tenantsAndLease(w);
    const ids: string[] = [];
    await w.storage.transaction(async (tx) => {
      for (let index = 0; index < 2 * WALK_PAGE_SIZE + 1; index += 1) {
        const id = w.ids.next();
        ids.push(id);
        await tx.insert('lease', { ...lease, id, tenantIds: [first.id] } satisfies Lease);
      }
    });
    const rule = { type: 'lease', field: 'tenantIds', many: true, label: 'leases' } as const;
    const none = countingReader(w.storage);
    const contact = (id: string) => ({ type: 'contact', id }) as const;
    expect(await findReferrer(none.reader, rule, contact('no-such-contact'), w.portfolio.id)).toBeNull();
    expect(none.calls.map((call) => call.limit)).toEqual([WALK_PAGE_SIZE, WALK_PAGE_SIZE, WALK_PAGE_SIZE]);

    const some = countingReader(w.storage);
    expect((await findReferrer(some.reader, rule, contact(first.id), w.portfolio.id))?.id).toBe(lease.id);
    expect(some.calls).toHaveLength(1);

    // A filterable scalar field is a single one-record query.
    const unitRule = { type: 'lease', field: 'unitId', label: 'leases' } as const;
    const filtered = countingReader(w.storage);
    const byUnit = await findReferrer(
      filtered.reader,
      unitRule,
      { type: 'unit', id: lease.unitId },
      w.portfolio.id,
    );
    expect(byUnit?.id).toBe(lease.id);
    expect(filtered.calls).toEqual([{ limit: 1, size: 1 }]);
  });
});

describe('an update that changes nothing is a no-op', () => {
  async function unitWorld() {
    const w = await world();
    const unit = await w.sessions.owner.units.create({
      portfolioId: w.portfolio.id,
      propertyId: w.propertyA.id,
      label: '1',
      marketRent: '1200.00',
      bedrooms: 2,
    });
    return { w, unit };
  }

  test('an empty patch, or equal values (money written differently, nested objects in another key order)', async () => {
    const { w, unit } = await unitWorld();
    const s = w.sessions.owner;
    const before = counts(w.storage);
    w.clock.advance(1000);
    expect(await s.units.update(unit.id, {}, { expectedVersion: 1 })).toEqual(unit);
    expect(
      await s.units.update(
        unit.id,
        { label: '1', marketRent: '1200', bedrooms: 2, sqft: null },
        { expectedVersion: 1 },
      ),
    ).toEqual(unit);
    const reordered = {
      postalCode: ADDRESS.postalCode,
      region: ADDRESS.region,
      city: ADDRESS.city,
      line1: ADDRESS.line1,
    };
    expect(
      await s.properties.update(w.propertyA.id, { address: reordered, name: 'A' }, { expectedVersion: 1 }),
    ).toEqual(w.propertyA);
    expect(counts(w.storage)).toEqual(before);
    expect(w.storage.raw('unit', unit.id)).toEqual(unit);
  });

  test('the checks still apply: stale or missing version, invalid patch, read-only role', async () => {
    const { w, unit } = await unitWorld();
    const s = w.sessions.owner;
    await s.units.update(unit.id, { label: '1A' }, { expectedVersion: 1 });
    const before = counts(w.storage);
    await rejectsWith(s.units.update(unit.id, {}, { expectedVersion: 1 }), 'CONFLICT');
    await rejectsWith(s.units.update(unit.id, { label: '1A' }, { expectedVersion: 1 }), 'CONFLICT');
    await rejectsWith(s.units.update(unit.id, {}, {} as never), 'VALIDATION');
    await rejectsWith(s.units.update(unit.id, { bedrooms: -1 }, { expectedVersion: 2 }), 'VALIDATION');
    await rejectsWith(w.sessions.viewer.units.update(unit.id, {}, { expectedVersion: 2 }), 'PERMISSION');
    expect(counts(w.storage)).toEqual(before);
  });

  test('only the changed fields count: one version, one audit entry', async () => {
    const { w, unit } = await unitWorld();
    const audit = auditCount(w);
    w.clock.advance(1000);
    const updated = await w.sessions.owner.units.update(
      unit.id,
      { label: '1', marketRent: '1300.00' },
      { expectedVersion: 1 },
    );
    expect(updated).toEqual({ ...unit, marketRent: '1300.00', version: 2, updatedAt: w.clock.now() });
    expect(auditCount(w)).toBe(audit + 1);
  });

  test('deals, transactions and portfolios: same stage, same category, same settings', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const deal = await s.deals.create({
      portfolioId: w.portfolio.id,
      name: 'Oak',
      address: ADDRESS,
      askingPrice: '1.00',
    });
    const t = await s.transactions.create({
      portfolioId: w.portfolio.id,
      propertyId: w.propertyA.id,
      date: '2025-01-02',
      amount: '-10.00',
      category: 'repairs',
    });
    const before = counts(w.storage);
    w.clock.advance(1000);
    expect(await s.deals.update(deal.id, { stage: 'lead' }, { expectedVersion: 1 })).toEqual(deal);
    expect(await s.deals.changeStage(deal.id, 'lead', { expectedVersion: 1, note: 'again' })).toEqual(deal);
    expect(
      await s.transactions.update(t.id, { category: 'repairs', amount: '-10' }, { expectedVersion: 1 }),
    ).toEqual(t);
    expect(
      await s.portfolios.update(
        w.portfolio.id,
        { name: w.portfolio.name, settings: { metricConventions: { dscr: 'noi_to_debt_service' } } },
        { expectedVersion: 1 },
      ),
    ).toEqual(w.portfolio);
    await rejectsWith(s.portfolios.update(w.portfolio.id, {}, { expectedVersion: 2 }), 'CONFLICT');
    expect(counts(w.storage)).toEqual(before);
  });

  test('random patches: equal values write nothing; a change bumps the version once and audits once (fast-check)', async () => {
    const { w, unit } = await unitWorld();
    const s = w.sessions.owner;
    const SAME = Symbol('same');
    const field = <T>(values: fc.Arbitrary<T>) =>
      fc.option(fc.oneof(fc.constant(SAME), values), { nil: undefined });
    const canonicalRent: Record<string, string> = { '1200': '1200.00' };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          label: field(fc.constantFrom('1', '2')),
          bedrooms: field(fc.integer({ min: 1, max: 2 })),
          bathrooms: field(fc.constantFrom(0, 1, 1.5)),
          sqft: field(fc.constantFrom(null, 800, 950.5)),
          marketRent: field(fc.constantFrom('1200.00', '1200', '1300.00')),
          status: field(fc.constantFrom('vacant' as const, 'occupied' as const)),
          notes: field(fc.constantFrom(null, 'a')),
        }),
        fc.boolean(),
        async (choices, stale) => {
          const current = w.storage.raw('unit', unit.id) as Unit;
          const patch: Record<string, unknown> = {};
          for (const [key, choice] of Object.entries(choices)) {
            if (choice === undefined) continue;
            patch[key] = choice === SAME ? current[key as keyof Unit] : choice;
          }
          const expectedFields = Object.fromEntries(
            Object.entries(patch).map(([key, value]) => [
              key,
              key === 'marketRent' ? (canonicalRent[value as string] ?? value) : value,
            ]),
          );
          const changes = Object.entries(expectedFields).some(
            ([key, value]) => current[key as keyof Unit] !== value,
          );
          const audit = auditCount(w);
          w.clock.advance(1000);
          const expectedVersion = stale ? current.version + 1 : current.version;
          if (stale) {
            await rejectsWith(s.units.update(unit.id, patch, { expectedVersion }), 'CONFLICT');
            expect(w.storage.raw('unit', unit.id)).toEqual(current);
            expect(auditCount(w)).toBe(audit);
            return;
          }
          const result = await s.units.update(unit.id, patch, { expectedVersion });
          expect(w.storage.raw('unit', unit.id)).toEqual(result);
          if (!changes) {
            expect(result).toEqual(current);
            expect(auditCount(w)).toBe(audit);
            return;
          }
          expect(result).toEqual({
            ...current,
            ...expectedFields,
            version: current.version + 1,
            updatedAt: w.clock.now(),
          });
          expect(auditCount(w)).toBe(audit + 1);
          const last = await s.audit.list(w.portfolio.id, { entityId: unit.id, limit: 1000 });
          expect(last.items.at(-1)).toMatchObject({ action: 'update', before: current, after: result });
        },
      ),
      { numRuns: 150, seed: 20250115 },
    );
  });
});

describe('deleting a record that a document links to', () => {
  async function linkedWorld() {
    const w = await world();
    const { s, p, unit, first, lease } = await tenantsAndLease(w);
    const transaction = await s.transactions.create({
      portfolioId: p,
      propertyId: w.propertyA.id,
      date: '2025-01-02',
      amount: '-10.00',
      category: 'repairs',
    });
    const category = await s.categories.create({
      portfolioId: p,
      key: 'pool',
      name: 'Pool',
      kind: 'operating_expense',
    });
    const receipt = await s.documents.create({
      portfolioId: p,
      kind: 'receipt',
      title: 'Receipt',
      blobKey: 'b/1',
    });
    const targets = {
      properties: { type: 'property', id: w.propertyB.id, archivable: true },
      units: { type: 'unit', id: unit.id, archivable: true },
      contacts: { type: 'contact', id: first.id, archivable: true },
      transactions: { type: 'transaction', id: transaction.id, archivable: false },
      categories: { type: 'category', id: category.id, archivable: true },
      documents: { type: 'document', id: receipt.id, archivable: false },
    } as const;
    return { w, s, p, unit, first, lease, targets };
  }

  test('refused for every kind of record while a document links to it, naming the document; nothing written', async () => {
    const { w, s, p, lease, targets } = await linkedWorld();
    // Without the lease, only documents refer to the unit and the contact.
    await s.leases.delete(lease.id);
    for (const [name, target] of Object.entries(targets)) {
      const collection = s[name as keyof typeof targets];
      const doc = await s.documents.create({
        portfolioId: p,
        kind: 'other',
        title: `About ${target.type}`,
        blobKey: `b/${target.type}`,
        links: [
          { entityType: 'portfolio', entityId: p },
          { entityType: target.type, entityId: target.id },
        ],
      });
      const before = counts(w.storage);
      const stored = w.storage.raw(target.type, target.id);
      const error = await rejectsWith(collection.delete(target.id), 'CONFLICT');
      expect(error.message).toContain(`${target.type} ${target.id} cannot be deleted`);
      expect(error.message).toContain(`document ${doc.id}`);
      expect(error.message).toMatch(
        target.archivable ? /archive it or unlink the document first$/ : /: unlink the document first$/,
      );
      expect(counts(w.storage)).toEqual(before);
      expect(w.storage.raw(target.type, target.id)).toEqual(stored);

      // Unlinked, the record can be deleted (one audit entry).
      await s.documents.update(
        doc.id,
        { links: [{ entityType: 'portfolio', entityId: p }] },
        { expectedVersion: 1 },
      );
      const audit = auditCount(w);
      await collection.delete(target.id);
      expect(w.storage.raw(target.type, target.id)).toBeNull();
      expect(auditCount(w)).toBe(audit + 1);
    }
  });

  test('archiving a linked record is allowed; the delete stays refused', async () => {
    const { w, s, p, unit } = await linkedWorld();
    await s.leases.delete((await s.leases.list(p)).items[0]?.id as string);
    await s.documents.create({
      portfolioId: p,
      kind: 'inspection',
      title: 'Unit inspection',
      blobKey: 'b/u',
      links: [{ entityType: 'unit', entityId: unit.id }],
    });
    w.clock.advance(1000);
    await s.units.archive(unit.id);
    await rejectsWith(s.units.delete(unit.id), 'CONFLICT');
  });

  test('deleting the document itself is unaffected, even when it links to itself', async () => {
    const { w, s, p, unit, targets } = await linkedWorld();
    const doc = await s.documents.create({
      portfolioId: p,
      kind: 'photo',
      title: 'Photo',
      blobKey: 'b/p',
      links: [{ entityType: 'unit', entityId: unit.id }],
    });
    const selfLinked = await s.documents.update(
      doc.id,
      {
        links: [
          { entityType: 'unit', entityId: unit.id },
          { entityType: 'document', entityId: doc.id },
        ],
      },
      { expectedVersion: 1 },
    );
    expect(selfLinked.links).toHaveLength(2);
    await s.documents.delete(doc.id);
    expect(w.storage.raw('document', doc.id)).toBeNull();
    await s.documents.delete(targets.documents.id);
  });

  test('the linking document is found past the first page of the walk', async () => {
    const { w, s, unit } = await linkedWorld();
    await s.leases.delete((await s.leases.list(w.portfolio.id)).items[0]?.id as string);
    const template = (await s.documents.list(w.portfolio.id)).items[0] as DocumentRecord;
    const total = 2 * WALK_PAGE_SIZE + 5;
    const ids: string[] = [];
    await w.storage.transaction(async (tx) => {
      for (let index = 0; index < total; index += 1) {
        const id = w.ids.next();
        ids.push(id);
        const links =
          index === total - 1
            ? [
                { entityType: 'property' as const, entityId: w.propertyA.id },
                { entityType: 'unit' as const, entityId: unit.id },
              ]
            : [{ entityType: 'property' as const, entityId: w.propertyA.id }];
        await tx.insert('document', { ...template, id, links } satisfies DocumentRecord);
      }
    });
    const before = counts(w.storage);
    const error = await rejectsWith(s.units.delete(unit.id), 'CONFLICT');
    expect(error.message).toContain(`document ${ids.at(-1)}`);
    expect(counts(w.storage)).toEqual(before);
  });

  test('a scoped manager sees the document named (documents are portfolio-level, readable to it)', async () => {
    const { w, s, p, unit } = await linkedWorld();
    await s.leases.delete((await s.leases.list(p)).items[0]?.id as string);
    const doc = await w.sessions.scoped.documents.create({
      portfolioId: p,
      kind: 'photo',
      title: 'Unit photo',
      blobKey: 'b/s',
      links: [{ entityType: 'unit', entityId: unit.id }],
    });
    const error = await rejectsWith(w.sessions.scoped.units.delete(unit.id), 'CONFLICT');
    expect(error.message).toContain(`document ${doc.id}`);
  });

  test('deliberately not blocking: alerts naming the record, and revoking a role a document links to', async () => {
    const { w, s, p, unit } = await linkedWorld();
    await s.leases.delete((await s.leases.list(p)).items[0]?.id as string);
    const alert = await s.alerts.create({
      portfolioId: p,
      propertyId: w.propertyA.id,
      type: 'rent_late',
      dedupeKey: 'k',
      raisedAt: '2025-01-02T00:00:00.000Z',
      priority: 'medium',
      message: 'About the unit',
      entityType: 'unit',
      entityId: unit.id,
    });
    await s.units.delete(unit.id);
    expect(w.storage.raw('alert', alert.id)).toEqual(alert);

    const role = (await s.roles.list(p, { where: { userId: w.users.viewer.id } })).items[0];
    await s.documents.create({
      portfolioId: p,
      kind: 'other',
      title: 'Viewer agreement',
      blobKey: 'b/r',
      links: [{ entityType: 'roleAssignment', entityId: role?.id as string }],
    });
    await s.roles.delete(role?.id as string);
    expect(w.storage.raw('roleAssignment', role?.id as string)).toBeNull();
  });
});
