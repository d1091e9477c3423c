import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ADDRESS, counts, propertyInput, rejectsWith, setup, world } from '../../test/services-kit.js';
import { DEFAULT_CATEGORIES } from '../domain/categories.js';
import type { AuditEntry } from '../domain/entities/index.js';
import type { ValidationError } from '../errors.js';
import type { FreeholdSession } from './index.js';

type World = Awaited<ReturnType<typeof world>>;

async function auditOf(w: World): Promise<AuditEntry[]> {
  const page = await w.sessions.owner.audit.list(w.portfolio.id, { limit: 1000 });
  return page.items;
}

/** One valid create input and one patch per collection, in a world with a few related records. */
async function fixtures(w: World) {
  const s = w.sessions.owner;
  const p = w.portfolio.id;
  const A = w.propertyA.id;
  const unit = await s.units.create({ portfolioId: p, propertyId: A, label: '1', marketRent: '1200.00' });
  const tenant = await s.contacts.create({
    portfolioId: p,
    kind: 'tenant',
    name: 'Tess Tenant',
    email: 'tess@example.com',
  });
  const lease = await s.leases.create({
    portfolioId: p,
    propertyId: A,
    unitId: unit.id,
    tenantIds: [tenant.id],
    startDate: '2024-01-01',
    endDate: null,
    rent: '1150.00',
  });
  const loan = await s.loans.create({
    portfolioId: p,
    propertyId: A,
    kind: 'fixed',
    originalAmount: '150000.00',
    startDate: '2020-01-01',
    annualRate: 0.05,
    termMonths: 360,
  });
  const deal = await s.deals.create({
    portfolioId: p,
    name: 'Oak',
    address: ADDRESS,
    askingPrice: '300000.00',
  });
  const alert = await s.alerts.create({
    portfolioId: p,
    propertyId: A,
    type: 'lease_expiring',
    dedupeKey: 'k1',
    raisedAt: '2025-01-01T00:00:00.000Z',
    priority: 'high',
    message: 'Lease ends soon',
  });
  const ctx = { p, A, unit, tenant, lease, loan, deal, alert };
  const inputs = {
    properties: [propertyInput(p, { name: 'C' }), { name: 'C2' }],
    valuations: [
      { portfolioId: p, propertyId: A, date: '2024-06-30', value: '250000.00', source: 'appraisal' },
      { value: '251000.00' },
    ],
    units: [{ portfolioId: p, propertyId: A, label: '2', marketRent: '1000.00' }, { label: '2B' }],
    contacts: [{ portfolioId: p, kind: 'vendor', name: 'Plumber' }, { phone: '555-0100' }],
    leases: [
      {
        portfolioId: p,
        propertyId: A,
        unitId: unit.id,
        tenantIds: [tenant.id],
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        rent: '1200.00',
        previousLeaseId: lease.id,
      },
      { rent: '1250.00' },
    ],
    loans: [
      {
        portfolioId: p,
        propertyId: A,
        kind: 'interest_only',
        originalAmount: '50000.00',
        startDate: '2022-01-01',
        annualRate: '0.07',
        termMonths: 60,
        interestOnlyMonths: 60,
      },
      { name: 'HELOC' },
    ],
    transactions: [
      {
        portfolioId: p,
        propertyId: A,
        unitId: unit.id,
        leaseId: lease.id,
        date: '2025-01-03',
        amount: '1150.00',
        category: 'rent',
      },
      { memo: 'January' },
    ],
    categories: [
      { portfolioId: p, key: 'pool_service', name: 'Pool service', kind: 'operating_expense' },
      { name: 'Pool' },
    ],
    recurringCharges: [
      {
        portfolioId: p,
        propertyId: A,
        leaseId: lease.id,
        category: 'rent',
        amount: '1150.00',
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
        nextDueDate: '2025-02-01',
      },
      { amount: '1175.00' },
    ],
    budgets: [
      { portfolioId: p, propertyId: A, year: 2025, category: 'repairs', amount: '-1200.00' },
      { amount: '-1500.00' },
    ],
    alerts: [
      {
        portfolioId: p,
        propertyId: A,
        type: 'rent_late',
        dedupeKey: 'k2',
        raisedAt: '2025-01-02T00:00:00.000Z',
        priority: 'medium',
        message: 'Rent late',
        entityType: 'lease',
        entityId: lease.id,
      },
      { status: 'resolved', resolvedAt: '2025-01-05T00:00:00.000Z', resolution: 'manual' },
    ],
    tasks: [
      {
        portfolioId: p,
        propertyId: A,
        unitId: unit.id,
        title: 'Fix tap',
        alertId: alert.id,
        assigneeId: w.users.manager.id,
      },
      { status: 'done' },
    ],
    deals: [{ portfolioId: p, name: 'Pine', address: ADDRESS, askingPrice: '100000.00' }, { notes: 'nice' }],
    dealAnalyses: [
      {
        portfolioId: p,
        dealId: deal.id,
        analysisDate: '2025-01-10',
        inputs: { purchase: { price: '300000.00' }, rents: { grossMonthlyRent: '2500.00' } },
      },
      { notes: 'v2' },
    ],
    scenarios: [
      { portfolioId: p, dealId: deal.id, name: 'Base', assumptions: { years: 5 }, seed: 42 },
      { name: 'Base case' },
    ],
    documents: [
      {
        portfolioId: p,
        kind: 'lease',
        title: 'Lease PDF',
        blobKey: 'blobs/1',
        links: [
          { entityType: 'lease', entityId: lease.id },
          { entityType: 'property', entityId: A },
        ],
      },
      { title: 'Signed lease' },
    ],
    roles: [{ portfolioId: p, userId: w.users.stranger.id, role: 'viewer' }, { role: 'manager' }],
  } as const;
  return { ctx, inputs };
}

