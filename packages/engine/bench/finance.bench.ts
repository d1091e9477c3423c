/**
 * Finance benchmark: Freehold's time-value functions and amortization side by side with the npm packages
 * `financial` (a port of numpy-financial) and `@formulajs/formulajs` (Excel formulas), on the same
 * deterministic inputs in the same run.
 *
 * Run: `npm run bench` (builds first; imports the built `@freehold/engine`). `--quick` or `BENCH_QUICK=1`
 * shrinks every case for a smoke run.
 *
 * For each case it prints one table: throughput (calls per second over the whole batch), the ratio to the
 * faster peer, and correctness over every input — how many answers differ from Freehold's by more than
 * 1e-6 relative, how many calls gave no answer (NaN, ±Infinity, a thrown error, an Excel error value or
 * null), and, for the root finders, how many answers are wrong (not a root, or no answer where another
 * library found a verified root).
 */
import * as formulajs from '@formulajs/formulajs';
import * as freehold from '@freehold/engine';
import * as financial from 'financial';
import { Bench } from 'tinybench';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const scale = (full: number, small: number): number => (quick ? small : full);

// ---------------------------------------------------------------------------------------------------
// Deterministic inputs
// ---------------------------------------------------------------------------------------------------

/** mulberry32: a tiny seeded PRNG (32-bit state), uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20_260_131);
const uniform = (lo: number, hi: number): number => lo + (hi - lo) * random();
const cents = (value: number): number => Math.round(value * 100) / 100;

/** Annual unlevered hold: price, growing NOI, occasional capital expenditure, sale at an exit cap rate. */
function annualSeries(length: number): number[] {
  const price = uniform(1e5, 5e7);
  const cap = uniform(0.045, 0.09);
  const growth = uniform(-0.01, 0.04);
  const exitCap = cap + uniform(-0.005, 0.015);
  const flows = [-cents(price * (1 + uniform(0, 0.03)))];
  for (let t = 1; t < length; t++) {
    const noi = price * cap * (1 + growth) ** (t - 1);
    let flow = noi;
    if (random() < 0.04) flow -= price * uniform(0.02, 0.25); // roof, re-tenanting
    if (t === length - 1) flow += ((noi * (1 + growth)) / exitCap) * 0.98;
    flows.push(cents(flow));
  }
  return flows;
}

/** Monthly levered hold over 30 years: equity in, NOI less debt service monthly, sale less payoff. */
function monthlySeries(length: number): number[] {
  const price = uniform(1e6, 3e7);
  const ltv = uniform(0.5, 0.75);
  const loan = price * ltv;
  const mortgage = uniform(0.03, 0.07) / 12;
  const debtService = (loan * mortgage) / (1 - (1 + mortgage) ** -360);
  const cap = uniform(0.05, 0.085);
  const growth = uniform(0, 0.035);
  const flows = [-cents(price * (1 - ltv) * (1 + uniform(0.01, 0.03)))];
  for (let t = 1; t < length; t++) {
    const noi = ((price * cap) / 12) * (1 + growth) ** Math.floor((t - 1) / 12);
    let flow = noi - debtService;
    if (random() < 0.01) flow -= price * uniform(0.01, 0.05);
    if (t === length - 1) {
      const paid = t;
      const balance = loan * (1 + mortgage) ** paid - (debtService * ((1 + mortgage) ** paid - 1)) / mortgage;
      flow += ((noi * 12 * (1 + growth)) / (cap + 0.005)) * 0.97 - Math.max(0, balance);
    }
    flows.push(cents(flow));
  }
  return flows;
}

const MS_PER_DAY = 86_400_000;
const isoDate = (epochDay: number): string => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);

interface DatedSeries {
  readonly values: number[];
  readonly dates: string[];
}

/** About quarterly distributions on irregular dates, an occasional capital call, a sale at the end. */
function datedSeries(length: number): DatedSeries {
  const price = uniform(1e5, 2e7);
  let day = Math.floor(uniform(12_784, 19_700)); // 2005 … 2023
  const values = [-cents(price)];
  const dates = [isoDate(day)];
  const yieldRate = uniform(0.01, 0.025);
  for (let k = 1; k < length; k++) {
    day += random() < 0.03 ? 0 : Math.floor(uniform(60, 120));
    let value = price * yieldRate * (1 + 0.005 * k);
    if (random() < 0.06) value -= price * uniform(0.02, 0.1);
    if (k === length - 1) value += price * uniform(0.8, 1.6);
    values.push(cents(value));
    dates.push(isoDate(day));
  }
  return { values, dates };
}

interface PaymentInput {
  readonly rate: number;
  readonly nper: number;
  readonly pv: number;
}

interface LoanInput {
  readonly principal: string;
  readonly annualRate: string;
}

// ---------------------------------------------------------------------------------------------------
// Correctness
// ---------------------------------------------------------------------------------------------------

