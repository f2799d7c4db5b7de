import type { DecisionOutcome, Vote, VoteTally } from './types';

/**
 * How the commission counts votes.
 *
 * @public
 */
export type CommissionRules = {
  /**
   * Fraction of the eligible members that must cast a non-recused vote
   * (for, against or abstain): at least `ceil(eligible * quorum)`, and at
   * least one.
   */
  quorum: number;
  /**
   * Fraction of the votes cast (for + against + abstain) that the votes
   * `for` must exceed.
   */
  majority: number;
};

/** A quorum of half the eligible members, and a simple majority. @public */
export const DEFAULT_COMMISSION_RULES: CommissionRules = {
  quorum: 0.5,
  majority: 0.5,
};

/**
 * Counts the votes on a request. A member who voted more than once counts
 * once, with their latest vote. Without a quorum only a deferral is
 * supported; with one, a majority `for` supports an approval (with or
 * without conditions), anything else a rejection; a deferral is always
 * supported.
 *
 * @public
 */
export function tallyVotes(
  votes: Vote[],
  eligibleMembers: number,
  rules: CommissionRules = DEFAULT_COMMISSION_RULES,
): VoteTally {
  if (!Number.isInteger(eligibleMembers) || eligibleMembers < 0) {
    throw new RangeError(
      `Eligible members must be a whole number ≥ 0, got ${eligibleMembers}`,
    );
  }
  if (!(rules.quorum >= 0 && rules.quorum <= 1)) {
    throw new RangeError(`Quorum must be between 0 and 1, got ${rules.quorum}`);
  }
  if (!(rules.majority >= 0 && rules.majority < 1)) {
    throw new RangeError(
      `Majority must be at least 0 and below 1, got ${rules.majority}`,
    );
  }

  const latest = new Map<string, Vote>();
  for (const vote of votes) {
    const key = vote.member.toLocaleLowerCase('en-US');
    const previous = latest.get(key);
    if (!previous || previous.at <= vote.at) {
      latest.set(key, vote);
    }
  }

  const tally = { for: 0, against: 0, abstain: 0, recused: 0 };
  for (const vote of latest.values()) {
    if (vote.choice === 'recuse') {
      tally.recused += 1;
    } else {
      tally[vote.choice] += 1;
    }
  }

  const cast = tally.for + tally.against + tally.abstain;
  const quorum = Math.max(1, Math.ceil(eligibleMembers * rules.quorum));
  const quorumReached = eligibleMembers > 0 && cast >= quorum;

  let supportedOutcomes: DecisionOutcome[];
  if (!quorumReached) {
    supportedOutcomes = ['deferred'];
  } else if (tally.for > cast * rules.majority) {
    supportedOutcomes = ['approved', 'approved-with-conditions', 'deferred'];
  } else {
    supportedOutcomes = ['rejected', 'deferred'];
  }

  return {
    ...tally,
    eligible: eligibleMembers,
    quorum,
    quorumReached,
    supportedOutcomes,
  };
}
