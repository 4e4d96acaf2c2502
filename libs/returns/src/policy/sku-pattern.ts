/**
 * A SKU pattern from a tenant's rules: an exact SKU, or a prefix ending in `*` (`GIFT-*`), or `*`
 * for every item. Matching is case-sensitive, as SKUs are.
 */
export function matchesSkuPattern(sku: string, pattern: string): boolean {
  if (pattern === '' || pattern === '*') return true;
  if (pattern.endsWith('*')) return sku.startsWith(pattern.slice(0, -1));
  return sku === pattern;
}

/** Whether any of `patterns` matches `sku`. */
export function matchesAnySkuPattern(sku: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesSkuPattern(sku, pattern));
}

/** Why a pattern is malformed, or undefined when it is fine. A `*` may only end a pattern. */
export function skuPatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > 64) return 'must be at most 64 characters';
  if (/\s/.test(pattern)) return 'must not contain spaces';
  if (pattern.slice(0, -1).includes('*')) return 'may contain * only at the end';
  return undefined;
}
