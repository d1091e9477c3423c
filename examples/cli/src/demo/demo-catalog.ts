/**
 * The fixed facts of the demo portfolio: twelve properties in eleven US cities, their units, operating profiles
 * and financing, plus the lenders, vendors and names the generator draws from. Amounts are at the as-of date's
 * price level (the generator deflates them for earlier years); dates are offsets in months before as-of, so
 * the portfolio always looks current.
 * @module
 */
import type { LoanKind, PropertyType } from '@freehold/engine';

/** A unit of a catalog property. */
export interface CatalogUnit {
  /** Label within the property. */
  readonly label: string;
  /** Bedrooms (0 for commercial space). */
  readonly bedrooms: number;
  /** Bathrooms, in halves. */
  readonly bathrooms: number;
  /** Interior area. */
  readonly sqft: number;
  /** Monthly market rent at as-of. */
  readonly marketRent: string;
  /** Commercial space: longer leases with yearly escalations. */
  readonly commercial?: boolean;
}

/** Financing of a catalog property (amounts, rates and timing; the schedule comes from `amortize`). */
export interface CatalogLoan {
  /** Display name. */
  readonly name: string;
  /** Repayment structure. */
  readonly kind: LoanKind;
  /** Key of the lender in {@link LENDERS}. */
  readonly lender: string;
  /** Principal lent. */
  readonly amount: string;
  /** Annual rate at the start. */
  readonly annualRate: number;
  /** Months before the as-of month the loan was funded (the funding date is the 1st of that month). */
  readonly startMonthsAgo: number;
  /** Term in months. */
  readonly termMonths: number;
  /** Amortization months when they differ from the term (balloon loans). */
  readonly amortizationMonths?: number;
  /** Leading interest-only months. */
  readonly interestOnlyMonths?: number;
  /** Balloon payment period. */
  readonly balloonMonth?: number;
  /** Interest day count. */
  readonly interestBasis?: '30/360' | 'actual/360' | 'actual/365';
  /** Scheduled rate resets. */
  readonly rateResets?: readonly { readonly period: number; readonly annualRate: number }[];
  /** Index + margin terms of an adjustable loan whose first reset lies beyond as-of. */
  readonly indexTerms?: {
    readonly index: string;
    readonly margin: number;
    readonly initialCap: number;
    readonly periodicCap: number;
    readonly lifetimeCap: number;
    readonly floor: number;
    readonly firstResetMonth: number;
    readonly resetEveryMonths: number;
  };
  /** Minimum DSCR covenant. */
  readonly minDscr?: number;
  /** Maximum LTV covenant. */
  readonly maxLtv?: number;
  /** Step-down prepayment penalty percentages by loan year. */
  readonly stepDownPenalty?: readonly number[];
}

/** Why a property is in the catalog, beyond being a rental: the conditions the demo guarantees at as-of. */
export type UnitCondition = 'vacant' | 'ending_soon' | 'month_to_month' | 'unpaid_rent';

