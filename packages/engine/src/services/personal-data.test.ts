import { describe, expect, test } from 'vitest';
import { counts, rejectsWith, setup, world } from '../../test/services-kit.js';
import type { ValidationError } from '../errors.js';
import { ERASED_NAME, LOCAL_OWNER } from './index.js';

describe('erasure of a person’s data', () => {
  test('contacts.erase redacts the record and every audit payload about it, and records the erasure', async () => {
    const w = await world();
    const s = w.sessions.owner;
    const contact = await s.contacts.create({
      portfolioId: w.portfolio.id,
      kind: 'tenant',
      name: 'Tess Tenant',
      email: 'tess@example.com',
      phone: '555-0199',
      address: { line1: '1 Main', city: 'X', region: 'Y', postalCode: '1' },
    });
    await s.contacts.update(contact.id, { notes: 'pays late' }, { expectedVersion: 1 });
    await rejectsWith(w.sessions.manager.contacts.erase(contact.id), 'PERMISSION');
    await rejectsWith(w.sessions.stranger.contacts.erase(contact.id), 'NOT_FOUND');

    const exported = await s.contacts.exportPersonalData(contact.id);
    expect(exported.contact.email).toBe('tess@example.com');
    expect(exported.auditEntries.map((e) => e.action)).toEqual(['create', 'update']);

    w.clock.advance(5000);
    const erased = await s.contacts.erase(contact.id);
    expect(erased).toMatchObject({
      name: ERASED_NAME,
      email: null,
      phone: null,
      address: null,
      notes: null,
      company: null,
      erasedAt: w.clock.now(),
      version: 3,
      kind: 'tenant',
    });
    const stored = await s.contacts.get(contact.id);
    expect(stored).toEqual(erased);

    const entries = (await s.contacts.exportPersonalData(contact.id)).auditEntries;
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'erase']);
    const text = JSON.stringify(entries);
    for (const secret of ['Tess', 'tess@example.com', '555-0199', 'pays late', '1 Main']) {
      expect(text).not.toContain(secret);
    }
    expect(entries[0]?.after).toMatchObject({
      name: ERASED_NAME,
      email: null,
      kind: 'tenant',
      id: contact.id,
    });
    expect(entries[2]).toMatchObject({ before: null, after: erased, details: { redactedAuditEntries: 2 } });

    // Erasing twice changes nothing.
    const before = counts(w.storage);
    expect(await s.contacts.erase(contact.id)).toEqual(erased);
    expect(counts(w.storage)).toEqual(before);

    // Personal data cannot be written into an erased contact again; other fields still change.
    for (const patch of [{ email: 'tess@example.com' }, { name: 'Tess' }, { notes: 'back again' }]) {
      const field = Object.keys(patch)[0] as string;
      const error = await rejectsWith(
        s.contacts.update(contact.id, patch, { expectedVersion: 3 }),
        'VALIDATION',
      );
      expect(error).toMatchObject({ issues: [expect.objectContaining({ path: field })] });
      expect(error.message).toMatch(/was erased/);
    }
    expect(counts(w.storage)).toEqual(before);
    expect(await s.contacts.update(contact.id, { name: ERASED_NAME }, { expectedVersion: 3 })).toEqual(
      erased,
    );
    const retagged = await s.contacts.update(contact.id, { kind: 'vendor' }, { expectedVersion: 3 });
    expect(retagged).toMatchObject({ kind: 'vendor', name: ERASED_NAME, email: null, version: 4 });
  });

  test('users.erase clears the email, redacts the name everywhere, and records the erasure', async () => {
    const { sdk, clock } = setup();
    const user = await sdk.users.create({ email: 'eve@example.com', name: 'Eve Example' });
    const exported = await sdk.users.exportData(user.id);
    expect(exported.user).toEqual(user);
    clock.advance(1000);
    const erased = await sdk.users.erase(user.id);
    expect(erased).toMatchObject({ email: null, name: ERASED_NAME, erasedAt: clock.now(), version: 2 });
    const after = await sdk.users.exportData(user.id);
    expect(after.auditEntries.map((e) => [e.action, e.actorId])).toEqual([
      ['create', user.id],
      ['erase', user.id],
    ]);
    expect(JSON.stringify(after)).not.toContain('Eve');
    expect(JSON.stringify(after)).not.toContain('eve@example.com');
    // The email is free again.
    expect(await sdk.users.findByEmail('eve@example.com')).toBeNull();
    await sdk.users.create({ email: 'eve@example.com', name: 'Another Eve' });
  });
});

describe('users', () => {
  test('ensureLocalOwner creates one owner on first use and returns it afterwards', async () => {
    const { sdk, storage } = setup();
    const [a, b] = await Promise.all([sdk.ensureLocalOwner(), sdk.ensureLocalOwner()]);
    expect(a).toEqual(b);
    expect(a.email).toBe(LOCAL_OWNER.email);
    expect(await sdk.ensureLocalOwner()).toEqual(a);
    expect(counts(storage).user).toBe(1);
    const portfolio = await sdk.as(a.id).portfolios.create({ name: 'Mine' });
    expect((await sdk.as({ actor: a.id }).portfolios.get(portfolio.id)).id).toBe(portfolio.id);
    expect(await sdk.as(a.id).me()).toEqual(a);
  });

  test('a taken email is a conflict; invalid input names the field', async () => {
    const { sdk } = setup();
    await sdk.users.create({ email: 'x@example.com', name: 'X' });
    await rejectsWith(sdk.users.create({ email: 'x@example.com', name: 'Y' }), 'CONFLICT');
    const error = await rejectsWith(sdk.users.create({ email: 'nope', name: '' }), 'VALIDATION');
    expect((error as ValidationError).fields.sort()).toEqual(['email', 'name']);
  });
});
