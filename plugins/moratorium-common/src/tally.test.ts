import fc from 'fast-check';
import { DEFAULT_COMMISSION_RULES, tallyVotes } from './tally';
import { Vote, VoteChoice } from './types';

const at = '2026-12-03T05:00:00Z';
const votes = (...choices: VoteChoice[]): Vote[] =>
  choices.map((choice, i) => ({ member: `user:default/m${i}`, choice, at }));

describe('tallyVotes', () => {
  it('counts each choice', () => {
    expect(
      tallyVotes(
        votes('for', 'for', 'against', 'abstain', 'recuse'),
        7,
        DEFAULT_COMMISSION_RULES,
      ),
    ).toEqual({
      for: 2,
      against: 1,
      abstain: 1,
      recused: 1,
      eligible: 7,
      quorum: 4,
      quorumReached: true,
      supportedOutcomes: ['rejected', 'deferred'],
    });
  });

  it('supports only a deferral without a quorum', () => {
    const tally = tallyVotes(votes('for', 'for'), 7, DEFAULT_COMMISSION_RULES);
    expect(tally.quorum).toBe(4);
    expect(tally.quorumReached).toBe(false);
    expect(tally.supportedOutcomes).toEqual(['deferred']);
  });

  it('does not count recusals towards the quorum', () => {
    const tally = tallyVotes(
      votes('for', 'for', 'for', 'recuse', 'recuse'),
      6,
      DEFAULT_COMMISSION_RULES,
    );
    expect(tally.quorum).toBe(3);
    expect(tally.quorumReached).toBe(true);
    expect(
      tallyVotes(
        votes('for', 'for', 'recuse', 'recuse'),
        6,
        DEFAULT_COMMISSION_RULES,
      ).quorumReached,
    ).toBe(false);
  });

  it('approves on a majority strictly above the threshold, abstentions counting as not for', () => {
    expect(
      tallyVotes(votes('for', 'for', 'against'), 5, DEFAULT_COMMISSION_RULES)
        .supportedOutcomes,
    ).toEqual(['approved', 'approved-with-conditions', 'deferred']);
    // A tie is not a majority.
    expect(
      tallyVotes(
        votes('for', 'for', 'against', 'abstain'),
        5,
        DEFAULT_COMMISSION_RULES,
      ).supportedOutcomes,
    ).toEqual(['rejected', 'deferred']);
    // Two thirds required.
    const twoThirds = { quorum: 0.5, majority: 2 / 3 };
    expect(
      tallyVotes(votes('for', 'for', 'against'), 5, twoThirds)
        .supportedOutcomes,
    ).toEqual(['rejected', 'deferred']);
    expect(
      tallyVotes(votes('for', 'for', 'for', 'against'), 5, twoThirds)
        .supportedOutcomes,
    ).toEqual(['approved', 'approved-with-conditions', 'deferred']);
  });

  it('counts a member once, with their latest vote', () => {
    const tally = tallyVotes(
      [
        {
          member: 'user:default/a',
          choice: 'against',
          at: '2026-12-03T05:00:00Z',
        },
        { member: 'user:default/b', choice: 'for', at: '2026-12-03T05:00:00Z' },
        { member: 'User:default/A', choice: 'for', at: '2026-12-03T05:10:00Z' },
        {
          member: 'user:default/b',
          choice: 'abstain',
          at: '2026-12-03T04:00:00Z',
        },
      ],
      3,
      DEFAULT_COMMISSION_RULES,
    );
    expect(tally).toMatchObject({
      for: 2,
      against: 0,
      abstain: 0,
      quorumReached: true,
    });
  });

  it('needs at least one vote, even with a quorum of 0', () => {
    expect(tallyVotes([], 5, { quorum: 0, majority: 0.5 })).toMatchObject({
      quorum: 1,
      quorumReached: false,
      supportedOutcomes: ['deferred'],
    });
    expect(tallyVotes([], 0, DEFAULT_COMMISSION_RULES).quorumReached).toBe(
      false,
    );
  });

  it('rejects impossible rules', () => {
    expect(() => tallyVotes([], -1, DEFAULT_COMMISSION_RULES)).toThrow(
      /Eligible/,
    );
    expect(() => tallyVotes([], 3, { quorum: 1.5, majority: 0.5 })).toThrow(
      /Quorum/,
    );
    expect(() => tallyVotes([], 3, { quorum: 0.5, majority: 1 })).toThrow(
      /Majority/,
    );
  });

  it('always supports a deferral, and never both approval and rejection', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom<VoteChoice>('for', 'against', 'abstain', 'recuse'),
          {
            maxLength: 15,
          },
        ),
        fc.integer({ min: 0, max: 15 }),
        (choices, extra) => {
          const tally = tallyVotes(
            votes(...choices),
            choices.length + extra,
            DEFAULT_COMMISSION_RULES,
          );
          expect(tally.supportedOutcomes).toContain('deferred');
          expect(
            tally.supportedOutcomes.includes('approved') &&
              tally.supportedOutcomes.includes('rejected'),
          ).toBe(false);
          expect(
            tally.for + tally.against + tally.abstain + tally.recused,
          ).toBe(choices.length);
        },
      ),
    );
  });
});
