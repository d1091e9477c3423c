// Runs under Deno against the built engine: proves the bundles need no Node built-ins, end to end.
import {
  amortize,
  createFreehold,
  Decimal,
  fixedClock,
  formatMoney,
  irr,
  seededRandomBytes,
  toEpochDay,
  uuidV7Ids,
  xirr,
} from '../../dist/index.js';
import { createMemoryRepository } from '../../dist/memory.js';

const clock = fixedClock('2026-01-31T12:00:00.000Z');
const sdk = createFreehold({
  storage: createMemoryRepository(),
  clock,
  ids: uuidV7Ids({ clock, random: seededRandomBytes(7) }),
});
const me = await sdk.ensureLocalOwner();
const session = sdk.as(me.id);
const portfolio = await session.portfolios.create({ name: 'Deno' });
const property = await session.properties.create({
  portfolioId: portfolio.id,
  name: 'Duplex',
  address: { line1: '1 Main St', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  propertyType: 'multifamily',
  purchaseDate: '2024-01-15',
  purchasePrice: '400000.00',
});
await session.transactions.import(
  portfolio.id,
  [
    { propertyId: property.id, date: '2025-03-01', amount: '3200.00', category: 'rent' },
    { propertyId: property.id, date: '2025-03-02', amount: '-450.25', category: 'repairs' },
  ],
  { source: 'import' },
);
const dashboard = await session.dashboard({
  portfolioId: portfolio.id,
  from: '2025-01-01',
  to: '2025-12-31',
});

console.log(
  JSON.stringify({
    total: formatMoney(new Decimal('0.1').plus('0.2')),
    epochDay: toEpochDay('2026-01-31'),
    payment: amortize({ principal: '300000.00', annualRate: '0.065', termMonths: 360 }).payment,
    irr: irr([-100, 60, 60])?.toFixed(6),
    xirr: xirr([-1000, 1100], ['2025-01-01', '2026-01-01'])?.toFixed(6),
    noi: dashboard.totals.netOperatingIncome,
  }),
);
