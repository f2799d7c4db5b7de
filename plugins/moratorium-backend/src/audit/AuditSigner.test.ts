import { generateKeyPairSync } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { AuditSigner, EPHEMERAL_KEY_PREFIX } from './AuditSigner';
import { AuditVerifier } from './AuditVerifier';
import {
  GENESIS_HASH,
  auditHash,
  checkpointSignedMessage,
  entrySignedMessage,
} from './auditFormat';

function ed25519() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }) as string,
  };
}

function config(audit: object | undefined) {
  return new ConfigReader(audit ? { moratorium: { audit } } : {});
}

describe('AuditSigner', () => {
  it('signs with the active key and verifies by key id', () => {
    const a = ed25519();
    const b = ed25519();
    const signer = AuditSigner.fromConfig(
      config({
        activeKeyId: 'audit-2026',
        signingKeys: [
          { id: 'audit-2025', privateKey: a.privateKey },
          { id: 'audit-2026', privateKey: b.privateKey },
        ],
      }),
      { production: true },
    );
    const signed = signer.sign('a'.repeat(64));
    expect(signed.keyId).toBe('audit-2026');
    expect(signer.verify('audit-2026', 'a'.repeat(64), signed.signature)).toBe(
      'valid',
    );
    // Another message, another key, or an unknown key do not pass.
    expect(signer.verify('audit-2026', 'b'.repeat(64), signed.signature)).toBe(
      'invalid',
    );
    expect(signer.verify('audit-2025', 'a'.repeat(64), signed.signature)).toBe(
      'invalid',
    );
    expect(signer.verify('audit-2024', 'a'.repeat(64), signed.signature)).toBe(
      'unknown-key',
    );
    expect(signer.verify('audit-2026', 'a'.repeat(64), 'not base64!')).toBe(
      'invalid',
    );
    expect(signer.publicKeys()).toEqual([
      { id: 'audit-2025', publicKey: a.publicKey, active: false },
      { id: 'audit-2026', publicKey: b.publicKey, active: true },
    ]);
  });

  it('verifies with retired public keys after a rotation', () => {
    const old = ed25519();
    const before = AuditSigner.fromKeys(
      [{ id: 'audit-2025', privateKey: old.privateKey }],
      'audit-2025',
    );
    const signature = before.sign('c'.repeat(64)).signature;
    const after = AuditSigner.fromConfig(
      config({
        signingKeys: [{ id: 'audit-2026', privateKey: ed25519().privateKey }],
        verificationKeys: [{ id: 'audit-2025', publicKey: old.publicKey }],
      }),
    );
    expect(after.activeKeyId).toBe('audit-2026');
    expect(after.verify('audit-2025', 'c'.repeat(64), signature)).toBe('valid');
  });

  it('generates a key with a warning in development, and refuses to in production', () => {
    const logger = mockServices.logger.mock();
    const signer = AuditSigner.fromConfig(config(undefined), {
      logger,
      production: false,
    });
    expect(signer.activeKeyId.startsWith(EPHEMERAL_KEY_PREFIX)).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('No moratorium.audit.signingKeys configured'),
    );
    expect(() =>
      AuditSigner.fromConfig(config(undefined), { production: true }),
    ).toThrow(
      'Invalid config at moratorium.audit.signingKeys: production needs an Ed25519 signing key',
    );
    expect(() =>
      AuditSigner.fromConfig(
        config({
          signingKeys: [
            { id: 'development-demo', privateKey: ed25519().privateKey },
          ],
        }),
        { production: true },
      ),
    ).toThrow(
      '"development-demo" is a development key and is refused in production',
    );
  });

  it('names the config that is wrong', () => {
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 1024,
    }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const good = ed25519().privateKey;
    const cases: Array<[object, string]> = [
      [
        { signingKeys: [{ id: 'k1', privateKey: 'nonsense' }] },
        'moratorium.audit.signingKeys[0].privateKey: not a PEM private key',
      ],
      [
        { signingKeys: [{ id: 'k1', privateKey: rsa }] },
        'moratorium.audit.signingKeys[0].privateKey: the key is rsa, but audit entries are signed with Ed25519',
      ],
      [
        { signingKeys: [{ id: 'k 1', privateKey: good }] },
        'moratorium.audit.signingKeys[0].id: "k 1" is not a plain key id',
      ],
      [
        {
          signingKeys: [
            { id: 'k1', privateKey: good },
            { id: 'k1', privateKey: good },
          ],
        },
        'moratorium.audit.signingKeys[1].id: key id "k1" is used twice',
      ],
      [
        { activeKeyId: 'k2', signingKeys: [{ id: 'k1', privateKey: good }] },
        'moratorium.audit.activeKeyId: "k2" is not the id of one of moratorium.audit.signingKeys',
      ],
    ];
    for (const [audit, message] of cases) {
      expect(() => AuditSigner.fromConfig(config(audit))).toThrow(message);
    }
  });
});

