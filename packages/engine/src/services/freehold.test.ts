import { expect, test } from 'vitest';
import { createMemoryRepository } from '../memory/index.js';
import { systemClock, uuidV7Ids } from '../ports/index.js';
import { createFreehold } from './index.js';

test('the documented example of createFreehold runs', async () => {
  const sdk = createFreehold({
    storage: createMemoryRepository(),
    clock: systemClock,
    ids: uuidV7Ids({ clock: systemClock }),
  });
  const me = await sdk.ensureLocalOwner();
  const session = sdk.as(me.id);
  const portfolio = await session.portfolios.create({ name: 'Main' });
  expect(portfolio.name).toBe('Main');
  expect((await session.roles.list(portfolio.id)).items[0]).toMatchObject({ userId: me.id, role: 'owner' });
});