type CollectionName = keyof Awaited<ReturnType<typeof fixtures>>['inputs'];

interface GenericCollection {
  create(input: unknown): Promise<{ id: string; version: number; createdAt: string }>;
  get(id: string): Promise<unknown>;
  list(portfolioId: string, query?: unknown): Promise<{ items: { id: string }[] }>;
  update(
    id: string,
    patch: unknown,
    options: { expectedVersion: number },
  ): Promise<{ id: string; version: number }>;
  delete(id: string, options?: { expectedVersion?: number }): Promise<void>;
}

function collectionOf(session: FreeholdSession, name: CollectionName): GenericCollection {
  return session[name] as unknown as GenericCollection;
}

describe('every collection: create, get, list, update, delete with one audit entry each', () => {
  const names: CollectionName[] = [
    'properties',
    'valuations',
    'units',
    'contacts',
    'leases',
    'loans',
    'transactions',
    'categories',
    'recurringCharges',
    'budgets',
    'alerts',
    'tasks',
    'deals',
    'dealAnalyses',
    'scenarios',
    'documents',
    'roles',
  ];
  for (const name of names) {
    test(name, async () => {
      const w = await world();
      const { inputs } = await fixtures(w);
      const [input, patch] = inputs[name];
      const collection = collectionOf(w.sessions.owner, name);
      const auditBefore = (await auditOf(w)).length;

      w.clock.advance(1000);
      const created = await collection.create(input);
      expect(created.version).toBe(1);
      expect(created).toMatchObject({ createdAt: w.clock.now(), updatedAt: w.clock.now() });
      expect(await collection.get(created.id)).toEqual(created);
      expect(w.storage.raw(typeOfCollection(name), created.id)).toEqual(created);
      const listed = await collection.list(w.portfolio.id, { limit: 1000 });
      expect(listed.items.map((item) => item.id)).toContain(created.id);

      w.clock.advance(1000);
      const updated = await collection.update(created.id, patch, { expectedVersion: 1 });
      expect(updated.version).toBe(2);
      expect(updated).toMatchObject({ ...patch, updatedAt: w.clock.now(), createdAt: created.createdAt });

      // A stale version is a conflict and writes nothing.
      const snapshot = counts(w.storage);
      await rejectsWith(collection.update(created.id, patch, { expectedVersion: 1 }), 'CONFLICT');
      expect(counts(w.storage)).toEqual(snapshot);

      await collection.delete(created.id, { expectedVersion: 2 });
      await rejectsWith(collection.get(created.id), 'NOT_FOUND');

      const entries = (await auditOf(w)).slice(auditBefore);
      expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
      const [c, u, d] = entries as [AuditEntry, AuditEntry, AuditEntry];
      expect(c).toMatchObject({
        actorId: w.users.owner.id,
        entityId: created.id,
        before: null,
        after: created,
      });
      expect(u).toMatchObject({ entityId: created.id, before: created, after: updated });
      expect(d).toMatchObject({ entityId: created.id, before: updated, after: null });
      expect(new Set(entries.map((e) => e.entityType))).toEqual(new Set([typeOfCollection(name)]));
    });
  }
});