describe('AuditVerifier', () => {
  /** A signed chain of n entries, as rows. */
  function chain(signer: AuditSigner, n: number) {
    const rows = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const entry = {
        seq,
        actor: 'user:default/a',
        action: 'x',
        payload: { seq },
        at: '2026-03-02T06:00:00.000Z',
        keyId: signer.activeKeyId,
      };
      const hash = auditHash(prev, entry);
      rows.push({
        ...entry,
        prevHash: prev,
        hash,
        signature: signer.sign(entrySignedMessage(hash)).signature,
      });
      prev = hash;
    }
    return rows;
  }

  function checkpoint(signer: AuditSigner, count: number, headHash: string) {
    const unsigned = {
      count,
      headHash,
      publishedAt: '2026-03-02T07:00:00.000Z',
      keyId: signer.activeKeyId,
    };
    return {
      ...unsigned,
      signature: signer.sign(checkpointSignedMessage(unsigned)).signature,
    };
  }

  it('holds a chain to its checkpoints', () => {
    const signer = AuditSigner.ephemeral('k');
    const rows = chain(signer, 4);
    const verifier = new AuditVerifier({
      signer,
      checkpoints: [checkpoint(signer, 3, rows[2].hash)],
    });
    rows.forEach(row => verifier.add(row));
    verifier.finishChain({ seq: 4, hash: rows[3].hash });
    verifier.crossCheck({ decisions: [], conditions: [], votes: [] });
    expect(verifier.result()).toMatchObject({
      ok: true,
      checked: 4,
      findings: [],
      checkpoints: { checked: 1, latest: { count: 3 } },
    });
  });

  it('does not rely on a checkpoint signed by another key', () => {
    const signer = AuditSigner.ephemeral('k');
    const forger = AuditSigner.ephemeral('k');
    const rows = chain(signer, 2);
    const verifier = new AuditVerifier({
      signer,
      checkpoints: [checkpoint(forger, 5, 'f'.repeat(64))],
    });
    rows.forEach(row => verifier.add(row));
    verifier.finishChain({ seq: 2, hash: rows[1].hash });
    expect(verifier.result().findings).toEqual([
      expect.objectContaining({
        problem: 'checkpoint-signature-invalid',
        seq: 5,
      }),
    ]);
  });

  it('names entries signed by a key forged under a known id', () => {
    const signer = AuditSigner.ephemeral('k');
    const forger = AuditSigner.ephemeral('k');
    const rows = chain(forger, 2);
    const verifier = new AuditVerifier({ signer, checkpoints: [] });
    rows.forEach(row => verifier.add(row));
    verifier.finishChain({ seq: 2, hash: rows[1].hash });
    expect(verifier.result().findings!.map(f => [f.problem, f.seq])).toEqual([
      ['signature-invalid', 1],
      ['signature-invalid', 2],
    ]);
  });
});
