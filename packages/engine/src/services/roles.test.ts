import { describe, expect, test } from 'vitest';
import { counts, rejectsWith, world } from '../../test/services-kit.js';

type Who = 'owner' | 'manager' | 'scoped' | 'viewer' | 'stranger';
type Outcome = 'ok' | 'PERMISSION' | 'NOT_FOUND';

const unitInput = (portfolioId: string, propertyId: string) => ({
  portfolioId,
  propertyId,
  label: 'U',
  marketRent: '1000.00',
});

/**
 * The matrix: role × operation on a unit of property A (in the scoped manager's scope) and of property B (out of
 * it). Calls naming the portfolio deny with PERMISSION; calls naming a record deny invisible ones with NOT_FOUND.
 */
const MATRIX: Record<string, Record<Who, Outcome>> = {
  'create in A': { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'PERMISSION', stranger: 'PERMISSION' },
  'create in B': {
    owner: 'ok',
    manager: 'ok',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  'read A': { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'ok', stranger: 'NOT_FOUND' },
  'read B': { owner: 'ok', manager: 'ok', scoped: 'NOT_FOUND', viewer: 'ok', stranger: 'NOT_FOUND' },
  list: { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'ok', stranger: 'PERMISSION' },
  'update A': { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'PERMISSION', stranger: 'NOT_FOUND' },
  'update B': {
    owner: 'ok',
    manager: 'ok',
    scoped: 'NOT_FOUND',
    viewer: 'PERMISSION',
    stranger: 'NOT_FOUND',
  },
  'archive A': { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'PERMISSION', stranger: 'NOT_FOUND' },
  'delete A': { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'PERMISSION', stranger: 'NOT_FOUND' },
  'delete B': {
    owner: 'ok',
    manager: 'ok',
    scoped: 'NOT_FOUND',
    viewer: 'PERMISSION',
    stranger: 'NOT_FOUND',
  },
  'grant a role': {
    owner: 'ok',
    manager: 'PERMISSION',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  'read the audit log': {
    owner: 'ok',
    manager: 'PERMISSION',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  dashboard: { owner: 'ok', manager: 'ok', scoped: 'ok', viewer: 'ok', stranger: 'PERMISSION' },
  'update the portfolio': {
    owner: 'ok',
    manager: 'PERMISSION',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  'delete the portfolio': {
    owner: 'ok',
    manager: 'PERMISSION',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  'create a contact': {
    owner: 'ok',
    manager: 'ok',
    scoped: 'ok',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
  'create a category': {
    owner: 'ok',
    manager: 'ok',
    scoped: 'PERMISSION',
    viewer: 'PERMISSION',
    stranger: 'PERMISSION',
  },
};

async function attempt(operation: string, who: Who): Promise<{ outcome: Outcome; mutated: boolean }> {
  const w = await world();
  const session = w.sessions[who];
  const owner = w.sessions.owner;
  const p = w.portfolio.id;
  const unitA = await owner.units.create(unitInput(p, w.propertyA.id));
  const unitB = await owner.units.create(unitInput(p, w.propertyB.id));
  const before = counts(w.storage);
  const auditBefore = before.auditEntry;
  const run: Record<string, () => Promise<unknown>> = {
    'create in A': () => session.units.create(unitInput(p, w.propertyA.id)),
    'create in B': () => session.units.create(unitInput(p, w.propertyB.id)),
    'read A': () => session.units.get(unitA.id),
    'read B': () => session.units.get(unitB.id),
    list: () => session.units.list(p),
    'update A': () => session.units.update(unitA.id, { label: 'A1' }, { expectedVersion: 1 }),
    'update B': () => session.units.update(unitB.id, { label: 'B1' }, { expectedVersion: 1 }),
    'archive A': () => session.units.archive(unitA.id),
    'delete A': () => session.units.delete(unitA.id, { expectedVersion: 1 }),
    'delete B': () => session.units.delete(unitB.id),
    'grant a role': async () => {
      const user = await w.sdk.users.create({ email: 'new@example.com', name: 'New' });
      return session.roles.create({ portfolioId: p, userId: user.id, role: 'viewer' });
    },
    'read the audit log': () => session.audit.list(p),
    dashboard: () => session.dashboard({ portfolioId: p, from: '2025-01-01', to: '2025-01-31' }),
    'update the portfolio': () => session.portfolios.update(p, { name: 'Renamed' }, { expectedVersion: 1 }),
    'delete the portfolio': async () => {
      // Empty the portfolio first (as the owner) so that only the role decides.
      for (const unit of [unitA, unitB]) await owner.units.delete(unit.id);
      for (const property of [w.propertyA, w.propertyB]) await owner.properties.delete(property.id);
      const assignments = await owner.roles.list(p);
      for (const role of assignments.items) if (role.role !== 'owner') await owner.roles.delete(role.id);
      if (who !== 'owner') {
        // Re-grant the actor's role so that they are a member without owning the portfolio.
        if (who !== 'stranger') {
          const roleOf = { manager: 'manager', scoped: 'manager', viewer: 'viewer' } as const;
          await owner.roles.create({ portfolioId: p, userId: w.users[who].id, role: roleOf[who] });
        }
      }
      const auditNow = counts(w.storage).auditEntry;
      try {
        await session.portfolios.delete(p);
      } finally {
        expect((counts(w.storage).auditEntry ?? 0) - (auditNow ?? 0)).toBe(who === 'owner' ? 1 : 0);
      }
    },
    'create a contact': () =>
      session.contacts.create({ portfolioId: p, kind: 'tenant', name: 'Tess Tenant' }),
    'create a category': () =>
      session.categories.create({
        portfolioId: p,
        key: 'pool_service',
        name: 'Pool service',
        kind: 'operating_expense',
      }),
  };
  const call = run[operation];
  if (!call) throw new Error(`no such operation ${operation}`);
  try {
    await call();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'PERMISSION' && code !== 'NOT_FOUND') throw error;
    if (operation !== 'delete the portfolio' && operation !== 'grant a role') {
      expect(counts(w.storage), 'a refused call writes nothing').toEqual(before);
    }
    return { outcome: code, mutated: false };
  }
  return { outcome: 'ok', mutated: (counts(w.storage).auditEntry ?? 0) > (auditBefore ?? 0) };
}

describe('role enforcement', () => {
  for (const [operation, expected] of Object.entries(MATRIX)) {
    describe(operation, () => {
      for (const [who, outcome] of Object.entries(expected) as [Who, Outcome][]) {
        test(`${who} → ${outcome}`, async () => {
          const result = await attempt(operation, who);
          expect(result.outcome).toBe(outcome);
        });
      }
    });
  }

  test('a scoped manager lists only the records of its properties', async () => {
    const w = await world();
    const p = w.portfolio.id;
    await w.sessions.owner.units.create(unitInput(p, w.propertyA.id));
    await w.sessions.owner.units.create(unitInput(p, w.propertyB.id));
    const scopedUnits = await w.sessions.scoped.units.list(p);
    expect(scopedUnits.items.map((u) => u.propertyId)).toEqual([w.propertyA.id]);
    const scopedProperties = await w.sessions.scoped.properties.list(p);
    expect(scopedProperties.items.map((x) => x.id)).toEqual([w.propertyA.id]);
    const all = await w.sessions.viewer.units.list(p);
    expect(all.items).toHaveLength(2);
  });

  test('a scoped manager may not move a record to a property outside its scope', async () => {
    const w = await world();
    const p = w.portfolio.id;
    const t = await w.sessions.scoped.transactions.create({
      portfolioId: p,
      propertyId: w.propertyA.id,
      date: '2025-01-03',
      amount: '10.00',
      category: 'rent',
    });
    await rejectsWith(
      w.sessions.scoped.transactions.update(t.id, { propertyId: w.propertyB.id }, { expectedVersion: 1 }),
      'PERMISSION',
    );
  });

  test('a portfolio that does not exist is indistinguishable from one the actor has no role in', async () => {
    const w = await world();
    const missing = '01900000-0000-7000-8000-000000000000';
    const a = await rejectsWith(w.sessions.stranger.units.list(missing), 'PERMISSION');
    const b = await rejectsWith(w.sessions.stranger.units.list(w.portfolio.id), 'PERMISSION');
    expect(a.constructor).toBe(b.constructor);
    await rejectsWith(w.sessions.stranger.portfolios.get(w.portfolio.id), 'PERMISSION');
    await rejectsWith(w.sessions.owner.units.get(missing), 'NOT_FOUND');
  });

  test('the last owner cannot be removed or demoted', async () => {
    const w = await world();
    const roles = await w.sessions.owner.roles.list(w.portfolio.id);
    const ownerRole = roles.items.find((role) => role.role === 'owner');
    if (!ownerRole) throw new Error('no owner role');
    await rejectsWith(w.sessions.owner.roles.delete(ownerRole.id), 'CONFLICT');
    await rejectsWith(
      w.sessions.owner.roles.update(ownerRole.id, { role: 'viewer' }, { expectedVersion: ownerRole.version }),
      'CONFLICT',
    );
    // With a second owner, the first may step down.
    const managerRole = roles.items.find((role) => role.userId === w.users.manager.id);
    if (!managerRole) throw new Error('no manager role');
    await w.sessions.owner.roles.update(
      managerRole.id,
      { role: 'owner' },
      { expectedVersion: managerRole.version },
    );
    const demoted = await w.sessions.owner.roles.update(
      ownerRole.id,
      { role: 'viewer' },
      { expectedVersion: ownerRole.version },
    );
    expect(demoted.role).toBe('viewer');
  });

  test('portfolios.list returns the portfolios the actor has a role in', async () => {
    const w = await world();
    expect((await w.sessions.viewer.portfolios.list()).map((x) => x.id)).toEqual([w.portfolio.id]);
    expect(await w.sessions.stranger.portfolios.list()).toEqual([]);
  });
});
