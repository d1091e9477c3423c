/**
 * Time-value-of-money primitives with numpy-financial's positional arguments, sign conventions and
 * `when`: money paid out is negative, money received positive. Where numpy-financial returns `nan` for
 * well-typed input these return `null` (visible in their types); malformed input throws
 * `ValidationError` naming the argument.
 * @module
 */
export { fv } from './fv.js';
export { irr, irrRoots } from './irr.js';
export { mirr } from './mirr.js';
export { nper } from './nper.js';
export { npv } from './npv.js';
export { pmt } from './pmt.js';
export { ipmt, ppmt } from './pmt-parts.js';
export { pv } from './pv.js';
export { rate } from './rate.js';
export type { PaymentTiming } from './tvm-when.js';
export { xirr } from './xirr.js';
export { xnpv } from './xnpv.js';