function typeOfCollection(name: CollectionName) {
  const map = {
    properties: 'property',
    valuations: 'valuation',
    units: 'unit',
    contacts: 'contact',
    leases: 'lease',
    loans: 'loan',
    transactions: 'transaction',
    categories: 'category',
    recurringCharges: 'recurringCharge',
    budgets: 'budget',
    alerts: 'alert',
    tasks: 'task',
    deals: 'deal',
    dealAnalyses: 'dealAnalysis',
    scenarios: 'scenario',
    documents: 'document',
    roles: 'roleAssignment',
  } as const;
  return map[name];
}

describe('portfolios', () => {
  test('create makes the creator owner and seeds the default categories, with one audit entry', async () => {
    const { sdk, storage, clock } = setup();
    const user = await sdk.users.create({ email: 'a@example.com', name: 'A' });
    const before = counts(storage);
    const portfolio = await sdk.as(user.id).portfolios.create({ name: 'P', currency: 'EUR' });
    expect(portfolio).toMatchObject({
      version: 1,
      currency: 'EUR',
      createdAt: clock.now(),
      archivedAt: null,
    });
    const after = counts(storage);
    expect(after.portfolio).toBe((before.portfolio ?? 0) + 1);
    expect(after.category).toBe(DEFAULT_CATEGORIES.length);
    expect(after.roleAssignment).toBe(1);
    expect(after.auditEntry).toBe((before.auditEntry ?? 0) + 1);
    const categories = await sdk.as(user.id).categories.list(portfolio.id, { limit: 1000 });
    expect(categories.items.map((c) => c.key).sort()).toEqual(DEFAULT_CATEGORIES.map((c) => c.key).sort());
    const roles = await sdk.as(user.id).roles.list(portfolio.id);
    expect(roles.items).toEqual([
      expect.objectContaining({ userId: user.id, role: 'owner', propertyIds: null }),
    ]);
  });

  test('an unknown actor cannot create a portfolio', async () => {
    const { sdk, storage } = setup();
    const before = counts(storage);
    await rejectsWith(
      sdk.as('01900000-0000-7000-8000-00000000abcd').portfolios.create({ name: 'P' }),
      'PERMISSION',
    );
    expect(counts(storage)).toEqual(before);
  });

  test('settings patches merge; the currency cannot change', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const updated = await s.portfolios.update(
      w.portfolio.id,
      { settings: { metricConventions: { capex: 'above_noi' } } },
      { expectedVersion: 1 },
    );
    expect(updated.settings.metricConventions.capex).toBe('above_noi');
    expect(updated.settings.metricConventions.dscr).toBe('noi_to_debt_service');
    const error = await rejectsWith(
      s.portfolios.update(w.portfolio.id, { currency: 'EUR' } as never, { expectedVersion: 2 }),
      'VALIDATION',
    );
    expect((error as ValidationError).fields).toEqual(['currency']);
  });

  test('a non-empty portfolio cannot be deleted; archive works', async () => {
    const w = await world();
    await rejectsWith(w.sessions.owner.portfolios.delete(w.portfolio.id), 'CONFLICT');
    const archived = await w.sessions.owner.portfolios.archive(w.portfolio.id);
    expect(archived.archivedAt).toBe(w.clock.now());
  });
});

