/**
 * Awaiting IndexedDB requests. Single requests go through idb's `wrap`; batches (bulk writes, pipelined reads)
 * share one promise, so a 10,000-record import does not create 10,000 promises. Everything resolves inside the
 * request's success event, so code awaiting it still runs while the IndexedDB transaction is active.
 * @internal
 * @module
 */
import { wrap } from 'idb';

/** The result of an IndexedDB request, as a promise (rejects with the request's `DOMException`). */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return wrap(req);
}

/** The part of an `IDBRequest` a batch reads (structural, so requests of different result types mix). */
export interface RequestLike<T> {
  /** The result, once the request succeeded. */
  readonly result: T;
  /** The error, once it failed. */
  readonly error: DOMException | null;
  /** Success handler (this module owns the requests it is given). */
  onsuccess: ((this: never, event: Event) => unknown) | null;
  /** Error handler. */
  onerror: ((this: never, event: Event) => unknown) | null;
}

/** How one request of a batch ended. */
export type Settled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown };

/**
 * Waits until every request of `requests` has succeeded or failed, and reports each outcome in order. Never
 * rejects: the caller decides what a failure means (a unique-key conflict, a full disk…).
 */
export function settleAll<T>(requests: readonly RequestLike<T>[]): Promise<Settled<T>[]> {
  return new Promise((resolve) => {
    const outcomes: Settled<T>[] = new Array(requests.length);
    let pending = requests.length;
    if (pending === 0) {
      resolve(outcomes);
      return;
    }
    const done = () => {
      pending -= 1;
      if (pending === 0) resolve(outcomes);
    };
    requests.forEach((req, i) => {
      req.onsuccess = () => {
        outcomes[i] = { ok: true, value: req.result };
        done();
      };
      req.onerror = () => {
        outcomes[i] = { ok: false, error: req.error };
        done();
      };
    });
  });
}

/** The first failure of a batch, with its position, or `undefined` when every request succeeded. */
export function firstFailure<T>(
  outcomes: readonly Settled<T>[],
): { index: number; error: unknown } | undefined {
  for (const [index, outcome] of outcomes.entries()) {
    if (!outcome.ok) return { index, error: outcome.error };
  }
  return undefined;
}

/**
 * Calls `visit` with every value of `source` in key order, through a cursor (for migrations that rebuild
 * derived data from a store of any size).
 */
export function forEachValue(
  source: IDBObjectStore | IDBIndex,
  visit: (value: unknown) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = source.openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) {
        resolve();
        return;
      }
      try {
        visit(cursor.value);
      } catch (error) {
        reject(error);
        return;
      }
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}
