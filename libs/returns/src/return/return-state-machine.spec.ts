import {
  RETURN_STATUSES,
  RETURN_TRANSITIONS,
  assertReturnTransition,
  checkReturnTransition,
  isFinalStatus,
  transitionTableProblems,
  type ReturnStatus,
} from './return-state-machine';
import { ReturnsError } from './returns.errors';

const legal: Array<[ReturnStatus, ReturnStatus]> = [
  ['authorised', 'in_transit'],
  ['authorised', 'received'],
  ['authorised', 'cancelled'],
  ['in_transit', 'received'],
  ['in_transit', 'cancelled'],
  ['received', 'inspected'],
  ['received', 'rejected'],
  ['inspected', 'completed'],
  ['inspected', 'rejected'],
];

describe('return state machine', () => {
  it.each(legal)('allows a return to go from %s to %s', (from, to) => {
    expect(checkReturnTransition(from, to)).toEqual({ allowed: true });
    expect(() => assertReturnTransition('r-1', from, to)).not.toThrow();
  });

  it('allows exactly the listed transitions and refuses every other pair', () => {
    const pairs = RETURN_STATUSES.flatMap((from) => RETURN_STATUSES.map((to): [ReturnStatus, ReturnStatus] => [from, to]));
    const allowed = pairs.filter(([from, to]) => checkReturnTransition(from, to).allowed);
    expect(allowed).toEqual(expect.arrayContaining(legal));
    expect(allowed).toHaveLength(legal.length);
  });

  it.each<[ReturnStatus, ReturnStatus, string]>([
    ['received', 'cancelled', 'NOT_ALLOWED'],
    ['authorised', 'completed', 'NOT_ALLOWED'],
    ['in_transit', 'inspected', 'NOT_ALLOWED'],
    ['completed', 'rejected', 'FINAL_STATUS'],
    ['cancelled', 'authorised', 'FINAL_STATUS'],
    ['rejected', 'received', 'FINAL_STATUS'],
    ['received', 'received', 'SAME_STATUS'],
  ])('refuses %s → %s with %s, as a coded ILLEGAL_TRANSITION', (from, to, reason) => {
    expect(checkReturnTransition(from, to)).toEqual({ allowed: false, reason });
    let thrown: unknown;
    try {
      assertReturnTransition('r-1', from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ReturnsError);
    expect(thrown).toMatchObject({ kind: 'precondition', code: 'ILLEGAL_TRANSITION', details: { returnId: 'r-1', from, to, reason } });
  });

  it('refuses statuses it does not know, including inherited property names', () => {
    expect(checkReturnTransition('authorised', 'teleported')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
    expect(checkReturnTransition('constructor', 'received')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
  });

  it('has exactly three final statuses', () => {
    expect(RETURN_STATUSES.filter(isFinalStatus)).toEqual(['completed', 'rejected', 'cancelled']);
  });
});

describe(transitionTableProblems.name, () => {
  it('finds nothing wrong with the shipped table', () => {
    expect(transitionTableProblems(RETURN_TRANSITIONS)).toEqual([]);
  });

  it('reports unknown targets and self-transitions', () => {
    const broken = { a: ['b', 'a'], b: ['z'] } as unknown as Record<'a' | 'b', readonly ('a' | 'b')[]>;
    expect(transitionTableProblems(broken)).toEqual(['a → a: self-transition', 'b → z: unknown target status']);
  });
});