describe('validation: a ValidationError names the fields and nothing is written', () => {
  test('invalid create input', async () => {
    const w = await world();
    const before = counts(w.storage);
    const error = await rejectsWith(
      w.sessions.owner.properties.create(
        propertyInput(w.portfolio.id, { purchasePrice: '100.123', propertyType: 'castle', name: '' }),
      ),
      'VALIDATION',
    );
    expect((error as ValidationError).fields.sort()).toEqual(['name', 'propertyType', 'purchasePrice']);
    expect(counts(w.storage)).toEqual(before);
  });

  test('money with more decimals than the currency allows, for any amount (fast-check)', async () => {
    const w = await world();
    const before = counts(w.storage);
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 3, max: 8 }),
        async (units, decimals) => {
          const text = units.toString().padStart(decimals + 1, '0');
          const amount = `${text.slice(0, -decimals)}.${text.slice(-decimals, -1)}7`;
          const error = await rejectsWith(
            w.sessions.owner.transactions.create({
              portfolioId: w.portfolio.id,
              propertyId: w.propertyA.id,
              date: '2025-01-01',
              amount,
              category: 'rent',
            }),
            'VALIDATION',
          );
          expect((error as ValidationError).fields).toEqual(['amount']);
        },
      ),
      { numRuns: 40 },
    );
    expect(counts(w.storage)).toEqual(before);
  });

  test('money is checked against the portfolio currency (JPY: none, KWD: 3)', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const yen = await s.portfolios.create({ name: 'Tokyo', currency: 'JPY' });
    const dinar = await s.portfolios.create({ name: 'Kuwait', currency: 'KWD' });
    await rejectsWith(s.properties.create(propertyInput(yen.id, { purchasePrice: '1000.5' })), 'VALIDATION');
    const house = await s.properties.create(propertyInput(yen.id, { purchasePrice: '30000000' }));
    expect(house.purchasePrice).toBe('30000000');
    const villa = await s.properties.create(propertyInput(dinar.id, { purchasePrice: '1000.125' }));
    expect(villa.purchasePrice).toBe('1000.125');
    const error = await rejectsWith(
      s.properties.update(villa.id, { closingCosts: '1.2345' }, { expectedVersion: 1 }),
      'VALIDATION',
    );
    expect((error as ValidationError).fields).toEqual(['closingCosts']);
  });

  test('an invalid patch, and a patch that makes the record invalid', async () => {
    const w = await world();
    const { ctx } = await fixtures(w);
    const before = counts(w.storage);
    const a = await rejectsWith(
      w.sessions.owner.leases.update(ctx.lease.id, { rent: '-5.00', graceDays: 100 }, { expectedVersion: 1 }),
      'VALIDATION',
    );
    expect((a as ValidationError).fields.sort()).toEqual(['graceDays', 'rent']);
    const b = await rejectsWith(
      w.sessions.owner.leases.update(ctx.lease.id, { endDate: '2023-01-01' }, { expectedVersion: 1 }),
      'VALIDATION',
    );
    expect((b as ValidationError).fields).toEqual(['endDate']);
    await rejectsWith(
      w.sessions.owner.leases.update(ctx.lease.id, { rent: '1.00' }, {} as never),
      'VALIDATION',
    );
    expect(counts(w.storage)).toEqual(before);
  });

  test('references must exist in the same portfolio (and the same property)', async () => {
    const w = await world();
    const { ctx } = await fixtures(w);
    const other = await w.sessions.owner.portfolios.create({ name: 'Other' });
    const foreign = await w.sessions.owner.properties.create(propertyInput(other.id));
    const before = counts(w.storage);
    const a = await rejectsWith(
      w.sessions.owner.units.create({
        portfolioId: w.portfolio.id,
        propertyId: foreign.id,
        label: 'x',
        marketRent: '1.00',
      }),
      'VALIDATION',
    );
    expect((a as ValidationError).fields).toEqual(['propertyId']);
    const b = await rejectsWith(
      w.sessions.owner.transactions.create({
        portfolioId: w.portfolio.id,
        propertyId: w.propertyB.id,
        unitId: ctx.unit.id,
        date: '2025-01-01',
        amount: '1.00',
        category: 'rent',
      }),
      'VALIDATION',
    );
    expect((b as ValidationError).fields).toEqual(['unitId']);
    const c = await rejectsWith(
      w.sessions.owner.leases.create({
        portfolioId: w.portfolio.id,
        propertyId: ctx.A,
        unitId: ctx.unit.id,
        tenantIds: [ctx.tenant.id, '01900000-0000-7000-8000-000000000001'],
        startDate: '2025-01-01',
        endDate: null,
        rent: '1.00',
      }),
      'VALIDATION',
    );
    expect((c as ValidationError).fields).toEqual(['tenantIds.1']);
    expect(counts(w.storage)).toEqual(before);
  });
});