/** A catalog property. */
export interface CatalogProperty {
  /** Stable key within the demo. */
  readonly key: string;
  /** Display name. */
  readonly name: string;
  /** Kind of real estate. */
  readonly propertyType: PropertyType;
  /** Street address. */
  readonly line1: string;
  /** City. */
  readonly city: string;
  /** State. */
  readonly region: string;
  /** ZIP code. */
  readonly postalCode: string;
  /** Location. */
  readonly lat: number;
  /** Location. */
  readonly lng: number;
  /** Year built. */
  readonly yearBuilt: number;
  /** Months before the as-of month it was bought (more than 60: before the 5-year history). */
  readonly purchasedMonthsAgo: number;
  /** Purchase price. */
  readonly purchasePrice: string;
  /** Closing costs. */
  readonly closingCosts: string;
  /** Land value. */
  readonly landValue: string;
  /** Yearly appreciation of the local market (a fraction). */
  readonly appreciation: number;
  /** Units. */
  readonly units: readonly CatalogUnit[];
  /** Yearly property tax, paid in two instalments. */
  readonly annualTax: string;
  /** Months (1–12) of the tax instalments. */
  readonly taxMonths: readonly [number, number];
  /** Yearly insurance premium. */
  readonly annualInsurance: string;
  /** Policy renewal month offset from as-of: the next renewal is this many months after the as-of month. */
  readonly insuranceRenewalInMonths: number;
  /** Monthly HOA dues (condos, townhomes). */
  readonly hoa?: string;
  /** Management fee as a fraction of rent collected, when professionally managed. */
  readonly managementRate?: number;
  /** Monthly owner-paid utilities at a mild month (common areas, water and sewer). */
  readonly utilities?: string;
  /** Monthly common-area cleaning and landscaping. */
  readonly cleaning?: string;
  /** Monthly other income (laundry, parking, CAM reimbursements). */
  readonly otherIncome?: { readonly memo: string; readonly amount: string };
  /** Annual rental licence fee. */
  readonly licence?: { readonly amount: string; readonly renewalInMonths: number };
  /** Financing, when any. */
  readonly loan?: CatalogLoan;
  /** Conditions guaranteed at as-of, by unit label. */
  readonly conditions?: Readonly<Record<string, UnitCondition>>;
  /** One-off capital projects: months before as-of, amount, memo, vendor key. */
  readonly capex?: readonly {
    readonly monthsAgo: number;
    readonly amount: string;
    readonly memo: string;
    readonly vendor: string;
  }[];
}

/** Lenders (contacts of kind lender). Fictional names. */
export const LENDERS: Readonly<Record<string, string>> = {
  lonestar: 'Lone Star Community Bank',
  buckeye: 'Buckeye Federal Credit Union',
  cardinal: 'Cardinal Mortgage Company',
  frontrange: 'Front Range Savings',
  heartland: 'Heartland Commercial Lending',
  desertsun: 'Desert Sun Capital',
  threerivers: 'Three Rivers Bank',
};

/** Vendors and service providers: key → [kind, name]. Fictional names. */
export const VENDORS: Readonly<Record<string, readonly ['vendor' | 'manager' | 'insurer', string]>> = {
  plumbing: ['vendor', 'Precision Plumbing & Drain'],
  hvac: ['vendor', 'AllSeasons Heating & Air'],
  landscaping: ['vendor', 'GreenScape Grounds'],
  cleaning: ['vendor', 'BrightWay Cleaning'],
  roofing: ['vendor', 'Apex Roofing'],
  handyman: ['vendor', 'FixRight Handyman Services'],
  paving: ['vendor', 'Metro Paving & Sealcoat'],
  contractor: ['vendor', 'Cornerstone Builders'],
  pest: ['vendor', 'Guardian Pest Control'],
  cpa: ['vendor', 'Ledger & Lane CPAs'],
  legal: ['vendor', 'Harper Legal Group'],
  manager: ['manager', 'Keystone Property Management'],
  insurer: ['insurer', 'Summit Mutual Insurance'],
};

/** Given names tenants are drawn from. */
export const FIRST_NAMES: readonly string[] = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Mateo',
  'Isabella',
  'Lucas',
  'Mia',
  'Levi',
  'Amelia',
  'Asher',
  'Harper',
  'James',
  'Evelyn',
  'Leo',
  'Abigail',
  'Grayson',
  'Emily',
  'Ezra',
  'Ella',
  'Luca',
  'Aaliyah',
  'Hudson',
  'Priya',
  'Wei',
  'Fatima',
  'Diego',
  'Keisha',
  'Tomás',
  'Hana',
  'Malik',
  'Nadia',
  'Rafael',
  'Yuki',
  'Omar',
  'Chloe',
  'Andre',
];

