// node:assert/strict for the suite in the web worker extension host, which has no Node modules:
// scripts/build.mjs maps the import here in the web suite bundle. The functions the suite calls,
// with Node's strict meanings, on chai's assert.
import { assert as chai } from 'chai';

export function ok(value: unknown, message?: string): asserts value {
  chai.ok(value, message);
}
export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  chai.strictEqual(actual, expected, message);
}
export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  chai.notStrictEqual(actual, expected, message);
}
export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  chai.deepStrictEqual(actual, expected, message);
}
export function match(value: string, pattern: RegExp, message?: string): void {
  chai.match(value, pattern, message);
}
export function throws(run: () => unknown, message?: string): void {
  chai.throws(run, undefined, undefined, message);
}