describe('transactions take their kind from the category', () => {
  test('filled on create, refilled when the category changes; unknown or disagreeing kinds are refused', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const base = {
      portfolioId: w.portfolio.id,
      propertyId: w.propertyA.id,
      date: '2025-02-01',
      amount: '-80.00',
    };
    const t = await s.transactions.create({ ...base, category: 'repairs' });
    expect(t.kind).toBe('operating_expense');
    const moved = await s.transactions.update(
      t.id,
      { category: 'capital_improvements' },
      { expectedVersion: 1 },
    );
    expect(moved.kind).toBe('capital_expenditure');
    const before = counts(w.storage);
    const a = await rejectsWith(s.transactions.create({ ...base, category: 'no_such_thing' }), 'VALIDATION');
    expect((a as ValidationError).fields).toEqual(['category']);
    const b = await rejectsWith(
      s.transactions.create({ ...base, category: 'repairs', kind: 'income' }),
      'VALIDATION',
    );
    expect((b as ValidationError).fields).toEqual(['kind']);
    expect(counts(w.storage)).toEqual(before);
    const given = await s.transactions.create({ ...base, category: 'repairs', kind: 'operating_expense' });
    expect(given.kind).toBe('operating_expense');
  });
});

describe('history: delete refused once money has touched a record, archive instead', () => {
  test('property, unit, lease and loan', async () => {
    const w = await world();
    const { ctx } = await fixtures(w);
    const s = w.sessions.owner;
    await s.transactions.create({
      portfolioId: ctx.p,
      propertyId: ctx.A,
      unitId: ctx.unit.id,
      leaseId: ctx.lease.id,
      loanId: ctx.loan.id,
      date: '2025-01-03',
      amount: '-900.00',
      category: 'mortgage_interest',
    });
    const before = counts(w.storage);
    for (const [collection, id] of [
      [s.loans, ctx.loan.id],
      [s.leases, ctx.lease.id],
      [s.units, ctx.unit.id],
      [s.properties, ctx.A],
    ] as const) {
      const error = await rejectsWith(collection.delete(id), 'CONFLICT');
      expect(error.message).toMatch(/archive it instead/);
    }
    await rejectsWith(
      s.categories.delete(
        (await s.categories.list(ctx.p, { where: { key: 'mortgage_interest' } })).items[0]?.id ?? '',
      ),
      'CONFLICT',
    );
    expect(counts(w.storage)).toEqual(before);

    w.clock.advance(60_000);
    const archived = await s.properties.archive(ctx.A, { expectedVersion: 1 });
    expect(archived).toMatchObject({ archivedAt: w.clock.now(), version: 2 });
    expect(await s.properties.archive(ctx.A)).toEqual(archived);
    const restored = await s.properties.restore(ctx.A);
    expect(restored).toMatchObject({ archivedAt: null, version: 3 });
    const actions = (await auditOf(w))
      .slice(-2)
      .map((e) => [e.action, e.before?.archivedAt, e.after?.archivedAt]);
    expect(actions).toEqual([
      ['archive', null, archived.archivedAt],
      ['restore', archived.archivedAt, null],
    ]);
  });

  test('a property with units cannot be deleted; without dependents it can', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const unit = await s.units.create({
      portfolioId: w.portfolio.id,
      propertyId: w.propertyB.id,
      label: 'x',
      marketRent: '1.00',
    });
    await rejectsWith(s.properties.delete(w.propertyB.id), 'CONFLICT');
    await s.units.delete(unit.id);
    await s.properties.delete(w.propertyB.id);
    await rejectsWith(s.properties.get(w.propertyB.id), 'NOT_FOUND');
  });

  test('the stale-version check also guards archive and delete', async () => {
    const w = await world();
    await w.sessions.owner.properties.update(w.propertyB.id, { name: 'B2' }, { expectedVersion: 1 });
    await rejectsWith(
      w.sessions.owner.properties.archive(w.propertyB.id, { expectedVersion: 1 }),
      'CONFLICT',
    );
    await rejectsWith(w.sessions.owner.properties.delete(w.propertyB.id, { expectedVersion: 1 }), 'CONFLICT');
  });
});

