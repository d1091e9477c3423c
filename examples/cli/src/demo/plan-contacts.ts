/**
 * Contacts of the demo: lenders, vendors and tenants, with unique made-up names, `example.com` addresses and
 * 555-01xx telephone numbers (reserved for fiction).
 * @module
 */
import { BUSINESS_TENANTS, FIRST_NAMES, LAST_NAMES, LENDERS, VENDORS } from './demo-catalog.js';
import type { PlannedContact } from './demo-plan.js';
import type { SeededRandom } from './seeded-random.js';

/** Telephone area codes of the demo's cities. */
const AREA_CODES: Readonly<Record<string, string>> = {
  Austin: '512',
  Columbus: '614',
  Raleigh: '919',
  Miami: '305',
  Denver: '303',
  Nashville: '615',
  Charlotte: '704',
  Indianapolis: '317',
  'Kansas City': '816',
  Phoenix: '602',
  Pittsburgh: '412',
};

/** Key of a lender contact. */
export const lenderKey = (lender: string): string => `contact:lender:${lender}`;
/** Key of a vendor contact. */
export const vendorKey = (vendor: string): string => `contact:vendor:${vendor}`;

/** Display name of a vendor. */
export function vendorName(vendor: string): string {
  const entry = VENDORS[vendor];
  if (!entry) throw new RangeError(`unknown demo vendor ${vendor}`);
  return entry[1];
}

/** Display name of a lender. */
export function lenderName(lender: string): string {
  const name = LENDERS[lender];
  if (name === undefined) throw new RangeError(`unknown demo lender ${lender}`);
  return name;
}

/** The lender and vendor contacts. */
export function planBusinessContacts(): PlannedContact[] {
  const lenders: PlannedContact[] = Object.entries(LENDERS).map(([key, name]) => ({
    key: lenderKey(key),
    refs: {},
    input: { kind: 'lender', name, company: name },
  }));
  const vendors: PlannedContact[] = Object.entries(VENDORS).map(([key, [kind, name]]) => ({
    key: vendorKey(key),
    refs: {},
    input: { kind, name, company: name },
  }));
  return [...lenders, ...vendors];
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Draws tenant contacts with names unique within the portfolio. */
export class TenantDirectory {
  readonly #random: SeededRandom;
  readonly #usedNames = new Set<string>();
  readonly #businesses: string[];
  #count = 0;
  readonly contacts: PlannedContact[] = [];

  constructor(random: SeededRandom) {
    this.#random = random;
    this.#businesses = [...BUSINESS_TENANTS];
  }

  #phone(city: string): string {
    const area = AREA_CODES[city] ?? '555';
    return `+1 ${area}-555-01${String(this.#random.int(0, 99)).padStart(2, '0')}`;
  }

  /** A new residential tenant in `city`; returns its key and name. */
  person(city: string): { key: string; name: string } {
    let first = this.#random.pick(FIRST_NAMES);
    let last = this.#random.pick(LAST_NAMES);
    for (let attempt = 0; this.#usedNames.has(`${first} ${last}`) && attempt < 50; attempt++) {
      first = this.#random.pick(FIRST_NAMES);
      last = this.#random.pick(LAST_NAMES);
    }
    let name = `${first} ${last}`;
    if (this.#usedNames.has(name)) name = `${first} ${String.fromCharCode(65 + (this.#count % 26))}. ${last}`;
    this.#usedNames.add(name);
    this.#count++;
    const key = `contact:tenant:${this.#count}`;
    this.contacts.push({
      key,
      refs: {},
      input: {
        kind: 'tenant',
        name,
        email: `${ascii(first)}.${ascii(last)}${this.#count}@example.com`,
        phone: this.#phone(city),
      },
    });
    return { key, name };
  }

  /** A new commercial tenant in `city`; returns its key and name. */
  business(city: string): { key: string; name: string } {
    const index = this.#random.int(0, Math.max(0, this.#businesses.length - 1));
    const drawn = this.#businesses.splice(index, 1)[0];
    const name = drawn ?? `${this.#random.pick(LAST_NAMES)} & Partners ${this.#count + 1}`;
    this.#usedNames.add(name);
    this.#count++;
    const key = `contact:tenant:${this.#count}`;
    const contact = name.split(' ')[0]?.toLowerCase() ?? 'office';
    this.contacts.push({
      key,
      refs: {},
      input: {
        kind: 'tenant',
        name,
        company: name,
        email: `office@${ascii(contact)}${this.#count}.example.com`,
        phone: this.#phone(city),
      },
    });
    return { key, name };
  }
}