/** Family names tenants are drawn from. */
export const LAST_NAMES: readonly string[] = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Nguyen',
  'Patel',
  'Kim',
  'Chen',
  'Okafor',
  'Schmidt',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Silva',
  'Brooks',
  'Sullivan',
];

/** Businesses that lease the commercial suites. Fictional names. */
export const BUSINESS_TENANTS: readonly string[] = [
  'Sonoran Coffee Roasters',
  'Camelback Physical Therapy',
  'Desert Bloom Florist',
  'Lawrenceville Bike Works',
  'Allegheny Dental Studio',
  'Butler Street Books',
  'Saguaro Tax & Accounting',
  'Iron City Barbers',
];

const apartments = (
  labels: readonly string[],
  bedrooms: number,
  bathrooms: number,
  sqft: number,
  rents: readonly string[],
): CatalogUnit[] =>
  labels.map((label, i) => ({
    label,
    bedrooms,
    bathrooms,
    sqft: sqft + (i % 3) * 15,
    marketRent: rents[i % rents.length] ?? '0',
  }));

/** The twelve demo properties (40 units). */
export const CATALOG: readonly CatalogProperty[] = [
  {
    key: 'austin',
    name: 'Barton Hills House',
    propertyType: 'single_family',
    line1: '2417 Barton Hills Dr',
    city: 'Austin',
    region: 'TX',
    postalCode: '78704',
    lat: 30.2519,
    lng: -97.7801,
    yearBuilt: 1978,
    purchasedMonthsAgo: 101,
    purchasePrice: '415000.00',
    closingCosts: '8300.00',
    landValue: '150000.00',
    appreciation: 0.021,
    units: [{ label: 'House', bedrooms: 3, bathrooms: 2, sqft: 1650, marketRent: '2650.00' }],
    annualTax: '9120.00',
    taxMonths: [1, 7],
    annualInsurance: '2860.00',
    insuranceRenewalInMonths: 4,
    loan: {
      name: '30-year fixed',
      kind: 'fixed',
      lender: 'lonestar',
      amount: '332000.00',
      annualRate: 0.03875,
      startMonthsAgo: 101,
      termMonths: 360,
    },
    capex: [{ monthsAgo: 26, amount: '14650.00', memo: 'Roof replacement', vendor: 'roofing' }],
  },
  {
    key: 'clintonville',
    name: 'Clintonville Bungalow',
    propertyType: 'single_family',
    line1: '88 Olentangy Blvd',
    city: 'Columbus',
    region: 'OH',
    postalCode: '43214',
    lat: 40.0336,
    lng: -83.0214,
    yearBuilt: 1926,
    purchasedMonthsAgo: 88,
    purchasePrice: '189000.00',
    closingCosts: '4100.00',
    landValue: '52000.00',
    appreciation: 0.052,
    units: [{ label: 'House', bedrooms: 3, bathrooms: 1.5, sqft: 1450, marketRent: '1795.00' }],
    annualTax: '4480.00',
    taxMonths: [1, 6],
    annualInsurance: '1240.00',
    insuranceRenewalInMonths: 7,
    conditions: { House: 'month_to_month' },
  },
  {
    key: 'raleigh',
    name: 'Five Points Cottage',
    propertyType: 'single_family',
    line1: '1503 Whitaker Mill Rd',
    city: 'Raleigh',
    region: 'NC',
    postalCode: '27608',
    lat: 35.8127,
    lng: -78.6318,
    yearBuilt: 1948,
    purchasedMonthsAgo: 77,
    purchasePrice: '298000.00',
    closingCosts: '6200.00',
    landValue: '110000.00',
    appreciation: 0.046,
    units: [{ label: 'House', bedrooms: 3, bathrooms: 2, sqft: 1520, marketRent: '2150.00' }],
    annualTax: '3310.00',
    taxMonths: [1, 9],
    annualInsurance: '1580.00',
    insuranceRenewalInMonths: 9,
    loan: {
      name: '30-year fixed',
      kind: 'fixed',
      lender: 'cardinal',
      amount: '238400.00',
      annualRate: 0.0425,
      startMonthsAgo: 77,
      termMonths: 360,
    },
    conditions: { House: 'vacant' },
    capex: [
      { monthsAgo: 1, amount: '9840.00', memo: 'Kitchen refresh between tenants', vendor: 'contractor' },
    ],
  },
  {
    key: 'brickell',
    name: 'Brickell Bay Condo 1804',
    propertyType: 'condo',
    line1: '1300 Brickell Bay Dr, Unit 1804',
    city: 'Miami',
    region: 'FL',
    postalCode: '33131',
    lat: 25.7594,
    lng: -80.1895,
    yearBuilt: 2006,
    purchasedMonthsAgo: 94,
    purchasePrice: '365000.00',
    closingCosts: '7900.00',
    landValue: '0.00',
    appreciation: 0.038,
    units: [{ label: '1804', bedrooms: 2, bathrooms: 2, sqft: 1180, marketRent: '2950.00' }],
    annualTax: '7240.00',
    taxMonths: [3, 11],
    annualInsurance: '1690.00',
    insuranceRenewalInMonths: 5,
    hoa: '780.00',
  },
  {
    key: 'lohi',
    name: 'LoHi Loft 3B',
    propertyType: 'condo',
    line1: '2250 Eliot St, Unit 3B',
    city: 'Denver',
    region: 'CO',
    postalCode: '80211',
    lat: 39.7547,
    lng: -105.0115,
    yearBuilt: 2014,
    purchasedMonthsAgo: 71,
    purchasePrice: '312000.00',
    closingCosts: '6400.00',
    landValue: '0.00',
    appreciation: 0.024,
    units: [{ label: '3B', bedrooms: 1, bathrooms: 1, sqft: 760, marketRent: '1850.00' }],
    annualTax: '1980.00',
    taxMonths: [2, 6],
    annualInsurance: '620.00',
    insuranceRenewalInMonths: 2,
    hoa: '410.00',
    loan: {
      name: '5/1 ARM',
      kind: 'adjustable',
      lender: 'frontrange',
      amount: '249600.00',
      annualRate: 0.03125,
      startMonthsAgo: 71,
      termMonths: 360,
      rateResets: [
        { period: 61, annualRate: 0.0725 },
        { period: 73, annualRate: 0.07 },
      ],
    },
  },
  {
    key: 'germantown',
    name: 'Germantown Townhome',
    propertyType: 'townhouse',
    line1: '1214 5th Ave N',
    city: 'Nashville',
    region: 'TN',
    postalCode: '37208',
    lat: 36.1796,
    lng: -86.7894,
    yearBuilt: 2016,
    purchasedMonthsAgo: 83,
    purchasePrice: '389000.00',
    closingCosts: '7700.00',
    landValue: '95000.00',
    appreciation: 0.041,
    units: [{ label: 'Unit', bedrooms: 3, bathrooms: 2.5, sqft: 1780, marketRent: '2450.00' }],
    annualTax: '2890.00',
    taxMonths: [2, 10],
    annualInsurance: '1120.00',
    insuranceRenewalInMonths: 1,
    hoa: '225.00',
    loan: {
      name: '30-year fixed',
      kind: 'fixed',
      lender: 'cardinal',
      amount: '291750.00',
      annualRate: 0.0325,
      startMonthsAgo: 83,
      termMonths: 360,
    },
    conditions: { Unit: 'ending_soon' },
  },
  {
    key: 'southend',
    name: 'South End Townhome',
    propertyType: 'townhouse',
    line1: '318 Tremont Ave W',
    city: 'Charlotte',
    region: 'NC',
    postalCode: '28203',
    lat: 35.2086,
    lng: -80.8612,
    yearBuilt: 2019,
    purchasedMonthsAgo: 34,
    purchasePrice: '412000.00',
    closingCosts: '9100.00',
    landValue: '120000.00',
    appreciation: 0.033,
    units: [{ label: 'Unit', bedrooms: 2, bathrooms: 2.5, sqft: 1420, marketRent: '2295.00' }],
    annualTax: '3620.00',
    taxMonths: [1, 9],
    annualInsurance: '1310.00',
    insuranceRenewalInMonths: 10,
    hoa: '195.00',
    loan: {
      name: '30-year fixed',
      kind: 'fixed',
      lender: 'cardinal',
      amount: '329600.00',
      annualRate: 0.06875,
      startMonthsAgo: 34,
      termMonths: 360,
    },
  },
  {
    key: 'oldetowne',
    name: 'Olde Towne Fourplex',
    propertyType: 'multifamily',
    line1: '641 Parsons Ave',
    city: 'Columbus',
    region: 'OH',
    postalCode: '43206',
    lat: 39.9498,
    lng: -82.9822,
    yearBuilt: 1912,
    purchasedMonthsAgo: 110,
    purchasePrice: '468000.00',
    closingCosts: '9800.00',
    landValue: '90000.00',
    appreciation: 0.049,
    units: apartments(['A', 'B', 'C', 'D'], 2, 1, 940, ['1195.00', '1225.00', '1195.00', '1250.00']),
    annualTax: '8760.00',
    taxMonths: [1, 6],
    annualInsurance: '3350.00',
    insuranceRenewalInMonths: 3,
    managementRate: 0.08,
    utilities: '410.00',
    cleaning: '180.00',
    loan: {
      name: '30-year fixed',
      kind: 'fixed',
      lender: 'buckeye',
      amount: '374400.00',
      annualRate: 0.045,
      startMonthsAgo: 110,
      termMonths: 360,
    },
    capex: [{ monthsAgo: 40, amount: '7350.00', memo: 'Furnace replacement, units A and B', vendor: 'hvac' }],
  },
  {
    key: 'fountainsquare',
    name: 'Fountain Square Eight',
    propertyType: 'multifamily',
    line1: '1105 Shelby St',
    city: 'Indianapolis',
    region: 'IN',
    postalCode: '46203',
    lat: 39.7505,
    lng: -86.1444,
    yearBuilt: 1964,
    purchasedMonthsAgo: 96,
    purchasePrice: '740000.00',
    closingCosts: '14200.00',
    landValue: '120000.00',
    appreciation: 0.045,
    units: [
      ...apartments(['1', '2', '3', '4'], 1, 1, 640, ['995.00', '1025.00']),
      ...apartments(['5', '6', '7', '8'], 2, 1, 860, ['1245.00', '1295.00']),
    ],
    annualTax: '11900.00',
    taxMonths: [5, 11],
    annualInsurance: '5400.00',
    insuranceRenewalInMonths: 6,
    managementRate: 0.08,
    utilities: '920.00',
    cleaning: '340.00',
    otherIncome: { memo: 'Coin laundry', amount: '185.00' },
    loan: {
      name: '25-year fixed',
      kind: 'fixed',
      lender: 'heartland',
      amount: '555000.00',
      annualRate: 0.0525,
      startMonthsAgo: 96,
      termMonths: 300,
      minDscr: 1.25,
      maxLtv: 0.8,
    },
    conditions: { '6': 'unpaid_rent' },
  },
  {
    key: 'westport',
    name: 'Westport Commons',
    propertyType: 'multifamily',
    line1: '4120 Pennsylvania Ave',
    city: 'Kansas City',
    region: 'MO',
    postalCode: '64111',
    lat: 39.0527,
    lng: -94.5911,
    yearBuilt: 1988,
    purchasedMonthsAgo: 118,
    purchasePrice: '1380000.00',
    closingCosts: '24500.00',
    landValue: '240000.00',
    appreciation: 0.042,
    units: [
      ...apartments(['101', '102', '103', '104', '105', '106'], 1, 1, 690, ['1050.00', '1085.00', '1095.00']),
      ...apartments(['201', '202', '203', '204', '205', '206'], 2, 1.5, 910, [
        '1395.00',
        '1420.00',
        '1450.00',
      ]),
    ],
    annualTax: '19800.00',
    taxMonths: [6, 12],
    annualInsurance: '9600.00',
    insuranceRenewalInMonths: 8,
    managementRate: 0.075,
    utilities: '1650.00',
    cleaning: '520.00',
    otherIncome: { memo: 'Laundry and reserved parking', amount: '410.00' },
    loan: {
      name: 'Interest-only bridge-to-perm',
      kind: 'interest_only',
      lender: 'heartland',
      amount: '1050000.00',
      annualRate: 0.051,
      startMonthsAgo: 62,
      termMonths: 360,
      interestOnlyMonths: 72,
      minDscr: 1.25,
      maxLtv: 0.75,
    },
    conditions: { '204': 'vacant' },
    capex: [{ monthsAgo: 15, amount: '22400.00', memo: 'Parking lot mill and overlay', vendor: 'paving' }],
  },
  {
    key: 'camelback',
    name: 'Camelback Retail Center',
    propertyType: 'commercial',
    line1: '4747 E Camelback Rd',
    city: 'Phoenix',
    region: 'AZ',
    postalCode: '85018',
    lat: 33.5092,
    lng: -111.9756,
    yearBuilt: 1998,
    purchasedMonthsAgo: 105,
    purchasePrice: '1650000.00',
    closingCosts: '31000.00',
    landValue: '520000.00',
    appreciation: 0.031,
    units: [
      { label: 'Suite 100', bedrooms: 0, bathrooms: 1, sqft: 3200, marketRent: '6400.00', commercial: true },
      { label: 'Suite 110', bedrooms: 0, bathrooms: 1, sqft: 1800, marketRent: '3900.00', commercial: true },
      { label: 'Suite 120', bedrooms: 0, bathrooms: 1, sqft: 2400, marketRent: '5100.00', commercial: true },
    ],
    annualTax: '21400.00',
    taxMonths: [3, 10],
    annualInsurance: '8800.00',
    insuranceRenewalInMonths: 1,
    managementRate: 0.05,
    utilities: '780.00',
    cleaning: '450.00',
    otherIncome: { memo: 'CAM reimbursements', amount: '1450.00' },
    loan: {
      name: '10/25 commercial balloon',
      kind: 'balloon',
      lender: 'desertsun',
      amount: '1155000.00',
      annualRate: 0.0465,
      startMonthsAgo: 105,
      termMonths: 120,
      amortizationMonths: 300,
      balloonMonth: 120,
      interestBasis: 'actual/360',
      minDscr: 1.3,
      maxLtv: 0.75,
      stepDownPenalty: [5, 4, 3, 2, 1],
    },
    capex: [{ monthsAgo: 31, amount: '18750.00', memo: 'Rooftop HVAC unit, Suite 100', vendor: 'hvac' }],
  },
  {
    key: 'lawrenceville',
    name: 'Lawrenceville Corner',
    propertyType: 'mixed_use',
    line1: '4401 Butler St',
    city: 'Pittsburgh',
    region: 'PA',
    postalCode: '15201',
    lat: 40.4707,
    lng: -79.9597,
    yearBuilt: 1905,
    purchasedMonthsAgo: 20,
    purchasePrice: '865000.00',
    closingCosts: '19400.00',
    landValue: '160000.00',
    appreciation: 0.036,
    units: [
      {
        label: 'Storefront East',
        bedrooms: 0,
        bathrooms: 1,
        sqft: 1400,
        marketRent: '2900.00',
        commercial: true,
      },
      {
        label: 'Storefront West',
        bedrooms: 0,
        bathrooms: 1,
        sqft: 1150,
        marketRent: '2450.00',
        commercial: true,
      },
      ...apartments(['2F', '2R', '3F', '3R'], 2, 1, 820, ['1425.00', '1380.00', '1450.00', '1395.00']),
    ],
    annualTax: '14100.00',
    taxMonths: [4, 8],
    annualInsurance: '6200.00',
    insuranceRenewalInMonths: 4,
    managementRate: 0.07,
    utilities: '640.00',
    cleaning: '260.00',
    licence: { amount: '1140.00', renewalInMonths: 1 },
    loan: {
      name: '7/1 ARM (SOFR + 2.75%)',
      kind: 'adjustable',
      lender: 'threerivers',
      amount: '648750.00',
      annualRate: 0.0685,
      startMonthsAgo: 20,
      termMonths: 360,
      indexTerms: {
        index: 'SOFR',
        margin: 0.0275,
        initialCap: 0.05,
        periodicCap: 0.02,
        lifetimeCap: 0.05,
        floor: 0.0275,
        firstResetMonth: 85,
        resetEveryMonths: 12,
      },
      minDscr: 1.2,
    },
    capex: [
      {
        monthsAgo: 18,
        amount: '38600.00',
        memo: 'Storefront renovation and ADA entrance',
        vendor: 'contractor',
      },
    ],
  },
];