/** A usable answer, or null for NaN, ±Infinity, null, an Excel error value or a thrown error. */
function answer(compute: () => unknown): number | null {
  try {
    const value = compute();
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** True when `rate` zeroes `Σ vᵢ (1 + rate)^(−tᵢ)` to within 1e-8 of the size of its terms. */
function isRoot(values: readonly number[], times: (i: number) => number, rate: number): boolean {
  if (!(rate > -1)) return false;
  const logGrowth = Math.log1p(rate);
  let sum = 0;
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const term = (values[i] as number) * Math.exp(-times(i) * logGrowth);
    sum += term;
    size += Math.abs(term);
  }
  return Math.abs(sum) <= 1e-8 * size;
}

const differs = (a: number, b: number): boolean => Math.abs(a - b) > 1e-6 * Math.max(Math.abs(b), 1e-9);

// ---------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------

interface Contender<I> {
  readonly library: string;
  readonly run: (input: I) => unknown;
}

interface BenchCase<I> {
  readonly title: string;
  readonly unit: string;
  readonly inputs: readonly I[];
  /** Calls per timed batch (inputs are cycled when larger than `inputs.length`). */
  readonly calls: number;
  readonly contenders: readonly Contender<I>[];
  /** For root finders: whether an answer really is a root of this input. */
  readonly verify?: (input: I, value: number) => boolean;
  /** Number extracted from a result for comparisons (default: the result itself). */
  readonly toNumber?: (result: unknown) => unknown;
  readonly note?: string;
}

interface Row {
  readonly library: string;
  readonly opsPerSecond: number;
  readonly batches: number;
  readonly differ: number;
  readonly failed: number;
  readonly wrong: number | null;
}

let sink = 0;

async function runCase<I>(benchCase: BenchCase<I>): Promise<Row[]> {
  const { inputs, contenders, calls } = benchCase;
  const toNumber = benchCase.toNumber ?? ((result: unknown) => result);
  // Correctness pass over every distinct input; it also warms up the JIT and sizes the timed batches.
  const passMs: number[] = [];
  const answers = contenders.map((contender) => {
    const started = performance.now();
    const list = inputs.map((input) => answer(() => toNumber(contender.run(input))));
    passMs.push(performance.now() - started);
    return list;
  });
  const reference = answers[0] as (number | null)[];
  const verified = benchCase.verify;
  const anyRoot = inputs.map((input, i) =>
    verified === undefined
      ? false
      : answers.some((list) => {
          const value = list[i];
          return value !== null && value !== undefined && verified(input, value);
        }),
  );

  // One tinybench run per contender, so each gets as many batches as fit in about a second (3 to 30).
  const timings: { period: number; batches: number }[] = [];
  for (const [index, contender] of contenders.entries()) {
    const run = contender.run;
    const estimate = ((passMs[index] as number) * calls) / inputs.length;
    const batches = quick ? 1 : Math.max(3, Math.min(30, Math.ceil(1000 / estimate)));
    const bench = new Bench({ time: 0, iterations: batches, warmup: false });
    bench.add(contender.library, () => {
      let acc = 0;
      for (let k = 0; k < calls; k++) {
        const result = run(inputs[k % inputs.length] as I);
        if (typeof result === 'number' && Number.isFinite(result)) acc += result;
      }
      sink += acc;
    });
    await bench.run();
    const result = bench.tasks[0]?.result;
    // The fastest batch: other processes on the machine only ever slow a batch down.
    const period = result !== undefined && 'latency' in result ? result.latency.min : Number.NaN;
    timings.push({ period, batches });
  }

  return contenders.map((contender, index) => {
    const { period, batches } = timings[index] as { period: number; batches: number };
    const list = answers[index] as (number | null)[];
    let differ = 0;
    let failed = 0;
    let wrong = 0;
    for (let i = 0; i < list.length; i++) {
      const value = list[i] ?? null;
      const mine = reference[i] ?? null;
      if (value === null) failed++;
      else if (mine !== null && differs(value, mine)) differ++;
      if (verified !== undefined) {
        if (value === null ? anyRoot[i] : !verified(inputs[i] as I, value)) wrong++;
      }
    }
    return {
      library: contender.library,
      opsPerSecond: (calls / period) * 1000,
      batches,
      differ,
      failed,
      wrong: verified === undefined ? null : wrong,
    };
  });
}

function printTable(
  benchCase: Pick<BenchCase<never>, 'title' | 'unit' | 'calls' | 'note'>,
  rows: readonly Row[],
): void {
  const peers = rows.slice(1).map((row) => row.opsPerSecond);
  const fastestPeer = Math.max(...peers);
  const table = rows.map((row) => ({
    library: row.library,
    [`${benchCase.unit}/s`]: Math.round(row.opsPerSecond).toLocaleString('en-US'),
    'x faster peer': (row.opsPerSecond / fastestPeer).toFixed(2),
    'best of': row.batches,
    'differ >1e-6': row.differ,
    'no answer': row.failed,
    wrong: row.wrong ?? '-',
  }));
  console.log(`\n${benchCase.title}  (${benchCase.calls.toLocaleString('en-US')} calls per batch)`);
  console.table(table);
  if (benchCase.note) console.log(`  ${benchCase.note}`);
}

const byIndex = (i: number): number => i;

function periodicVerify(values: number[], value: number): boolean {
  return isRoot(values, byIndex, value);
}

function datedVerify(input: DatedSeries, value: number): boolean {
  const start = Date.parse(`${input.dates[0]}T00:00:00Z`);
  return isRoot(
    input.values,
    (i) => (Date.parse(`${input.dates[i]}T00:00:00Z`) - start) / MS_PER_DAY / 365,
    value,
  );
}

function floatTotalInterest(
  pmtFn: (rate: number, nper: number, pv: number) => unknown,
  ipmtFn: (rate: number, per: number, nper: number, pv: number) => unknown,
  loan: LoanInput,
): number {
  const principal = Number(loan.principal);
  const rate = Number(loan.annualRate) / 12;
  sink += Number(pmtFn(rate, 360, principal));
  let interest = 0;
  for (let period = 1; period <= 360; period++) interest -= Number(ipmtFn(rate, period, 360, principal));
  return interest;
}

const cases: BenchCase<never>[] = [];
function addCase<I>(benchCase: BenchCase<I>): void {
  cases.push(benchCase as unknown as BenchCase<never>);
}

const annual = Array.from({ length: scale(10_000, 500) }, () => annualSeries(30));
addCase<number[]>({
  title: 'irr: annual series of 30 flows',
  unit: 'series',
  inputs: annual,
  calls: annual.length,
  contenders: [
    { library: 'Freehold irr', run: (values) => freehold.irr(values) },
    { library: 'financial irr', run: (values) => financial.irr(values) },
    { library: 'formulajs IRR', run: (values) => formulajs.IRR(values) },
  ],
  verify: periodicVerify,
});

const monthly = Array.from({ length: scale(1_000, 60) }, (_, i) => monthlySeries(i % 2 === 0 ? 361 : 360));
addCase<number[]>({
  title: 'irr: monthly series of 360/361 flows',
  unit: 'series',
  inputs: monthly,
  calls: monthly.length,
  contenders: [
    { library: 'Freehold irr', run: (values) => freehold.irr(values) },
    { library: 'financial irr', run: (values) => financial.irr(values) },
    { library: 'formulajs IRR', run: (values) => formulajs.IRR(values) },
  ],
  verify: periodicVerify,
});

const dated = Array.from({ length: scale(10_000, 300) }, () => datedSeries(20));
addCase<DatedSeries>({
  title: 'xirr: 20 dated flows',
  unit: 'series',
  inputs: dated,
  calls: dated.length,
  contenders: [
    { library: 'Freehold xirr', run: (input) => freehold.xirr(input.values, input.dates) },
    { library: 'formulajs XIRR', run: (input) => formulajs.XIRR(input.values, input.dates) },
  ],
  verify: datedVerify,
  note: '`financial` has no xirr.',
});

const payments: PaymentInput[] = Array.from({ length: 10_000 }, () => ({
  rate: uniform(0.02, 0.1) / 12,
  nper: 12 * Math.floor(uniform(5, 41)),
  pv: cents(uniform(5e4, 5e6)),
}));
addCase<PaymentInput>({
  title: 'pmt',
  unit: 'calls',
  inputs: payments,
  calls: scale(1_000_000, 20_000),
  contenders: [
    { library: 'Freehold pmt', run: (p) => freehold.pmt(p.rate, p.nper, p.pv) },
    { library: 'financial pmt', run: (p) => financial.pmt(p.rate, p.nper, p.pv) },
    { library: 'formulajs PMT', run: (p) => formulajs.PMT(p.rate, p.nper, p.pv) },
  ],
});

const loans: LoanInput[] = Array.from({ length: scale(10_000, 200) }, () => ({
  principal: cents(uniform(5e4, 2e6)).toFixed(2),
  annualRate: uniform(0.02, 0.09).toFixed(4),
}));
addCase<LoanInput>({
  title: 'amortize: 360-month schedule (result compared: total interest)',
  unit: 'loans',
  inputs: loans,
  calls: loans.length,
  contenders: [
    {
      library: 'Freehold amortize',
      run: (loan) =>
        freehold.amortize({ principal: loan.principal, annualRate: loan.annualRate, termMonths: 360 }),
    },
    {
      library: 'financial pmt/ipmt loop',
      run: (loan) => floatTotalInterest(financial.pmt, financial.ipmt, loan),
    },
    {
      library: 'formulajs PMT/IPMT loop',
      run: (loan) => floatTotalInterest(formulajs.PMT, formulajs.IPMT, loan),
    },
  ],
  toNumber: (result) =>
    typeof result === 'object' && result !== null && 'totalInterest' in result
      ? Number((result as { totalInterest: string }).totalInterest)
      : result,
  note: 'The float loops neither round to the cent nor settle the last payment, so small differences are expected.',
});

console.log(
  `Freehold finance benchmark${quick ? ' (quick)' : ''} on Node ${process.version}: after a correctness pass over every input,`,
  'each library runs the whole batch several times (tinybench); throughput is from its fastest batch.',
);
const started = performance.now();
for (const benchCase of cases) {
  const rows = await runCase(benchCase);
  printTable(benchCase, rows);
}
console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s (checksum ${sink.toExponential(3)}).`,
);
