import { addDays, amortize, defaultCategory } from '@freehold/engine';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './demo-catalog.js';
import { generateDemoPlan } from './generate-demo.js';
import { amortizeTerms } from './plan-loans.js';

const asOf = '2026-03-15';
const plan = generateDemoPlan({ seed: 1, asOf });

describe('generateDemoPlan', () => {
  it('is deterministic for a seed and an as-of date, and differs across seeds', () => {
    expect(JSON.stringify(generateDemoPlan({ seed: 1, asOf }))).toBe(JSON.stringify(plan));
    expect(JSON.stringify(generateDemoPlan({ seed: 2, asOf }))).not.toBe(JSON.stringify(plan));
  });

  it('has twelve properties and forty units of every type', () => {
    expect(plan.properties).toHaveLength(12);
    expect(plan.units).toHaveLength(40);
    expect(new Set(plan.properties.map((p) => p.input.propertyType))).toEqual(
      new Set(['single_family', 'multifamily', 'condo', 'townhouse', 'commercial', 'mixed_use']),
    );
  });

  it('keeps every transaction within the five years ending on as-of', () => {
    const dates = plan.transactions.map((t) => t.input.date);
    expect(plan.historyStart).toBe('2021-03-01');
    expect(dates.every((date) => date >= plan.historyStart && date <= asOf)).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('uses every operating expense category of the defaults', () => {
    const used = new Set(plan.transactions.map((t) => t.input.category));
    for (const key of [
      'advertising',
      'auto_travel',
      'cleaning_maintenance',
      'commissions',
      'insurance',
      'legal_professional',
      'management_fees',
      'repairs',
      'supplies',
      'taxes',
      'utilities',
      'hoa_fees',
      'other_expense',
    ]) {
      expect(defaultCategory(key)?.kind).toBe('operating_expense');
      expect(used.has(key), key).toBe(true);
    }
  });

  it('splits mortgage payments exactly as amortize() does', () => {
    for (const catalog of CATALOG) {
      const loan = plan.loans.find((candidate) => candidate.key === `loan:${catalog.key}`);
      if (!catalog.loan || !loan) continue;
      const rows = amortize(amortizeTerms(catalog.loan, loan.input.startDate)).schedule.filter(
        (row) => row.date !== undefined && row.date >= plan.historyStart && row.date <= asOf,
      );
      const interest = plan.transactions.filter(
        (t) => t.refs.loanId === loan.key && t.input.category === 'mortgage_interest',
      );
      expect(interest.map((t) => t.input.amount)).toEqual(rows.map((row) => `-${row.interest}`));
    }
  });

  it('guarantees the conditions the demo tells about, for any seed', () => {
    for (const seed of [1, 2, 3, 42, 4294967295]) {
      const other = generateDemoPlan({ seed, asOf: '2025-07-01' });
      const active = other.leases.filter((lease) => lease.input.status === 'active');
      expect(
        active.some((lease) => lease.input.endDate && lease.input.endDate <= addDays('2025-07-01', 90)),
      ).toBe(true);
      expect(active.some((lease) => lease.input.endDate === null)).toBe(true);
      expect(other.units.filter((unit) => unit.input.status === 'vacant').length).toBeGreaterThanOrEqual(2);
      expect(other.leases.every((lease) => lease.input.startDate <= '2025-07-01')).toBe(true);
      expect(other.leases.some((lease) => lease.refs.previousLeaseId !== null)).toBe(true);
    }
  });
});