describe('deals record their stage history', () => {
  test('create, update and changeStage append stage changes stamped by the clock', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const deal = await s.deals.create({
      portfolioId: w.portfolio.id,
      name: 'Oak',
      address: ADDRESS,
      askingPrice: '1.00',
    });
    expect(deal.stageHistory).toEqual([{ stage: 'lead', at: w.clock.now(), note: null }]);
    w.clock.advance(1000);
    const analysing = await s.deals.update(deal.id, { stage: 'analysing' }, { expectedVersion: 1 });
    w.clock.advance(1000);
    const offer = await s.deals.changeStage(deal.id, 'offer', { expectedVersion: 2, note: 'Offered 95%' });
    expect(offer.stage).toBe('offer');
    expect(offer.stageHistory.map((c) => [c.stage, c.note])).toEqual([
      ['lead', null],
      ['analysing', null],
      ['offer', 'Offered 95%'],
    ]);
    expect(offer.stageHistory[2]?.at).toBe(w.clock.now());
    const renamed = await s.deals.update(deal.id, { name: 'Oak St' }, { expectedVersion: 3 });
    expect(renamed.stageHistory).toHaveLength(3);
    expect(analysing.stageHistory).toHaveLength(2);
  });
});

describe('audit', () => {
  test('exactly one entry per mutation, in order, with the clock instant', async () => {
    const w = await world();
    const s = w.sessions.manager;
    const before = (await auditOf(w)).length;
    const unit = await s.units.create({
      portfolioId: w.portfolio.id,
      propertyId: w.propertyA.id,
      label: '7',
      marketRent: '900.00',
    });
    await s.units.update(unit.id, { marketRent: '950.00' }, { expectedVersion: 1 });
    await s.units.archive(unit.id);
    await s.units.restore(unit.id);
    await s.units.delete(unit.id);
    const entries = (await auditOf(w)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'archive', 'restore', 'delete']);
    expect(entries.every((e) => e.actorId === w.users.manager.id && e.portfolioId === w.portfolio.id)).toBe(
      true,
    );
    expect(entries.every((e) => e.at === w.clock.now())).toBe(true);
    expect(entries[1]?.before?.marketRent).toBe('900.00');
    expect(entries[1]?.after?.marketRent).toBe('950.00');
  });

  test('ids come from the injected generator and are time-ordered', async () => {
    const a = await world(7);
    const b = await world(7);
    expect(a.propertyA.id).toBe(b.propertyA.id);
    expect(a.propertyA.id < a.propertyB.id).toBe(true);
  });
});
