/**
 * Postal address and geographic location, shared by properties, deals and contacts.
 * @module
 */
import { z } from 'zod';
import { CountryCodeSchema, optionalTextSchema, textSchema } from './values.js';

/** A postal address. `region` is the state, province or county; `country` an ISO-3166 alpha-2 code. */
export const AddressSchema = z.strictObject({
  line1: textSchema(200),
  line2: optionalTextSchema(200),
  city: textSchema(100),
  region: textSchema(100),
  postalCode: textSchema(20),
  country: CountryCodeSchema.default('US'),
});
/** A postal address. */
export type Address = z.output<typeof AddressSchema>;

/** A point on Earth in decimal degrees (WGS 84). */
export const GeoLocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
/** A point on Earth in decimal degrees. */
export type GeoLocation = z.output<typeof GeoLocationSchema>;
