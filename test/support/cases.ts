/** The shared membership table (test/data/membership.json), for every engine's suite. */
import { readFileSync } from 'node:fs';

export interface MembershipCase {
  readonly pattern: string;
  readonly accept: readonly string[];
  readonly reject: readonly string[];
  /** false when the pattern uses syntax beyond JavaScript (& or ~). */
  readonly v8?: boolean;
}

export function membershipCases(): MembershipCase[] {
  const url = new URL('../data/membership.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: MembershipCase[] }).cases;
}
