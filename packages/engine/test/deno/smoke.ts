// Runs under Deno against the built engine: proves the bundle needs no Node built-ins.
import { Decimal, formatMoney, toEpochDay } from '../../dist/index.js';

const total = formatMoney(new Decimal('0.1').plus('0.2'));
console.log(JSON.stringify({ total, epochDay: toEpochDay('2026-01-31') }));
