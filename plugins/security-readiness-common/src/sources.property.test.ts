import fc from 'fast-check';
import {
  isReservedSource,
  isTrustedSource,
  sourceMatches,
  trustedSourcesOf,
} from './sources';

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9:.-]{0,20}$/);

describe('fact sources', () => {
  it('match a pattern exactly, or by prefix when it ends in *', () => {
    expect(sourceMatches('ci:gitlab', 'ci:gitlab')).toBe(true);
    expect(sourceMatches('ci:gitlab', 'ci:gitlab2')).toBe(false);
    expect(sourceMatches('ci:*', 'ci:gitlab')).toBe(true);
    expect(sourceMatches('ci:*', 'cid:x')).toBe(false);
    fc.assert(
      fc.property(slug, slug, (a, b) => {
        expect(sourceMatches(a, b)).toBe(a === b);
        expect(sourceMatches(`${a}*`, `${a}${b}`)).toBe(true);
      }),
    );
  });

  it('are all trusted by a rule that names none, and only the named otherwise', () => {
    fc.assert(
      fc.property(fc.array(slug, { maxLength: 4 }), slug, (trusted, source) => {
        expect(isTrustedSource(undefined, source)).toBe(true);
        expect(isTrustedSource(trusted, source)).toBe(trusted.includes(source));
      }),
    );
    expect(trustedSourcesOf({})).toBeUndefined();
    expect(trustedSourcesOf({ source: 'a' })).toEqual(['a']);
    expect(trustedSourcesOf({ source: 'a', sources: ['b', 'c*'] })).toEqual([
      'b',
      'c*',
    ]);
  });

  it('reserve the names of the backend’s collectors, in any case', () => {
    for (const name of [
      'entity',
      'ENTITY',
      'http:trivy',
      'HTTP:x',
      'demo:examples',
    ]) {
      expect(isReservedSource(name, ['demo:examples', 'Demo:Examples'])).toBe(
        true,
      );
    }
    expect(isReservedSource('Demo:Examples', ['demo:examples'])).toBe(true);
    for (const name of ['ci:gitlab', 'entity-scan', 'https', 'scanner:http']) {
      expect(isReservedSource(name, ['demo:examples'])).toBe(false);
    }
    fc.assert(
      fc.property(slug, id => {
        expect(isReservedSource(`http:${id}`)).toBe(true);
        expect(isReservedSource(id, [id])).toBe(true);
      }),
    );
  });
});