/** Deals in the acquisition pipeline: stage path, days since each stage was entered. */
export const PIPELINE: readonly {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly propertyType: PropertyType;
  readonly unitCount: number;
  readonly askingPrice: string;
  readonly stages: readonly (readonly ['lead' | 'analysing' | 'offer' | 'under_contract' | 'dead', number])[];
  readonly notes: string;
}[] = [
  {
    name: 'Maple Street Duplex',
    line1: '233 Maple St',
    city: 'Columbus',
    region: 'OH',
    postalCode: '43215',
    propertyType: 'multifamily',
    unitCount: 2,
    askingPrice: '329000.00',
    stages: [['lead', 6]],
    notes: 'Off-market lead from the property manager; both units leased through summer.',
  },
  {
    name: 'Elmwood Six',
    line1: '2810 E Washington St',
    city: 'Indianapolis',
    region: 'IN',
    postalCode: '46201',
    propertyType: 'multifamily',
    unitCount: 6,
    askingPrice: '615000.00',
    stages: [
      ['lead', 41],
      ['analysing', 12],
    ],
    notes: 'Rents about 8% below market; roof is 19 years old.',
  },
  {
    name: 'Sunset Ridge House',
    line1: '7318 N 19th Ave',
    city: 'Phoenix',
    region: 'AZ',
    postalCode: '85021',
    propertyType: 'single_family',
    unitCount: 1,
    askingPrice: '385000.00',
    stages: [
      ['lead', 58],
      ['analysing', 37],
      ['offer', 5],
    ],
    notes: 'Offer at 371,000 with a 10-day inspection period.',
  },
  {
    name: 'Riverside Sixteen',
    line1: '5010 NW Riverside Dr',
    city: 'Kansas City',
    region: 'MO',
    postalCode: '64150',
    propertyType: 'multifamily',
    unitCount: 16,
    askingPrice: '1950000.00',
    stages: [
      ['lead', 96],
      ['analysing', 81],
      ['offer', 52],
      ['under_contract', 23],
    ],
    notes: 'Under contract at 1,890,000; financing contingency ends in three weeks.',
  },
  {
    name: 'Harbor View Condo',
    line1: '1200 Bayshore Blvd, Unit 9C',
    city: 'Tampa',
    region: 'FL',
    postalCode: '33606',
    propertyType: 'condo',
    unitCount: 1,
    askingPrice: '289000.00',
    stages: [
      ['lead', 75],
      ['analysing', 64],
      ['dead', 50],
    ],
    notes: 'Passed: a special assessment for the seawall is pending.',
  },
];
