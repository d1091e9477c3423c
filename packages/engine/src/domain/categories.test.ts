import { describe, expect, it } from 'vitest';
import {
  CATEGORY_KIND_INFO,
  CATEGORY_KINDS,
  type CategoryKind,
  categoryKeyFromName,
  categoryKindCounts,
  countsInCashFlow,
  countsInEgi,
  countsInNoi,
  DEFAULT_CATEGORIES,
  defaultCategory,
  isCapitalExpenditure,
  isCategoryKind,
  isDebtService,
  isEquityFlow,
  isIncome,
  isInvestmentFlow,
  isLiabilityFlow,
  isLoanProceeds,
  isOperatingExpense,
  isTransfer,
  SCHEDULE_E_LINES,
  scheduleELine,
} from './categories.js';
import { CategoryCreateSchema, CategoryKeySchema } from './entities/category.js';
import { parseWith } from './validation.js';

describe('category kinds', () => {
  it('are the twelve kinds of DATA-MODEL.md', () => {
    expect(CATEGORY_KINDS).toEqual([
      'income',
      'operating_expense',
      'debt_service_interest',
      'debt_service_principal',
      'capital_expenditure',
      'capital_contribution',
      'capital_distribution',
      'acquisition',
      'disposition',
      'loan_proceeds',
      'security_deposit',
      'transfer',
    ]);
    expect(Object.keys(CATEGORY_KIND_INFO).sort()).toEqual([...CATEGORY_KINDS].sort());
    expect(isCategoryKind('income')).toBe(true);
    expect(isCategoryKind('rent')).toBe(false);
  });

  it('count where the table says', () => {
    const noi = CATEGORY_KINDS.filter(countsInNoi);
    expect(noi).toEqual(['income', 'operating_expense']);
    expect(CATEGORY_KINDS.filter(countsInEgi)).toEqual(['income']);
    expect(CATEGORY_KINDS.filter(isDebtService)).toEqual(['debt_service_interest', 'debt_service_principal']);
    expect(CATEGORY_KINDS.filter(countsInCashFlow)).toEqual([
      'income',
      'operating_expense',
      'debt_service_interest',
      'debt_service_principal',
    ]);
    expect(CATEGORY_KINDS.filter(isCapitalExpenditure)).toEqual(['capital_expenditure']);
    expect(CATEGORY_KINDS.filter(isEquityFlow)).toEqual(['capital_contribution', 'capital_distribution']);
    expect(CATEGORY_KINDS.filter(isInvestmentFlow)).toEqual([
      'capital_contribution',
      'capital_distribution',
      'acquisition',
      'disposition',
    ]);
    expect(CATEGORY_KINDS.filter(isLoanProceeds)).toEqual(['loan_proceeds']);
    expect(CATEGORY_KINDS.filter(isLiabilityFlow)).toEqual(['security_deposit']);
    expect(CATEGORY_KINDS.filter(isTransfer)).toEqual(['transfer']);
    expect(CATEGORY_KINDS.filter(isIncome)).toEqual(['income']);
    expect(CATEGORY_KINDS.filter(isOperatingExpense)).toEqual(['operating_expense']);
    expect(categoryKindCounts('security_deposit')).toEqual(['liabilities']);
    expect(categoryKindCounts('transfer')).toEqual([]);
  });

  it('security deposits and transfers never count as income or NOI', () => {
    for (const kind of ['security_deposit', 'transfer', 'loan_proceeds'] as CategoryKind[]) {
      expect(countsInNoi(kind)).toBe(false);
      expect(countsInEgi(kind)).toBe(false);
      expect(countsInCashFlow(kind)).toBe(false);
    }
  });
});

describe('default categories', () => {
  it('have unique, valid keys and valid definitions', () => {
    const keys = DEFAULT_CATEGORIES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const category of DEFAULT_CATEGORIES) {
      expect(parseWith(CategoryKeySchema, category.key)).toBe(category.key);
      expect(isCategoryKind(category.kind)).toBe(true);
      const created = parseWith(CategoryCreateSchema, { portfolioId: 'p', ...category, builtIn: true });
      expect(created.scheduleELine).toEqual(category.scheduleELine);
    }
  });

  it('cover every kind', () => {
    const kinds = new Set(DEFAULT_CATEGORIES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...CATEGORY_KINDS].sort());
  });

  it('map onto every Schedule E line except royalties (4) and depreciation (18, computed)', () => {
    const lines = new Set(DEFAULT_CATEGORIES.flatMap((c) => (c.scheduleELine ? [c.scheduleELine.line] : [])));
    const expected = SCHEDULE_E_LINES.map((l) => l.line).filter((l) => l !== 4 && l !== 18);
    expect([...lines].sort((a, b) => a - b)).toEqual(expected);
    for (const category of DEFAULT_CATEGORIES) {
      if (category.scheduleELine)
        expect(scheduleELine(category.scheduleELine.line)).toEqual(category.scheduleELine);
    }
  });

  it('map the Schedule E expense lines named by DATA-MODEL.md', () => {
    const byLine = (line: number) =>
      DEFAULT_CATEGORIES.filter((c) => c.scheduleELine?.line === line).map((c) => c.key);
    expect(byLine(3)).toContain('rent');
    expect(byLine(12)).toEqual(['mortgage_interest']);
    expect(byLine(16)).toEqual(['taxes']);
    expect(defaultCategory('mortgage_interest')?.kind).toBe('debt_service_interest');
    expect(defaultCategory('mortgage_principal')?.kind).toBe('debt_service_principal');
    expect(defaultCategory('security_deposit')?.scheduleELine).toBeNull();
    expect(defaultCategory('hoa_fees')?.kind).toBe('operating_expense');
    expect(defaultCategory('nope')).toBeUndefined();
  });
});

describe('categoryKeyFromName', () => {
  it('makes valid keys', () => {
    expect(categoryKeyFromName('Pool service')).toBe('pool_service');
    expect(categoryKeyFromName('  Café & Bar — 2nd ')).toBe('cafe_bar_2nd');
    expect(categoryKeyFromName('***')).toBe('');
    expect(parseWith(CategoryKeySchema, categoryKeyFromName('x'.repeat(100)))).toHaveLength(64);
  });
});
