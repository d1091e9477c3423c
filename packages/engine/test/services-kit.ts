/**
 * Shared fixtures of the services and snapshot tests: a deterministic SDK over the memory adapter, and a small
 * world of users with every role in one portfolio.
 */
import { expect } from 'vitest';
import { isFreeholdError } from '../src/errors.js';
import { createMemoryRepository, type MemoryRepository } from '../src/memory/index.js';
import { fixedClock, seededRandomBytes, uuidV7Ids } from '../src/ports/index.js';
import { createFreehold, type Freehold, type FreeholdSession } from '../src/services/index.js';

/** A deterministic SDK: fixed clock (advanced by hand), seeded UUIDv7 ids, empty memory repository. */
export function setup(seed = 1, start = '2025-01-15T09:00:00.000Z') {
  const clock = fixedClock(start);
  const ids = uuidV7Ids({ clock, random: seededRandomBytes(seed) });
  const storage: MemoryRepository = createMemoryRepository();
  const sdk: Freehold = createFreehold({ storage, clock, ids });
  return { clock, ids, storage, sdk };
}

/** A postal address for property inputs. */
export const ADDRESS = {
  line1: '12 Elm St',
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
} as const;

/** A property create input. */
export function propertyInput(portfolioId: string, overrides: Record<string, unknown> = {}) {
  return {
    portfolioId,
    name: 'Elm',
    address: ADDRESS,
    propertyType: 'single_family' as const,
    purchaseDate: '2020-01-01',
    purchasePrice: '200000.00',
    ...overrides,
  };
}

/** A small world: an owner, a manager, a manager scoped to property A, a viewer, a stranger; properties A and B. */
export async function world(seed = 1) {
  const base = setup(seed);
  const { sdk } = base;
  const owner = await sdk.users.create({ email: 'owner@example.com', name: 'Olive Owner' });
  const manager = await sdk.users.create({ email: 'manager@example.com', name: 'Manny Manager' });
  const scoped = await sdk.users.create({ email: 'scoped@example.com', name: 'Scott Scoped' });
  const viewer = await sdk.users.create({ email: 'viewer@example.com', name: 'Vera Viewer' });
  const stranger = await sdk.users.create({ email: 'stranger@example.com', name: 'Stan Stranger' });
  const asOwner = sdk.as(owner.id);
  const portfolio = await asOwner.portfolios.create({ name: 'Main' });
  const propertyA = await asOwner.properties.create(propertyInput(portfolio.id, { name: 'A' }));
  const propertyB = await asOwner.properties.create(propertyInput(portfolio.id, { name: 'B' }));
  await asOwner.roles.create({ portfolioId: portfolio.id, userId: manager.id, role: 'manager' });
  await asOwner.roles.create({
    portfolioId: portfolio.id,
    userId: scoped.id,
    role: 'manager',
    propertyIds: [propertyA.id],
  });
  await asOwner.roles.create({ portfolioId: portfolio.id, userId: viewer.id, role: 'viewer' });
  const sessions: Record<'owner' | 'manager' | 'scoped' | 'viewer' | 'stranger', FreeholdSession> = {
    owner: asOwner,
    manager: sdk.as(manager.id),
    scoped: sdk.as(scoped.id),
    viewer: sdk.as(viewer.id),
    stranger: sdk.as(stranger.id),
  };
  return {
    ...base,
    users: { owner, manager, scoped, viewer, stranger },
    sessions,
    portfolio,
    propertyA,
    propertyB,
  };
}

/** Awaits `promise` and asserts it rejects with a Freehold error of `code`; returns the error. */
export async function rejectsWith(
  promise: Promise<unknown>,
  code: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'PERMISSION' | 'STORAGE' | 'CALCULATION',
) {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${code} error`).toBeDefined();
  if (!isFreeholdError(caught, code)) throw caught;
  return caught;
}

/** Counts of stored records per type and of audit entries: to check that a failed call wrote nothing. */
export function counts(storage: MemoryRepository): Record<string, number> {
  const dump = storage.dump();
  return Object.fromEntries(Object.entries(dump).map(([type, rows]) => [type, rows.length]));
}

/** Collects an async iterable of strings. */
export async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}
