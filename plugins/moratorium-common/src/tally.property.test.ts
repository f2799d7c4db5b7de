import fc from 'fast-check';
import { CommissionRules, tallyVotes } from './tally';
import { VOTE_CHOICES, Vote, VoteChoice } from './types';

// tally.test.ts checks that a deferral is always supported and never both
// approval and rejection; these properties pin the quorum and majority
// rules and what the tally must not depend on.

const rulesArb: fc.Arbitrary<CommissionRules> = fc.record({
  quorum: fc.constantFrom(0, 0.25, 0.5, 2 / 3, 1),
  majority: fc.constantFrom(0, 0.5, 2 / 3, 0.75),
});

const ballot = fc.array(fc.constantFrom<VoteChoice>(...VOTE_CHOICES), {
  maxLength: 15,
});

/** One vote per member, each at its own minute. */
function votesOf(choices: VoteChoice[]): Vote[] {
  return choices.map((choice, i) => ({
    member: `user:default/m${i}`,
    choice,
    at: new Date(Date.UTC(2026, 11, 3, 5, i)).toISOString(),
  }));
}

describe('tallyVotes properties', () => {
  it('reaches a quorum exactly when enough members vote, and approves exactly on a majority for', () => {
    fc.assert(
      fc.property(
        ballot,
        fc.integer({ min: 0, max: 10 }),
        rulesArb,
        (choices, extra, rules) => {
          const eligible = choices.length + extra;
          const tally = tallyVotes(votesOf(choices), eligible, rules);
          const count = (c: VoteChoice) => choices.filter(x => x === c).length;
          const cast = count('for') + count('against') + count('abstain');
          const needed = Math.max(1, Math.ceil(eligible * rules.quorum));
          expect(tally).toMatchObject({
            for: count('for'),
            against: count('against'),
            abstain: count('abstain'),
            recused: count('recuse'),
            eligible,
            quorum: needed,
            quorumReached: eligible > 0 && cast >= needed,
          });
          let expected: string[];
          if (!tally.quorumReached) {
            expected = ['deferred'];
          } else if (count('for') > cast * rules.majority) {
            expected = ['approved', 'approved-with-conditions', 'deferred'];
          } else {
            expected = ['rejected', 'deferred'];
          }
          expect(tally.supportedOutcomes).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the votes arrive in', () => {
    fc.assert(
      fc.property(
        ballot,
        fc.integer({ min: 0, max: 5 }),
        rulesArb,
        fc.nat(),
        (choices, extra, rules, seed) => {
          const votes = votesOf(choices);
          // Each member also changed their mind once, earlier.
          const earlier = votes.map(v => ({
            ...v,
            choice: VOTE_CHOICES[(VOTE_CHOICES.indexOf(v.choice) + 1) % 4],
            at: new Date(Date.parse(v.at) - 3_600_000).toISOString(),
          }));
          const all = [...votes, ...earlier];
          const shuffled = [...all].sort(
            (a, b) =>
              ((all.indexOf(a) * 7919 + seed) % 101) -
              ((all.indexOf(b) * 7919 + seed) % 101),
          );
          const eligible = choices.length + extra;
          expect(tallyVotes(shuffled, eligible, rules)).toEqual(
            tallyVotes(votes, eligible, rules),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never turns an approval into a rejection when another member votes for', () => {
    fc.assert(
      fc.property(
        ballot,
        fc.integer({ min: 1, max: 5 }),
        rulesArb,
        (choices, extra, rules) => {
          const eligible = choices.length + extra;
          const before = tallyVotes(votesOf(choices), eligible, rules);
          const after = tallyVotes(
            votesOf([...choices, 'for']),
            eligible,
            rules,
          );
          // A quorum stays reached, an approval stays supported.
          expect({
            quorum: !before.quorumReached || after.quorumReached,
            approval:
              !before.supportedOutcomes.includes('approved') ||
              after.supportedOutcomes.includes('approved'),
          }).toEqual({ quorum: true, approval: true });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is not moved by recusals', () => {
    fc.assert(
      fc.property(
        ballot,
        fc.integer({ min: 1, max: 5 }),
        rulesArb,
        (choices, recusals, rules) => {
          const eligible = choices.length + recusals;
          const without = tallyVotes(votesOf(choices), eligible, rules);
          const withRecusals = tallyVotes(
            votesOf([
              ...choices,
              ...Array<VoteChoice>(recusals).fill('recuse'),
            ]),
            eligible,
            rules,
          );
          expect({ ...withRecusals, recused: 0 }).toEqual({
            ...without,
            recused: 0,
          });
          expect(withRecusals.recused).toBe(without.recused + recusals);
        },
      ),
      { numRuns: 300 },
    );
  });
});
